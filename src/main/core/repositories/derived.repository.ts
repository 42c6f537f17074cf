// The stored snapshot of each case's derived dates (columns added by 2026_12_02_0900_derived): read
// to re-derive, written back, and the questions of which cases need it.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/engine';
import { optimizeStatistics } from '../db/statistics';
import type { DB } from '../db/schema';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { StoredDerivation } from '../../../shared/domain/stored-standing';
import type { AnswerKind, CaseStatsFacts } from '../../../shared/domain/statistics';
import { ID_BATCH } from './events.repository';

export interface CaseToDerive {
  id: number;
  regime: Regime;
  received: string;
  reference: string;
  summary: string;
  requesterName: string;
}

export async function casesToDerive(db: Kysely<DB>, ids: readonly number[]): Promise<CaseToDerive[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .innerJoin('requesters', 'requesters.id', 'cases.requester_id')
    .select(['cases.id', 'cases.regime', 'cases.received_date', 'cases.reference', 'cases.summary', 'requesters.name'])
    .where('cases.id', 'in', ids)
    .execute();
  return rows.map((r) => ({ id: r.id, regime: r.regime as Regime, received: r.received_date, reference: r.reference, summary: r.summary, requesterName: r.name }));
}

export async function writeDerived(db: Kysely<DB>, id: number, d: StoredDerivation, listText: string): Promise<void> {
  const s = d.standing;
  const f = d.facts;
  await db
    .updateTable('cases')
    .set({
      derived: JSON.stringify(s),
      stage: s.stage,
      deadline_due: s.deadline?.due ?? null,
      overdue_from: s.overdueFrom,
      response_due: s.dueDate,
      in_time: s.inTime === null ? null : s.inTime ? 1 : 0,
      derived_on: d.derivedOn,
      valid_until: d.validUntil,
      window_from: d.windowFrom,
      window_to: d.windowTo,
      list_text: listText,
      answered: f.answered,
      late_days: f.lateDays,
      response_outcome: f.outcome,
      review_in_time: f.reviewInTime ? 1 : 0,
      review_result: f.reviewResult,
    })
    .where('id', '=', id)
    .execute();
}

/** Cases never derived, derived for a later day than `today`, or whose snapshot expired before it. */
export async function staleCaseIds(db: Kysely<DB>, today: string): Promise<number[]> {
  // Three indexed lookups rather than one OR, which a planner may answer by reading every case;
  // joined by UNION ALL, each planned alone, and a case met twice counted once here: a UNION wants
  // its branches in id order to merge them, which the planner, under the sampled statistics the
  // writes' refresh takes, got by reading every case (25 ms at 50,000 cases, before every list).
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM cases WHERE derived_on IS NULL
    UNION ALL SELECT id FROM cases WHERE derived_on > ${today}
    UNION ALL SELECT id FROM cases WHERE valid_until < ${today}`.execute(db);
  return [...new Set(rows.map((r) => Number(r.id)))].sort((a, b) => a - b);
}

/** Cases a holiday on `date` could move: their counting spans it. */
export async function caseIdsSpanning(db: Kysely<DB>, date: string): Promise<number[]> {
  const rows = await db.selectFrom('cases').select('id').where('window_to', '>=', date).where('window_from', '<=', date).execute();
  return rows.map((r) => r.id);
}

/** Marks cases for deriving again at the next read (a calendar changed under them). */
export async function markStale(db: Kysely<DB>, where: { regime?: Regime; from?: string } = {}): Promise<void> {
  let q = db.updateTable('cases').set({ derived_on: null });
  if (where.regime) q = q.where('regime', '=', where.regime);
  if (where.from) q = q.where('window_to', '>=', where.from);
  await q.execute();
}

/** The columns factsOfRow reads. */
export const FACT_COLUMNS = ['answered', 'late_days', 'response_outcome', 'review_in_time', 'review_result'] as const;

export interface Snapshot {
  reference: string;
  derived: string | null;
  derivedOn: string | null;
  validUntil: string | null;
  listText: string | null;
  /** What the statistics count, as stored (null when never derived). */
  facts: CaseStatsFacts | null;
}

/** The statistics' columns of a row, read back as the domain's facts. */
export function factsOfRow(r: { answered: string | null; late_days: number | null; response_outcome: string | null; review_in_time: number | null; review_result: string | null }): CaseStatsFacts | null {
  if (r.answered === null) return null;
  return { answered: r.answered as AnswerKind, lateDays: r.late_days === null ? null : Number(r.late_days), outcome: r.response_outcome, reviewInTime: Number(r.review_in_time) === 1, reviewResult: r.review_result };
}

/** What is stored for each case, keyed by id (for the consistency check and the holiday audit). */
export async function storedSnapshots(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, Snapshot>> {
  const found = new Map<number, Snapshot>();
  for (let at = 0; at < ids.length; at += ID_BATCH) {
    const rows = await db.selectFrom('cases').select(['id', 'reference', 'derived', 'derived_on', 'valid_until', 'list_text', ...FACT_COLUMNS]).where('id', 'in', ids.slice(at, at + ID_BATCH)).execute();
    for (const r of rows) found.set(r.id, { reference: r.reference, derived: r.derived, derivedOn: r.derived_on, validUntil: r.valid_until, listText: r.list_text, facts: factsOfRow(r) });
  }
  return found;
}

/** Every case id, in order, a batch at a time after `afterId`. */
export async function caseIdsAfter(db: Kysely<DB>, afterId: number, limit: number): Promise<number[]> {
  return (await db.selectFrom('cases').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute()).map((r) => r.id);
}


/** After many snapshots change at once: the planner's statistics brought up to date (the team database's autovacuum does this itself). */
export async function refreshPlannerStatistics(db: Kysely<DB>): Promise<void> {
  if (!isPostgres(db)) await sql`ANALYZE cases`.execute(db);
}

/** Writes committed through each local register's handle since its statistics were last looked at. */
const sinceStatistics = new WeakMap<object, number>();
/** How often, in writes committed, the statistics are looked at (and at the first write). */
export const STATISTICS_EVERY_WRITES = 16;

/**
 * The planner's statistics brought up to date on the local register, every few writes: SQLite's
 * PRAGMA optimize analyses only a table that has grown or shrunk manyfold since it was last
 * analysed (a millisecond or two when none has), reading at most 400 rows of each index
 * (analysis_limit). Without it, the statistics taken when the register was opened stayed: after
 * the first large import into a new register, the planner took the search index for a table of
 * one row, and read all of it for every match of a search, until the app was next opened.
 */
export async function refreshStatistics(db: Kysely<DB>): Promise<void> {
  if (isPostgres(db)) return; // autovacuum analyses the team database's tables itself
  const since = sinceStatistics.get(db);
  if (since !== undefined && since + 1 < STATISTICS_EVERY_WRITES) {
    sinceStatistics.set(db, since + 1);
    return;
  }
  sinceStatistics.set(db, 0);
  try {
    await optimizeStatistics(db, 400);
  } catch {
    // Advisory: the write has committed, and the statistics wait for the next look (another
    // process writing, say).
  }
}
