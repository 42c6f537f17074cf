// One write, one transaction, with its audit row inside it; SQLite errors become officer-readable.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { DiscloseError } from '../../../shared/errors';
import { appendAudit, type NewAuditEntry } from '../repositories/audit.repository';
import type { CoreContext } from '../context';

export async function inTransaction<T>(ctx: CoreContext, work: (trx: Transaction<DB>, audit: (e: Omit<NewAuditEntry, 'at' | 'actor'>) => Promise<void>) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const at = ctx.now().toISOString();
      return work(trx, (e) => appendAudit(trx as Kysely<DB>, { ...e, at, actor: ctx.actor }));
    });
  } catch (err) {
    if (err instanceof DiscloseError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new DiscloseError('CONFLICT', `That would duplicate an existing record: ${(err as Error).message}`);
    }
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
      throw new DiscloseError('IO', `The database could not be written (${code}); nothing was changed.`);
    }
    if (code === 'SQLITE_CORRUPT') throw new DiscloseError('DB_CORRUPT', 'The database is damaged; restore it from a backup.');
    throw err;
  }
}
