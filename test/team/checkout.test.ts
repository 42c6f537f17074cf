// Check-out and check-in on a real PostgreSQL: a case checked out is read-only to everyone on the
// team database, whoever writes and however (the app, another program, raw SQL); the copy works as
// a register of its own; the check-in writes what changed offline with its times; a case a lead
// released meanwhile comes back kept aside, side by side with the live case, nothing overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Core } from '../../src/main/core';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, cli, makeTeam, openCopies, tempDir, type Team } from '../helpers/checkout';

let team: Team;
let alice: Core;
let bob: Core;
let lee: Core;
const refused = (r: { ok: boolean; error?: { code: string; message: string } }) => (r.ok ? null : r.error);

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  alice = await team.core('alice');
  bob = await team.core('bob');
  lee = await team.core('lee');
  for (const summary of ['Gritting routes', 'Flood maps', 'Library tenders']) {
    ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org' }, summary }));
  }
  ok(await alice.invoke('cases:create', { regime: 'sar', received: '2026-11-03', requester: { name: 'Sam Subject' }, summary: 'My records' }));
  ok(await alice.invoke('cases:addEvent', { reference: 'FOI/2026/0001', type: 'acknowledged', date: '2026-11-03' }));
  ok(await alice.invoke('cases:addNote', { reference: 'FOI/2026/0001', text: 'Highways have the data' }));
});
afterAll(async () => {
  await team?.close();
});

