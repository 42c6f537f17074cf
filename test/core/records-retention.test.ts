// Retention and anonymisation on a generated register: the review list follows the policy (a
// default with its source, editable); destruction needs confirmation, removes content and the
// files no other case uses, keeps the statistics exactly, redacts the case's audit rows without
// breaking the hash chain; anonymising replaces the requester's details everywhere, search included.
import { onTeamDatabase } from '../helpers/team';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addDays, addYears, format, parseISO } from 'date-fns';
import { AUTHORITY, ok, testCore } from '../helpers/core';
import { storedShas } from '../helpers/stored';
import { populatedCore } from '../helpers/records';
import { textPdf } from '../helpers/bundle-case';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { REGIMES } from '../../src/shared/domain/clocks/events';

const TODAY = '2026-11-20';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** 24 cases over 2019–2025, each regime, some late, some taken to the regulator, two with files. */
async function register() {
  const core = await testCore({ today: TODAY });
  ok(await core.invoke('settings:update', AUTHORITY));
  const expected: { reference: string; lastAction: string; appealed: boolean }[] = [];
  const shared = Buffer.from('%PDF-1.4\n% the same document in an old and a new case\n%%EOF\n');
  for (let i = 0; i < 24; i++) {
    const received = iso(addDays(parseISO('2019-01-07'), i * 97));
    const c = ok(await core.invoke('cases:create', { regime: REGIMES[i % 4], received, requester: { name: `Person Number${i}`, email: `p${i}@example.org` }, summary: `About thing ${i}` }));
    const responded = iso(addDays(parseISO(received), i % 3 === 0 ? 45 : 10));
    ok(await core.invoke('cases:addEvent', { reference: c.reference, type: 'responded', date: responded }));
    let last = responded;
    const appealed = i % 5 === 0;
    if (appealed) {
      last = iso(addDays(parseISO(responded), 30));
      ok(await core.invoke('cases:addEvent', { reference: c.reference, type: 'ico-complaint', date: last }));
    }
    if (i === 1 || i === 23) {
      ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'disclosed', files: [{ name: 'doc.pdf', data: shared.toString('base64') }] }));
      ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'evidence', files: [{ name: `own-${i}.txt`, data: Buffer.from(`notes for case ${i}`).toString('base64') }] }));
    }
    expected.push({ reference: c.reference, lastAction: last, appealed });
  }
  const due = expected.filter((e) => iso(addYears(parseISO(e.lastAction), e.appealed ? 6 : 3)) <= TODAY).map((e) => e.reference);
  return { core, due };
}

