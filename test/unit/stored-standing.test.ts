// The stored snapshot of a case's derived dates (and what the statistics count of it) must read
// exactly as deriving afresh would, on every day it is kept for: cases of every regime and stage, stepped day by day through their
// deadlines, re-derived only when the snapshot says it has expired (as the register does).
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { deriveCaseClocks, isInTime } from '../../src/shared/domain/clocks/events';
import { caseStanding } from '../../src/shared/domain/status';
import { FOREVER, standingOn, storedStanding, type StoredDerivation } from '../../src/shared/domain/stored-standing';
import { addCalendarDays, compareIsoDates } from '../../src/shared/domain/dates';
import { caseStatsFacts } from '../../src/shared/domain/statistics';
import { seededCase as makeCase } from '../helpers/seeded-cases';

/** Everything a list row shows of a case, and what the statistics count of it, derived afresh. */
function fresh(c: ReturnType<typeof makeCase>, today: string) {
  const clocks = deriveCaseClocks(c.regime, c.received, c.events, calendars, today);
  return { ...caseStanding(c.events, clocks, calendars, today), dueDate: clocks.response.due, provisional: clocks.response.provisional, inTime: isInTime(clocks), clocksOnHold: clocks.onHold, facts: caseStatsFacts(c.events, clocks) };
}

describe('stored derived dates read as deriving afresh', () => {
  it('on every day of 300, for 90 seeded cases of every regime and stage, re-derived only when expired', () => {
    const statuses = new Set<string>();
    let rederived = 0;
    let days = 0;
    for (let seed = 1; seed <= 90; seed++) {
      const c = makeCase(seed);
      let stored: StoredDerivation | null = null;
      for (let today = addCalendarDays(c.received, -2); compareIsoDates(today, addCalendarDays(c.received, 300)) <= 0; today = addCalendarDays(today, 1)) {
        if (!stored || today > stored.validUntil || today < stored.derivedOn) {
          stored = storedStanding(c.regime, c.received, c.events, calendars, today);
          rederived++;
        }
        const expected = fresh(c, today);
        const s = stored.standing;
        const got = { ...standingOn(s, calendars, today), dueDate: s.dueDate, provisional: s.provisional, inTime: s.inTime, clocksOnHold: s.clocksOnHold, facts: stored.facts };
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          expect({ seed, today, got }).toEqual({ seed, today, got: expected });
        }
        statuses.add(expected.status);
        days++;
      }
    }
    // Every status was met along the way, and the snapshot saved most of the work.
    expect([...statuses].sort()).toEqual(['at-tribunal', 'closed', 'extended', 'on-hold', 'open', 'overdue', 'responded', 'under-review', 'with-ico'].sort());
    expect(rederived).toBeLessThan(days / 4);
  }, 60_000);

  it('a case on hold is counted as if the hold ended today: it holds for today only, and any holiday may move it', () => {
    const s = storedStanding('foia', '2026-03-02', [{ type: 'clarification-sought', date: '2026-03-04' }], calendars, '2026-03-10');
    expect(s).toMatchObject({ validUntil: '2026-03-10', windowTo: FOREVER, standing: { stage: 'on-hold', deadline: null } });
    // Derived on a Friday: Saturday counts as Friday does, Monday does not (FOIA s10(6) working days).
    const friday = storedStanding('foia', '2026-10-20', [{ type: 'clarification-sought', date: '2026-10-22' }], calendars, '2026-11-20');
    expect(friday.validUntil).toBe('2026-11-20');
  });

  it('an open FOIA case holds until its due date passes, and turns overdue on the next working day (s10(1))', () => {
    // Received Mon 12 Mar 2012: due Thu 12 Apr 2012 (Good Friday and Easter Monday skipped).
    const s = storedStanding('foia', '2012-03-12', [], calendars, '2012-03-20');
    expect(s.standing).toMatchObject({ stage: 'open', overdueFrom: '2012-04-13', deadline: { due: '2012-04-12' } });
    expect(s.validUntil).toBe('2012-04-11');
    expect(standingOn(s.standing, calendars, '2012-04-12').status).toBe('open');
    expect(standingOn(s.standing, calendars, '2012-04-13')).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('a closed case whose windows have all passed holds for good', () => {
    const s = storedStanding('foia', '2020-01-06', [{ type: 'responded', date: '2020-01-20', outcome: 'granted' }, { type: 'closed', date: '2020-01-21' }], calendars, '2026-11-30');
    expect(s).toMatchObject({ validUntil: FOREVER, standing: { stage: 'closed', inTime: true } });
    expect(s.windowFrom).toBe('2020-01-06');
  });
});
