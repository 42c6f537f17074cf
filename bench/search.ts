// Benchmark: search and import in a register of years (default 50,000 cases, each with 7 emails and
// 3 attachments: 550,000 indexed documents), on the local register (SQLite on disk).
//
//   npm run bench:search     (or: npx tsx bench/search.ts [CASES=50000] [RUNS=100] [--no-before] [--reuse] [--migration])
//
// - Search: each query RUNS times through the core (`search:query`, as the app calls it), and the
//   same FTS5 SQL run raw on its own connection, interleaved: p50 and p95 of each, and the ratio.
// - Import: one small .eml (with a text attachment) through the real import path
//   (`correspondence:import` → importFiles), into the big register and into an empty one,
//   alternately; medians and p95, and the ratio.
// - Before (unless --no-before): the previous layout (an FTS5 table holding the text, replaced by
//   kind/item_id) built beside it from the same documents, its replacement of one document and its
//   query (every match ranked, the last word always a prefix) timed raw in the same run.
// - Migration (with --migration): a register as the previous version left it, with the same
//   documents in the previous index, opened by this version: the time the upgrade takes.
// Files go to bench/tmp/search (ignored by git). Seeding takes a few minutes; not run in CI.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { openCore, type Core } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/connection';
import { DiscloseSqliteDialect } from '../src/main/core/db/driver';
import type { DB } from '../src/main/core/db/schema';
import { DATABASE_FILE } from '../src/main/core/constants';
import { migrate } from '../src/main/core/db/migrate';
import { MIGRATIONS } from '../src/main/core/db/migrations';
import { ftsQuery, searchLocal } from '../src/main/core/repositories/search-fts.repository';
import { drainPairs } from '../src/main/core/repositories/search-pairs.repository';
import { seed } from './seed';
import { harderSearches, searches, writeCorpus } from './search-corpus';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const CASES = Number(args[0] ?? 50_000);
const RUNS = Number(args[1] ?? 100);
const BEFORE = !process.argv.includes('--no-before');
/** Measure again on the register the last run built (bench/tmp/search), without building it. */
const REUSE = process.argv.includes('--reuse');
const MIGRATION = process.argv.includes('--migration');
const IMPORTS = 50;
const dir = resolve('bench/tmp/search');
const AUTHORITY = { name: 'Borsetshire County Council', address: 'County Hall', email: 'foi@example.gov.uk', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'A', signatoryTitle: 'B', region: 'england-and-wales' } as const;

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const seconds = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

async function register(dataDir: string): Promise<Core> {
  const core = await openCore({ dataDir, resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await core.invoke('settings:update', AUTHORITY));
  return core;
}

async function build(big: string): Promise<void> {
  await (await register(big)).close();
  const opened = await openDatabase(join(big, DATABASE_FILE));
  let t = performance.now();
  await seed(opened.db, false, CASES, 20);
  console.log(`seeded ${CASES} cases in ${seconds(t)}`);
  t = performance.now();
  const documents = CASES + writeCorpus(opened.sqlite, { messagesPerCase: 7, attachmentsPerCase: 3 });
  console.log(`wrote and indexed ${documents - CASES} emails and attachments in ${seconds(t)}`);
  t = performance.now();
  // As the app's background does after a large write (search-pairs.repository.ts), timed apart.
  while ((await opened.db.transaction().execute((trx) => drainPairs(trx, { docs: 8192, chars: 64 * 1024 * 1024 }))) > 0);
  console.log(`paired the words of every document (phrase searches) in ${seconds(t)}`);
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await opened.db.destroy();
}

/** The size of each part of the file (the text once in search_index; the words in search_fts). */
function sizes(file: string): string {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('search_index', 'correspondence', 'attachments') OR name LIKE 'search_fts%' OR name LIKE 'search_pairs%' OR name LIKE 'old_index%' GROUP BY name ORDER BY name").all() as { name: string; bytes: number }[];
  db.close();
  return rows.map((r) => `${r.name} ${Math.round(r.bytes / 1024 / 1024)} MB`).join(', ');
}

/** The statements one search runs on the local register (its probes, then its query), as compiled. */
async function statementsOf(raw: Database.Database, query: string): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(raw), log: (e) => void captured.push(e.query) });
  await searchLocal(db, query, 50);
  return captured;
}

