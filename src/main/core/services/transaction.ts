// One write, one transaction, with its audit row inside it; SQLite errors become officer-readable.
// This is the one place write transactions start: they begin IMMEDIATE (see db/driver.ts), wait
// for other processes' writes (busy_timeout), and run one at a time within this process.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { DiscloseError } from '../../../shared/errors';
import { appendAudit, type NewAuditEntry } from '../repositories/audit.repository';
import type { CoreContext } from '../context';
import { diskFullMessage, isDiskFull } from '../blobs';
import { translatePostgresError } from '../db/postgres';

/** Writes queued per database: one connection carries one transaction at a time. */
const queues = new WeakMap<object, Promise<unknown>>();

function serialised<T>(key: object, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

export async function inTransaction<T>(ctx: CoreContext, work: (trx: Transaction<DB>, audit: (e: Omit<NewAuditEntry, 'at' | 'actor'>) => Promise<void>) => Promise<T>): Promise<T> {
  if (ctx.readOnlyReason) throw new DiscloseError('IO', ctx.readOnlyReason);
  try {
    return await serialised(ctx.db, () =>
      ctx.db.transaction().execute(async (trx) => {
        const at = ctx.now().toISOString();
        return work(trx, (e) => appendAudit(trx as Kysely<DB>, { ...e, at, actor: ctx.actor }));
      }),
    );
  } catch (err) {
    throw translateWriteError(ctx, err);
  }
}

export function translateWriteError(ctx: Pick<CoreContext, 'dataDir'>, err: unknown): unknown {
  if (err instanceof DiscloseError) return err;
  const team = translatePostgresError(err);
  if (team) return team;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new DiscloseError('CONFLICT', `That would duplicate an existing record: ${(err as Error).message}`);
  }
  if (isDiskFull(err)) return new DiscloseError('IO', diskFullMessage(ctx.dataDir));
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new DiscloseError('IO', 'Another Disclose window or command kept the case files busy for too long; nothing was changed. Try again.');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) {
    return new DiscloseError('IO', `Nothing can be changed: the case files in ${ctx.dataDir} cannot be written (read-only). The case files can still be read.`);
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new DiscloseError('IO', `The database could not be written (${code}); nothing was changed.`);
  }
  if (code === 'SQLITE_CORRUPT') return new DiscloseError('DB_CORRUPT', 'The database is damaged; restore it from a backup.');
  return err;
}