describe('a case checked out', () => {
  it('is read-only to colleagues and to its holder on the team database: CHECKED_OUT, saying who has it, since and until when', async () => {
    const dir = tempDir();
    const out = await checkOut(team, 'alice', dir, ['FOI/2026/0001'], { until: '2026-12-04' });
    expect(out.cases).toEqual([expect.objectContaining({ reference: 'FOI/2026/0001', until: '2026-12-04' })]);

    const b = refused(await bob.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'Salt bins' } }));
    expect(b).toMatchObject({ code: 'CHECKED_OUT' });
    expect(b!.message).toMatch(/FOI\/2026\/0001 is checked out by Alice Ng \(alice\) since \d{4}-\d\d-\d\d \d\d:\d\d, until 2026-12-04/);
    expect(refused(await bob.invoke('cases:addNote', { reference: 'FOI/2026/0001', text: 'peek' }))).toMatchObject({ code: 'CHECKED_OUT' });
    // Even a lead cannot change it while it is out (a lead releases it first).
    expect(refused(await lee.invoke('cases:addEvent', { reference: 'FOI/2026/0001', type: 'clarification-sought', date: '2026-11-05' }))).toMatchObject({ code: 'CHECKED_OUT' });
    // The holder's own online writes too: the laptop's copy is the live one.
    expect(refused(await alice.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'x' } }))?.message).toMatch(/checked out to you/);
    // Reading is fine, and shows who has it.
    expect(ok(await bob.invoke('cases:get', { reference: 'FOI/2026/0001' })).summary).toBe('Gritting routes');
    expect(ok(await bob.invoke('checkout:case', { reference: 'FOI/2026/0001' })).lease).toMatchObject({ holder: 'alice', holderName: 'Alice Ng', until: '2026-12-04', device: 'test-laptop', mine: false });
    // Another case is not affected.
    ok(await bob.invoke('cases:update', { reference: 'FOI/2026/0002', changes: { summary: 'Flood maps 2026' } }));
  });

  it('keeps its derived dates current while out: a colleague reading on a later day, and a lead proclaiming a holiday inside its window', async () => {
    // The stored snapshot has expired by then: re-deriving it writes only derived columns, which the guard lets through.
    const later = ok(await bob.invoke('cases:list', { today: '2027-02-01' })).find((i) => i.reference === 'FOI/2026/0001');
    expect(later).toMatchObject({ status: 'overdue' });
    const change = ok(await lee.invoke('holidays:add', { date: '2026-11-20', region: 'england-and-wales', name: 'A day proclaimed' }));
    expect(change.affected.map((a) => a.reference)).toContain('FOI/2026/0001');
    expect(ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0001' })).dueDate).toBe(change.affected.find((a) => a.reference === 'FOI/2026/0001')!.to);
    ok(await lee.invoke('holidays:remove', { date: '2026-11-20', region: 'england-and-wales' }));
    // Its content is still refused.
    expect(refused(await bob.invoke('cases:update', { reference: 'FOI/2026/0001', changes: { summary: 'Salt bins' } }))).toMatchObject({ code: 'CHECKED_OUT' });
  });

  it('refuses raw SQL by another login, on every table of the case, with the distinct SQLSTATE DL001', async () => {
    const [c] = await team.sql<{ id: number; requester_id: number }>('bob', "SELECT id, requester_id FROM cases WHERE reference = 'FOI/2026/0001'");
    const attempts = [
      `UPDATE cases SET summary = 'raw' WHERE id = ${c!.id}`,
      `INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (${c!.id}, 'closed', '2026-11-06', 'x')`,
      `UPDATE case_events SET note = 'raw' WHERE case_id = ${c!.id}`,
      `INSERT INTO case_notes (case_id, author, at, text) VALUES (${c!.id}, 'bob', 'x', 'raw')`,
      `UPDATE requesters SET name = 'raw' WHERE id = ${c!.requester_id}`,
      `INSERT INTO audit_log (at, actor, action, case_id, summary) VALUES ('x', 'x', 'case.updated', ${c!.id}, 'raw')`,
      `INSERT INTO cost_estimates (case_id, scope, updated_at) VALUES (${c!.id}, 'comply', 'x')`,
    ];
    for (const q of attempts) await expect(team.sql('bob', q), q).rejects.toMatchObject({ code: 'DL001', message: expect.stringMatching(/checked out by Alice Ng/) });
    // The table owner is refused too: the guard is a trigger, not a privilege.
    await expect(team.sql('admin', `UPDATE cases SET summary = 'owner' WHERE id = ${c!.id}`)).rejects.toMatchObject({ code: 'DL001' });
    expect((await team.sql<{ summary: string }>('lee', `SELECT summary FROM cases WHERE id = ${c!.id}`))[0]!.summary).toBe('Gritting routes');
  });

  it('cannot be checked out again, by anyone; a subject access case another officer cannot see is not found', async () => {
    const dir = tempDir();
    await expect(checkOut(team, 'bob', dir, ['FOI/2026/0001'])).rejects.toMatchObject({ code: 'CHECKED_OUT', message: expect.stringMatching(/already checked out by Alice Ng \(alice\) since .*, until 2026-12-04/) });
    await expect(checkOut(team, 'bob', dir, ['SAR/2026/0001'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nothing half-done: one refused case refuses the whole check-out.
    await expect(checkOut(team, 'bob', dir, ['FOI/2026/0003', 'FOI/2026/0001'])).rejects.toMatchObject({ code: 'CHECKED_OUT' });
    expect(ok(await bob.invoke('checkout:case', { reference: 'FOI/2026/0003' })).lease).toBeNull();
    // Leases are taken only through the server's function: not by writing the table.
    await expect(team.sql('bob', "INSERT INTO case_leases (case_id, holder, taken_at, until, server_version, copy_id) VALUES (1, 'bob', 'x', '2026-12-01', 0, 'x')")).rejects.toThrow(/permission denied/);
    await expect(team.sql('bob', 'UPDATE case_leases SET released_at = now()::text')).rejects.toThrow(/permission denied/);
  });

  it('a folder with a register of its own is not used for copies', async () => {
    const own = tempDir();
    const mine = await openCopies(own);
    ok(await mine.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat' }, summary: 'Mine' }));
    await mine.close();
    await expect(checkOut(team, 'bob', own, ['FOI/2026/0003'])).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/register of its own/) });
    expect(ok(await bob.invoke('checkout:case', { reference: 'FOI/2026/0003' })).lease).toBeNull();
  });
});

