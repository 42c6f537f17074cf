// Benchmark: native memory over 100,000 queries, with Disclose's driver (prepared statements
// cached) against Kysely's own SQLite driver (a new prepared statement per query), on the same
// database. Prints RSS every 10,000 calls after a garbage collection.
//
//   node --expose-gc node_modules/.bin/tsx bench/statements.ts     (Node from node_modules/.bin)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DiscloseSqliteDialect } from '../src/main/core/db/driver';
import { openCore } from '../src/main/core';
import type { DB } from '../src/main/core/db/schema';

const CALLS = 100_000;
const STEP = 10_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function run(label: string, db: Kysely<DB>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 1; i <= CALLS; i++) {
    await db.selectFrom('cases').select(['id', 'reference']).where('reference', '=', `FOI/2026/${i % 50}`).executeTakeFirst();
    if (i % STEP === 0) {
      gc();
      samples.push(process.memoryUsage().rss);
    }
  }
  console.log(`${label}: ${samples.map(mb).join(', ')}  (growth ${mb(samples.at(-1)! - samples[0]!)})`);
  return samples;
}

const dir = mkdtempSync(join(tmpdir(), 'disclose-bench-stmt-'));
const core = await openCore({ dataDir: dir, resourcesDir: 'resources' });
await core.close();
const file = join(dir, 'disclose.sqlite3');
const cached = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(new Database(file)) });
await run('Disclose driver (cached statements)', cached);
await cached.destroy();
const plain = new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(file) }) });
await run("Kysely's SqliteDialect (prepare per query)", plain);
await plain.destroy();
