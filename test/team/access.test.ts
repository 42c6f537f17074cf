// The team database's guarantees, tested as real logins on a real PostgreSQL: the audit's actor
// is the server's current_user; officers cannot rewrite the audit log or the team's settings;
// a subject access case is visible only to its officer and the leads (row-level security).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openCore, type Core } from '../../src/main/core';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';
import { AUTHORITY, ok, tempDir } from '../helpers/core';
import { asAdmin, freshTeamSchema, urlFor } from '../helpers/team';

let admin = '';
let schema = '';
const cores: Core[] = [];
const as = async (login: string, actor?: string) => {
  const c = await openCore({ dataDir: tempDir(), database: urlFor(admin, schema, login), resourcesDir: 'resources', ...(actor ? { actor } : {}), now: () => new Date('2026-11-20T10:00:00Z') });
  cores.push(c);
  return c;
};
async function sql<T = Record<string, unknown>>(login: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: urlFor(admin, schema, login), options: `-c search_path=${schema}` });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

let alice: Core;
let bob: Core;
let lee: Core;

beforeAll(async () => {
  ({ url: admin, schema } = await freshTeamSchema());
  await teamInit(admin);
  for (const o of [
    { login: 'alice', name: 'Alice Ng', lead: false },
    { login: 'bob', name: 'Bob Ó Briain', lead: false },
    { login: 'lee', name: 'Lee Lead', lead: true },
  ]) {
    await addOfficer(admin, o, new Date());
  }
  lee = await as('lee');
  ok(await lee.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}/{yyyy}/{seq:4}' }));
  // The client claims to be someone else: the server's login is used all the same.
  alice = await as('alice', 'mallory');
  bob = await as('bob');
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat Public' }, summary: 'Gritting routes' }));
  ok(await alice.invoke('cases:create', { regime: 'sar', received: '2026-11-03', requester: { name: 'Sam Subject', email: 'sam@example.org' }, summary: 'Records about me' }));
});
afterAll(async () => {
  for (const c of cores) await c.close();
});

describe('the audit actor', () => {
  it('is the login the server knows (current_user), never the name the client sends', async () => {
    const rows = await sql<{ actor: string; action: string }>('lee', 'SELECT actor, action FROM audit_log WHERE action = $1 ORDER BY id', ['case.created']);
    expect(rows.map((r) => r.actor)).toEqual(['alice', 'alice']);
    // Even a hand-written insert naming someone else is recorded as the login that made it.
    await sql('bob', "INSERT INTO audit_log (at, actor, action, case_id, summary) VALUES ('2026-11-20T10:00:00Z', 'lee', 'forged', NULL, 'pretending')");
    const forged = await sql<{ actor: string }>('lee', "SELECT actor FROM audit_log WHERE action = 'forged'");
    expect(forged).toEqual([{ actor: 'bob' }]);
  });

  it('cannot claim to be imported from a local register unless a lead does it', async () => {
    await expect(sql('bob', "INSERT INTO audit_log (at, actor, action, case_id, summary, imported) VALUES ('2026-11-20T10:00:00Z', 'lee', 'x', NULL, 'x', 1)")).rejects.toThrow(/only a lead/);
  });

  it('keeps a chain the app verifies: the server computes each link exactly as the app does', async () => {
    const report = ok(await lee.invoke('records:verify', {}));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked.auditRows).toBeGreaterThanOrEqual(5);
  });
});