describe('a lead releases a case; the copy comes back kept aside', () => {
  it('only a lead may release (FORBIDDEN otherwise); released, colleagues may change it; the check-in overwrites nothing and keeps the copy for merging', async () => {
    const dir = tempDir();
    await checkOut(team, 'alice', dir, ['FOI/2026/0002']);
    const copy = await openCopies(dir);
    ok(await copy.invoke('cases:update', { reference: 'FOI/2026/0002', changes: { summary: 'Flood maps, laptop' } }));
    ok(await copy.invoke('cases:addEvent', { reference: 'FOI/2026/0002', type: 'clarification-sought', date: '2026-11-06', note: 'Which years?' }));
    await copy.close();

    expect(refused(await bob.invoke('checkout:release', { reference: 'FOI/2026/0002' }))).toMatchObject({ code: 'FORBIDDEN' });
    await expect(team.sql('bob', 'SELECT disclose_release(2, $1)', ['mine now'])).rejects.toMatchObject({ code: '42501' });
    ok(await lee.invoke('checkout:release', { reference: 'FOI/2026/0002', reason: 'Laptop left on a train' }));
    const audit = ok(await lee.invoke('audit:list', { reference: 'FOI/2026/0002', limit: 5 }));
    expect(audit[0]).toMatchObject({ actor: 'lee', action: 'case.released', summary: expect.stringMatching(/Released from alice .*Laptop left on a train/) });
    ok(await bob.invoke('cases:update', { reference: 'FOI/2026/0002', changes: { summary: 'Flood maps, online' } }));

    const back = await checkIn(team, 'alice', dir, ['FOI/2026/0002']);
    expect(back.cases[0]).toMatchObject({ outcome: 'kept-aside', reason: expect.stringMatching(/lee released it on \d{4}-\d\d-\d\d/) });
    const live = ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0002' }));
    expect(live.summary).toBe('Flood maps, online');
    expect(live.events.map((e) => e.type)).toEqual(['received']);
    expect(existsSync(join(dir, 'disclose.sqlite3'))).toBe(true);

    const list = ok(await lee.invoke('checkout:keptAside', {}));
    expect(list).toEqual([expect.objectContaining({ reference: 'FOI/2026/0002', officer: 'alice', resolvedAt: null })]);
    expect(ok(await bob.invoke('checkout:keptAside', {}))).toEqual([]);
    const side = ok(await lee.invoke('checkout:keptAsideCopy', { reference: 'FOI/2026/0002' }));
    const kase = side.sections.find((s) => s.table === 'cases')!;
    expect(kase.rows[0]).toMatchObject({ state: 'changed-both' });
    expect(kase.rows[0]!.fields).toContainEqual({ column: 'summary', checkedOut: 'Flood maps 2026', laptop: 'Flood maps, laptop', live: 'Flood maps, online' });
    const events = side.sections.find((s) => s.table === 'case_events')!;
    expect(events.rows).toContainEqual(expect.objectContaining({ label: 'clarification-sought, 2026-11-06', state: 'added-offline' }));
    expect(side.offline.map((a) => a.action)).toEqual(['case.updated', 'case.event']);

    expect(refused(await bob.invoke('checkout:merged', { reference: 'FOI/2026/0002', note: 'x' }))).toMatchObject({ code: 'FORBIDDEN' });
    ok(await lee.invoke('checkout:merged', { reference: 'FOI/2026/0002', note: 'Took the clarification; kept the online summary' }));
    expect(ok(await lee.invoke('checkout:keptAside', {}))).toEqual([]);
    expect(ok(await lee.invoke('checkout:keptAside', { all: true }))[0]).toMatchObject({ resolvedBy: 'lee', resolution: 'Took the clarification; kept the online summary' });
  });

  it('released and checked out by a colleague meanwhile: the copy is kept aside, the colleague keeps the case', async () => {
    const ref = ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-12', requester: { name: 'Pat Public' }, summary: 'Street lights' })).reference;
    const mine = tempDir();
    await checkOut(team, 'alice', mine, [ref]);
    const copy = await openCopies(mine);
    ok(await copy.invoke('cases:addNote', { reference: ref, text: 'Alice, offline' }));
    await copy.close();
    ok(await lee.invoke('checkout:release', { reference: ref, reason: 'Bob covers it' }));
    const bobs = tempDir();
    await checkOut(team, 'bob', bobs, [ref]);
    const back = await checkIn(team, 'alice', mine, [ref]);
    expect(back.cases[0]).toMatchObject({ outcome: 'kept-aside', reason: expect.stringMatching(/^lee released it on/) });
    expect(ok(await lee.invoke('checkout:case', { reference: ref })).lease).toMatchObject({ holder: 'bob' });
    expect(ok(await lee.invoke('cases:notes', { reference: ref }))).toEqual([]);
    const audit = ok(await lee.invoke('audit:list', { reference: ref, limit: 10 }));
    expect(audit[0]).toMatchObject({ actor: 'alice', action: 'checkout.kept-aside' });
    expect((await checkIn(team, 'bob', bobs, [ref])).cases[0]!.outcome).toBe('checked-in');
  });
});

