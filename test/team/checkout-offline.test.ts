// The round trip with the server stopped in between, on a PostgreSQL cluster of this test's own
// (so that stopping it disturbs no other test): check out with the command line, stop the server,
// work on the copy with the command line and no --database (events, a note, an edit, an estimate,
// an exemption, an email imported with its attachments, a letter sent), start the server, check in.
// Everything arrives, with its audit rows keeping the laptop's times and the officer as actor, the
// files byte for byte, the chain verifying; the laptop's copy is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../src/main/core';
import { openAppCore } from '../../src/main/core/open-app';
import { sha256Hex } from '../../src/main/core/blobs';
import { ok } from '../helpers/core';
import { eml } from '../fixtures/mail/make-fixtures';
import { cli, makeTeam, tempDir, type Team } from '../helpers/checkout';
// @ts-expect-error a plain script without type declarations
import { startCluster, stopCluster } from '../../scripts/pg-cluster.mjs';

const clusterDir = mkdtempSync(join(tmpdir(), 'disclose-pg-offline-'));
let team: Team;
let alice: Core;
let bob: Core;
const REF = 'FOI/2026/0001';

beforeAll(async () => {
  const admin = new URL((startCluster as (d: string) => string)(clusterDir));
  admin.searchParams.set('schema', 'disclose');
  team = await makeTeam(admin.toString(), 'disclose');
  const files = tempDir();
  const mail = join(files, 'request.eml');
  writeFileSync(mail, eml.alternativeWithInlineAndPdf);
  alice = await team.core('alice', { host: { chooseFiles: async () => [mail], chooseSavePath: async () => null, printPdf: async () => false } });
  bob = await team.core('bob');
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-16', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org' }, summary: 'Gritting routes' }));
  ok(await alice.invoke('correspondence:importChosen', { reference: REF }));
  ok(await alice.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s40(2)', engagement: 'Names of junior staff' }));
}, 120_000);
afterAll(async () => {
  await team?.close();
  (stopCluster as (d: string) => void)(clusterDir);
});

