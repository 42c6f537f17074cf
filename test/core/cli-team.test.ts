// The team commands of the command line, on the local register (core) and on the team database
// (core-pg): allocation, "my cases", internal notes, and a save from an old version refused.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { userInfo } from 'node:os';
import { runCli } from '../helpers/cli';
import { onTeamDatabase } from '../helpers/team';

/** Who the command line acts as: the login on the team database, the system user on a local register. */
const me = onTeamDatabase ? 'test-officer' : userInfo().username;

const SETTINGS = ['settings', 'set', '--name', 'Borsetshire County Council', '--address', 'County Hall', '--email', 'foi@example.gov.uk', '--signatory-name', 'Alex Morgan', '--signatory-title', 'Officer', '--reference-format', '{regime}/{yyyy}/{seq:4}'];

describe('case assign, case list --mine/--officer, case note, case update --if-version', () => {
  it('allocates, filters, notes, and refuses a save made from an older version with CONFLICT', () => {
    const dir = tempDir();
    expect(runCli(SETTINGS, dir).status).toBe(0);
    const made = runCli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Zoë Ó Dónaill-Nguyễn 王', '--summary', 'Potholes', '--json', '--today', '2026-11-20'], dir);
    expect(made.status, made.stderr).toBe(0);
    const kase = made.json();
    expect(kase).toMatchObject({ reference: 'FOI/2026/0001', officer: me, version: 1 });

    // "My cases": the creator's; another officer's list is empty.
    expect(runCli(['case', 'list', '--mine', '--json'], dir).json().map((c: { reference: string }) => c.reference)).toEqual(['FOI/2026/0001']);
    expect(runCli(['case', 'list', '--officer', 'someone-else', '--json'], dir).json()).toEqual([]);
    expect(runCli(['case', 'list', '--mine', '--officer', 'x'], dir).status).toBe(2);

    // A note, with its author and time, listed newest first.
    const note = runCli(['case', 'note', 'FOI/2026/0001', '--text', 'Spoke to Highways: data due Friday', '--json'], dir);
    expect(note.status, note.stderr).toBe(0);
    expect(note.json()).toMatchObject({ author: me, text: 'Spoke to Highways: data due Friday' });
    expect(runCli(['case', 'notes', 'FOI/2026/0001', '--json'], dir).json()).toHaveLength(1);

    // case show --json has the version; a save from it succeeds and moves it on.
    const shown = runCli(['case', 'show', 'FOI/2026/0001', '--json'], dir).json();
    expect(shown.version).toBe(2);
    const saved = runCli(['case', 'update', 'FOI/2026/0001', '--summary', 'Potholes, 2025', '--if-version', String(shown.version), '--json'], dir);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.json().version).toBe(3);

    // The same old version again: refused, exit 1, CONFLICT naming who changed what, nothing saved.
    const stale = runCli(['case', 'update', 'FOI/2026/0001', '--summary', 'Something else', '--if-version', String(shown.version), '--json'], dir);
    expect(stale.status).toBe(1);
    const error = stale.json().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed by someone else/);
    expect(error.message).toContain(`${me} at `);
    expect(error.message).toMatch(/at \d\d:\d\d on \d{4}-\d\d-\d\d: Edited summary/);
    expect(runCli(['case', 'show', 'FOI/2026/0001', '--json'], dir).json()).toMatchObject({ summary: 'Potholes, 2025', version: 3 });
    expect(runCli(['case', 'update', 'FOI/2026/0001', '--summary', 'x', '--if-version', 'two'], dir).status).toBe(2);

    // Allocation (the local officer is their own lead; on the team database the test login is a lead).
    const assigned = runCli(['case', 'assign', 'FOI/2026/0001', '--to', me, '--json'], dir);
    expect(assigned.status, assigned.stderr).toBe(0);
    const workload = runCli(['team', 'workload', '--json', '--today', '2026-11-20'], dir);
    expect(workload.status, workload.stderr).toBe(0);
    expect(workload.json()).toContainEqual(expect.objectContaining({ officer: me, active: 1 }));
  });
});
