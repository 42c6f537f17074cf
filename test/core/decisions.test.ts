// Costs, exemptions and letters through the core on a real database (docs/law.md §4–§6).
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { AUTHORITY, ok, testCore } from '../helpers/core';
import { letterKindsFor } from '../../src/shared/domain/letters/kinds';

const open: Core[] = [];
async function core() {
  const c = await testCore({ today: '2026-11-20' });
  open.push(c);
  ok(await c.invoke('settings:update', AUTHORITY));
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});
const create = async (c: Core, received: string, name = 'Sam Okafor', email = 'sam@example.org') =>
  ok(await c.invoke('cases:create', { regime: 'foia', received, requester: { name, email }, summary: 'Guidance' })).reference;

describe('section 12 through the core', () => {
  it('uses £600 for central government (SI 2004/3244 reg 3) and replaces the estimate on each call', async () => {
    const c = await core();
    ok(await c.invoke('settings:update', { ...AUTHORITY, centralGovernment: true }));
    const ref = await create(c, '2026-11-02');
    const first = ok(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: 24, minutesEach: 60 }] }));
    expect(first.comply?.totals).toMatchObject({ totalMinutes: 1440, costPence: 60000, limitPence: 60000, exceeds: false, limitHours: 24 });
    const second = ok(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'retrieving', quantity: 1, minutesEach: 30 }] }));
    expect(second.comply?.lines).toHaveLength(1);
    expect(second.comply?.totals.totalMinutes).toBe(30);
  });

  it('refuses a non-countable activity and nonsense numbers, keeping the saved estimate', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    ok(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: 2, minutesEach: 30 }] }));
    expect(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'redacting', quantity: 2, minutesEach: 30 }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: -1, minutesEach: 30 }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: 1.5, minutesEach: 30 }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ok(await c.invoke('costs:get', { reference: ref })).comply?.totals.totalMinutes).toBe(60);
  });

  it('suggests and aggregates requests from the same requester within 60 working days (reg 5)', async () => {
    const c = await core();
    const a = await create(c, '2026-10-01');
    const b = await create(c, '2026-10-20', 'Sam Okafor', 'SAM@example.org ');
    await create(c, '2026-10-21', 'Someone Else', 'else@example.org');
    ok(await c.invoke('costs:set', { reference: a, lines: [{ activity: 'locating', quantity: 10, minutesEach: 60 }] }));
    ok(await c.invoke('costs:set', { reference: b, lines: [{ activity: 'locating', quantity: 9, minutesEach: 60 }] }));
    const before = ok(await c.invoke('costs:get', { reference: a }));
    expect(before.candidates.map((x) => x.reference)).toEqual([b]);
    expect(before.comply?.totals.exceeds).toBe(false);
    const linked = ok(await c.invoke('costs:link', { reference: a, other: b, reason: 'Same information about guidance' }));
    expect(linked.comply?.aggregateTotals).toMatchObject({ totalMinutes: 1140, exceeds: true });
    // Aggregation is mutual.
    expect(ok(await c.invoke('costs:get', { reference: b })).comply?.aggregatedWith.map((x) => x.reference)).toEqual([a]);
    const unlinked = ok(await c.invoke('costs:unlink', { reference: a, other: b }));
    expect(unlinked.comply?.aggregateTotals).toBeNull();
  });
});

