// Benchmark: search on the team database (PostgreSQL 15, a throwaway cluster on a Unix socket) in
// the register of bench/search.ts (default 50,000 cases with 7 emails and 3 attachments each), as
// an officer: through the core (`search:query`, row-level visibility applied by disclose_search),
// the same SQL run raw on the officer's own connection, and before: the function as the team
// migration made it (every match ranked), run raw in the same run.
//
//   npx tsx bench/search-team.ts [CASES=50000] [RUNS=20]
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql, type InsertObject } from 'kysely';
import { openCore } from '../src/main/core';
import { openPostgres, parseDatabaseUrl, poolFor } from '../src/main/core/db/postgres';
import { addOfficer, teamInit } from '../src/main/core/db/team-admin';
import type { DB } from '../src/main/core/db/schema';
import { foldAccents, searchIndex } from '../src/main/core/repositories/search.repository';
import { seed } from './seed';
import { corpus, messageDocument, searches } from './search-corpus';
// @ts-expect-error a plain script
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

const CASES = Number(process.argv[2] ?? 50_000);
const RUNS = Number(process.argv[3] ?? 20);
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

const pgDir = mkdtempSync(join(tmpdir(), 'disclose-bench-search-pg-'));
const adminUrl = (startCluster as (d: string) => string)(pgDir);
try {
  await teamInit(adminUrl);
  await addOfficer(adminUrl, { login: 'o01', name: 'Officer 1', lead: false }, new Date());
  const admin = await openPostgres(adminUrl);
  const t = performance.now();
  const documents = await fill(admin.db);
  console.log(`team database: ${CASES} cases, ${documents} indexed documents, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The function as the team migration made it, beside the new one, for the "before" column.
  await sql`CREATE FUNCTION disclose_search_before(q tsquery, lim INTEGER) RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL)
    LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, ts_rank(s.terms, q) FROM search_index s JOIN cases c ON c.id = s.case_id
    WHERE pg_has_role(session_user, 'disclose_officer', 'member') AND s.terms @@ q AND disclose_sees_case(c) ORDER BY ts_rank(s.terms, q) DESC, s.rowid DESC LIMIT lim $$`.execute(admin.db);
  await sql`GRANT EXECUTE ON FUNCTION disclose_search_before(tsquery, integer) TO disclose_officer`.execute(admin.db);
  const officerUrl = adminUrl.replace('disclose_admin@', 'o01@');
  const core = await openCore({ dataDir: mkdtempSync(join(tmpdir(), 'disclose-bench-cache-')), database: officerUrl, resourcesDir: 'resources' });
  // The statements one search runs, captured as compiled, then run raw on the officer's connection.
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const capturing = new Kysely<DB>({ dialect: new PostgresDialect({ pool: poolFor(parseDatabaseUrl(officerUrl)) }), log: (e) => void captured.push(e.query) });
  const raw = poolFor(parseDatabaseUrl(officerUrl));
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString().slice(0, 10)}`);
  console.log('\n| query | Disclose p50 / p95 ms | same SQL raw p50 / p95 ms | ratio p50 / p95 | before: every match ranked, raw, p50 ms |\n|---|---:|---:|---:|---:|');
  for (const { label, query } of searches(CASES)) {
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
    console.log(`| ${label}: \`${query}\` | ${ms(percentile(app, 50))} / ${ms(percentile(app, 95))} | ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))} | ${(percentile(app, 50) / percentile(direct, 50)).toFixed(2)}× / ${(percentile(app, 95) / percentile(direct, 95)).toFixed(2)}× | ${ms(percentile(before, 50))} |`);
  }
  await raw.end();
  await capturing.destroy();
  await core.close();
  await admin.db.destroy();
} finally {
  (stopCluster as (d: string) => void)(pgDir);
}