describe('at the same instant', () => {
  it('two officers checking out the same case: exactly one has it', async () => {
    const ref = ok(await lee.invoke('cases:create', { regime: 'foia', received: '2026-11-12', requester: { name: 'Pat Public' }, summary: 'Race' })).reference;
    const results = await Promise.allSettled([checkOut(team, 'alice', tempDir(), [ref]), checkOut(team, 'bob', tempDir(), [ref])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CHECKED_OUT' } });
  });

  it('a write in progress when a check-out starts is waited for and copied; none slips in after', async () => {
    const ref = ok(await lee.invoke('cases:create', { regime: 'foia', received: '2026-11-12', requester: { name: 'Pat Public' }, summary: 'Waits' })).reference;
    const [c] = await team.sql<{ id: number }>('bob', 'SELECT id FROM cases WHERE reference = $1', [ref]);
    const writer = new pg.Client({ connectionString: team.url('bob'), options: `-c search_path=${team.schema}` });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query("INSERT INTO case_notes (case_id, author, at, text) VALUES ($1, 'bob', 'x', 'Written while checking out')", [c!.id]);
      const dir = tempDir();
      let settled = false;
      const out = checkOut(team, 'alice', dir, [ref]).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(settled).toBe(false);
      await writer.query('COMMIT');
      await out;
      const copy = await openCopies(dir);
      expect(ok(await copy.invoke('cases:notes', { reference: ref })).map((n) => n.text)).toEqual(['Written while checking out']);
      await copy.close();
      await expect(writer.query("INSERT INTO case_notes (case_id, author, at, text) VALUES ($1, 'bob', 'x', 'Too late')", [c!.id])).rejects.toMatchObject({ code: 'DL001' });
    } finally {
      await writer.end();
    }
  });
});

describe('the command line', () => {
  it('refuses a write to a case out with {"error":{"code":"CHECKED_OUT"}} and exit 1; lists who has what; release is a lead\'s; kept-aside copies are listed and shown', async () => {
    const dir = tempDir();
    const cache = tempDir();
    await checkOut(team, 'alice', dir, ['FOI/2026/0003'], { until: '2026-12-01' });
    const copy = await openCopies(dir);
    ok(await copy.invoke('cases:addNote', { reference: 'FOI/2026/0003', text: 'Offline note' }));
    await copy.close();
    const as = (login: 'bob' | 'lee', args: string[]) => cli([...args, '--database', team.url(login), '--data-dir', cache, '--json']);

    const refusedWrite = as('bob', ['case', 'update', 'FOI/2026/0003', '--summary', 'x']);
    expect(refusedWrite.status).toBe(1);
    expect(refusedWrite.json().error).toMatchObject({ code: 'CHECKED_OUT', message: expect.stringMatching(/checked out by Alice Ng \(alice\) since .*, until 2026-12-01/) });
    expect(refusedWrite.stderr).toMatch(/checked out by Alice Ng/);
    expect(as('bob', ['case', 'checkouts']).json()).toContainEqual(expect.objectContaining({ reference: 'FOI/2026/0003', holder: 'alice', until: '2026-12-01' }));

    const notLead = as('bob', ['case', 'release', 'FOI/2026/0003']);
    expect(notLead.status).toBe(1);
    expect(notLead.json().error.code).toBe('FORBIDDEN');
    const released = as('lee', ['case', 'release', 'FOI/2026/0003', '--reason', 'Needed for a review']);
    expect(released.status, released.stderr).toBe(0);
    expect(released.json()).toMatchObject({ reference: 'FOI/2026/0003', holder: 'alice' });

    const back = cli(['case', 'checkin', 'FOI/2026/0003', '--data-dir', dir, '--database', team.url('alice'), '--json']);
    expect(back.status).toBe(1);
    expect(back.json().cases[0]).toMatchObject({ outcome: 'kept-aside' });
    expect(back.stderr).toMatch(/kept aside for a lead to merge/);
    const listed = as('lee', ['case', 'checkin-conflicts']);
    expect(listed.json()).toContainEqual(expect.objectContaining({ reference: 'FOI/2026/0003', officer: 'alice' }));
    const shown = cli(['case', 'conflict', 'show', 'FOI/2026/0003', '--database', team.url('lee'), '--data-dir', cache]);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/Internal notes:\n {2}Offline note \[added-offline\]/);
    expect(shown.stdout).toMatch(/Made offline:\n.*Added an internal note/);
    const resolved = as('lee', ['case', 'conflict', 'resolve', 'FOI/2026/0003', '--note', 'Note copied across by hand']);
    expect(resolved.status, resolved.stderr).toBe(0);
    expect(as('lee', ['case', 'checkin-conflicts']).json()).not.toContainEqual(expect.objectContaining({ reference: 'FOI/2026/0003' }));
  });
});

