// Corrections by voiding, outcomes, one status, and letters that move the case, through a real core
// on a real SQLite file. The Kent request (received Mon 12 Mar 2012, due Thu 12 Apr 2012) again.
import { describe, expect, it } from 'vitest';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import type { Core } from '../../src/main/core';

const ZOE = { name: 'Zoë Ó Dónaill', email: 'zoe@example.org', address: '1 High Street\nAmbridge' };

async function kentCase(opts: { today?: string; dir?: string } = {}) {
  const saveDir = opts.dir ?? tempDir();
  const c = await testCore({
    today: opts.today ?? '2012-03-20',
    host: { chooseSavePath: async ({ defaultName }) => `${saveDir}/${defaultName}`, printPdf: async () => true, chooseFiles: async () => null },
  });
  ok(await c.invoke('settings:update', AUTHORITY));
  const created = ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-12', requester: ZOE, summary: 'Social workers and Facebook' }));
  return { c, reference: created.reference };
}

async function auditActions(c: Core, reference: string) {
  return ok(await c.invoke('audit:list', { reference })).map((a) => a.action);
}

describe('voiding an event (a correction, never a deletion)', () => {
  it('a voided clarification stays in the record, struck out, and the due date comes back (FOIA s10(1))', async () => {
    const { c, reference } = await kentCase();
    const held = ok(await c.invoke('cases:addEvent', { reference, type: 'clarification-sought', date: '2012-03-14' }));
    expect(held).toMatchObject({ status: 'on-hold', daysLeft: null });
    const ev = held.events.find((e) => e.type === 'clarification-sought')!;
    const after = ok(await c.invoke('cases:voidEvent', { reference, eventId: ev.id, reason: 'Entered on the wrong case' }));
    expect(after).toMatchObject({ status: 'open', dueDate: '2012-04-12', deadline: { due: '2012-04-12' }, daysLeft: 15 });
    const voided = after.events.find((e) => e.id === ev.id)!;
    expect(voided).toMatchObject({ voided: true, voidReason: 'Entered on the wrong case', voidedBy: 'test-officer' });
    expect(voided.voidedAt).toMatch(/^2012-03-20T/);
    expect(await auditActions(c, reference)).toContain('case.event.voided');
    const entry = ok(await c.invoke('audit:list', { reference })).find((a) => a.action === 'case.event.voided')!;
    expect(entry.summary).toContain('Entered on the wrong case');
  });

  it('a mistaken "Closed" voided during a review: under review again, with the review date in force', async () => {
    const { c, reference } = await kentCase({ today: '2012-05-03' });
    ok(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2012-04-10', outcome: 'refused' }));
    ok(await c.invoke('cases:addEvent', { reference, type: 'review-requested', date: '2012-05-01' }));
    const closed = ok(await c.invoke('cases:addEvent', { reference, type: 'closed', date: '2012-05-02' }));
    expect(closed.status).toBe('closed');
    const id = closed.events.find((e) => e.type === 'closed')!.id;
    const back = ok(await c.invoke('cases:voidEvent', { reference, eventId: id, reason: 'Clicked the wrong event' }));
    expect(back).toMatchObject({ status: 'under-review', deadline: { key: 'internal-review', due: '2012-05-30' }, outcome: 'refused' });
  });

  it('refuses a second void, the received event, an event of another case, and an empty reason; nothing changes', async () => {
    const { c, reference } = await kentCase();
    const d = ok(await c.invoke('cases:addEvent', { reference, type: 'acknowledged', date: '2012-03-13' }));
    const ack = d.events.find((e) => e.type === 'acknowledged')!;
    const received = d.events.find((e) => e.type === 'received')!;
    ok(await c.invoke('cases:voidEvent', { reference, eventId: ack.id, reason: 'Duplicate' }));
    expect(await c.invoke('cases:voidEvent', { reference, eventId: ack.id, reason: 'Again' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.invoke('cases:voidEvent', { reference, eventId: received.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('cases:voidEvent', { reference, eventId: 9999, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.invoke('cases:voidEvent', { reference, eventId: ack.id, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await auditActions(c, reference)).filter((a) => a === 'case.event.voided')).toHaveLength(1);
  });
});

describe('voiding correspondence', () => {
  it('voids the item and the event it was marked as; the clock comes back and the bundle leaves it out', async () => {
    const { c, reference } = await kentCase();
    const items = ok(await c.invoke('correspondence:add', { reference, direction: 'in', channel: 'email', sentAt: '2012-03-19', subject: 'Re: your request', body: 'I meant 2011 only.' }));
    const item = items[0]!;
    ok(await c.invoke('correspondence:mark', { reference, id: item.id, as: 'clarification-received' }));
    expect(ok(await c.invoke('cases:get', { reference })).dueDate).toBe('2012-04-18');
    const after = ok(await c.invoke('correspondence:void', { reference, id: item.id, reason: 'This email belongs to FOI/2012/0002' }));
    expect(after[0]).toMatchObject({ voided: true, voidReason: 'This email belongs to FOI/2012/0002' });
    const detail = ok(await c.invoke('cases:get', { reference }));
    expect(detail.dueDate).toBe('2012-04-12');
    expect(detail.events.find((e) => e.type === 'clarification-received')).toMatchObject({ voided: true });
    const plan = ok(await c.invoke('bundles:plan', { reference }));
    const titles = plan.sections.flatMap((s) => s.documents.map((d) => d.title)).join('\n');
    expect(titles).not.toContain('Re: your request');
    expect(await auditActions(c, reference)).toContain('correspondence.voided');
    // A voided item cannot be marked again.
    expect(await c.invoke('correspondence:mark', { reference, id: item.id, as: 'clarification-received' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('outcomes', () => {
  it('records the outcome with the response and the review, and refuses one on any other event', async () => {
    const { c, reference } = await kentCase({ today: '2012-05-25' });
    const r = ok(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2012-04-10', outcome: 's12' }));
    expect(r).toMatchObject({ status: 'responded', outcome: 's12', daysLeft: null });
    expect(r.events.find((e) => e.type === 'responded')!.outcome).toBe('s12');
    ok(await c.invoke('cases:addEvent', { reference, type: 'review-requested', date: '2012-04-20' }));
    const done = ok(await c.invoke('cases:addEvent', { reference, type: 'review-completed', date: '2012-05-18', outcome: 'overturned' }));
    expect(done).toMatchObject({ status: 'responded', reviewOutcome: 'overturned' });
    expect(await c.invoke('cases:addEvent', { reference, type: 'acknowledged', date: '2012-03-13', outcome: 'granted' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2012-04-10', outcome: 'upheld' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the list, the dashboard and the case agree on an extended case (s10(3), s17(2))', async () => {
    const { c, reference } = await kentCase({ today: '2012-04-16' });
    ok(await c.invoke('cases:addEvent', { reference, type: 'pit-extension', date: '2012-04-10', estimate: '2012-05-10' }));
    const detail = ok(await c.invoke('cases:get', { reference }));
    const [item] = ok(await c.invoke('cases:list', {}));
    const dash = ok(await c.invoke('reports:dashboard', {}));
    expect(detail).toMatchObject({ status: 'extended', deadline: { due: '2012-05-10' } });
    expect(item).toMatchObject({ status: 'extended', daysLeft: detail.daysLeft });
    expect(dash).toMatchObject({ overdue: 0, extended: 1 });
  });
});

describe('case details are editable with old and new in the audit', () => {
  it('records each changed field from → to', async () => {
    const { c, reference } = await kentCase();
    ok(await c.invoke('cases:update', { reference, changes: { summary: 'Facebook guidance for social workers' } }));
    const entry = ok(await c.invoke('audit:list', { reference })).find((a) => a.action === 'case.updated')!;
    expect(entry.detail).toEqual({ summary: { from: 'Social workers and Facebook', to: 'Facebook guidance for social workers' } });
  });
});

describe('references per regime', () => {
  it('numbers each regime on its own counter by default: FOI/, EIR/, EISR/, FOISA/, SAR/', async () => {
    const c = await testCore();
    const refs = [];
    for (const regime of ['foia', 'eir', 'eisr', 'foisa', 'sar', 'foia'] as const) {
      refs.push(ok(await c.invoke('cases:create', { regime, received: '2026-11-02', requester: { name: 'A' } })).reference);
    }
    expect(refs).toEqual(['FOI/2026/0001', 'EIR/2026/0001', 'EISR/2026/0001', 'FOISA/2026/0001', 'SAR/2026/0001', 'FOI/2026/0002']);
    expect(ok(await c.invoke('settings:get', {})).referenceFormat).toBe('{regime}/{yyyy}/{seq:4}');
  });
});

describe('case list filters and duplicates', () => {
  it('filters by regime and text, and warns of a similar request from the same requester', async () => {
    const { c, reference } = await kentCase();
    const twin = ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-19', requester: { name: 'zoë ó dónaill' }, summary: 'Facebook and social workers' }));
    ok(await c.invoke('cases:create', { regime: 'eir', received: '2012-03-19', requester: { name: 'Other' }, summary: 'Air quality' }));
    expect(twin.possibleDuplicates.map((d) => d.reference)).toEqual([reference]);
    expect(ok(await c.invoke('cases:list', { regime: 'eir' })).map((i) => i.summary)).toEqual(['Air quality']);
    expect(ok(await c.invoke('cases:list', { text: 'facebook ZOË' })).map((i) => i.reference).sort()).toEqual([reference, twin.reference].sort());
  });
});
