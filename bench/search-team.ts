// Benchmark: search on the team database (PostgreSQL 15, a throwaway cluster on a Unix socket) in
// the register of bench/search.ts (default 50,000 cases with 7 emails and 3 attachments each), as
// an officer: through the core (`search:query`, row-level visibility applied by disclose_search),
// the same SQL run raw on the officer's own connection, and before: disclose_search as the version
// before 2026_12_03_1000_search_plan made it (the newest 1,000 matches always ranked, the plan
// left to PostgreSQL), run raw in the same run. Also searches only the team database finds hard.
//
//   npx tsx bench/search-team.ts [CASES=50000] [RUNS=20] [--reuse]
//
// The cluster is kept in bench/tmp/search-team (ignored by git, stopped at the end): `--reuse`
// measures again on the register the last run wrote (upgraded by `team init` first), without
// writing it again (three to eight minutes).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type InsertObject } from 'kysely';
import { openCore } from '../src/main/core';
import { openPostgres, parseDatabaseUrl, poolFor } from '../src/main/core/db/postgres';
import { addOfficer, teamInit } from '../src/main/core/db/team-admin';
import type { DB } from '../src/main/core/db/schema';
import { foldAccents, searchIndex, tsQuery } from '../src/main/core/repositories/search.repository';
import { seed } from './seed';
import { corpus, harderSearches, messageDocument, searches } from './search-corpus';
// @ts-expect-error a plain script
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const CASES = Number(args[0] ?? 50_000);
const RUNS = Number(args[1] ?? 20);
const REUSE = process.argv.includes('--reuse');
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

async function fill(db: Kysely<DB>): Promise<number> {
  await seed(db, true, CASES, 20);
  const cases = (await sql<{ id: number; received_date: string }>`SELECT id, received_date FROM cases ORDER BY id`.execute(db)).rows;
  const terms = (title: string, body: string) => sql<string>`setweight(to_tsvector('simple', ${foldAccents(title)}), 'A') || to_tsvector('simple', ${foldAccents(body)})`;
  let item = 0;
  let rows: InsertObject<DB, 'search_index'>[] = [];
  const flush = async () => {
    if (rows.length > 0) await db.insertInto('search_index').values(rows).execute();
    rows = [];
  };
  let i = 0;
  for (const d of corpus(cases, { messagesPerCase: 7, attachmentsPerCase: 3 })) {
    const c = cases[i++]!;
    for (const m of d.messages) {
      const doc = messageDocument(m);
      rows.push({ case_id: c.id, kind: 'correspondence', item_id: ++item, ...doc, terms: terms(doc.title, doc.body) });
    }
    for (const a of d.attachments) rows.push({ case_id: c.id, kind: 'attachment', item_id: ++item, title: a.name, body: a.text, terms: terms(a.name, a.text) });
    if (rows.length >= 1000) await flush();
  }
  await flush();
  await sql`ANALYZE`.execute(db);
  return item + CASES;
}

