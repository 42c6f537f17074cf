// The 2026_11_30 migration rebuilds three tables to widen their CHECK constraints (the EISR
// regime, FOISA's "providing" cost activity, EISR and DPA 2018 provisions): migrate to N-1, write
// rows, migrate to N, and compare the rows, the schema around them and the references.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { openCore } from '../../src/main/core';
import { ok, tempDir } from '../helpers/core';

const NAMES = Object.keys(MIGRATIONS);
const TARGET = '2026_11_30_0900_widen_regimes_activities_acts';

async function migrateBefore(file: string): Promise<void> {
  const index = NAMES.indexOf(TARGET);
  const subset = Object.fromEntries(NAMES.slice(0, index).map((n) => [n, MIGRATIONS[n]!]));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => subset } }).migrateToLatest();
  await db.destroy();
  if (error) throw error;
}

const TABLES = ['cases', 'cost_lines', 'exemptions_applied', 'case_events', 'cost_estimates', 'correspondence'];

function snapshot(raw: Database.Database) {
  const rows = Object.fromEntries(TABLES.map((t) => [t, raw.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
  const indexes = raw.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all();
  return { rows, indexes };
}

describe(`migration ${TARGET}`, () => {
  it('keeps every row, id and index, and then accepts eisr, providing, EISR and DPA', async () => {
    const dir = tempDir();
    const file = join(dir, 'disclose.sqlite3');
    await migrateBefore(file);
    const raw = new Database(file);
    raw.pragma('application_id = 0x4453434c');
    const t = '2026-01-01T00:00:00Z';
    raw.prepare("INSERT INTO requesters (id, name, created_at) VALUES (7, 'Zoë Ó Dónaill-Nguyễn 王', ?)").run(t);
    raw.prepare("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at, s16_advice) VALUES (41, 'FOISA/2025/0001', 'foisa', '2025-06-02', 7, 'Roads', ?, ?, 'Narrow it')").run(t, t);
    raw.prepare("INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (41, 'responded', '2025-06-10', ?)").run(t);
    raw.prepare("INSERT INTO cost_estimates (id, case_id, scope, updated_at) VALUES (3, 41, 'comply', ?)").run(t);
    raw.prepare("INSERT INTO cost_lines (estimate_id, position, activity, description, quantity, minutes_each) VALUES (3, 0, 'locating', 'files', 40, 30)").run();
    raw.prepare("INSERT INTO exemptions_applied (case_id, act, section, subsection, updated_at) VALUES (41, 'FOISA', '33', '(1)(b)', ?)").run(t);
    raw.prepare("INSERT INTO correspondence (case_id, direction, channel, sent_at, subject, created_at) VALUES (41, 'in', 'email', ?, 'Request', ?)").run(t, t);
    const before = snapshot(raw);
    raw.close();

    const core = await openCore({ dataDir: dir, resourcesDir: 'resources', now: () => new Date('2026-11-30T10:00:00Z') });
    expect(ok(await core.invoke('cases:get', { reference: 'FOISA/2025/0001' }))).toMatchObject({ reference: 'FOISA/2025/0001', regime: 'foisa' });
    const eisr = ok(await core.invoke('cases:create', { regime: 'eisr', received: '2026-03-09', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Air quality' }));
    expect(eisr.regime).toBe('eisr');
    const costs = ok(await core.invoke('costs:set', { reference: 'FOISA/2025/0001', scope: 'comply', lines: [{ activity: 'providing', description: 'copies', quantity: 40, minutesEach: 6 }] }));
    expect(costs.comply?.lines[0]?.activity).toBe('providing');
    await core.close();

    const after = new Database(file);
    const now = snapshot(after);
    // Every index of the tables there before is kept (later migrations add tables and indexes of their own).
    const tablesBefore = new Set((before.indexes as { tbl_name: string }[]).map((i) => i.tbl_name));
    const LATER = new Set(['cases_officer', 'cases_officer_received', 'cases_stage_received', 'cases_requester', 'cases_stage_due', 'cases_deadline_due', 'cases_valid_until', 'cases_derived_on', 'cases_window', 'cases_received_id', 'cases_due_shown', 'attachments_text_pending', 'case_events_type_date']);
    expect((now.indexes as { name: string; tbl_name: string }[]).filter((i) => tablesBefore.has(i.tbl_name) && !LATER.has(i.name))).toEqual(before.indexes);
    for (const table of ['cases', 'case_events', 'exemptions_applied', 'correspondence']) {
      // Every value kept; later migrations may add columns (case_events.outcome, voided_at…).
      expect(now.rows[table]!.slice(0, before.rows[table]!.length)).toMatchObject(before.rows[table]!);
    }
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.pragma('foreign_key_check')).toEqual([]);
    expect(after.pragma('foreign_keys', { simple: true })).toBe(1);
    // The widened constraints still refuse what is not in them, and references still hold.
    expect(() => after.prepare("UPDATE cases SET regime = 'gdpr' WHERE id = 41").run()).toThrow(/CHECK/);
    expect(() => after.prepare("INSERT INTO exemptions_applied (case_id, act, section, updated_at) VALUES (41, 'DPA', 'Sch 2 para 16', ?)").run(t)).not.toThrow();
    expect(() => after.prepare("INSERT INTO exemptions_applied (case_id, act, section, updated_at) VALUES (41, 'GDPR', '15', ?)").run(t)).toThrow(/CHECK/);
    expect(() => after.prepare("INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (999, 'received', '2025-06-02', ?)").run(t)).toThrow(/FOREIGN KEY/);
    after.close();
  });
});
