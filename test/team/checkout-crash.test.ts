// A check-in killed with SIGKILL leaves all or nothing on the team database, and running it again
// finishes it. The command line runs as a child process; the test holds it at a chosen instant by
// holding a lock it must wait for (the audit chain's advisory lock on the server, which the
// check-in takes after writing the case's rows; or the local register's write lock, which it takes
// after the server has committed), then kills it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Core } from '../../src/main/core';
import { ok } from '../helpers/core';
import { sleep } from '../helpers/children';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, makeTeam, openCopies, tempDir, type Team } from '../helpers/checkout';

const AUDIT_LOCK = 1146307404;
let team: Team;
let alice: Core;
let bob: Core;

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  alice = await team.core('alice');
  bob = await team.core('bob');
  for (const summary of ['Gritting routes', 'Flood maps', 'Library tenders']) {
    ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat Public' }, summary }));
  }
});
afterAll(async () => {
  await team?.close();
});

/** The command line's check-in, as a child process that can be killed. */
function checkinChild(ref: string, dir: string) {
  const proc = spawn(process.execPath, ['scripts/cli.mjs', 'case', 'checkin', ref, '--data-dir', dir, '--database', team.url('alice'), '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => proc.on('exit', (code, signal) => res({ code, signal })));
  return { proc, exited, stderr: () => stderr };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function adminSession(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: team.admin, options: `-c search_path=${team.schema}` });
  await c.connect();
  return c;
}

const aliceBackends = async (admin: pg.Client, waiting: boolean) =>
  (await admin.query(`SELECT pid FROM pg_stat_activity WHERE usename = 'alice' ${waiting ? "AND wait_event = 'advisory'" : ''}`)).rows.length;

async function workOffline(dir: string, ref: string): Promise<void> {
  const copy = await openCopies(dir);
  ok(await copy.invoke('cases:update', { reference: ref, changes: { summary: 'Changed offline' } }));
  for (let i = 1; i <= 3; i++) ok(await copy.invoke('cases:addNote', { reference: ref, text: `Offline note ${i}` }));
  ok(await copy.invoke('cases:addEvent', { reference: ref, type: 'clarification-sought', date: '2026-11-05' }));
  await copy.close();
}

const notesOf = async (ref: string) => ok(await bob.invoke('cases:notes', { reference: ref })).length;

describe('kill -9 in the middle of a check-in', () => {
  it('killed inside the team database transaction: nothing is written, the lease is still held, the copy stays frozen; again, all is written', async () => {
    const ref = 'FOI/2026/0001';
    const dir = tempDir();
    await checkOut(team, 'alice', dir, [ref]);
    await workOffline(dir, ref);
    const admin = await adminSession();
    try {
      await admin.query('SELECT pg_advisory_lock($1)', [AUDIT_LOCK]);
      const child = checkinChild(ref, dir);
      // The check-in has returned the lease and written the case's rows in its transaction, and waits to audit them.
      await until('the check-in to wait for the audit lock', async () => (await aliceBackends(admin, true)) > 0 || (child.proc.exitCode !== null && Promise.reject(new Error(child.stderr()))));
      const inFlight = await admin.query(`SELECT count(*)::int AS n FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.reference = $1`, [ref]);
      expect(inFlight.rows[0].n).toBe(0);
      child.proc.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      await admin.query('SELECT pg_advisory_unlock($1)', [AUDIT_LOCK]);
      // The server notices the client is gone and rolls the transaction back.
      await until('the killed check-in to end on the server', async () => (await aliceBackends(admin, false)) === 0);
    } finally {
      await admin.end();
    }
    expect(await notesOf(ref)).toBe(0);
    expect(ok(await bob.invoke('cases:get', { reference: ref })).summary).toBe('Gritting routes');
    expect(ok(await bob.invoke('checkout:case', { reference: ref })).lease).toMatchObject({ holder: 'alice' });
    expect((await team.sql('lee', 'SELECT count(*)::int AS n FROM audit_log WHERE occurred_at IS NOT NULL'))[0]).toEqual({ n: 0 });
    // The copy is frozen: what was sent is what will be sent again.
    const copy = await openCopies(dir);
    expect(ok(await copy.invoke('checkout:state', {})).copies).toEqual([expect.objectContaining({ reference: ref, status: 'checking-in', changes: 5 })]);
    const frozen = await copy.invoke('cases:addNote', { reference: ref, text: 'one more' });
    expect(frozen.ok ? null : frozen.error.code).toBe('CHECKED_OUT');
    await copy.close();

    const again = await checkIn(team, 'alice', dir, [ref]);
    expect(again.cases[0]).toMatchObject({ outcome: 'checked-in', offline: 5 });
    expect(await notesOf(ref)).toBe(3);
    expect(ok(await bob.invoke('cases:get', { reference: ref })).summary).toBe('Changed offline');
    expect(ok(await bob.invoke('checkout:case', { reference: ref })).lease).toBeNull();
    const lee = await team.core('lee');
    expect(ok(await lee.invoke('records:verify', {})).problems).toEqual([]);
  }, 120_000);

  it('killed after the team database committed, before the laptop heard: run again, it finishes without writing twice', async () => {
    const ref = 'FOI/2026/0002';
    const dir = tempDir();
    await checkOut(team, 'alice', dir, [ref]);
    await workOffline(dir, ref);
    const admin = await adminSession();
    const local = new Database(join(dir, 'disclose.sqlite3'));
    try {
      await admin.query('SELECT pg_advisory_lock($1)', [AUDIT_LOCK]);
      const child = checkinChild(ref, dir);
      await until('the check-in to wait for the audit lock', async () => (await aliceBackends(admin, true)) > 0 || (child.proc.exitCode !== null && Promise.reject(new Error(child.stderr()))));
      // The laptop's register is held busy, so that the check-in cannot record its answer there.
      local.prepare('BEGIN IMMEDIATE').run();
      await admin.query('SELECT pg_advisory_unlock($1)', [AUDIT_LOCK]);
      await until('the team database to commit the check-in', async () => (await team.sql<{ n: number }>('lee', `SELECT count(*)::int AS n FROM case_leases l JOIN cases c ON c.id = l.case_id WHERE c.reference = $1 AND l.release_kind = 'checked-in'`, [ref]))[0]!.n === 1);
      child.proc.kill('SIGKILL');
      await child.exited;
      local.prepare('ROLLBACK').run();
    } finally {
      local.close();
      await admin.end();
    }
    expect(await notesOf(ref)).toBe(3);
    const again = await checkIn(team, 'alice', dir, [ref]);
    expect(again.cases[0]).toMatchObject({ outcome: 'checked-in' });
    expect(await notesOf(ref)).toBe(3);
    expect((await team.sql<{ n: number }>('lee', `SELECT count(*)::int AS n FROM audit_log a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1 AND a.action = 'case.checked-in'`, [ref]))[0]!.n).toBe(1);
  }, 120_000);

  it('a stale copy of the folder (restored from a backup) coming back is kept aside, never written over the case', async () => {
    const ref = 'FOI/2026/0003';
    const dir = tempDir();
    await checkOut(team, 'alice', dir, [ref]);
    await workOffline(dir, ref);
    const stale = tempDir();
    cpSync(dir, stale, { recursive: true });
    await checkIn(team, 'alice', dir, [ref]);
    ok(await bob.invoke('cases:update', { reference: ref, changes: { summary: 'After the check-in' } }));
    const back = await checkIn(team, 'alice', stale, [ref]);
    expect(back.cases[0]).toMatchObject({ outcome: 'kept-aside', reason: expect.stringMatching(/checked in already on \d{4}-\d\d-\d\d/) });
    expect(ok(await bob.invoke('cases:get', { reference: ref })).summary).toBe('After the check-in');
    expect(await notesOf(ref)).toBe(3);
  }, 120_000);
});
