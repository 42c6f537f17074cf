// The case list, the dashboard counts, the timeliness figures and each officer's load, asked of
// the stored derivation (derived.repository.ts) in SQL: filtered and sorted by the database, paged
// by keyset (the last row's sort values, never an offset), and never with a bound variable per case.
// What "overdue", "due this week" and the rest mean is the domain's (reports.ts matchesFilter,
// case-list.ts); test/core/case-list-sql.test.ts holds this file to it on both engines.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema';
import { isPostgres } from '../db/engine';
import type { CaseFilter } from '../../../shared/domain/reports';
import type { CaseSortKey } from '../../../shared/domain/case-list';
import type { CaseStatus } from '../../../shared/domain/status';
import type { Regime } from '../../../shared/domain/clocks/events';
import { FOREVER } from '../../../shared/domain/stored-standing';

export interface ListQuery {
  today: string;
  endOfWeek: string;
  filter: CaseFilter;
  regime?: Regime | undefined;
  status?: CaseStatus | undefined;
  /** Each must appear in the reference, requester or summary (folded as listTextOf folds them). */
  words: string[];
  officer?: string | undefined;
}

export interface ListOrder {
  sort: CaseSortKey;
  dir: 'asc' | 'desc';
}

export interface ListRow {
  id: number;
  reference: string;
  regime: string;
  received_date: string;
  summary: string;
  officer: string | null;
  requester_name: string;
  derived: string | null;
  derived_on: string | null;
  valid_until: string | null;
  /** The row's sort values, in order: the next page starts after them. */
  keys: (string | number)[];
}

type Expr = RawBuilder<unknown>;

const AWAITING = sql`c.stage IN ('open', 'extended', 'on-hold')`;
const OWN_DEADLINE = sql`c.stage IN ('open', 'extended', 'on-hold', 'under-review')`;
const overdue = (today: string) => sql`(c.stage IN ('open', 'extended') AND c.overdue_from <= ${today})`;
const notOverdue = (today: string) => sql`COALESCE(c.overdue_from, ${FOREVER}) > ${today}`;
const statusOf = (today: string) => sql`CASE WHEN ${overdue(today)} THEN 'overdue' ELSE c.stage END`;
/**
 * The requester's name, looked up for each case the list reads rather than joined: with a join the
 * planner may choose to read the requesters first and sort every case to show a page, which stale
 * statistics on requesters made it do (90 ms a page at 50,000 cases, where reading the cases in the
 * sort's index order takes 0.2 ms). Every case has its requester (a foreign key). A list sorted by
 * the name joins them instead: every case is sorted then whichever way, and a join is the cheaper
 * way to the name of each (11 ms against 55 at 50,000).
 */
const REQUESTER_NAME = sql`(SELECT r.name FROM requesters AS r WHERE r.id = c.requester_id)`;

/** What each of the dashboard's filters selects (reports.ts matchesFilter), as SQL. */
const FILTERS: Record<CaseFilter, (today: string, endOfWeek: string) => Expr> = {
  all: () => sql`1 = 1`,
  active: () => AWAITING,
  'due-today': (t) => sql`${OWN_DEADLINE} AND c.deadline_due = ${t}`,
  'due-this-week': (t, e) => sql`${OWN_DEADLINE} AND c.deadline_due >= ${t} AND c.deadline_due <= ${e}`,
  overdue: (t) => overdue(t),
  'on-hold': () => sql`c.stage = 'on-hold'`,
  finished: () => sql`NOT (${AWAITING})`,
  extended: (t) => sql`c.stage = 'extended' AND ${notOverdue(t)}`,
  'under-review': () => sql`c.stage = 'under-review'`,
  'with-ico': () => sql`c.stage IN ('with-ico', 'at-tribunal')`,
};

function statusWhere(status: CaseStatus, today: string): Expr {
  if (status === 'overdue') return overdue(today);
  if (status === 'open' || status === 'extended') return sql`c.stage = ${status} AND ${notOverdue(today)}`;
  return sql`c.stage = ${status}`;
}

