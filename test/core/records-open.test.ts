// Safe upgrades and writers that wait: each migration is one transaction with its version mark and
// the application id, so a kill at any instant of a first open or an upgrade leaves a database
// that opens; several processes opening a fresh folder, and four writing at once, all succeed.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { openCore } from '../../src/main/core';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import { APPLICATION_ID, PAGE_SIZE } from '../../src/main/core/db/connection';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { ok, tempDir } from '../helpers/core';
import { childBundle, runChild } from '../helpers/children';
import { migrationKillLoop } from '../helpers/crash';
import { makeOldFolder, MIGRATION_NAMES } from '../helpers/old-database';

let bundle = '';
beforeAll(async () => {
  bundle = await childBundle();
}, 60_000);

async function opensAndVerifies(dir: string): Promise<void> {
  const core = await openCore({ dataDir: dir, resourcesDir: 'resources', actor: 't' });
  const report = ok(await core.invoke('records:verify', {}));
  await core.close();
  // Nothing but files younger than the sweep's grace period may be left over.
  expect(report.problems.filter((p) => !['orphan-file', 'temp-file'].includes(p.kind))).toEqual([]);
}

describe('migrations run in transactions', () => {
  it('a migration that fails half-way leaves nothing of itself, and the database still opens', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const sqlite = new Database(file);
    const db = new Kysely<unknown>({ dialect: new DiscloseSqliteDialect(sqlite) });
    const first = { [MIGRATION_NAMES[0]!]: MIGRATIONS[MIGRATION_NAMES[0]!]! };
    const broken = {
      ...first,
      '2099_01_01_0000_broken': {
        up: async (k: Kysely<unknown>) => {
          await sql`CREATE TABLE half_done (x INTEGER)`.execute(k);
          throw new Error('power cut');
        },
      },
    };
    await expect(migrate(sqlite, db, file, broken)).rejects.toThrow(/2099_01_01_0000_broken.*power cut/);
    expect(sqlite.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    expect(sqlite.prepare('SELECT name FROM kysely_migration').pluck().all()).toEqual([MIGRATION_NAMES[0]]);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(sqlite.inTransaction).toBe(false);
    await db.destroy();
    await opensAndVerifies(dir);
  });

  it('an upgrade back-fills the audit chain and content hashes of existing rows', async () => {
    const dir = tempDir();
    await makeOldFolder(dir, '2026_11_22_1800_correspondence', 50);
    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', actor: 't' });
    const report = ok(await core.invoke('records:verify', {}));
    expect(report).toMatchObject({ ok: true, checked: { cases: 50 } });
    expect(report.checked.auditRows).toBeGreaterThanOrEqual(50);
    await core.close();
  });
});

describe('the page size', () => {
  const pageSize = (dir: string) => {
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      return db.pragma('page_size', { simple: true });
    } finally {
      db.close();
    }
  };

  it('is 16 KB in a new register; a register made with SQLite\'s 4 KB keeps them, and upgrades and opens as before', async () => {
    const fresh = tempDir();
    await opensAndVerifies(fresh);
    expect(PAGE_SIZE).toBe(16_384);
    expect(pageSize(fresh)).toBe(PAGE_SIZE);
    const old = tempDir();
    await makeOldFolder(old, '2026_11_22_1800_correspondence', 20);
    expect(pageSize(old)).toBe(4096);
    await opensAndVerifies(old);
    expect(pageSize(old)).toBe(4096);
  });
});

describe('several processes at once', () => {
  it('four processes opening a fresh folder together all succeed (a clean first-open race)', async () => {
    const dir = tempDir();
    const kids = [1, 2, 3, 4].map(() => runChild(bundle, ['open', dir]));
    const results = await Promise.all(kids.map((k) => k.exited));
    expect(results.map((r) => [r.code, r.stderr])).toEqual([0, 0, 0, 0].map(() => [0, '']));
    await opensAndVerifies(dir);
  });

  it('four processes writing at once for a few seconds: every write succeeds, none is lost, the chain holds', async () => {
    const dir = tempDir();
    const ms = Number(process.env.DISCLOSE_WRITERS_MS ?? 4000);
    const kids = [1, 2, 3, 4].map((i) => runChild(bundle, ['write', dir, String(ms), String(i)]));
    const results = await Promise.all(kids.map((k) => k.exited));
    const outcomes = results.map((r) => {
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { created: number; errors: string[] };
    });
    expect(outcomes.flatMap((o) => o.errors)).toEqual([]);
    const total = outcomes.reduce((n, o) => n + o.created, 0);
    expect(total).toBeGreaterThan(20);
    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', actor: 't' });
    expect(ok(await core.invoke('cases:list', {}))).toHaveLength(total);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, checked: { cases: total } });
    await core.close();
  }, 60_000);
});

describe('a kill at a random instant of a first open or an upgrade', () => {
  it('always leaves a folder that opens and verifies', async () => {
    const kills = Number(process.env.DISCLOSE_MIGRATION_KILLS ?? 40);
    const f = await migrationKillLoop(bundle, kills);
    console.log(`migration kill loop: ${kills} kills, ${f.killedWhileRunning} while the open was running (fresh open ~${Math.round(f.freshMs)} ms, upgrade ~${Math.round(f.upgradeMs)} ms)`);
    expect(f.failures).toEqual([]);
    expect(f.killedWhileRunning).toBeGreaterThan(kills / 4);
  }, 180_000);
});
