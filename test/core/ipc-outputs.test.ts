// Every channel's answer against its output schema: one tour of the contract with valid input,
// on a real core, parsing each answer with the schema its feature declares (features/*.ts). A
// channel the tour misses fails the first test, so a new channel needs its step here.
import { freshTeamSchema } from '../helpers/team';
import { teamInit } from '../../src/main/core/db/team-admin';
import { readConnection } from '../../src/main/core/connection-setting';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { IPC_CHANNELS, type Channel } from '../../src/shared/ipc/channels';
import { CONTRACT } from '../../src/shared/ipc/features';
import type { Input, Output } from '../../src/shared/ipc/contract';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { mixedPdf } from '../helpers/redaction-pdfs';

const files = tempDir('disclose-outputs-');
const note = join(files, 'note.txt');
writeFileSync(note, 'A note about the library tenders.');
let core: Core;
const answered = new Map<Channel, unknown>();

/** Calls a channel with valid input; the answer must be ok, parse with its schema and lose nothing in parsing. */
async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const value = ok(await core.invoke(channel, input));
  const parsed = CONTRACT[channel].output.safeParse(value);
  expect(parsed.success ? null : parsed.error.issues, channel).toBeNull();
  // A field the schema does not declare would be stripped by parsing: the answer and the parse agree.
  expect(parsed.data, channel).toEqual(value);
  answered.set(channel, value);
  return value;
}

beforeAll(async () => {
  core = await testCore({
    checkOutputs: false, // this test parses the answers itself, and reports every mismatch
    host: {
      chooseSavePath: async ({ defaultName, slot }) => join(files, `${slot ?? 'out'}-${Date.now()}-${defaultName}`),
      printPdf: async () => true,
      chooseFiles: async () => [note],
      revealFile: async () => undefined,
      takeFiles: (tokens) => tokens.map(() => note),
      openedFiles: () => [{ token: 'a-ticket-of-sixteen-or-more', name: 'note.txt', size: 33 }],
    },
  });
});
afterAll(() => core.close());