describe('retention', () => {
  it('lists the cases past their date under the default policy, with its source', async () => {
    const { core, due } = await register();
    const view = ok(await core.invoke('retention:list', {}));
    expect(view.policies).toHaveLength(5); // one per regime: FOIA, EIR, EISR, FOISA, SAR
    expect(view.policies[0]).toMatchObject({ regime: 'foia', years: 3, appealYears: 6, edited: false, source: expect.stringContaining('The National Archives') });
    expect(view.due.map((d) => d.reference).sort()).toEqual([...due].sort());
    expect(due.length).toBeGreaterThan(5);
    expect(due.length).toBeLessThan(24);
    const edited = ok(await core.invoke('retention:setPolicy', { regime: 'foia', years: 1, appealYears: 2 }));
    expect(edited.policies[0]).toMatchObject({ years: 1, appealYears: 2, edited: true, source: 'Set by the authority' });
    expect(edited.due.length).toBeGreaterThan(view.due.length);
    expect((await core.invoke('retention:setPolicy', { regime: 'foia', years: 5, appealYears: 2 })).ok).toBe(false);
    await core.close();
  });

  it('destroys only on confirmation, keeps the statistics exactly, removes unshared files, and the chain still verifies', async () => {
    const { core, due } = await register();
    expect((await core.invoke('retention:apply', { before: '2026-11-21' })).ok).toBe(false); // no confirmation
    const stats = async () => ({
      timeliness: ok(await core.invoke('reports:timeliness', { from: '2019-01-01', to: '2026-12-31' })),
      dashboard: ok(await core.invoke('reports:dashboard', {})),
      list: ok(await core.invoke('cases:list', {})).map((c) => ({ reference: c.reference, regime: c.regime, received: c.received, dueDate: c.dueDate, status: c.status, inTime: c.inTime })),
    });
    const before = await stats();
    const blobsBefore = ok(await core.invoke('records:verify', {})).checked.blobs;
    const r = ok(await core.invoke('retention:apply', { before: '2026-11-21', confirm: true }));
    expect(r.destroyed.sort()).toEqual([...due].sort());
    expect(r.blobsRemoved).toBe(1); // case 1's own notes; the shared PDF stays for case 23
    expect(await stats()).toEqual(before);

    const gone = ok(await core.invoke('cases:get', { reference: due[0]! }));
    expect(gone).toMatchObject({ summary: '', requestText: '', requester: { name: 'Destroyed under the retention policy', email: '' } });
    expect(ok(await core.invoke('search:query', { query: 'Number1' })).map((h) => h.reference)).not.toContain(due[0]);
    const audit = ok(await core.invoke('audit:list', { reference: due[0]!, limit: 100 }));
    expect(audit[0]).toMatchObject({ action: 'case.destroyed' });
    expect(JSON.stringify(audit)).not.toMatch(/Person Number|example\.org|About thing/);
    const v = ok(await core.invoke('records:verify', {}));
    expect(v).toMatchObject({ ok: true, problems: [] });
    expect(v.checked.blobs).toBe(blobsBefore - 1);
    expect(ok(await core.invoke('retention:list', {})).due).toEqual([]);
    expect(ok(await core.invoke('retention:list', {})).destroyed).toBe(due.length);

    // A redacted row cannot be rewritten again, nor an untouched one without being marked redacted
    // (on the team database: test/team/access.test.ts, as the owner).
    if (onTeamDatabase) return;
    const db = new Database(join(core.dataDir, DATABASE_FILE));
    expect(() => db.prepare("UPDATE audit_log SET summary = 'x' WHERE redacted_at IS NOT NULL").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET summary = 'x' WHERE redacted_at IS NULL").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
    await core.close();
  });
});

describe('anonymisation', () => {
  it("replaces the requester's details in the case, its correspondence, letters and search index, keeping the chain", async () => {
    const core = await populatedCore(undefined, TODAY);
    const ref = 'FOI/2026/0001';
    expect(ok(await core.invoke('search:query', { query: 'Dónaill' })).length).toBeGreaterThan(0);
    const r = ok(await core.invoke('cases:anonymise', { reference: ref }));
    expect(r.replaced).toBeGreaterThan(0);
    for (const q of ['Dónaill', 'Zoë', 'zoe@example.org', 'Mill Lane Felpersham']) {
      expect(ok(await core.invoke('search:query', { query: q })).filter((h) => h.reference === ref)).toEqual([]);
    }
    const c = ok(await core.invoke('cases:get', { reference: ref }));
    expect(c.requester).toMatchObject({ name: `Anonymised requester (${ref})`, email: '', address: '' });
    const corr = ok(await core.invoke('correspondence:list', { reference: ref }));
    const text = JSON.stringify({ c, corr, audit: ok(await core.invoke('audit:list', { reference: ref, limit: 500 })) });
    expect(text).not.toMatch(/Dónaill|Zoë|zoe@example/);
    expect(corr.items[0]!.from).toContain('[requester]');
    expect(corr.items.every((i) => i.sourceSha256 === null)).toBe(true);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    // The other case is untouched.
    expect(ok(await core.invoke('cases:get', { reference: 'FOI/2026/0002' })).requester.name).toBe('Sam Jones');
    expect(storedShas(core.dataDir).length).toBe(ok(await core.invoke('records:verify', {})).checked.blobs);
    await core.close();
  });

  it('takes the files it removes out of the search index too: no hit names a file the case no longer has', async () => {
    const core = await populatedCore(undefined, TODAY);
    const ref = 'FOI/2026/0001';
    const pdf = Buffer.from(await textPdf('Quillfeather survey of the culverts', 1)).toString('base64');
    ok(await core.invoke('correspondence:import', { reference: ref, files: [{ name: 'survey.pdf', data: pdf }] }));
    const before = ok(await core.invoke('search:query', { query: 'Quillfeather' })).filter((h) => h.reference === ref);
    expect(before.map((h) => h.kind)).toEqual(['attachment']);
    ok(await core.invoke('cases:anonymise', { reference: ref }));
    const corr = ok(await core.invoke('correspondence:list', { reference: ref }));
    const held = new Set([...corr.items.flatMap((i) => i.attachments.map((a) => a.id)), ...corr.direct.map((a) => a.id)]);
    expect(held.has(before[0]!.itemId)).toBe(false);
    expect(ok(await core.invoke('search:query', { query: 'Quillfeather' })).filter((h) => h.reference === ref)).toEqual([]);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    await core.close();
  });
});