describe('exemptions through the core', () => {
  it('applies, updates (keeping what was recorded) and removes, with audit', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    ok(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s43(2)', engagement: 'Prejudice to tender', publicInterestFor: 'Transparency' }));
    const updated = ok(await c.invoke('exemptions:apply', { reference: ref, provision: 's43(2)', publicInterestAgainst: 'Value for money', balance: 'Withhold' }));
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ ref: { act: 'FOIA', section: '43', subsection: '(2)' }, engagement: 'Prejudice to tender', publicInterestFor: 'Transparency', publicInterestAgainst: 'Value for money', balance: 'Withhold', decidedBy: 'test-officer' });
    ok(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s40(2)', item: 'Staff names in appendix B' }));
    expect(ok(await c.invoke('exemptions:list', { reference: ref }))).toHaveLength(2);
    ok(await c.invoke('exemptions:remove', { reference: ref, provision: 'FOIA s40(2)', item: 'Staff names in appendix B' }));
    const audit = ok(await c.invoke('audit:list', { reference: ref })).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['exemption.applied', 'exemption.updated', 'exemption.removed']));
  });

  it('refuses an unknown provision, and NCND where the exemption has none', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    expect(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s99(1)' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s21(1)', ncnd: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('exemptions:apply', { reference: ref, provision: 'gibberish' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('letters through the core', () => {
  it('blocks a refusal citing a qualified exemption without public interest reasons (s17(1)(b), s17(3))', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    ok(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s43', engagement: 'Commercial prejudice' }));
    ok(await c.invoke('letters:setDraft', { reference: ref, kind: 'refusal', fields: { withheldSummary: 'The tender prices' } }));
    const draft = ok(await c.invoke('letters:draft', { reference: ref, kind: 'refusal' }));
    expect(draft.problems.join(' ')).toMatch(/subsection/);
    expect(draft.problems.join(' ')).toMatch(/public interest/i);
    const saved = await c.invoke('letters:save', { reference: ref, kind: 'refusal' });
    expect(saved).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses a letter field the kind does not take', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    expect(await c.invoke('letters:setDraft', { reference: ref, kind: 'refusal', fields: { colour: 'blue' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('uses the authority’s edited template, refuses one with an unknown merge field, and restores the standard', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    expect(await c.invoke('letters:saveTemplate', { kind: 'acknowledgement', subject: 'Your request {{case.reference}}', body: 'Hello {{requester.shoeSize}}' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const saved = ok(await c.invoke('letters:saveTemplate', { kind: 'acknowledgement', subject: 'Your request {{case.reference}}', body: 'We have your request and will answer by {{dueDate}}.' }));
    expect(saved.find((t) => t.kind === 'acknowledgement')?.edited).toBe(true);
    const draft = ok(await c.invoke('letters:draft', { reference: ref, kind: 'acknowledgement' }));
    expect(draft.view?.subject).toBe(`Your request ${ref}`);
    // 20 working days from Mon 2 Nov 2026 skips St Andrew's Day (Mon 30 Nov, Scotland).
    expect(JSON.stringify(draft.view?.blocks)).toContain('1 December 2026');
    ok(await c.invoke('letters:resetTemplate', { kind: 'acknowledgement' }));
    expect(ok(await c.invoke('letters:draft', { reference: ref, kind: 'acknowledgement' })).view?.subject).not.toBe(`Your request ${ref}`);
  });

  it('files a letter it produces as outgoing correspondence with its PDF, once', async () => {
    const saveDir = (await import('../helpers/core')).tempDir();
    const c = await testCore({
      today: '2026-11-20',
      host: { chooseSavePath: async ({ defaultName }) => `${saveDir}/${defaultName}`, printPdf: async () => true, chooseFiles: async () => null },
    });
    open.push(c);
    ok(await c.invoke('settings:update', AUTHORITY));
    const ref = await create(c, '2026-11-02');
    ok(await c.invoke('letters:save', { reference: ref, kind: 'acknowledgement' }));
    ok(await c.invoke('letters:save', { reference: ref, kind: 'acknowledgement' }));
    const detail = ok(await c.invoke('cases:get', { reference: ref }));
    expect(detail.correspondence).toHaveLength(1);
    // No postal address, an email address: the letter goes by email.
    expect(detail.correspondence[0]).toMatchObject({ direction: 'out', channel: 'email', to: 'Sam Okafor' });
    expect(detail.correspondence[0]!.attachments[0]).toMatchObject({ contentType: 'application/pdf', role: 'correspondence' });
    expect(ok(await c.invoke('search:query', { query: 'Okafor' })).some((h) => h.kind === 'correspondence')).toBe(true);
  });

  it('lets the officer change one letter\'s wording, checks it, and goes back to the template', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    expect(await c.invoke('letters:setDraft', { reference: ref, kind: 'acknowledgement', fields: { __body: 'Hello {{nonsense}}' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const own = ok(await c.invoke('letters:setDraft', { reference: ref, kind: 'acknowledgement', fields: { __body: 'Thank you, {{requester.name}}. We will reply by {{dueDate}}.' } }));
    expect(own.wording.own).toBe(true);
    expect(JSON.stringify(own.view?.blocks)).toContain('Thank you, Sam Okafor. We will reply by 1 December 2026.');
    const back = ok(await c.invoke('letters:setDraft', { reference: ref, kind: 'acknowledgement', fields: { __body: '' } }));
    expect(back.wording.own).toBe(false);
    expect(JSON.stringify(back.view?.blocks)).not.toContain('Thank you, Sam Okafor.');
  });

  it('builds every letter kind once its facts are given', async () => {
    const c = await core();
    const ref = await create(c, '2026-11-02');
    ok(await c.invoke('exemptions:apply', { reference: ref, provision: 'FOIA s43(2)', engagement: 'Prejudice', publicInterestFor: 'Openness', publicInterestAgainst: 'Tenders', balance: 'Withhold' }));
    ok(await c.invoke('cases:addEvent', { reference: ref, type: 'pit-extension', date: '2026-11-16', estimate: '2026-12-14' }));
    ok(await c.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: 40, minutesEach: 30 }] }));
    ok(await c.invoke('costs:setAdvice', { reference: ref, s16Advice: 'Narrow the date range to 2025.' }));
    ok(await c.invoke('cases:addEvent', { reference: ref, type: 'responded', date: '2026-11-17' }));
    ok(await c.invoke('cases:addEvent', { reference: ref, type: 'review-requested', date: '2026-11-18' }));
    const templates = ok(await c.invoke('letters:templates', {})).filter((t) => letterKindsFor('foia').includes(t.kind));
    for (const t of templates) {
      const draft = ok(await c.invoke('letters:draft', { reference: ref, kind: t.kind }));
      const fields = Object.fromEntries(draft.specs.filter((s) => s.required || s.requiredWhen).map((s) => [s.id, s.options?.[0]?.value ?? (s.format === 'money' ? '12.50' : `Text for ${s.id}`)]));
      const after = ok(await c.invoke('letters:setDraft', { reference: ref, kind: t.kind, fields }));
      expect({ kind: t.kind, problems: after.problems }).toEqual({ kind: t.kind, problems: [] });
      expect(after.view?.blocks.length).toBeGreaterThan(0);
    }
  });

  it('builds every subject access letter, and refuses FOI letters on a SAR (UK GDPR Art 12)', async () => {
    const c = await core();
    const ref = ok(await c.invoke('cases:create', { regime: 'sar', received: '2026-11-02', requester: { name: 'Sam Okafor', email: 'sam@example.org' }, summary: 'My file' })).reference;
    ok(await c.invoke('exemptions:apply', { reference: ref, provision: 'DPA Sch 2 para 19', item: 'advice from our solicitors', engagement: 'Legal advice about your claim.', reasoning: { privilege: 'Legal advice privilege: our solicitors’ advice of 1 Oct 2026.' } }));
    ok(await c.invoke('cases:addEvent', { reference: ref, type: 'sar-extension', date: '2026-11-16' }));
    for (const kind of letterKindsFor('sar')) {
      const draft = ok(await c.invoke('letters:draft', { reference: ref, kind }));
      const fields = Object.fromEntries(draft.specs.filter((s) => s.required || s.requiredWhen).map((s) => [s.id, s.options?.[0]?.value ?? `Text for ${s.id}`]));
      const after = ok(await c.invoke('letters:setDraft', { reference: ref, kind, fields }));
      expect({ kind, problems: after.problems }).toEqual({ kind, problems: [] });
    }
    const refusal = ok(await c.invoke('letters:draft', { reference: ref, kind: 'refusal' }));
    expect(refusal.problems.join(' ')).toContain('There is no refusal notice letter for a');
  });
});