function where(db: Kysely<DB>, q: ListQuery): Expr {
  const parts: Expr[] = [FILTERS[q.filter](q.today, q.endOfWeek)];
  if (q.regime) parts.push(sql`c.regime = ${q.regime}`);
  if (q.status) parts.push(statusWhere(q.status, q.today));
  if (q.officer !== undefined) parts.push(sql`c.officer = ${q.officer}`);
  // A plain substring test, as the domain's `includes`: no pattern characters to escape.
  const contains = isPostgres(db) ? (w: string) => sql`strpos(c.list_text, ${w}) > 0` : (w: string) => sql`instr(c.list_text, ${w}) > 0`;
  for (const w of q.words) parts.push(contains(w));
  return sql.join(parts.map((p) => sql`(${p})`), sql` AND `);
}

/**
 * The sort as columns, each with its direction; the id last, so every row has its own place. Text
 * is compared by code point on both engines (PostgreSQL's "C" collation, SQLite's own), the order
 * the domain's comparison gives, whatever locale the team database was created with.
 */
function orderColumns(db: Kysely<DB>, o: ListOrder, today: string): { expr: Expr; desc: boolean }[] {
  const desc = o.dir === 'desc';
  const text = isPostgres(db) ? (e: Expr) => sql`${e} COLLATE "C"` : (e: Expr) => e;
  switch (o.sort) {
    case 'daysLeft':
      // Closed cases last, then those with no date in force, whichever way; the rest by the date in force.
      return [
        { expr: sql`CASE WHEN c.stage = 'closed' THEN 2 WHEN c.deadline_due IS NULL THEN 1 ELSE 0 END`, desc: false },
        { expr: sql`COALESCE(c.deadline_due, '')`, desc },
        { expr: text(sql`c.reference`), desc: false },
        { expr: sql`c.id`, desc: false },
      ];
    case 'reference':
      return [{ expr: text(sql`c.reference`), desc }, { expr: sql`c.id`, desc }];
    case 'requesterName':
      return [{ expr: text(sql`r.name`), desc }, { expr: sql`c.id`, desc }];
    case 'received':
      return [{ expr: sql`c.received_date`, desc }, { expr: sql`c.id`, desc }];
    case 'dueDate':
      // The Due column shows the date in force, or the response deadline when none is.
      return [{ expr: sql`COALESCE(c.deadline_due, c.response_due, '')`, desc }, { expr: sql`c.id`, desc }];
    case 'status':
      return [{ expr: text(sql`COALESCE(${statusOf(today)}, '')`), desc }, { expr: sql`c.id`, desc }];
  }
}

/** Rows after the cursor: (a > x) OR (a = x AND b > y) …, each comparison in its column's direction. */
function after(cols: { expr: Expr; desc: boolean }[], values: readonly (string | number)[]): Expr {
  const ors = cols.map((col, i) => {
    const equal = cols.slice(0, i).map((c, j) => sql`${c.expr} = ${values[j]}`);
    const beyond = col.desc ? sql`${col.expr} < ${values[i]}` : sql`${col.expr} > ${values[i]}`;
    return sql`(${sql.join([...equal, beyond], sql` AND `)})`;
  });
  // The first column's bound said on its own too. The terms above imply it, but SQLite sees that
  // only when each names the same parameter, and each value here is a parameter of its own:
  // without it, a page after the first was sorted from every case the filter selects rather than
  // read in order from the sort's index (1.6 ms against 0.15 ms a page at 50,000 cases).
  const [first] = cols;
  const bound = first ? [first.desc ? sql`${first.expr} <= ${values[0]}` : sql`${first.expr} >= ${values[0]}`] : [];
  return sql`(${sql.join([...bound, sql`(${sql.join(ors, sql` OR `)})`], sql` AND `)})`;
}

export function sortArity(db: Kysely<DB>, o: ListOrder): number {
  return orderColumns(db, o, '').length;
}