describe('a folder used again', () => {
  it('a case checked in while another stays out is taken out again into the same folder; a lead anonymises a copy offline and the record verifies', async () => {
    const a = ok(await lee.invoke('cases:create', { regime: 'foia', received: '2026-11-10', requester: { name: 'Rhiannon Pryce', email: 'rhiannon@example.org' }, summary: 'Bus lanes' })).reference;
    const b = ok(await lee.invoke('cases:create', { regime: 'foia', received: '2026-11-11', requester: { name: 'Pat Public' }, summary: 'Cycle lanes' })).reference;
    ok(await lee.invoke('correspondence:add', { reference: a, direction: 'in', channel: 'email', sentAt: '2026-11-10', subject: 'Request from Rhiannon Pryce', body: 'Dear FOI team, I am Rhiannon Pryce.' }));
    const dir = tempDir();
    await checkOut(team, 'lee', dir, [a, b]);
    expect((await checkIn(team, 'lee', dir, [a])).remaining).toBe(1);
    // Back out, into the folder that still holds the other copy (and what is left of the first).
    await checkOut(team, 'lee', dir, [a]);
    const copy = await openCopies(dir);
    expect(ok(await copy.invoke('cases:get', { reference: a })).correspondence.map((c) => c.subject)).toEqual(['Request from Rhiannon Pryce']);
    ok(await copy.invoke('cases:anonymise', { reference: a }));
    ok(await copy.invoke('cases:addNote', { reference: b, text: 'Still out' }));
    await copy.close();
    expect((await checkIn(team, 'lee', dir, [a, b])).cases.map((c) => c.outcome)).toEqual(['checked-in', 'checked-in']);
    const live = ok(await lee.invoke('cases:get', { reference: a }));
    expect(live.requester.name).not.toBe('Rhiannon Pryce');
    expect(live.correspondence[0]!.subject).not.toContain('Rhiannon');
    expect(ok(await lee.invoke('records:verify', {})).problems).toEqual([]);
    expect(ok(await lee.invoke('cases:notes', { reference: b })).map((n) => n.text)).toContain('Still out');
  });
});

describe('retention and a case out', () => {
  it('a case due for destruction waits while it is checked out, and goes at the first run after it is back', async () => {
    const old = ok(await lee.invoke('cases:create', { regime: 'foia', received: '2019-03-04', requester: { name: 'Old Requester' }, summary: 'Old case' })).reference;
    ok(await lee.invoke('cases:addEvent', { reference: old, type: 'responded', date: '2019-03-20', outcome: 'granted' }));
    ok(await lee.invoke('retention:setPolicy', { regime: 'foia', years: 2, appealYears: 6 }));
    const dir = tempDir();
    await checkOut(team, 'lee', dir, [old]);
    expect(ok(await lee.invoke('retention:apply', { before: '2026-11-20', confirm: true })).destroyed).not.toContain(old);
    await checkIn(team, 'lee', dir, [old]);
    expect(ok(await lee.invoke('retention:apply', { before: '2026-11-20', confirm: true })).destroyed).toContain(old);
  });
});
