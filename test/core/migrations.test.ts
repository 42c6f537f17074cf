// Every migration keeps the rows that were there before it: migrate to N-1, write data, migrate to
// N, and read it back (a data-changing migration gets its own case here).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { openCore } from '../../src/main/core';
import { ok, tempDir } from '../helpers/core';

const NAMES = Object.keys(MIGRATIONS);

async function migrateTo(file: string, count: number) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const subset = Object.fromEntries(NAMES.slice(0, count).map((n) => [n, MIGRATIONS[n]!]));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => subset } }).migrateToLatest();
  await db.destroy();
  if (error) throw error;
}

describe('migrations', () => {
  it('are named YYYY_MM_DD_HHMM_what and sorted', () => {
    for (const n of NAMES) expect(n).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z_]+$/);
    expect([...NAMES].sort()).toEqual(NAMES);
  });

  it('never drop or rename a column: a case written before the latest migration reads back after it', async () => {
    const dir = tempDir();
    const file = join(dir, 'disclose.sqlite3');
    await migrateTo(file, 1);
    const raw = new Database(file);
    raw.pragma('application_id = 0x4453434c');
    raw.prepare("INSERT INTO requesters (id, name, email, address, organisation, created_at) VALUES (1, 'Zoë Ó Dónaill-Nguyễn 王', 'zoe@example.org', '', '', '2026-01-01T00:00:00Z')").run();
    raw.prepare("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, request_text, created_at, updated_at) VALUES (1, 'FOI/2012/0001', 'foia', '2012-03-12', 1, 'Facebook', 'Please send', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
    raw.prepare("INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (1, 'received', '2012-03-12', '2026-01-01T00:00:00Z')").run();
    const columnsBefore = raw.prepare("SELECT name FROM pragma_table_info('cases')").pluck().all() as string[];
    raw.close();

    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00') });
    const c = ok(await core.invoke('cases:get', { reference: 'FOI/2012/0001' }));
    expect(c).toMatchObject({ reference: 'FOI/2012/0001', dueDate: '2012-04-12', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Facebook' });
    await core.close();
    const after = new Database(file);
    const columnsAfter = after.prepare("SELECT name FROM pragma_table_info('cases')").pluck().all() as string[];
    expect(columnsAfter).toEqual(expect.arrayContaining(columnsBefore));
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