describe('every channel answers in the shape its contract declares', () => {
  it('tours the whole contract with valid input', async () => {
    await call('app:info', {});
    expect(await call('app:opening', {})).toEqual({ opening: false, step: '', done: 0, total: 0 });
    await call('settings:get', {});
    await call('settings:update', AUTHORITY);
    const requester = { name: 'Sam Requester', email: 'sam@example.org' };
    const { reference } = await call('cases:create', { regime: 'foia', received: '2026-11-02', requester, summary: 'Library refurbishment tenders' });
    const other = (await call('cases:create', { regime: 'foia', received: '2026-11-04', requester, summary: 'Library refurbishment costs' })).reference;
    await call('cases:list', {});
    const first = (await call('cases:page', { limit: 1, sort: 'reference' })) as { next: string | null };
    await call('cases:page', { limit: 1, sort: 'reference', ...(first.next ? { after: first.next } : {}) });
    await call('cases:get', { reference });
    await call('cases:update', { reference, changes: { summary: 'Library refurbishment tenders 2026' } });
    const acknowledged = (await call('cases:addEvent', { reference, type: 'acknowledged', date: '2026-11-03' })).events.find((e) => e.type === 'acknowledged')!;
    await call('cases:voidEvent', { reference, eventId: acknowledged.id, reason: 'Recorded on the wrong case' });
    await call('audit:list', { reference, limit: 5 });
    await call('deadlines:compute', { clock: 'foi-response', from: '2026-11-02', pausedFrom: '2026-11-05', pausedTo: '2026-11-06' });
    await call('holidays:list', {});
    await call('holidays:add', { date: '2026-11-25', region: 'england-and-wales', name: 'A proclaimed day' });
    await call('holidays:remove', { date: '2026-11-25', region: 'england-and-wales' });

    await call('costs:set', { reference, lines: [{ activity: 'locating', description: 'Tender files', quantity: 30, minutesEach: 20, sample: { items: 3, minutes: 60 } }] });
    await call('costs:setAdvice', { reference, s16Advice: 'Narrow the request to one year.' });
    await call('costs:link', { reference, other, reason: 'Same requester, similar information' });
    await call('costs:get', { reference });
    await call('costs:unlink', { reference, other });

    await call('exemptions:catalogue', {});
    await call('exemptions:apply', { reference, provision: 'FOIA s40(2)', engagement: 'Junior staff names' });
    await call('exemptions:apply', { reference, provision: 'FOIA s43(2)', item: 'Prices', engagement: 'Tender prices', publicInterestFor: 'Openness', publicInterestAgainst: 'Competition', balance: 'Withhold' });
    await call('exemptions:list', { reference });
    await call('exemptions:remove', { reference, provision: 'FOIA s43(2)', item: 'Prices' });

    const phone = (await call('correspondence:add', { reference, direction: 'in', channel: 'phone', sentAt: '2026-11-05', subject: 'Call', body: 'Asked about progress' })).at(-1)!;
    await call('correspondence:mark', { reference, id: phone.id, as: 'clarification-received' });
    const pdf = await mixedPdf();
    const imported = await call('correspondence:import', { reference, role: 'disclosed', files: [{ name: 'tender evaluation.pdf', data: Buffer.from(pdf.bytes).toString('base64') }] });
    const pdfId = imported.added[0]!.id;
    const chosen = await call('correspondence:importChosen', { reference });
    await call('correspondence:importFiles', { reference, role: 'evidence', tokens: ['a-ticket-of-sixteen-or-more'] });
    await call('correspondence:list', { reference });
    const noteItem = (await call('correspondence:add', { reference, direction: 'out', channel: 'post', sentAt: '2026-11-06', subject: 'Sent in error' })).at(-1)!;
    await call('correspondence:void', { reference, id: noteItem.id, reason: 'Never sent' });
    await call('files:opened', {});
    await call('attachments:content', { id: pdfId });
    await call('attachments:save', { id: pdfId });
    await call('attachments:setRole', { id: chosen.added[0]!.id, role: 'evidence' });
    await call('search:query', { query: 'tenders' });
    await call('text:read', {});
    expect(await call('text:pending', { reference })).toMatchObject({ pending: 0 });

    await call('letters:templates', {});
    await call('letters:saveTemplate', { kind: 'acknowledgement', subject: 'Your request {{case.reference}}', body: 'We have your request.' });
    await call('letters:resetTemplate', { kind: 'acknowledgement' });
    await call('letters:draft', { reference, kind: 'acknowledgement' });
    await call('letters:setDraft', { reference, kind: 'response', fields: { outcome: 'provided', informationProvided: 'The tender evaluation, redacted, is enclosed.' } });
    await call('letters:save', { reference, kind: 'response' });
    await call('letters:print', { reference, kind: 'acknowledgement' });
    await call('letters:docxTemplate', {});
    await call('letters:saveDocx', { reference, kind: 'acknowledgement' });
    await call('letters:setDocxTemplate', { clear: true });

    const target = { kind: 'attachment', id: pdfId } as const;
    await call('redaction:page', { reference, target, page: 1 });
    await call('redaction:search', { reference, target, query: 'jane smith', code: 's40(2)' });
    const mark = await call('redaction:mark', { reference, target, page: 4, box: { x: 10, y: 700, w: 50, h: 50 }, code: 's40(2)' });
    await call('redaction:remove', { reference, id: mark.id });
    await call('redaction:list', { reference });
    await call('redaction:produce', { reference, target });
    await call('pack:export', { reference, format: 'zip' });

    await call('bundles:plan', { reference, forum: 'ico', forumReference: 'IC-123456-A1B2' });
    await call('bundles:export', { reference, forum: 'ico', forumReference: 'IC-123456-A1B2', kind: 'zip', jobId: 'tour-job-1' });
    await call('bundles:progress', { jobId: 'tour-job-1' });
    await call('bundles:cancel', { jobId: 'tour-job-1' });

    await call('cases:addEvent', { reference, type: 'responded', date: '2026-11-20', outcome: 'part-granted' });
    await call('disclosure:publish', { reference, title: 'Library tenders', summary: 'The evaluation, names withheld.' });
    await call('disclosure:get', { reference });
    await call('disclosure:export', { from: '2026-01-01', to: '2026-12-31' });
    await call('reports:dashboard', {});
    await call('reports:timeliness', { from: '2026-01-01', to: '2026-12-31' });
    await call('reports:statistics', { from: '2026-01-01', to: '2026-12-31' });
    await call('reports:saveStatistics', { from: '2026-01-01', to: '2026-12-31', format: 'csv' });

    await call('team:whoami', {});
    await call('team:officers', {});
    await call('team:workload', {});
    const whoami = await call('team:whoami', {});
    await call('cases:assign', { reference, to: (whoami as { actor: string }).actor });
    await call('cases:addNote', { reference, text: 'Internal: asked Highways for the figures' });
    await call('cases:notes', { reference });
    // Choosing the team database in Settings: tested, then written for the next start, then undone
    // (where PostgreSQL is installed; without it only going back to this computer's register).
    if (inject('pgUrl')) {
      const { url: teamUrl } = await freshTeamSchema();
      await teamInit(teamUrl);
      expect(await call('team:test', { url: teamUrl })).toMatchObject({ ready: true, login: 'disclose_admin' });
      expect(await call('team:choose', { url: teamUrl })).toMatchObject({ restartNeeded: true });
      expect(readConnection(core.dataDir)).toBe(teamUrl);
    } else answered.set('team:test', null);
    expect(await call('team:choose', { url: null })).toEqual({ database: null, restartNeeded: true });
    expect(readConnection(core.dataDir)).toBeUndefined();

    await call('records:verify', {});
    await call('records:configureBackups', { folder: tempDir('disclose-outputs-backups-'), everyHours: 24, keep: 3 });
    await call('records:backupNow', {});
    await call('records:backupStatus', {});
    await call('retention:setPolicy', { regime: 'foia', years: 6, appealYears: 10 });
    await call('retention:list', {});
    await call('retention:apply', { before: '2000-01-01', confirm: true });
    await call('cases:anonymise', { reference: other });

    // A demo register fills only an empty register: one of its own.
    const empty = await testCore({ checkOutputs: false });
    try {
      const summary = ok(await empty.invoke('demo:generate', { cases: 3, messages: 12, seed: 'outputs' }));
      const parsed = CONTRACT['demo:generate'].output.safeParse(summary);
      expect(parsed.success ? null : parsed.error.issues, 'demo:generate').toBeNull();
      expect(parsed.data).toEqual(summary);
      answered.set('demo:generate', summary);
    } finally {
      await empty.close();
    }
    // Taking cases offline: on this register (a register of its own), then on a team database.
    await call('checkout:state', {});
    await call('checkout:leases', {});
    await call('checkout:case', { reference });
    await call('checkout:keptAside', {});
    if (inject('pgUrl')) {
      const { url: teamUrl } = await freshTeamSchema();
      await teamInit(teamUrl);
      const own = core;
      core = await openCore({ dataDir: tempDir(), database: teamUrl, resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00'), checkOutputs: false });
      try {
        await call('settings:update', AUTHORITY);
        const out = (await call('cases:create', { regime: 'foia', received: '2026-11-02', requester, summary: 'Taken offline' })).reference;
        await call('checkout:take', { references: [out], until: '2026-12-01' });
        expect((await call('checkout:state', {})).copies).toEqual([expect.objectContaining({ reference: out, status: 'out' })]);
        await call('checkout:leases', {});
        await call('checkout:case', { reference: out });
        expect(await call('checkout:workOffline', { offline: true })).toEqual({ offline: true, restartNeeded: true });
        await call('checkout:workOffline', { offline: false });
        await call('checkout:release', { reference: out, reason: 'Tour of the contract' });
        expect((await call('checkout:checkin', { references: [out] })).cases[0]!.outcome).toBe('kept-aside');
        const kept = (await call('checkout:keptAside', {}))[0]!;
        await call('checkout:keptAsideCopy', { id: kept.id });
        await call('checkout:merged', { id: kept.id, note: 'Nothing to merge' });
      } finally {
        await core.close();
        core = own;
      }
    } else for (const c of ['checkout:take', 'checkout:release', 'checkout:checkin', 'checkout:keptAsideCopy', 'checkout:merged', 'checkout:workOffline'] as const) answered.set(c, null);

    expect(IPC_CHANNELS.filter((c) => !answered.has(c))).toEqual([]);
  }, 120_000);

  it('turns an answer that breaks its schema into an internal error naming the field, when checking is on', async () => {
    const checked = await testCore({ checkOutputs: true });
    try {
      const real = checked.handlers['app:info'];
      (checked.handlers as unknown as Record<string, unknown>)['app:info'] = async () => ({ ...(await real({})), version: 7 });
      expect(await checked.invoke('app:info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('app:info does not match the contract: version') } });
    } finally {
      await checked.close();
    }
  });
});
