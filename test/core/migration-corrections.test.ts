// The corrections-and-outcomes migration: the shipped default reference format becomes one prefix
// per regime; a format the authority chose is left exactly as it was; events gain void columns.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { openCore } from '../../src/main/core';
import { ok, tempDir } from '../helpers/core';

const NAMES = Object.keys(MIGRATIONS);
const BEFORE = NAMES.indexOf('2026_11_30_1600_corrections_outcomes');

async function databaseBefore(format: string | null): Promise<string> {
  const dir = tempDir();
  const file = join(dir, 'disclose.sqlite3');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const subset = Object.fromEntries(NAMES.slice(0, BEFORE).map((n) => [n, MIGRATIONS[n]!]));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => subset } }).migrateToLatest();
  await db.destroy();
  if (error) throw error;
  const raw = new Database(file);
  raw.pragma('application_id = 0x4453434c');
  if (format !== null) raw.prepare('UPDATE settings SET reference_format = ?').run(format);
  raw.prepare("INSERT INTO requesters (id, name, created_at) VALUES (1, 'A', '2026-01-01T00:00:00Z')").run();
  raw.prepare("INSERT INTO cases (id, reference, regime, received_date, requester_id, created_at, updated_at) VALUES (1, 'FOI/2026/0001', 'foia', '2026-11-02', 1, 'x', 'x')").run();
  raw.prepare("INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (1, 'received', '2026-11-02', 'x'), (1, 'acknowledged', '2026-11-03', 'x')").run();
  raw.close();
  return dir;
}

describe('migration 2026_11_30_1600_corrections_outcomes', () => {
  it('updates only the old default format; existing events read back live (not voided)', async () => {
    const dir = await databaseBefore(null);
    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00') });
    expect(ok(await core.invoke('settings:get', {})).referenceFormat).toBe('{regime}/{yyyy}/{seq:4}');
    const c = ok(await core.invoke('cases:get', { reference: 'FOI/2026/0001' }));
    expect(c.events.map((e) => [e.type, e.voided, e.outcome])).toEqual([['received', false, null], ['acknowledged', false, null]]);
    await core.close();
  });

  it("keeps an authority's own format", async () => {
    const dir = await databaseBefore('IG-{yy}-{seq:3}');
    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00') });
    expect(ok(await core.invoke('settings:get', {})).referenceFormat).toBe('IG-{yy}-{seq:3}');
    await core.close();
  });
});
