// Deadlines derived from recorded events, the officer's holiday table, and the dashboard figures,
// through the core on a real database (docs/law.md §1.2, §2.4, §7, §8).
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { ok, testCore } from '../helpers/core';

const open: Core[] = [];
async function core(today = '2026-11-20') {
  const c = await testCore({ today });
  open.push(c);
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

const create = (c: Core, received: string, regime = 'foia', name = 'A') => c.invoke('cases:create', { regime, received, requester: { name } }).then(ok);

describe('events move the deadline', () => {
  it('restarts the 20 working days from the clarification (FOIA s1(3), s10(6)(b))', async () => {
    const c = await core('2012-06-01');
    const { reference } = await create(c, '2012-03-12');
    ok(await c.invoke('cases:addEvent', { reference, type: 'clarification-sought', date: '2012-03-13' }));
    const held = ok(await c.invoke('cases:get', { reference }));
    expect(held.clocks.onHold).toBe('clarification');
    expect(held.status).toBe('on-hold');
    const after = ok(await c.invoke('cases:addEvent', { reference, type: 'clarification-received', date: '2012-03-20' }));
    expect(after.clocks.onHold).toBeNull();
    // Day 0 is Tue 20 Mar; Good Friday 6 Apr and Easter Monday 9 Apr are skipped: day 20 is Thu 19 Apr.
    expect(after.dueDate).toBe('2012-04-19');
    expect(after.clocks.response.steps.join(' ')).toContain('Day 0 Tue 20 Mar 2012');
  });

  it('pauses for a fees notice until the fee arrives (FOIA s10(2))', async () => {
    const c = await core('2026-11-20');
    const { reference, dueDate } = await create(c, '2026-10-01');
    ok(await c.invoke('cases:addEvent', { reference, type: 'fees-notice', date: '2026-10-05' }));
    const paid = ok(await c.invoke('cases:addEvent', { reference, type: 'fee-received', date: '2026-10-09' }));
    // Mon 5 to Fri 9 Oct: five working days disregarded, so the deadline moves five working days.
    expect(dueDate).toBe('2026-10-29');
    expect(paid.dueDate).toBe('2026-11-05');
  });

  it('refuses an event dated before the request arrived, and a PIT extension without its estimate', async () => {
    const c = await core();
    const { reference } = await create(c, '2026-11-02');
    expect(await c.invoke('cases:addEvent', { reference, type: 'acknowledged', date: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('cases:addEvent', { reference, type: 'pit-extension', date: '2026-11-10' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('s17(2)') },
    });
    expect(await c.invoke('cases:addEvent', { reference, type: 'sideways', date: '2026-11-10' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(ok(await c.invoke('cases:get', { reference })).events).toHaveLength(1);
  });

  it('marks a response on time as met and the case responded', async () => {
    const c = await core();
    const { reference } = await create(c, '2026-11-02');
    const done = ok(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2026-11-16' }));
    expect(done.status).toBe('responded');
    expect(done.clocks.response.status).toBe('met');
    expect(done.clocks.deadlines.map((d) => d.key)).toContain('review-request-window');
  });
});

describe('the holiday table an officer can extend (docs/law.md §2.4, §8.3)', () => {
  it('adds a proclaimed day, recomputes open cases, and audits each moved due date', async () => {
    const c = await core('2026-11-20');
    const open1 = await create(c, '2026-11-16');
    const responded = await create(c, '2026-11-02');
    ok(await c.invoke('cases:addEvent', { reference: responded.reference, type: 'responded', date: '2026-11-10' }));
    // St Andrew's Day (Mon 30 Nov, Scotland) is already skipped on the all-UK calendar.
    expect(open1.dueDate).toBe('2026-12-15');
    const change = ok(await c.invoke('holidays:add', { date: '2026-12-01', region: 'northern-ireland', name: 'Proclaimed day' }));
    expect(change.affected).toEqual([{ reference: open1.reference, from: '2026-12-15', to: '2026-12-16' }]);
    expect(ok(await c.invoke('cases:get', { reference: open1.reference })).dueDate).toBe('2026-12-16');
    const audit = ok(await c.invoke('audit:list', { reference: open1.reference }));
    expect(audit[0]).toMatchObject({ action: 'case.deadline-recomputed', detail: { from: '2026-12-15', to: '2026-12-16' } });
    const all = ok(await c.invoke('audit:list', {}));
    expect(all.some((a) => a.action === 'holiday.added')).toBe(true);
    // And back again.
    const removed = ok(await c.invoke('holidays:remove', { date: '2026-12-01', region: 'northern-ireland' }));
    expect(removed.affected).toEqual([{ reference: open1.reference, from: '2026-12-16', to: '2026-12-15' }]);
  });

  it('refuses a weekend, a duplicate, and removing a published holiday', async () => {
    const c = await core();
    expect(await c.invoke('holidays:add', { date: '2026-12-05', region: 'scotland', name: 'X' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('holidays:add', { date: '2026-06-15', region: 'scotland', name: 'X' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await c.invoke('holidays:remove', { date: '2026-06-15', region: 'scotland' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('holidays:add', { date: '2026-12-07', region: 'wales', name: 'X' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('lists the shipped table with the last published year (later years provisional, §8.10)', async () => {
    const c = await core();
    const list = ok(await c.invoke('holidays:list', {}));
    expect(list.publishedThrough).toBe(2027);
    expect(list.holidays.find((h) => h.date === '2026-06-15' && h.region === 'scotland')?.kind).toBe('one_off');
    const late = await create(c, '2026-11-02');
    expect(late.clocks.response.provisional).toBe(false);
  });
});

describe('dashboard and timeliness (docs/law.md §7; ICO toolkit bands)', () => {
  it('counts due today, due this week, overdue and on hold, and filters the list the same way', async () => {
    const c = await core('2026-11-20'); // a Friday
    const dueToday = await create(c, '2026-10-23'); // 20 working days later is Fri 20 Nov
    expect(dueToday.dueDate).toBe('2026-11-20');
    const overdue = await create(c, '2026-10-01');
    const held = await create(c, '2026-11-18');
    ok(await c.invoke('cases:addEvent', { reference: held.reference, type: 'clarification-sought', date: '2026-11-19' }));
    const later = await create(c, '2026-11-19');
    const d = ok(await c.invoke('reports:dashboard', {}));
    expect(d).toMatchObject({ all: 4, active: 4, 'due-today': 1, 'due-this-week': 1, overdue: 1, 'on-hold': 1, finished: 0 });
    expect(ok(await c.invoke('cases:list', { filter: 'overdue' })).map((i) => i.reference)).toEqual([overdue.reference]);
    expect(ok(await c.invoke('cases:list', { filter: 'on-hold' })).map((i) => i.reference)).toEqual([held.reference]);
    expect(ok(await c.invoke('cases:list', { filter: 'due-today' })).map((i) => i.reference)).toEqual([dueToday.reference]);
    expect(ok(await c.invoke('cases:list', {})).map((i) => i.reference)).toContain(later.reference);
  });

  it('gives the in-time rate for requests received in a period, with the ICO band', async () => {
    const c = await core('2026-11-20');
    for (let i = 0; i < 9; i++) {
      const { reference } = await create(c, '2026-09-01');
      ok(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2026-09-20' }));
    }
    const late = await create(c, '2026-09-01');
    ok(await c.invoke('cases:addEvent', { reference: late.reference, type: 'responded', date: '2026-10-30' }));
    await create(c, '2026-11-19'); // pending: not yet due
    await create(c, '2026-08-01'); // outside the period
    const r = ok(await c.invoke('reports:timeliness', { from: '2026-09-01', to: '2026-11-30' }));
    expect(r).toMatchObject({ received: 11, inTime: 9, late: 1, pending: 1, ratePercent: 90, band: 'adequate', lateReferences: [late.reference] });
    expect(await c.invoke('reports:timeliness', { from: '2026-12-01', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
