// Keeps each case's stored derivation (src/shared/domain/stored-standing.ts) current: re-derived
// in the transaction of every change to a case (runWrite does it for each case the write audits),
// for the cases a holiday spans when the table changes, and at a read for the snapshots that have
// expired since (a deadline passed, a hold counted to today). A snapshot is a cache of the domain,
// not a record: refreshing one writes no audit row and does not raise the case's version.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import { dataVersion } from '../db/connection';
import { writesCommitted } from './transaction';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import type { IsoDate } from '../../../shared/domain/dates';
import { foldForList, holdsOn, standingOn, storedStanding, type StoredStanding } from '../../../shared/domain/stored-standing';
import type { CaseStatsFacts } from '../../../shared/domain/statistics';
import { ID_BATCH, listEvents } from '../repositories/events.repository';
import { casesToDerive, caseIdsAfter, refreshPlannerStatistics, staleCaseIds, storedSnapshots, writeDerived } from '../repositories/derived.repository';

/** The text the case list's word filter searches: every word typed must be in it (case-list.ts caseListMatches). */
export function listTextOf(reference: string, requesterName: string, summary: string): string {
  return foldForList(`${reference} ${requesterName} ${summary}`);
}

/** Derives the given cases afresh for `today` and stores the result, a batch at a time. */
export async function rederive(db: Kysely<DB>, calendars: Calendars, ids: Iterable<number>, today: IsoDate): Promise<number> {
  const all = [...new Set(ids)];
  for (let at = 0; at < all.length; at += ID_BATCH) {
    const batch = all.slice(at, at + ID_BATCH);
    const events = await listEvents(db, batch);
    for (const c of await casesToDerive(db, batch)) {
      const d = storedStanding(c.regime, c.received, events.get(c.id) ?? [], calendars, today);
      await writeDerived(db, c.id, d, listTextOf(c.reference, c.requesterName, c.summary));
    }
  }
  return all.length;
}

/** Every case in the register, derived afresh (after a bulk import, or a calendar change under all of them). */
export async function rederiveAll(db: Kysely<DB>, calendars: Calendars, today: IsoDate): Promise<number> {
  let count = 0;
  for (let after = 0; ; ) {
    const ids = await caseIdsAfter(db, after, ID_BATCH);
    if (ids.length === 0) return count;
    count += await rederive(db, calendars, ids, today);
    after = ids[ids.length - 1]!;
  }
}

/** The last day and database state each core found every snapshot current for. */
const checked = new WeakMap<CoreContext, string>();

/**
 * Before a list, a count or a report for `today`: re-derives, in one write, the snapshots that no
 * longer hold. Returns false when the register cannot be written (read-only): the caller then
 * derives in memory instead.
 */
export async function ensureDerived(ctx: CoreContext, today: IsoDate): Promise<boolean> {
  // On the local register, nothing can have expired since the last look for the same day unless
  // a write was committed since, by this core or another process (SQLite's data_version tells).
  const mark = ctx.sqlite ? `${today} ${dataVersion(ctx.sqlite)} ${writesCommitted(ctx)}` : null;
  if (mark !== null && checked.get(ctx) === mark) return true;
  const stale = await staleCaseIds(ctx.db, today);
  if (stale.length === 0) {
    if (mark !== null) checked.set(ctx, mark);
    return true;
  }
  if (ctx.readOnlyReason) return false;
  const calendars = await ctx.calendars();
  const count = await ctx.write(async ({ db }) => {
    // Asked again inside the write: another process may have refreshed them meanwhile.
    return rederive(db, calendars, await staleCaseIds(db, today), today);
  });
  if (count > 1000) await refreshPlannerStatistics(ctx.db);
  return true;
}

/** What a list and the statistics show of a snapshot on `today`: compared whole, so a stored field that drifts is caught. */
function shown(s: StoredStanding, listText: string | null, facts: CaseStatsFacts | null, calendars: Calendars, today: IsoDate): string {
  return JSON.stringify({ ...s, on: standingOn(s, calendars, today), listText, facts });
}

/**
 * The stored derivations that differ from deriving the case afresh for `today` (each snapshot that
 * still holds for today; an expired one is derived again at the next read anyway). The domain is
 * the source of truth: verification reports any difference, and the tests run it after their work.
 */
export async function derivedMismatches(db: Kysely<DB>, calendars: Calendars, today: IsoDate): Promise<{ reference: string; stored: string; fresh: string }[]> {
  const found: { reference: string; stored: string; fresh: string }[] = [];
  for (let after = 0; ; ) {
    const ids = await caseIdsAfter(db, after, ID_BATCH);
    if (ids.length === 0) return found;
    after = ids[ids.length - 1]!;
    const [events, cases, stored] = [await listEvents(db, ids), await casesToDerive(db, ids), await storedSnapshots(db, ids)];
    for (const c of cases) {
      const s = stored.get(c.id)!;
      if (s.derived === null || !holdsOn(s, today)) continue;
      const d = storedStanding(c.regime, c.received, events.get(c.id) ?? [], calendars, today);
      const fresh = shown(d.standing, listTextOf(c.reference, c.requesterName, c.summary), d.facts, calendars, today);
      const was = shown(JSON.parse(s.derived) as StoredStanding, s.listText, s.facts, calendars, today);
      if (was !== fresh) found.push({ reference: c.reference, stored: was, fresh });
    }
  }
}