const pgDir = resolve('bench/tmp/search-team');
const reused = REUSE && existsSync(join(pgDir, 'data', 'PG_VERSION'));
if (!reused) rmSync(pgDir, { recursive: true, force: true });
const adminUrl = (startCluster as (d: string) => string)(pgDir);
try {
  await teamInit(adminUrl);
  await addOfficer(adminUrl, { login: 'o01', name: 'Officer 1', lead: false }, new Date());
  const admin = await openPostgres(adminUrl);
  if (reused) {
    await sql`ANALYZE search_index`.execute(admin.db);
    const n = (await sql<{ n: string }>`SELECT count(*) AS n FROM search_index`.execute(admin.db)).rows[0]!.n;
    console.log(`team database (reused, bench/tmp/search-team): ${n} indexed documents`);
  } else {
    const t = performance.now();
    const documents = await fill(admin.db);
    console.log(`team database: ${CASES} cases, ${documents} indexed documents, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // The function as the previous version left it (the newest 1,000 matches ranked, the plan left
  // to PostgreSQL), beside the new one, for the "before" column; it takes and ignores the new arguments.
  await sql`DROP FUNCTION IF EXISTS disclose_search_before(tsquery, integer, integer, integer)`.execute(admin.db);
  await sql`DROP FUNCTION IF EXISTS disclose_search_before(tsquery, integer, integer, integer, integer[])`.execute(admin.db);
  await sql`CREATE FUNCTION disclose_search_before(q tsquery, lim INTEGER, common INTEGER, walk INTEGER DEFAULT 0, phrase_pairs INTEGER[] DEFAULT NULL)
    RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL) LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
    BEGIN
      IF NOT pg_has_role(session_user, 'disclose_officer', 'member') THEN RETURN; END IF;
      RETURN QUERY EXECUTE 'SELECT m.rowid, m.case_id, m.kind, m.item_id, m.title, m.body, ts_rank(m.terms, $1)
        FROM (SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, s.terms FROM search_index s JOIN cases c ON c.id = s.case_id
              WHERE s.terms @@ $1 AND disclose_sees_case(c) ORDER BY s.rowid DESC LIMIT greatest($2, 1000)) AS m
        ORDER BY ts_rank(m.terms, $1) DESC, m.rowid DESC LIMIT $2' USING q, lim;
    END $$`.execute(admin.db);
  await sql`GRANT EXECUTE ON FUNCTION disclose_search_before(tsquery, integer, integer, integer, integer[]) TO disclose_officer`.execute(admin.db);
  const officerUrl = adminUrl.replace('disclose_admin@', 'o01@');
  const core = await openCore({ dataDir: mkdtempSync(join(tmpdir(), 'disclose-bench-cache-')), database: officerUrl, resourcesDir: 'resources' });
  // The statements one search runs, captured as compiled, then run raw on the officer's connection.
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const capturing = new Kysely<DB>({ dialect: new PostgresDialect({ pool: poolFor(parseDatabaseUrl(officerUrl)) }), log: (e) => void captured.push(e.query) });
  const raw = poolFor(parseDatabaseUrl(officerUrl));
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString().slice(0, 10)}`);
  console.log('\n| query | matches | Disclose p50 / p95 ms | same SQL raw p50 / p95 ms | ratio p50 / p95 | before, raw, p50 ms |\n|---|---:|---:|---:|---:|---:|');
  for (const { label, query } of [...searches(CASES), ...harderSearches()]) {
    captured.length = 0;
    await searchIndex(capturing, query, 50);
    const statement = captured.at(-1)!;
    const app: number[] = [];
    const direct: number[] = [];
    for (let i = -2; i < RUNS; i++) {
      let s = performance.now();
      const r = await core.invoke('search:query', { query, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
      if (i >= 0) app.push(performance.now() - s);
      s = performance.now();
      await raw.query(statement.sql, statement.parameters as unknown[]);
      if (i >= 0) direct.push(performance.now() - s);
    }
    // The same statement through the function as it was (as the officer: the same visibility).
    const before: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      await raw.query(statement.sql.replace('disclose_search(', 'disclose_search_before('), statement.parameters as unknown[]);
      before.push(performance.now() - s);
    }
    const matches = (await sql<{ n: string }>`SELECT count(*) AS n FROM search_index WHERE terms @@ ${tsQuery(query)!}`.execute(admin.db)).rows[0]!.n;
    console.log(`| ${label}: \`${query}\` | ${Number(matches).toLocaleString('en-GB')} | ${ms(percentile(app, 50))} / ${ms(percentile(app, 95))} | ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))} | ${(percentile(app, 50) / percentile(direct, 50)).toFixed(2)}× / ${(percentile(app, 95) / percentile(direct, 95)).toFixed(2)}× | ${ms(percentile(before, 50))} |`);
  }
  await raw.end();
  await capturing.destroy();
  await core.close();
  await admin.db.destroy();
} finally {
  (stopCluster as (d: string, o: { keep: boolean }) => void)(pgDir, { keep: true });
}