async function timeSearches(core: Core, file: string): Promise<void> {
  const raw = new Database(file, { readonly: true });
  console.log(`\n| query | matches | Disclose p50 / p95 ms | same SQL raw p50 / p95 ms | ratio p50 / p95 |${BEFORE ? ' before: every match ranked, raw, p50 ms |' : ''}`);
  console.log(`|---|---:|---:|---:|---:|${BEFORE ? '---:|' : ''}`);
  for (const { label, query } of [...searches(CASES), ...harderSearches()]) {
    const compiled = await statementsOf(raw, query);
    const how = compiled.at(-1)!.sql.includes('bm25(') ? 'ranked' : 'newest first';
    const statements = compiled.map((s) => ({ statement: raw.prepare(s.sql), parameters: s.parameters }));
    const matches = raw.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(ftsQuery(query)) as number;
    const app: number[] = [];
    const direct: number[] = [];
    // Interleaved, each going first every other time (whichever runs second finds the pages cached).
    for (let i = -3; i < RUNS; i++) {
      const viaCore = async () => {
        const t = performance.now();
        unwrap(await core.invoke('search:query', { query, limit: 50 }));
        if (i >= 0) app.push(performance.now() - t);
      };
      const raw = () => {
        const t = performance.now();
        // A statement that returns no rows (the read transaction a phrase search runs in) is run.
        for (const s of statements) {
          if (s.statement.reader) s.statement.all(...s.parameters);
          else s.statement.run(...s.parameters);
        }
        if (i >= 0) direct.push(performance.now() - t);
      };
      if (i % 2 === 0) {
        await viaCore();
        raw();
      } else {
        raw();
        await viaCore();
      }
    }
    let before = '';
    if (BEFORE) {
      // The query as it was: every word quoted, the last always a prefix, every match ranked.
      const words = query.split(/\s+/).map((w) => w.replace(/"/g, ''));
      const old = raw.prepare(`SELECT c.reference, s.kind, s.item_id, s.title, snippet(old_index, -1, '[', ']', '…', 16) AS snippet
        FROM old_index AS s JOIN cases AS c ON c.id = s.case_id WHERE old_index MATCH ? ORDER BY rank LIMIT 50`);
      const times = [0, 1, 2].map(() => {
        const t = performance.now();
        old.all(words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' '));
        return performance.now() - t;
      });
      before = ` ${ms(percentile(times, 50))} |`;
    }
    const ratio = `${(percentile(app, 50) / percentile(direct, 50)).toFixed(2)}× / ${(percentile(app, 95) / percentile(direct, 95)).toFixed(2)}×`;
    console.log(`| ${label}: \`${query}\` (${how}) | ${matches} | ${ms(percentile(app, 50))} / ${ms(percentile(app, 95))} | ${ms(percentile(direct, 50))} / ${ms(percentile(direct, 95))} | ${ratio} |${before}`);
  }
  raw.close();
}

function email(i: number): string {
  const attachment = Buffer.from(`Notes on the culvert survey ${i}: Zoë Ó Dónaill asked for the drainage plans and the pothole register.\n`).toString('base64');
  const mail = [
    'From: Zoë Ó Dónaill <zoe@example.org>', 'To: foi@example.gov.uk', `Subject: Follow-up ${i} on the drainage request`, `Message-ID: <bench.${i}.${Date.now()}@example.org>`,
    'Date: Tue, 3 Nov 2026 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain; charset=utf-8', '', `Dear FOI team,\r\n\r\nFurther to my request, please also send the culvert survey for Mill Lane (${i}).\r\n\r\nRegards,\r\nZoë`,
    '--b', 'Content-Type: text/plain; name="notes.txt"', 'Content-Disposition: attachment; filename="notes.txt"', 'Content-Transfer-Encoding: base64', '', attachment, '--b--', '',
  ].join('\r\n');
  return Buffer.from(mail).toString('base64');
}

async function imports(big: Core, empty: Core): Promise<void> {
  const into = async (core: Core) => unwrap(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org' }, summary: 'Drainage' })).reference;
  const targets = [{ name: 'big register', core: big, reference: await into(big), times: [] as number[] }, { name: 'empty register', core: empty, reference: await into(empty), times: [] as number[] }];
  for (let i = -2; i < IMPORTS; i++) {
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
      const t0 = performance.now();
      const out = unwrap(await t.core.invoke('correspondence:import', { reference: t.reference, files: [{ name: `follow-up-${i}.eml`, data: email(i + 100) }] }));
      if (out.added.length !== 1) throw new Error(`import ${i} into the ${t.name}: ${JSON.stringify(out.skipped)}`);
      if (i >= 0) t.times.push(performance.now() - t0);
    }
  }
  const [b, e] = targets.map((t) => ({ p50: percentile(t.times, 50), p95: percentile(t.times, 95) }));
  console.log(`\nimport one .eml (with a text attachment), ${IMPORTS} each, interleaved: big register p50 ${ms(b!.p50)} ms, p95 ${ms(b!.p95)} ms; empty register p50 ${ms(e!.p50)} ms, p95 ${ms(e!.p95)} ms; ratio of medians ${(b!.p50 / e!.p50).toFixed(2)}×`);
}

/** The previous layout beside the new one, from the same documents, for the "before" figures. */
function buildBefore(file: string): void {
  const db = new Database(file);
  let t = performance.now();
  db.exec(`CREATE VIRTUAL TABLE old_index USING fts5(case_id UNINDEXED, kind UNINDEXED, item_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO old_index (case_id, kind, item_id, title, body) SELECT case_id, kind, item_id, title, body FROM search_index ORDER BY rowid;`);
  console.log(`built the previous layout beside it in ${seconds(t)}`);
  const item = db.prepare("SELECT item_id, case_id, title, body FROM search_index WHERE kind = 'correspondence' ORDER BY rowid DESC LIMIT 1").get() as { item_id: number; case_id: number; title: string; body: string };
  const replace = (table: 'old_index' | 'search_index', n: number) => {
    const del = db.prepare(`DELETE FROM ${table} WHERE kind = 'correspondence' AND item_id = ?`);
    const ins = db.prepare(`INSERT INTO ${table} (case_id, kind, item_id, title, body) VALUES (?, 'correspondence', ?, ?, ?)`);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      t = performance.now();
      db.transaction(() => (del.run(item.item_id), ins.run(item.case_id, item.item_id, item.title, `${item.body} ${i}`)))();
      times.push(performance.now() - t);
    }
    return percentile(times, 50);
  };
  console.log(`replace one document, raw SQL, median: previous layout ${ms(replace('old_index', 5))} ms; now ${ms(replace('search_index', 20))} ms`);
  db.close();
}