/** One page (or, without a limit, every row) of the list. */
export async function listRows(db: Kysely<DB>, q: ListQuery, o: ListOrder, page: { limit?: number; after?: readonly (string | number)[] }): Promise<ListRow[]> {
  const cols = orderColumns(db, o, q.today);
  const byName = o.sort === 'requesterName';
  const conditions = [where(db, q), ...(page.after ? [after(cols, page.after)] : [])];
  const keys = sql.join(cols.map((c, i) => sql`${c.expr} AS ${sql.raw(`k${i}`)}`), sql`, `);
  const order = sql.join(cols.map((c) => sql`${c.expr} ${sql.raw(c.desc ? 'DESC' : 'ASC')}`), sql`, `);
  const limit = page.limit !== undefined ? sql` LIMIT ${page.limit}` : sql``;
  const { rows } = await sql<Omit<ListRow, 'keys'> & Record<string, string | number>>`
    SELECT c.id AS id, c.reference AS reference, c.regime AS regime, c.received_date AS received_date, c.summary AS summary,
           c.officer AS officer, ${byName ? sql`r.name` : REQUESTER_NAME} AS requester_name, c.derived AS derived, c.derived_on AS derived_on, c.valid_until AS valid_until, ${keys}
    FROM cases AS c${byName ? sql` JOIN requesters AS r ON r.id = c.requester_id` : sql``}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${order}${limit}`.execute(db);
  return rows.map((r) => ({
    id: Number(r.id),
    reference: r.reference,
    regime: r.regime,
    received_date: r.received_date,
    summary: r.summary,
    officer: r.officer,
    requester_name: r.requester_name,
    derived: r.derived,
    derived_on: r.derived_on,
    valid_until: r.valid_until,
    keys: cols.map((_, i) => (typeof r[`k${i}`] === 'number' || typeof r[`k${i}`] === 'bigint' ? Number(r[`k${i}`]) : String(r[`k${i}`]))),
  }));
}

export async function countRows(db: Kysely<DB>, q: ListQuery): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM cases AS c WHERE ${where(db, q)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Every filter's count in one pass over the register, grouped by officer when asked. */
export async function filterCounts(db: Kysely<DB>, today: string, endOfWeek: string, byOfficer: boolean): Promise<(Record<CaseFilter, number> & { officer: string | null })[]> {
  const sums = sql.join(
    (Object.keys(FILTERS) as CaseFilter[]).map((f) => sql`SUM(CASE WHEN ${FILTERS[f](today, endOfWeek)} THEN 1 ELSE 0 END) AS ${sql.ref(f)}`),
    sql`, `,
  );
  const { rows } = byOfficer
    ? await sql<Record<string, unknown>>`SELECT c.officer AS officer, ${sums} FROM cases AS c GROUP BY c.officer`.execute(db)
    : await sql<Record<string, unknown>>`SELECT NULL AS officer, ${sums} FROM cases AS c`.execute(db);
  return rows.map((r) => {
    const counts = Object.fromEntries((Object.keys(FILTERS) as CaseFilter[]).map((f) => [f, Number(r[f] ?? 0)])) as Record<CaseFilter, number>;
    return { ...counts, officer: (r.officer as string | null) ?? null };
  });
}

/** Requests received in a period: how many, answered in time or late (in_time), and the late ones. */
export async function timelinessRows(db: Kysely<DB>, from: string, to: string): Promise<{ received: number; inTime: number; lateReferences: string[] }> {
  const { rows } = await sql<{ received: number | string; in_time: number | string | null }>`
    SELECT count(*) AS received, SUM(CASE WHEN in_time = 1 THEN 1 ELSE 0 END) AS in_time
    FROM cases WHERE received_date >= ${from} AND received_date <= ${to}`.execute(db);
  const late = await db.selectFrom('cases').select('reference').where('received_date', '>=', from).where('received_date', '<=', to).where('in_time', '=', 0).orderBy('received_date', 'desc').orderBy('id', 'desc').execute();
  return { received: Number(rows[0]!.received), inTime: Number(rows[0]!.in_time ?? 0), lateReferences: late.map((r) => r.reference) };
}