describe('check out, stop the server, work offline, start it, check in', () => {
  it('round trip through the command line', async () => {
    const dir = tempDir();
    const letter = join(tempDir(), 'ack.pdf');
    const extra = join(tempDir(), 'tender.pdf');
    writeFileSync(extra, '%PDF-1.4\n% the tender evaluation, filed on the train\n%%EOF\n');
    const url = team.url('alice');
    const out = cli(['case', 'checkout', REF, '--data-dir', dir, '--database', url, '--until', '2026-12-11', '--today', '2026-11-20', '--json']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.json()).toMatchObject({ login: 'alice', cases: [{ reference: REF, until: '2026-12-11' }] });
    expect(out.json().cases[0].files).toBeGreaterThanOrEqual(3); // the message, its inline image and its PDF
    const before = ok(await alice.invoke('cases:get', { reference: REF }));
    const filesBefore = before.correspondence.flatMap((c) => c.attachments);
    expect(filesBefore.length).toBeGreaterThan(0);

    // The server goes away.
    (stopCluster as (d: string, o: { keep: boolean }) => void)(clusterDir, { keep: true });
    const unreachable = cli(['case', 'show', REF, '--database', url, '--json']);
    expect(unreachable.status).toBe(1);
    expect(unreachable.json().error.code).toBe('OFFLINE');

    // Offline: the copy is a normal register, the officer is the login that checked it out.
    const offline = (args: string[]) => {
      const r = cli([...args, '--data-dir', dir, '--json']);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.json();
    };
    const copy = offline(['case', 'show', REF]);
    expect(copy).toMatchObject({ reference: REF, summary: 'Gritting routes', officer: 'alice' });
    expect(copy.correspondence.flatMap((c: { attachments: unknown[] }) => c.attachments)).toHaveLength(filesBefore.length);
    offline(['case', 'event', REF, '--type', 'clarification-sought', '--date', '2026-11-18', '--note', 'Which roads?']);
    offline(['case', 'update', REF, '--summary', 'Gritting routes, winter 2026']);
    offline(['case', 'note', REF, '--text', 'Called Highways from the train']);
    offline(['cost', REF, '--line', 'locating:10:30:route files']);
    offline(['exemption', REF, '--apply', 'FOIA s43(2)', '--item', 'Contract prices', '--engagement', 'Commercial', '--pit-for', 'Openness', '--pit-against', 'Prices', '--balance', 'Withhold']);
    offline(['import', REF, extra, '--role', 'evidence']);
    offline(['letter', REF, '--kind', 'acknowledgement', '--out', letter, '--sent', '2026-11-19', '--via', 'email', '--today', '2026-11-20']);
    expect(offline(['verify']).ok).toBe(true);
    // Only the copies can change here: a new case is refused.
    const created = cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-19', '--requester', 'Pat', '--data-dir', dir, '--json']);
    expect(created.status).toBe(1);
    expect(created.json().error.code).toBe('CHECKED_OUT');
    const laptop = offline(['case', 'show', REF]);

    // The server comes back.
    (startCluster as (d: string) => string)(clusterDir);
    const back = cli(['case', 'checkin', REF, '--data-dir', dir, '--database', url, '--json']);
    expect(back.status, back.stderr).toBe(0);
    const result = back.json();
    expect(result).toMatchObject({ remaining: 0, cases: [{ reference: REF, outcome: 'checked-in', offline: 7 }] });
    expect(result.cases[0].changes.added).toBeGreaterThanOrEqual(6);
    // The laptop holds nothing any more.
    expect(existsSync(join(dir, 'disclose.sqlite3'))).toBe(false);
    expect(existsSync(join(dir, 'blobs'))).toBe(false);

    // Everything on the team database, as a colleague on another computer reads it.
    const fresh = await team.core('bob');
    const live = ok(await fresh.invoke('cases:get', { reference: REF }));
    expect(live.summary).toBe('Gritting routes, winter 2026');
    expect(live.events.map((e) => e.type).sort()).toEqual(laptop.events.map((e: { type: string }) => e.type).sort());
    expect(live.events.find((e) => e.type === 'clarification-sought')).toMatchObject({ date: '2026-11-18', note: 'Which roads?' });
    expect(live.correspondence.map((c) => c.subject).sort()).toEqual(laptop.correspondence.map((c: { subject: string }) => c.subject).sort());
    expect(ok(await fresh.invoke('cases:notes', { reference: REF })).map((n) => [n.author, n.text])).toContainEqual(['alice', 'Called Highways from the train']);
    expect(ok(await fresh.invoke('exemptions:list', { reference: REF })).map((e) => e.ref.section)).toEqual(expect.arrayContaining(['40', '43']));
    expect(ok(await fresh.invoke('costs:get', { reference: REF })).comply?.lines).toHaveLength(1);
    const added = live.attachments.find((a) => a.filename === 'tender.pdf')!;
    const bytes = Buffer.from(ok(await fresh.invoke('attachments:content', { id: added.id })).dataBase64!, 'base64');
    expect(sha256Hex(bytes)).toBe(added.sha256);
    expect(ok(await fresh.invoke('search:query', { query: 'winter' })).map((h) => h.reference)).toContain(REF);

    // The audit rows: each change made offline, by alice, recorded by the server now with the laptop's time kept.
    const audit = ok(await fresh.invoke('audit:list', { reference: REF, limit: 50 })).reverse();
    const offlineRows = audit.filter((a) => a.occurredAt !== null);
    expect(offlineRows.map((a) => a.action)).toEqual(['case.event', 'case.updated', 'case.note', 'costs.estimated', 'exemption.applied', 'attachment.added', expect.stringMatching(/^(letter|correspondence)\./)].slice(0, offlineRows.length));
    expect(offlineRows).toHaveLength(7);
    for (const a of offlineRows) {
      expect(a.actor).toBe('alice');
      expect(a.occurredAt! <= a.at).toBe(true);
    }
    // The check-in itself, recorded by the server as the lease came back, before the changes it brought.
    const checkedIn = audit.findIndex((a) => a.action === 'case.checked-in');
    expect(audit[checkedIn]).toMatchObject({ actor: 'alice', occurredAt: null, detail: expect.objectContaining({ offline: 7 }) });
    expect(audit.slice(checkedIn + 1).map((a) => a.occurredAt !== null)).toEqual(Array(7).fill(true));
    expect(audit.some((a) => a.action === 'case.checked-out')).toBe(true);
    const lee = await team.core('lee');
    expect(ok(await lee.invoke('records:verify', {})).problems).toEqual([]);

    // Returned: colleagues may change it again.
    ok(await bob.invoke('cases:update', { reference: REF, changes: { summary: 'Gritting routes (bob)' } }));
  }, 180_000);

  it('the app: checks out into its data folder, opens the copies when the server is out of reach (or when asked), checks in online', async () => {
    const ref = ok(await alice.invoke('cases:create', { regime: 'eir', received: '2026-11-18', requester: { name: 'Pat Public' }, summary: 'Flood maps' })).reference;
    const dataDir = tempDir();
    const app = () => openAppCore({ dataDir, database: team.url('alice'), resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00Z') });
    let core = await app();
    expect(ok(await core.invoke('checkout:take', { references: [ref] })).cases[0]).toMatchObject({ until: '2026-12-04' });
    expect(ok(await core.invoke('checkout:state', {}))).toMatchObject({ mode: 'online', copies: [{ reference: ref, status: 'out', changes: 0 }] });
    expect(ok(await core.invoke('checkout:workOffline', { offline: true }))).toEqual({ offline: true, restartNeeded: true });
    await core.close();

    // Asked to work offline: the copies open although the server is in reach.
    core = await app();
    expect(ok(await core.invoke('checkout:state', {}))).toMatchObject({ mode: 'offline', workOffline: true });
    ok(await core.invoke('cases:addNote', { reference: ref, text: 'First note offline' }));
    expect(ok(await core.invoke('checkout:workOffline', { offline: false }))).toEqual({ offline: false, restartNeeded: true });
    await core.close();

    // The server out of reach: the copies open all the same.
    (stopCluster as (d: string, o: { keep: boolean }) => void)(clusterDir, { keep: true });
    try {
      core = await app();
      expect(ok(await core.invoke('checkout:state', {}))).toMatchObject({ mode: 'offline', copies: [{ reference: ref, status: 'out', changes: 1 }] });
      expect(ok(await core.invoke('cases:list', {})).map((c) => c.reference)).toEqual([ref]);
      ok(await core.invoke('cases:addNote', { reference: ref, text: 'Second note offline' }));
      // Checking in needs the server.
      expect((await core.invoke('checkout:checkin', { references: [ref] })) as { error?: { code: string } }).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
      await core.close();
    } finally {
      (startCluster as (d: string) => string)(clusterDir);
    }

    // Back online: the copies are checked in from the folder, which is then emptied.
    core = await app();
    expect(ok(await core.invoke('checkout:state', {}))).toMatchObject({ mode: 'online', copies: [{ reference: ref, changes: 2 }] });
    expect(ok(await core.invoke('checkout:checkin', { references: [ref] }))).toMatchObject({ remaining: 0, cases: [{ outcome: 'checked-in', offline: 2 }] });
    expect(existsSync(join(dataDir, 'checked-out', 'disclose.sqlite3'))).toBe(false);
    expect(ok(await core.invoke('cases:notes', { reference: ref })).map((n) => n.text).sort()).toEqual(['First note offline', 'Second note offline']);
    expect(ok(await core.invoke('checkout:state', {})).copies).toEqual([]);
    await core.close();
  }, 180_000);
});
