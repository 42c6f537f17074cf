// Every kind of change a copy can carry comes back whole: two cases checked out together, worked on
// offline with what the app does (events, a message linked to an event made offline, a message
// voided, files imported and their roles, redaction marks added and removed, an exemption applied
// and one removed, estimate lines replaced, the cases aggregated, a letter draft, the disclosure
// log, notes, an edit), then checked in together: each case on the team database reads exactly as
// the copy did, numbers aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { mixedPdf } from '../helpers/redaction-pdfs';
import { checkIn, checkOut, makeTeam, openCopies, tempDir, type Team } from '../helpers/checkout';

let team: Team;
let alice: Core;
const A = 'FOI/2026/0001';
const B = 'FOI/2026/0002';

/** The case as the officer reads it, without the numbers each register gives its rows. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'id' && !k.endsWith('Id') && k !== 'version').map(([k, x]) => [k, strip(x)]));
  return v;
}

async function snapshot(core: Core, ref: string) {
  const { version: _v, ...kase } = ok(await core.invoke('cases:get', { reference: ref }));
  return strip({
    kase,
    notes: ok(await core.invoke('cases:notes', { reference: ref })).map((n) => [n.author, n.text]),
    exemptions: ok(await core.invoke('exemptions:list', { reference: ref })),
    costs: ok(await core.invoke('costs:get', { reference: ref })),
    redaction: ok(await core.invoke('redaction:list', { reference: ref })),
    publication: ok(await core.invoke('disclosure:get', { reference: ref })),
    draft: ok(await core.invoke('letters:draft', { reference: ref, kind: 'response' })).fields,
  });
}

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  alice = await team.core('alice');
  const requester = { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org' };
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester, summary: 'Library tenders' }));
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-04', requester, summary: 'Library costs' }));
  const pdf = await mixedPdf();
  ok(await alice.invoke('correspondence:import', { reference: A, role: 'disclosed', files: [{ name: 'evaluation.pdf', data: Buffer.from(pdf.bytes).toString('base64') }] }));
  ok(await alice.invoke('correspondence:add', { reference: A, direction: 'in', channel: 'phone', sentAt: '2026-11-05', subject: 'Call', body: 'Asked about progress' }));
  ok(await alice.invoke('correspondence:add', { reference: A, direction: 'out', channel: 'post', sentAt: '2026-11-06', subject: 'Letter in error' }));
  ok(await alice.invoke('exemptions:apply', { reference: A, provision: 'FOIA s40(2)', engagement: 'Junior staff names' }));
  ok(await alice.invoke('exemptions:apply', { reference: A, provision: 'FOIA s43(2)', item: 'Prices', engagement: 'Tender prices' }));
  ok(await alice.invoke('costs:set', { reference: A, lines: [{ activity: 'locating', description: 'Tender files', quantity: 30, minutesEach: 20 }] }));
  const pdfId = ok(await alice.invoke('cases:get', { reference: A })).attachments[0]!.id;
  ok(await alice.invoke('redaction:mark', { reference: A, target: { kind: 'attachment', id: pdfId }, page: 1, box: { x: 10, y: 10, w: 50, h: 20 }, code: 's40(2)' }));
}, 120_000);
afterAll(async () => {
  await team?.close();
});

describe('everything a copy can carry', () => {
  it('comes back whole, two cases at once', async () => {
    const dir = tempDir();
    await checkOut(team, 'alice', dir, [A, B]);
    const copy = await openCopies(dir);
    const a = ok(await copy.invoke('cases:get', { reference: A }));
    const call = a.correspondence.find((c) => c.subject === 'Call')!;
    const wrong = a.correspondence.find((c) => c.subject === 'Letter in error')!;
    const pdf = a.attachments[0]!;
    ok(await copy.invoke('cases:update', { reference: A, changes: { summary: 'Library tenders 2026', requester: { ...a.requester, address: '1 High Street\nAmbridge' } } }));
    ok(await copy.invoke('correspondence:mark', { reference: A, id: call.id, as: 'clarification-received' }));
    ok(await copy.invoke('correspondence:void', { reference: A, id: wrong.id, reason: 'Never sent' }));
    ok(await copy.invoke('correspondence:import', { reference: A, role: 'evidence', files: [{ name: 'minutes.txt', data: Buffer.from('Minutes of the tender board').toString('base64') }] }));
    ok(await copy.invoke('attachments:setRole', { id: pdf.id, role: 'withheld' }));
    const marks = ok(await copy.invoke('redaction:list', { reference: A }));
    const first = marks.marks[0]!;
    ok(await copy.invoke('redaction:remove', { reference: A, id: first.id }));
    ok(await copy.invoke('redaction:mark', { reference: A, target: { kind: 'attachment', id: pdf.id }, page: 1, box: { x: 100, y: 100, w: 40, h: 12 }, code: 's43(2)' }));
    ok(await copy.invoke('exemptions:remove', { reference: A, provision: 'FOIA s43(2)', item: 'Prices' }));
    ok(await copy.invoke('exemptions:apply', { reference: A, provision: 'FOIA s40(2)', engagement: 'Junior staff names and grades' }));
    ok(await copy.invoke('costs:set', { reference: A, lines: [{ activity: 'locating', description: 'Tender files', quantity: 40, minutesEach: 15 }, { activity: 'extracting', description: 'Prices', quantity: 40, minutesEach: 5 }] }));
    ok(await copy.invoke('costs:link', { reference: A, other: B, reason: 'Same requester, same subject, within 60 working days' }));
    ok(await copy.invoke('letters:setDraft', { reference: A, kind: 'response', fields: { outcome: 'provided', informationProvided: 'The evaluation, names withheld.' } }));
    ok(await copy.invoke('cases:addEvent', { reference: A, type: 'responded', date: '2026-11-19', outcome: 'part-granted' }));
    ok(await copy.invoke('disclosure:publish', { reference: A, title: 'Library tenders', summary: 'The evaluation, names withheld.' }));
    ok(await copy.invoke('cases:addNote', { reference: B, text: 'Aggregated with the tenders request' }));
    const expected = { a: await snapshot(copy, A), b: await snapshot(copy, B) };
    await copy.close();

    const back = await checkIn(team, 'alice', dir, [A, B]);
    expect(back.cases.map((c) => c.outcome)).toEqual(['checked-in', 'checked-in']);
    const fresh = await team.core('bob');
    expect(await snapshot(fresh, A)).toEqual(expected.a);
    expect(await snapshot(fresh, B)).toEqual(expected.b);
    // Not two empty readings: the changes are there.
    const live = ok(await fresh.invoke('cases:get', { reference: A }));
    expect(live.requester.address).toBe('1 High Street\nAmbridge');
    expect(live.attachments.find((x) => x.filename === 'evaluation.pdf')?.role).toBe('withheld');
    expect(live.attachments.map((x) => x.filename)).toContain('minutes.txt');
    expect(live.correspondence.find((c) => c.subject === 'Letter in error')?.voided).toBe(true);
    expect(live.events.map((e) => e.type)).toEqual(expect.arrayContaining(['clarification-received', 'responded']));
    expect(ok(await fresh.invoke('redaction:list', { reference: A })).marks.map((m) => m.code)).toEqual(['s43(2)']);
    const costs = ok(await fresh.invoke('costs:get', { reference: A }));
    expect(costs.comply?.lines).toHaveLength(2);
    expect(costs.comply?.aggregatedWith.map((x) => x.reference)).toEqual([B]);
    expect(ok(await fresh.invoke('exemptions:list', { reference: A })).map((e) => e.ref.section)).toEqual(['40']);
    expect(ok(await fresh.invoke('disclosure:get', { reference: A }))?.title).toBe('Library tenders');
    const lee = await team.core('lee');
    expect(ok(await lee.invoke('records:verify', {})).problems).toEqual([]);
  }, 120_000);

  it('two cases aggregated offline, checked in one after the other: the link arrives with the first, and the second finds it', async () => {
    const requester = { name: 'Pat Public' };
    const c = ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-09', requester, summary: 'Parking fines' })).reference;
    const d = ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-10', requester, summary: 'Parking permits' })).reference;
    const dir = tempDir();
    await checkOut(team, 'alice', dir, [c, d]);
    const copy = await openCopies(dir);
    ok(await copy.invoke('costs:set', { reference: c, lines: [{ activity: 'locating', description: 'Fines', quantity: 10, minutesEach: 10 }] }));
    ok(await copy.invoke('costs:link', { reference: c, other: d, reason: 'Same subject' }));
    ok(await copy.invoke('costs:set', { reference: d, lines: [{ activity: 'locating', description: 'Permits', quantity: 5, minutesEach: 10 }] }));
    const expected = { c: await snapshot(copy, c), d: await snapshot(copy, d) };
    await copy.close();
    expect((await checkIn(team, 'alice', dir, [d])).remaining).toBe(1);
    expect((await checkIn(team, 'alice', dir, [c])).remaining).toBe(0);
    const fresh = await team.core('bob');
    expect(await snapshot(fresh, c)).toEqual(expected.c);
    expect(await snapshot(fresh, d)).toEqual(expected.d);
  }, 120_000);
});
