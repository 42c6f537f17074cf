// The register at scale: the dashboard, the whole case list, three pages of it, the timeliness
// report and the period statistics (a calendar year, the last financial year), through the core
// exactly as the app calls it (invoke: validation, the stored derivation, SQL, each row turned into
// the domain's list item with its days left, or the domain's figures), against the same questions
// asked of the same file in plain SQL in the same run. Each is run once to warm, then timed as the
// median of several runs, interleaved with its baseline.
//
//   npm run -s cli -- --data-dir DIR demo generate --cases 50000 --messages 550000
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/scale.ts DIR [--today YYYY-MM-DD]
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openCore } from '../src/main/core';
import { DATABASE_FILE } from '../src/main/core/constants';
import { endOfWeek } from '../src/shared/domain/reports';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx bench/scale.ts DATA_DIR [--today YYYY-MM-DD]');
const todayAt = process.argv.indexOf('--today');
const today = todayAt > 0 ? process.argv[todayAt + 1]! : new Date().toISOString().slice(0, 10);
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(f: () => unknown): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const opening = performance.now();
  const core = await openCore({ dataDir: dir!, resourcesDir: 'resources', now: () => new Date(`${today}T10:00:00`) });
  const opened = performance.now() - opening;
  const call = async (channel: string, input: unknown) => {
    const r = await core.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as never;
  };
  // The first read derives every snapshot that does not hold for today (all of them, on a register just generated or upgraded).
  const firstRead = await time(() => call('reports:dashboard', { today }));
  const raw = new Database(join(dir!, DATABASE_FILE), { readonly: true });
  const eow = endOfWeek(today);
  const AWAITING = "stage IN ('open','extended','on-hold')";
  const OWN = "stage IN ('open','extended','on-hold','under-review')";
  const dashboardSql = raw.prepare(`SELECT count(*) AS "all",
      SUM(CASE WHEN ${AWAITING} THEN 1 ELSE 0 END) AS active,
      SUM(CASE WHEN ${OWN} AND deadline_due = @today THEN 1 ELSE 0 END) AS due_today,
      SUM(CASE WHEN ${OWN} AND deadline_due >= @today AND deadline_due <= @eow THEN 1 ELSE 0 END) AS due_week,
      SUM(CASE WHEN stage IN ('open','extended') AND overdue_from <= @today THEN 1 ELSE 0 END) AS overdue,
      SUM(CASE WHEN stage = 'on-hold' THEN 1 ELSE 0 END) AS on_hold,
      SUM(CASE WHEN NOT (${AWAITING}) THEN 1 ELSE 0 END) AS finished,
      SUM(CASE WHEN stage = 'extended' AND COALESCE(overdue_from, '9999-12-31') > @today THEN 1 ELSE 0 END) AS extended,
      SUM(CASE WHEN stage = 'under-review' THEN 1 ELSE 0 END) AS review,
      SUM(CASE WHEN stage IN ('with-ico','at-tribunal') THEN 1 ELSE 0 END) AS ico
    FROM cases`);
  const listSql = raw.prepare(`SELECT c.id, c.reference, c.regime, c.received_date, c.summary, c.officer, r.name, c.derived
    FROM cases c JOIN requesters r ON r.id = c.requester_id ORDER BY c.received_date DESC, c.id DESC`);
  const firstPageSql = raw.prepare(`SELECT c.id, c.reference, c.regime, c.received_date, c.summary, c.officer, r.name, c.derived, COALESCE(c.deadline_due, c.response_due, '') AS k
    FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE ${AWAITING} ORDER BY COALESCE(c.deadline_due, c.response_due, '') ASC, c.id ASC LIMIT 51`);
  const nextPageSql = raw.prepare(`SELECT c.id, c.reference, c.regime, c.received_date, c.summary, c.officer, r.name, c.derived, COALESCE(c.deadline_due, c.response_due, '') AS k
    FROM cases c JOIN requesters r ON r.id = c.requester_id WHERE ${AWAITING} AND (COALESCE(c.deadline_due, c.response_due, '') > @k OR (COALESCE(c.deadline_due, c.response_due, '') = @k AND c.id > @id))
    ORDER BY COALESCE(c.deadline_due, c.response_due, '') ASC, c.id ASC LIMIT 51`);
  const countSql = raw.prepare(`SELECT count(*) AS n FROM cases WHERE ${AWAITING}`);
  const year = today.slice(0, 4);
  const timelinessSql = raw.prepare(`SELECT count(*) AS received, SUM(CASE WHEN in_time = 1 THEN 1 ELSE 0 END) AS in_time FROM cases WHERE received_date >= @from AND received_date <= @to`);
  const lateSql = raw.prepare(`SELECT reference FROM cases WHERE received_date >= @from AND received_date <= @to AND in_time = 0 ORDER BY received_date DESC, id DESC`);
  // The statistics: each case received in the period with what is stored of it (its answer, an
  // awaited one pending or overdue today, days late, outcome), each case with a review, complaint,
  // decision or appeal dated in it (with how the review went), and the provisions applied.
  const STATS_COLUMNS = `c.id, c.reference, c.regime, c.received_date, c.response_due, c.derived_on, c.valid_until,
      CASE WHEN c.answered = 'awaiting' THEN (CASE WHEN @today > c.response_due THEN 'overdue' ELSE 'pending' END) ELSE c.answered END AS answered,
      c.late_days, c.response_outcome, c.review_in_time, c.review_result`;
  const statsReceivedSql = raw.prepare(`SELECT ${STATS_COLUMNS} FROM cases c WHERE c.received_date >= @from AND c.received_date <= @to`);
  const statsEventsSql = raw.prepare(`SELECT DISTINCT ${STATS_COLUMNS}, e.type FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE e.type IN ('review-requested', 'ico-complaint', 'ico-decision', 'tribunal-appeal') AND e.date >= @from AND e.date <= @to AND e.voided_at IS NULL`);
  const statsAppliedSql = raw.prepare(`SELECT c.reference, x.act, x.section, x.subsection FROM cases c JOIN exemptions_applied x ON x.case_id = c.id WHERE c.received_date >= @from AND c.received_date <= @to`);
  const statistics = (from: string, to: string): [string, () => unknown, () => unknown] => [
    `statistics, ${from} to ${to}`,
    () => call('reports:statistics', { from, to }),
    () => [statsReceivedSql.all({ from, to, today }), statsEventsSql.all({ from, to, today }), statsAppliedSql.all({ from, to })],
  ];
  // The last whole financial year (1 April to 31 March) before today.
  const fyEnd = `${today.slice(5) >= '04-01' ? year : Number(year) - 1}-03-31`;
  const fyStart = `${Number(fyEnd.slice(0, 4)) - 1}-04-01`;

  const threePages = async () => {
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = (await call('cases:page', { today, filter: 'active', sort: 'dueDate', dir: 'asc', limit: 50, ...(after ? { after } : {}) })) as { next: string | null };
      after = page.next ?? undefined;
    }
  };
  // The same three pages and their counts, each row's stored derivation parsed as the core does.
  const threePagesSql = () => {
    let rows = firstPageSql.all() as { id: number; k: string; derived: string }[];
    countSql.get();
    for (let i = 0; i < 2; i++) {
      rows.forEach((r) => JSON.parse(r.derived));
      const last = rows[49]!;
      rows = nextPageSql.all({ k: last.k, id: last.id }) as typeof rows;
      countSql.get();
    }
  };
  const workloads: [string, () => unknown, () => unknown][] = [
    ['dashboard counts', () => call('reports:dashboard', { today }), () => dashboardSql.get({ today, eow })],
    ['case list, all', () => call('cases:list', { today }), () => listSql.all().map((r) => JSON.parse((r as { derived: string }).derived))],
    ['case list page (3 calls)', threePages, threePagesSql],
    [`timeliness report, ${year}`, () => call('reports:timeliness', { from: `${year}-01-01`, to: `${year}-12-31`, today }), () => [timelinessSql.get({ from: `${year}-01-01`, to: `${year}-12-31` }), lateSql.all({ from: `${year}-01-01`, to: `${year}-12-31` })]],
    statistics(`${year}-01-01`, `${year}-12-31`),
    statistics(fyStart, fyEnd),
  ];
  const cases = (dashboardSql.get({ today, eow }) as { all: number }).all;
  console.log(`register: ${cases.toLocaleString('en-GB')} cases; today ${today}; opened in ${opened.toFixed(0)} ms; first read (deriving every snapshot) ${firstRead.toFixed(0)} ms`);
  console.log('| workload | Disclose (median) | raw SQL, same run | ratio |');
  console.log('|---|---:|---:|---:|');
  for (const [name, ours, baseline] of workloads) {
    await ours();
    await baseline();
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      a.push(await time(ours));
      b.push(await time(baseline));
    }
    const [x, y] = [median(a), median(b)];
    console.log(`| ${name} | ${x.toFixed(1)} ms | ${y.toFixed(1)} ms | ${(x / y).toFixed(2)}× |`);
  }
  raw.close();
  await core.close();
}

void main();