describe('privileges', () => {
  it('an officer cannot change or remove audit rows; nobody can, not even the owner', async () => {
    await expect(sql('alice', "UPDATE audit_log SET actor = 'someone'")).rejects.toThrow(/permission denied/);
    await expect(sql('alice', 'DELETE FROM audit_log')).rejects.toThrow(/permission denied/);
    await expect(sql('alice', 'TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    const ownerUrl = admin;
    const c = new pg.Client({ connectionString: ownerUrl, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      await expect(c.query("UPDATE audit_log SET summary = 'rewritten'")).rejects.toThrow(/append-only/);
      await expect(c.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(c.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
  });

  it("an officer cannot change the team's settings; a lead can", async () => {
    const r = await alice.invoke('settings:update', { ...AUTHORITY, name: 'Somewhere else' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only a lead/) });
    ok(await lee.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}/{yyyy}/{seq:4}', name: 'Borsetshire Council' }));
    expect(ok(await alice.invoke('settings:get', {})).name).toBe('Borsetshire Council');
  });

  it('an officer cannot allocate a case to someone else by writing to the table', async () => {
    await expect(sql('alice', "UPDATE cases SET officer = 'bob'")).rejects.toThrow(/permission denied/);
  });
});

describe('subject access cases (row-level security)', () => {
  it('are visible only to their officer and the leads, in the list, by reference and in search', async () => {
    const listed = async (c: Core) => ok(await c.invoke('cases:list', {})).map((i) => i.reference).sort();
    expect(await listed(alice)).toEqual(['FOI/2026/0001', 'SAR/2026/0001']);
    expect(await listed(lee)).toEqual(['FOI/2026/0001', 'SAR/2026/0001']);
    expect(await listed(bob)).toEqual(['FOI/2026/0001']);
    const got = await bob.invoke('cases:get', { reference: 'SAR/2026/0001' });
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.error.code).toBe('NOT_FOUND');
    expect(ok(await bob.invoke('search:query', { query: 'Subject' }))).toEqual([]);
    expect(ok(await alice.invoke('search:query', { query: 'Subject' })).map((h) => h.reference)).toContain('SAR/2026/0001');
  });

  it('hide the data subject, the events and the audit rows from other officers even in raw SQL', async () => {
    const names = (await sql<{ name: string }>('bob', 'SELECT name FROM requesters')).map((r) => r.name);
    expect(names).toContain('Pat Public');
    expect(names).not.toContain('Sam Subject');
    expect(await sql('bob', "SELECT * FROM cases WHERE regime = 'sar'")).toEqual([]);
    expect(await sql('bob', 'SELECT * FROM case_events e JOIN cases c ON false')).toEqual([]);
    const events = await sql<{ case_id: number }>('bob', 'SELECT case_id FROM case_events');
    const visible = await sql<{ id: number }>('bob', 'SELECT id FROM cases');
    expect(new Set(events.map((e) => e.case_id))).toEqual(new Set(visible.map((c) => c.id)));
    const audit = await sql<{ summary: string }>('bob', 'SELECT summary FROM audit_log');
    expect(audit.some((a) => a.summary.includes('Sam Subject'))).toBe(false);
    expect(await sql('bob', "SELECT * FROM search_index WHERE body LIKE '%Sam%'")).toEqual([]);
  });

  it('cannot be changed by another officer, who is told there is no such case', async () => {
    const r = await bob.invoke('cases:update', { reference: 'SAR/2026/0001', changes: { summary: 'peeked' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
    const rows = await sql<{ n: number }>('bob', "UPDATE cases SET summary = 'peeked' WHERE regime = 'sar' RETURNING 1 AS n");
    expect(rows).toEqual([]);
    expect(ok(await lee.invoke('cases:get', { reference: 'SAR/2026/0001' })).summary).toBe('Records about me');
  });
});

describe('allocation and saving the same case', () => {
  it('only a lead allocates; the officer then finds the case under "my cases"', async () => {
    const refused = await bob.invoke('cases:assign', { reference: 'FOI/2026/0001', to: 'bob' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const given = ok(await lee.invoke('cases:assign', { reference: 'FOI/2026/0001', to: 'bob' }));
    expect(given.officer).toBe('bob');
    expect(ok(await bob.invoke('cases:list', { mine: true })).map((c) => c.reference)).toEqual(['FOI/2026/0001']);
    expect(ok(await alice.invoke('cases:list', { mine: true })).map((c) => c.reference)).toEqual(['SAR/2026/0001']);
    const unknown = await lee.invoke('cases:assign', { reference: 'FOI/2026/0001', to: 'nobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const workload = ok(await lee.invoke('team:workload', { today: '2026-11-20' }));
    expect(workload.find((w) => w.officer === 'bob')).toMatchObject({ name: 'Bob Ó Briain', active: 1 });
  });

  it('the second of two officers saving from the same version is told who changed what, and nothing is lost', async () => {
    const opened = ok(await bob.invoke('cases:get', { reference: 'FOI/2026/0001' })).version;
    expect(ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0001' })).version).toBe(opened);
    ok(await lee.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'Gritting routes 2025–26' }, ifVersion: opened }));
    const second = await bob.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'Gritting and salt' }, ifVersion: opened });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('CONFLICT');
      expect(second.error.message).toMatch(/lee at \d\d:\d\d on \d{4}-\d\d-\d\d: Edited summary/);
    }
    expect(ok(await bob.invoke('cases:get', { reference: 'FOI/2026/0001' })).summary).toBe('Gritting routes 2025–26');
  });

  it('two saves from the same version at the same instant: exactly one is kept (the row is locked while checked)', async () => {
    const v = ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0001' })).version;
    const [a, b] = await Promise.all([
      lee.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'From lee' }, ifVersion: v }),
      bob.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'From bob' }, ifVersion: v }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const kept = ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0001' }));
    expect(kept.summary).toBe(a.ok ? 'From lee' : 'From bob');
    expect(kept.version).toBe(v + 1);
  });
});

describe('attempts to get round the rules (each refused by the server)', () => {
  it('pointing a visible case at a hidden data subject, to read them', async () => {
    const [sam] = await sql<{ id: number }>('lee', "SELECT id FROM requesters WHERE name = 'Sam Subject'");
    await expect(sql('bob', `UPDATE cases SET requester_id = ${sam!.id} WHERE regime = 'foia'`)).rejects.toThrow(/permission denied/);
    await expect(
      sql('bob', `INSERT INTO cases (reference, regime, received_date, requester_id, created_at, updated_at) VALUES ('X/1', 'foia', '2026-11-02', ${sam!.id}, 'x', 'x')`),
    ).rejects.toThrow(/row-level security/);
    expect((await sql<{ name: string }>('bob', 'SELECT name FROM requesters')).map((r) => r.name)).not.toContain('Sam Subject');
  });

  it('claiming another actor: a temporary pg_roles, a switched role, or a made-up time', async () => {
    const c = new pg.Client({ connectionString: urlFor(admin, schema, 'bob'), options: `-c search_path=${schema}` });
    await c.connect();
    try {
      await c.query('CREATE TEMP TABLE pg_roles (rolname name, rolsuper bool, rolcreaterole bool)');
      await c.query('INSERT INTO pg_roles VALUES (current_user, true, true)');
      await expect(c.query("INSERT INTO audit_log (at, actor, action, case_id, summary, detail, imported) VALUES ('2020-01-01T00:00:00.000Z', 'lee', 'x', NULL, 'x', '{}', 1)")).rejects.toThrow(/only a lead/);
      await c.query('SET ROLE disclose_officer');
      await c.query("INSERT INTO audit_log (at, actor, action, case_id, summary) VALUES ('1999-01-01T00:00:00.000Z', 'lee', 'switched', NULL, 'x')");
    } finally {
      await c.end();
    }
    const [row] = await sql<{ actor: string; at: string }>('lee', "SELECT actor, at FROM audit_log WHERE action = 'switched'");
    expect(row!.actor).toBe('bob');
    expect(row!.at.slice(0, 4)).not.toBe('1999');
  });

  it('a login with no Disclose role runs none of its functions', async () => {
    await asAdmin((c) => c.query('DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $n$mallory$n$) THEN CREATE ROLE mallory LOGIN; END IF; END $$'));
    await expect(sql('mallory', "SELECT * FROM disclose_search(to_tsquery('simple', 'subject'), 10)")).rejects.toThrow(/permission denied|does not exist/);
    await expect(sql('mallory', 'SELECT * FROM cases')).rejects.toThrow(/permission denied|does not exist/);
  });

  it('writing bytes into a stored file that is not the writer’s own new one', async () => {
    const [file] = await sql<{ sha256: string }>('lee', 'SELECT sha256 FROM blobs LIMIT 1');
    if (file) await expect(sql('bob', `INSERT INTO blob_chunks (sha256, n, data) VALUES ('${file.sha256}', 99, 'junk')`)).rejects.toThrow(/row-level security/);
    await expect(sql('bob', "UPDATE correspondence SET body = 'rewritten'")).rejects.toThrow(/permission denied/);
    await expect(sql('bob', "UPDATE case_notes SET text = 'rewritten'")).rejects.toThrow(/permission denied/);
  });

  it('taking a subject access case out of subject access (which would show it to the team), unless a lead', async () => {
    const [kim] = await sql<{ reference: string }>('alice', "SELECT reference FROM cases WHERE regime = 'sar' AND officer = 'alice' ORDER BY id LIMIT 1");
    const moved = await alice.invoke('cases:update', { reference: kim!.reference, changes: { regime: 'foia' } });
    expect(moved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(await bob.invoke('cases:list', {})).map((c) => c.reference)).not.toContain(kim!.reference);
  });

  it('a hidden case holding the next reference: numbering skips it, and nothing says it is there', async () => {
    ok(await alice.invoke('cases:create', { regime: 'sar', received: '2026-11-04', requester: { name: 'Kim Hidden' }, reference: 'SAR/2026/0002' }));
    const made = ok(await bob.invoke('cases:create', { regime: 'sar', received: '2026-11-05', requester: { name: 'Bo Public' } }));
    expect(made.reference).toBe('SAR/2026/0003');
  });
});
