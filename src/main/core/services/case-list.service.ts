// The case list, its pages, the dashboard and the timeliness report, read from the stored
// derivation: the database filters, sorts, pages and counts; each row shown is turned into the
// domain's CaseListItem here, with its days left counted for the day asked.
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { CaseListItem } from '../../../shared/domain/cases';
import type { CaseListFilter, CaseSortKey } from '../../../shared/domain/case-list';
import { endOfWeek, timelinessFigures, type CaseFilter, type Dashboard, type TimelinessReport } from '../../../shared/domain/reports';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { IsoDate } from '../../../shared/domain/dates';
import { foldForList, holdsOn, standingOn, storedStanding, type StoredStanding } from '../../../shared/domain/stored-standing';
import { countRows, filterCounts, listRows, sortArity, timelinessRows, type ListOrder, type ListQuery, type ListRow } from '../repositories/case-list.repository';
import { listEvents } from '../repositories/events.repository';
import { ensureDerived } from './derived.service';

export interface CaseListQuery extends CaseListFilter {
  filter?: CaseFilter | undefined;
  sort?: CaseSortKey | undefined;
  dir?: 'asc' | 'desc' | undefined;
}

export interface CasePage {
  items: CaseListItem[];
  /** Give it back as `after` for the next page; null on the last. */
  next: string | null;
  /** Every case the filters select, on all pages. */
  total: number;
}

/** The order asked for: newest received first by default; a column chosen without a direction, ascending. */
function orderOf(q: CaseListQuery): ListOrder {
  return q.sort ? { sort: q.sort, dir: q.dir ?? 'asc' } : { sort: 'received', dir: q.dir ?? 'desc' };
}

function toQuery(q: CaseListQuery, today: IsoDate): ListQuery {
  const words = foldForList(q.text ?? '').split(/\s+/).filter((w) => w !== '');
  return { today, endOfWeek: endOfWeek(today), filter: q.filter ?? 'all', regime: q.regime as Regime | undefined, status: q.status, words, officer: q.officer };
}

/** A page's cursor: the sort it belongs to and the last row's sort values, opaque to the caller. */
function encodeCursor(o: ListOrder, keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify({ s: o.sort, d: o.dir, k: keys }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, o: ListOrder, arity: number): (string | number)[] {
  const bad = () => new DiscloseError('VALIDATION', 'That page cursor is not one this list gave out: start again from the first page.', { after: 'Not a cursor from this list' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const c = parsed as { s?: unknown; d?: unknown; k?: unknown };
  if (typeof c !== 'object' || c === null || !Array.isArray(c.k) || c.k.length !== arity || !c.k.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) throw bad();
  if (c.s !== o.sort || c.d !== o.dir) throw new DiscloseError('VALIDATION', `That page cursor belongs to the list sorted by ${String(c.s)} (${String(c.d)}): start again from the first page.`, { after: 'From another sort order' });
  return c.k as (string | number)[];
}

/** Rows turned into list items; a snapshot that does not hold for `today` (a register that cannot be written) is derived afresh in memory. */
async function toItems(ctx: CoreContext, rows: readonly ListRow[], calendars: Calendars, today: IsoDate): Promise<CaseListItem[]> {
  const stale = rows.filter((r) => !holdsOn({ derived: r.derived, derivedOn: r.derived_on, validUntil: r.valid_until }, today));
  const events = stale.length > 0 ? await listEvents(ctx.db, stale.map((r) => r.id)) : new Map();
  return rows.map((r) => {
    const s: StoredStanding = events.has(r.id)
      ? storedStanding(r.regime as Regime, r.received_date, events.get(r.id) ?? [], calendars, today).standing
      : (JSON.parse(r.derived!) as StoredStanding);
    const standing = standingOn(s, calendars, today);
    return {
      reference: r.reference,
      regime: r.regime as Regime,
      requesterName: r.requester_name,
      summary: r.summary,
      received: r.received_date,
      dueDate: s.dueDate,
      daysLeft: standing.daysLeft,
      status: standing.status,
      deadline: standing.deadline,
      standing,
      outcome: standing.outcome,
      onHold: s.clocksOnHold,
      provisional: s.provisional,
      inTime: s.inTime,
      officer: r.officer,
    };
  });
}

/** One page of the list, filtered and sorted; `after` is the previous page's `next`. */
export async function casePage(ctx: CoreContext, q: CaseListQuery, page: { limit: number; after?: string | undefined }, today: IsoDate = ctx.today()): Promise<CasePage> {
  const order = orderOf(q);
  const afterKeys = page.after !== undefined ? decodeCursor(page.after, order, sortArity(ctx.db, order)) : undefined;
  await ensureDerived(ctx, today);
  const query = toQuery(q, today);
  const rows = await listRows(ctx.db, query, order, { limit: page.limit + 1, ...(afterKeys ? { after: afterKeys } : {}) });
  const shown = rows.slice(0, page.limit);
  const items = await toItems(ctx, shown, await ctx.calendars(), today);
  const next = rows.length > page.limit ? encodeCursor(order, shown[shown.length - 1]!.keys) : null;
  return { items, next, total: await countRows(ctx.db, query) };
}

/** The whole list (no pages), in the default order unless another is asked. */
export async function listCaseItems(ctx: CoreContext, today: IsoDate = ctx.today(), q: CaseListQuery = {}): Promise<CaseListItem[]> {
  await ensureDerived(ctx, today);
  const order = orderOf(q);
  return toItems(ctx, await listRows(ctx.db, toQuery(q, today), order, {}), await ctx.calendars(), today);
}

export async function dashboard(ctx: CoreContext, today: IsoDate = ctx.today()): Promise<Dashboard> {
  await ensureDerived(ctx, today);
  const [counts] = await filterCounts(ctx.db, today, endOfWeek(today), false);
  const { officer: _officer, ...byFilter } = counts!;
  return { ...byFilter, today };
}

/** Each officer's counts (null: cases not allocated). */
export async function countsByOfficer(ctx: CoreContext, today: IsoDate): Promise<(Record<CaseFilter, number> & { officer: string | null })[]> {
  await ensureDerived(ctx, today);
  return filterCounts(ctx.db, today, endOfWeek(today), true);
}

export async function timeliness(ctx: CoreContext, from: IsoDate, to: IsoDate, today: IsoDate = ctx.today()): Promise<TimelinessReport> {
  await ensureDerived(ctx, today);
  const t = await timelinessRows(ctx.db, from, to);
  return timelinessFigures(from, to, t.received, t.inTime, t.lateReferences);
}
