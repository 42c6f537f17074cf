// One write, one transaction, with its audit row inside it; SQLite errors become officer-readable.
// This is the one place write transactions start: they begin IMMEDIATE (see db/driver.ts), wait
// for other processes' writes (busy_timeout), and run one at a time within this process.
// The work sees only its WriteScope: the transaction, the audit, the clock and the actor. A query
// on the core's own handle inside it would wait for the connection the transaction holds (with a
// pool of one, forever), so nothing in a write reaches for ctx.db (lint: eslint.config.js).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { DiscloseError } from '../../../shared/errors';
import { appendAudit, type NewAuditEntry } from '../repositories/audit.repository';
import { isPostgres } from '../db/engine';
import { diskFullMessage, isDiskFull } from '../blobs';
import { translatePostgresError } from '../db/postgres';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import type { IsoDate } from '../../../shared/domain/dates';
import { rederive } from './derived.service';
import { deferIndexing, flushIndex } from '../repositories/search.repository';
import { drainPairsIfFew } from '../repositories/search-pairs.repository';
import { refreshStatistics } from '../repositories/derived.repository';

export type AuditInput = Omit<NewAuditEntry, 'at' | 'actor'>;

/** What a write may use: nothing here reaches the database except through `db`, the transaction. */
export interface WriteScope {
  db: Transaction<DB>;
  /** Appends an audit row in this transaction, stamped with `now` and `actor`. */
  audit(e: AuditInput): Promise<void>;
  /** The instant the write began, the same for every row it writes. */
  now: Date;
  actor: string;
  /** Says the write changed the holiday table: the cases it audits are derived on these calendars (read inside it). */
  calendarChanged(calendars: Calendars): void;
  /** Leaves the words of what this write indexes to be paired later, by whoever made it a part of
   * something larger (an import of many files: search-pairs.repository.ts); they are found meanwhile. */
  leavePairs(): void;
}

export type WriteWork<T> = (w: WriteScope) => Promise<T>;

interface Writer {
  db: Kysely<DB>;
  readOnlyReason: string | null;
  dataDir: string;
  actor: string;
  now(): Date;
  today(): IsoDate;
  calendars(): Promise<Calendars>;
  /** Called after a write that left documents for the background to pair (search-pairs.repository.ts). */
  onUnpaired?(): void;
}

/** Transactions committed through each database handle, so that a reader can tell nothing changed. */
const commits = new WeakMap<object, number>();

export function writesCommitted(ctx: { db: object }): number {
  return commits.get(ctx.db) ?? 0;
}

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

/**
 * Runs `work` as one transaction (ctx.write is this, bound to the open core). Every case the write
 * audits is derived afresh before it commits, so what is stored of its dates never lags its events.
 */
export async function runWrite<T>(w: Writer, work: WriteWork<T>): Promise<T> {
  if (w.readOnlyReason) throw new DiscloseError('IO', w.readOnlyReason);
  try {
    // Loaded before the transaction: inside it, the core's own handle would wait on the connection it holds.
    const calendars = await w.calendars();
    let unpaired = false;
    return await serialised(w.db, () =>
      w.db.transaction().execute(async (trx) => {
        const now = w.now();
        const at = now.toISOString();
        const touched = new Set<number>();
        let changedCalendars: Calendars | null = null;
        let pairsLeft = false;
        // The chain's head once this write has appended to it (SQLite; on the team database the server links the rows).
        let head: { id: number; hash: string } | undefined;
        const sqliteChain = !isPostgres(trx);
        // The search index is written last, all of it together (see deferIndexing).
        deferIndexing(trx);
        const result = await work({
          db: trx,
          now,
          actor: w.actor,
          audit: async (e) => {
            if (e.caseId !== null) touched.add(e.caseId);
            const next = await appendAudit(trx, { ...e, at, actor: w.actor }, head);
            if (sqliteChain) head = next;
          },
          calendarChanged: (c) => {
            changedCalendars = c;
          },
          leavePairs: () => {
            pairsLeft = true;
          },
        });
        if (touched.size > 0) await rederive(trx, changedCalendars ?? calendars, touched, w.today());
        await flushIndex(trx);
        // The pairs of what this write indexed or changed, unless there are many (search-pairs.repository.ts).
        if (sqliteChain && !pairsLeft) unpaired = await drainPairsIfFew(trx);
        return result;
      }).finally(() => commits.set(w.db, (commits.get(w.db) ?? 0) + 1)).then(async (result) => {
        await refreshStatistics(w.db);
        if (unpaired) w.onUnpaired?.();
        return result;
      }),
    );
  } catch (err) {
    throw translateWriteError(w, err);
  }
}

export function translateWriteError(ctx: { dataDir: string }, err: unknown): unknown {
  if (err instanceof DiscloseError) return err;
  const team = translatePostgresError(err);
  if (team) return team;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new DiscloseError('CONFLICT', `That would duplicate an existing record: ${(err as Error).message}`);
  }
  if (isDiskFull(err)) return new DiscloseError('IO', diskFullMessage(ctx.dataDir));
  // The guards of a register of checked-out copies (the checkout migration).
  const checkedOut = /CHECKED_OUT: (.*)$/su.exec((err as Error).message ?? '');
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && checkedOut) return new DiscloseError('CHECKED_OUT', checkedOut[1]!);
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
