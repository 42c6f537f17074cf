// The core on a real SQLite file: cases, references, audit, and bad input that changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/core';
import { openCore } from '../../src/main/core';
import { createHandlers } from '../../src/main/core/handlers';
import { IPC_CHANNELS } from '../../src/shared/ipc/channels';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { onTeamDatabase } from '../helpers/team';

const ZOE = { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org', address: '1 High Street\nAmbridge', organisation: '' };
const open: Core[] = [];
async function core(opts: Parameters<typeof testCore>[0] = {}) {
  const c = await testCore(opts);
  open.push(c);
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

describe('the contract', () => {
  it('has a core handler for every channel', async () => {
    const c = await core();
    expect(Object.keys(c.handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(typeof createHandlers).toBe('function');
  });

  it('refuses an unknown channel and malformed input with VALIDATION, not an exception', async () => {
    const c = await core();
    expect(await c.invoke('cases:drop', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('cases:create', 'not an object')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('creating a case', () => {
  it('gives the next reference and the FOIA due date (s10(1), s10(6); docs/law.md §3.1(a))', async () => {
    const c = await core();
    const created = ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-12', requester: ZOE, summary: 'Facebook guidance' }));
    expect(created.reference).toBe('FOI/2012/0001');
    expect(created.dueDate).toBe('2012-04-12');
    expect(created.requester.name).toBe('Zoë Ó Dónaill-Nguyễn 王');
    const second = ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-13', requester: { name: 'B' } }));
    expect(second.reference).toBe('FOI/2012/0002');
    // The sequence restarts each year because the format contains {yyyy}; the default format
    // gives each regime its own prefix and counter ({regime}/{yyyy}/{seq:4}).
    const nextYear = ok(await c.invoke('cases:create', { regime: 'foia', received: '2013-01-07', requester: { name: 'C' } }));
    expect(nextYear.reference).toBe('FOI/2013/0001');
    const eir = ok(await c.invoke('cases:create', { regime: 'eir', received: '2013-01-07', requester: { name: 'D' } }));
    expect(eir.reference).toBe('EIR/2013/0001');
  });

  it('uses the authority reference format, including {regime}', async () => {
    const c = await core();
    ok(await c.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}-{yy}{mm}-{seq:3}' }));
    const created = ok(await c.invoke('cases:create', { regime: 'eir', received: '2026-02-03', requester: { name: 'A' } }));
    expect(created.reference).toBe('EIR-2602-001');
  });

  it('stores names as NFC, so a decomposed ë and a composed one are the same name', async () => {
    const c = await core();
    const created = ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoe\u0308' } }));
    expect(created.requester.name).toBe('Zoë');
  });

  it.each([
    [{ regime: 'foia', received: '2012-02-30', requester: { name: 'A' } }, 'received'],
    [{ regime: 'foia', received: '12/03/2012', requester: { name: 'A' } }, 'received'],
    [{ regime: 'gdpr', received: '2012-03-12', requester: { name: 'A' } }, 'regime'],
    [{ regime: 'foia', received: '2012-03-12', requester: { name: '   ' } }, 'requester.name'],
    [{ regime: 'foia', received: '2012-03-12', requester: { name: 'A', email: 'not-an-email' } }, 'requester.email'],
    [{ regime: 'foia', received: '2012-03-12', requester: { name: 'A\u0007' } }, 'requester.name'],
  ])('refuses %j with a message on %s, writing nothing', async (input, field) => {
    const c = await core();
    const r = await c.invoke('cases:create', input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(Object.keys(r.error.fields ?? {})).toContain(field);
      expect(r.error.message.length).toBeGreaterThan(5);
    }
    expect(ok(await c.invoke('cases:list', {}))).toEqual([]);
  });

  it('refuses a date received in the future', async () => {
    const c = await core({ today: '2026-11-20' });
    const r = await c.invoke('cases:create', { regime: 'foia', received: '2026-11-21', requester: { name: 'A' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a duplicate reference with CONFLICT and leaves the first case alone', async () => {
    const c = await core();
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' }, reference: 'OLD/1' }));
    const dup = await c.invoke('cases:create', { regime: 'foia', received: '2026-11-03', requester: { name: 'B' }, reference: 'old/1' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const list = ok(await c.invoke('cases:list', {}));
    expect(list.map((l) => [l.reference, l.requesterName])).toEqual([['OLD/1', 'A']]);
  });

  it('skips a number already taken by a carried-over case', async () => {
    const c = await core();
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' }, reference: 'FOI/2026/0001' }));
    const next = ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'B' } }));
    expect(next.reference).toBe('FOI/2026/0002');
  });

  // On the team database: test/team/audit.test.ts.
  it.skipIf(onTeamDatabase)('is all or nothing: a failure mid-write leaves no case, requester or counter behind', async () => {
    const dataDir = tempDir();
    const c = await core({ dataDir });
    // Make the audit row (written last in the transaction) fail, as a crash would.
    const raw = new Database(join(dataDir, 'disclose.sqlite3'));
    raw.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.action = 'case.created' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const r = await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } });
    expect(r.ok).toBe(false);
    expect(raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM requesters').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM reference_counters').pluck().get()).toBe(0);
    raw.exec('DROP TRIGGER fail_audit');
    raw.close();
    const again = ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    expect(again.reference).toBe('FOI/2026/0001');
  });
});

describe('editing and the audit log', () => {
  it('records each change with before and after, and recomputes the due date', async () => {
    const c = await core();
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-12', requester: ZOE }));
    const edited = ok(await c.invoke('cases:update', { reference: 'FOI/2012/0001', changes: { received: '2012-03-10', summary: 'Now with a summary' } }));
    // A weekend receipt: day 1 is Monday 12 March, so the 20th working day is 11 April (LTT47).
    expect(edited.dueDate).toBe('2012-04-11');
    const audit = ok(await c.invoke('audit:list', { reference: 'FOI/2012/0001' }));
    expect(audit[0]).toMatchObject({ action: 'case.updated', actor: 'test-officer', detail: { received: { from: '2012-03-12', to: '2012-03-10' }, summary: { from: '', to: 'Now with a summary' } } });
    expect(audit[1]!.action).toBe('case.created');
  });

  it('writes no audit row when nothing changed', async () => {
    const c = await core();
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    ok(await c.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: '' } }));
    expect(ok(await c.invoke('audit:list', { reference: 'FOI/2026/0001' }))).toHaveLength(1);
  });

  it.skipIf(onTeamDatabase)('keeps the audit log append-only', async () => {
    const dataDir = tempDir();
    const c = await core({ dataDir });
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    const raw = new Database(join(dataDir, 'disclose.sqlite3'));
    expect(() => raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => raw.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    raw.close();
  });

  it('says NOT_FOUND for an unknown reference', async () => {
    const c = await core();
    expect(await c.invoke('cases:get', { reference: 'FOI/1999/0001' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe.skipIf(onTeamDatabase)('the database file', () => {
  it('refuses a file that is not SQLite, and leaves it untouched', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'disclose.sqlite3');
    writeFileSync(file, 'these are my notes, not a database');
    await expect(openCore({ dataDir, resourcesDir: 'resources' })).rejects.toMatchObject({ code: 'DB_NOT_SQLITE' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not a database');
  });

  it('refuses an SQLite file that belongs to another program', async () => {
    const dataDir = tempDir();
    const other = new Database(join(dataDir, 'disclose.sqlite3'));
    other.exec('CREATE TABLE photos (id INTEGER)');
    other.close();
    await expect(openCore({ dataDir, resourcesDir: 'resources' })).rejects.toMatchObject({ code: 'DB_NOT_SQLITE' });
  });

  it('refuses a database written by a newer Disclose, changing nothing', async () => {
    const dataDir = tempDir();
    await (await openCore({ dataDir, resourcesDir: 'resources' })).close();
    const raw = new Database(join(dataDir, 'disclose.sqlite3'));
    raw.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('2099_01_01_0000_future', new Date().toISOString());
    raw.close();
    await expect(openCore({ dataDir, resourcesDir: 'resources' })).rejects.toMatchObject({ code: 'DB_NEWER', message: expect.stringContaining('newer version of Disclose') });
  });

  it('reopens an existing database without re-running anything', async () => {
    const dataDir = tempDir();
    const first = await openCore({ dataDir, resourcesDir: 'resources' });
    ok(await first.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    await first.close();
    const second = await core({ dataDir });
    expect(ok(await second.invoke('cases:list', {}))).toHaveLength(1);
  });
});