/** The upgrade of a register the previous version left with the same documents (its FTS5 table
 * took the same INSERT): the time openCore takes to migrate it. */
async function migration(folder: string): Promise<void> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const sqlite = new Database(join(folder, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(sqlite) });
  const names = Object.keys(MIGRATIONS).sort();
  const previous = names.slice(0, names.indexOf('2026_12_02_1000_search_rowid'));
  await migrate(sqlite, db as Kysely<unknown>, 'bench', Object.fromEntries(previous.map((n) => [n, MIGRATIONS[n]!])));
  await seed(db, false, CASES, 20);
  const documents = CASES + writeCorpus(sqlite, { messagesPerCase: 7, attachmentsPerCase: 3 });
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.destroy();
  let t = performance.now();
  const upgraded = await openCore({ dataDir: folder, resourcesDir: 'resources' });
  console.log(`\nupgrade of a register of ${CASES} cases and ${documents} documents in the previous index: ${seconds(t)}`);
  t = performance.now();
  unwrap(await upgraded.invoke('text:read', {}));
  console.log(`then the pairing of every document's words for phrase searches, in the background (here awaited, as \`text read\` does): ${seconds(t)}`);
  await upgraded.close();
}

async function main() {
  const big = join(dir, 'big');
  const file = join(big, DATABASE_FILE);
  rmSync(join(dir, 'empty'), { recursive: true, force: true });
  if (!REUSE) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await build(big);
    if (BEFORE) buildBefore(file);
  }
  const counted = new Database(file, { readonly: true });
  const count = (table: string) => counted.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  console.log(`${count('cases')} cases, ${count('search_index')} indexed documents; file ${Math.round(statSync(file).size / 1024 / 1024)} MB (${sizes(file)})`);
  counted.close();
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString().slice(0, 10)}`);
  const core = await openCore({ dataDir: big, resourcesDir: 'resources' });
  await timeSearches(core, file);
  const empty = await register(join(dir, 'empty'));
  await imports(core, empty);
  await core.close();
  await empty.close();
  if (MIGRATION) await migration(join(dir, 'upgraded'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
