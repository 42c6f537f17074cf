// The legal corrections to the clocks and costs, each with its source: FOISA s20(5), UK GDPR
// Art 12A, SSI 2004/467 reg 3, SI 2004/3244 reg 5, BFDA 1971 Sch 1, GRC Rules 2009 r1(3) and r12,
// FOISA s47(4) and the EISR.
import { describe, expect, it } from 'vitest';
import { calendars, shippedTable } from '../helpers/calendars';
import { ruleError } from '../helpers/costs';
import { deriveCaseClocks, type CaseEvent, type Regime } from '../../src/shared/domain/clocks/events';
import { computeClock } from '../../src/shared/domain/clocks/clocks';
import { regularHolidays } from '../../src/shared/domain/calendar/rules';
import { REGIONS } from '../../src/shared/domain/calendar/holidays';
import { addWorkingDays, createCalendar } from '../../src/shared/domain/calendar/calendar';
import { activitiesFor, aggregationCandidates, appropriateLimit, costWorking, costTotals, parseCostLineSpec, validateCostLine } from '../../src/shared/domain/costs/s12';

const derive = (regime: Regime, received: string, events: CaseEvent[], today: string) => deriveCaseClocks(regime, received, events, calendars, today);
const ev = (type: CaseEvent['type'], date: string): CaseEvent => ({ type, date });
const byKey = (c: ReturnType<typeof derive>, key: string) => c.deadlines.find((d) => d.key === key);

describe('FOISA requirement for review window (s20(5))', () => {
  it('worked example: received 2 Jun 2025, answered 10 Jun: the window runs from the 20th working day (30 Jun) and ends 26 Aug 2025 (s20(5)(a))', () => {
    const c = derive('foisa', '2025-06-02', [ev('responded', '2025-06-10')], '2025-06-11');
    expect(c.response.due).toBe('2025-06-30');
    const w = byKey(c, 'review-request-window');
    expect(w).toMatchObject({ from: '2025-06-30', due: '2025-08-26', calendar: 'scotland', basis: 'FOISA s20(5), s73' });
    // The Scottish summer bank holiday (first Monday in August, 4 Aug 2025) is skipped.
    expect(w?.steps.join(' ')).toContain('4 Aug');
  });

  it('an early response never shortens the window: answering on day 6 or day 20 gives the same end', () => {
    const early = byKey(derive('foisa', '2025-06-02', [ev('responded', '2025-06-10')], '2025-06-11'), 'review-request-window');
    const last = byKey(derive('foisa', '2025-06-02', [ev('responded', '2025-06-30')], '2025-07-01'), 'review-request-window');
    expect(early?.due).toBe(last?.due);
  });

  it('runs from a late response itself (s20(5)(b))', () => {
    const c = derive('foisa', '2025-06-02', [ev('responded', '2025-07-07')], '2025-07-08');
    expect(byKey(c, 'review-request-window')).toMatchObject({ from: '2025-07-07' });
  });

  it('runs from the expiry of the time for compliance when no response came', () => {
    const c = derive('foisa', '2025-06-02', [], '2025-07-01');
    expect(byKey(c, 'review-request-window')).toMatchObject({ from: '2025-06-30', due: '2025-08-26' });
  });
});

describe('subject access: the month starts at the relevant time (UK GDPR Art 12A(2), inserted by the Data (Use and Access) Act 2025)', () => {
  it('worked example: received 2 Jun 2025, fee paid 30 Jun: due 30 Jul 2025 (a fee restarts, not pauses)', () => {
    const c = derive('sar', '2025-06-02', [ev('fees-notice', '2025-06-03'), ev('fee-received', '2025-06-30')], '2025-07-01');
    expect(c.response).toMatchObject({ clock: 'sar-response', from: '2025-06-30', due: '2025-07-30' });
    expect(c.onHold).toBeNull();
  });

  it('identity: the month runs from receipt of the information asked for to confirm it (Art 12A(2)(b), Art 12(6))', () => {
    const c = derive('sar', '2025-06-02', [ev('id-requested', '2025-06-03'), ev('id-received', '2025-06-20')], '2025-06-21');
    // 20 Jul 2025 is a Sunday: the ICO moves the date to the next working day.
    expect(c.response).toMatchObject({ from: '2025-06-20', due: '2025-07-21' });
  });

  it('takes the latest of receipt, identity and fee', () => {
    const c = derive('sar', '2025-06-02', [ev('fees-notice', '2025-06-03'), ev('fee-received', '2025-06-10'), ev('id-requested', '2025-06-03'), ev('id-received', '2025-06-16')], '2025-06-17');
    expect(c.response).toMatchObject({ from: '2025-06-16', due: '2025-07-16' });
  });

  it('is on hold for identity while it is awaited, counted as if it arrived today', () => {
    const c = derive('sar', '2025-06-02', [ev('id-requested', '2025-06-03')], '2025-06-12');
    expect(c.onHold).toBe('identity');
    expect(c.response).toMatchObject({ from: '2025-06-12', due: '2025-07-14' });
    expect(c.response.warning).toContain('Art 12A(2)');
  });

  it('only clarification stops the clock, from the day it is asked to the day the answer arrives (Art 12A(3))', () => {
    const c = derive('sar', '2025-06-02', [ev('clarification-sought', '2025-06-05'), ev('clarification-received', '2025-06-10')], '2025-06-11');
    // 2 Jul + 6 stopped days (5 to 10 Jun inclusive) = 8 Jul 2025.
    expect(c.response).toMatchObject({ from: '2025-06-02', due: '2025-07-08' });
  });
});

describe('cost lines checked against the regime (SI 2004/3244 reg 4(3); SSI 2004/467 reg 3)', () => {
  it('FOISA refuses determining whether the information is held (SSI 2004/467 reg 3(2)(a)(i))', () => {
    expect(ruleError(() => parseCostLineSpec('determining:10:5', 'foisa')).message).toContain('reg 3(2)(a)(i)');
    expect(ruleError(() => validateCostLine({ activity: 'determining', quantity: 1, minutesEach: 1 }, 'eisr')).field).toBe('activity');
  });

  it('FOISA counts providing the information (SSI 2004/467 reg 3(1)); FOIA does not', () => {
    expect(parseCostLineSpec('providing:40:6', 'foisa')).toMatchObject({ activity: 'providing', quantity: 40, minutesEach: 6 });
    expect(ruleError(() => parseCostLineSpec('providing:40:6', 'foia')).message).toMatch(/not a task an estimate may count under FOIA/);
    expect(activitiesFor('foisa')).toEqual(['locating', 'retrieving', 'providing']);
    expect(activitiesFor('foia')).toEqual(['determining', 'locating', 'retrieving', 'extracting']);
  });

  it('FOISA extracting is not a reg 3 activity', () => {
    expect(ruleError(() => parseCostLineSpec('extracting:1:5', 'foisa')).message).toContain('locating, retrieving and providing');
  });

  it('EISR has no cost limit: the FOISA figures are a guide to reg 10(4)(b)', () => {
    const l = appropriateLimit('eisr', false);
    expect(l).toMatchObject({ limitPence: 60_000, ratePencePerHour: 1_500, guideOnly: true });
    const lines = [parseCostLineSpec('locating:50:60', 'eisr')];
    expect(costWorking(lines, costTotals(lines, l), { guideOnly: true, regime: 'eisr' }).at(-1)).toContain('EISR have no cost limit: reg 10(4)(b)');
  });
});

describe('aggregation stays within FOIA (FOIA s12(4); SI 2004/3244 reg 5)', () => {
  const base = { requesterName: 'Zoë Ó Dónaill-Nguyễn 王', requesterEmail: 'zoe@example.org', summary: 'Facebook guidance' };
  it('offers no FOISA, EIR or SAR case to a FOIA case, and none at all to the others', () => {
    const foia = { ...base, reference: 'FOI/1', received: '2025-06-02', regime: 'foia' as const };
    const others = (['eir', 'eisr', 'foisa', 'sar', 'foia'] as const).map((regime, i) => ({ ...base, reference: `X/${i}`, received: '2025-06-05', regime }));
    expect(aggregationCandidates(foia, others, calendars.allUk).map((c) => c.reference)).toEqual(['X/4']);
    for (const regime of ['eir', 'eisr', 'foisa', 'sar'] as const) {
      expect(aggregationCandidates({ ...foia, regime }, others, calendars.allUk)).toEqual([]);
    }
  });
});

describe('bank holidays by rule after the shipped table (BFDA 1971 Sch 1 and the yearly proclamations)', () => {
  it('reproduces every regular holiday of the shipped table, 2011-2030, in each part of the UK', () => {
    const irregularYears = new Set<string>();
    for (const h of shippedTable.holidays) if (h.kind === 'one_off' || h.kind === 'moved') irregularYears.add(`${h.region}:${h.date.slice(0, 4)}`);
    let compared = 0;
    for (const region of REGIONS) {
      for (let year = 2011; year <= 2030; year++) {
        const shipped = shippedTable.holidays.filter((h) => h.region === region && h.date.startsWith(`${year}-`) && h.kind !== 'one_off' && h.kind !== 'moved').map((h) => h.date);
        let derived = regularHolidays(year, region).map((h) => h.date);
        // A year with a moved day lists the new date instead of the rule's.
        if (irregularYears.has(`${region}:${year}`)) derived = derived.filter((d) => shipped.includes(d));
        expect({ region, year, dates: derived }).toEqual({ region, year, dates: shipped });
        compared += 1;
      }
    }
    expect(compared).toBe(60);
  });

  it('a FOIA request received Fri 20 Dec 2030 skips Christmas, Boxing Day, 1 Jan and the Scottish 2 Jan 2031 (s10(6))', () => {
    const c = computeClock('foi-response', { from: '2030-12-20' }, calendars);
    expect(c.due).toBe('2031-01-23');
    const text = c.steps.join(' ');
    expect(text).toContain('1 Jan');
    expect(text).toContain('2 Jan');
    expect(c.provisional).toBe(true);
  });

  it('derives St Patrick’s Day and its substitute, the Boyne and St Andrew’s Day in later years', () => {
    const ni = regularHolidays(2032, 'northern-ireland').map((h) => `${h.date} ${h.name}`);
    // 17 Mar 2032 is a Wednesday; 12 Jul 2032 a Monday.
    expect(ni).toContain("2032-03-17 St Patrick's Day");
    expect(ni).toContain("2032-07-12 Battle of the Boyne (Orangemen's Day)");
    // 30 Nov 2031 is a Sunday: St Andrew's Day moves to Monday 1 Dec.
    expect(regularHolidays(2031, 'scotland').map((h) => `${h.date} ${h.name}`)).toContain("2031-12-01 St Andrew's Day (substitute)");
  });

  it('keeps an officer’s one-off day in a derived year, beside the rule days', () => {
    const table = { ...shippedTable, holidays: [...shippedTable.holidays, { date: '2031-06-02', region: 'england-and-wales' as const, name: 'Proclaimed day', kind: 'one_off' as const, source: 'officer' as const }] };
    const cal = createCalendar(table, 'all-uk');
    expect(cal.nonWorkingReason('2031-06-02')).toBe('Proclaimed day');
    expect(cal.nonWorkingReason('2031-01-02')).toBe('2nd January, Scotland');
    expect(addWorkingDays(cal, '2031-05-30', 1).due).toBe('2031-06-03');
  });
});

describe('Tribunal appeal (GRC Rules 2009 r22(1)(b), r12, r1(3))', () => {
  it('counts on the England and Wales calendar: day 28 on St Patrick’s Day stays there, with a warning', () => {
    // Decision notice sent Tue 17 Feb 2026: 28 days later is Tue 17 Mar 2026.
    const c = computeClock('tribunal-appeal', { from: '2026-02-17' }, calendars);
    expect(c.due).toBe('2026-03-17');
    expect(c.steps.join(' ')).toMatch(/bank holiday elsewhere in the UK .*St Patrick/);
  });

  it('still moves off an England and Wales bank holiday (r12)', () => {
    // 28 days after Mon 27 Jul 2026 is Mon 24 Aug; 31 Aug 2026 is the summer bank holiday: use 3 Aug -> 31 Aug.
    expect(computeClock('tribunal-appeal', { from: '2026-08-03' }, calendars).due).toBe('2026-09-01');
  });
});

describe('EISR (Environmental Information (Scotland) Regulations 2004)', () => {
  it('counts 20 working days on the Scottish calendar (reg 5(2)(a), reg 2(1)): St Patrick’s Day is a working day', () => {
    const c = derive('eisr', '2026-03-09', [], '2026-03-10');
    expect(c.response).toMatchObject({ clock: 'eisr-response', calendar: 'scotland', basis: 'EISR reg 5(2)(a), reg 2(1)' });
    expect(c.response.due).toBe(computeClock('foisa-response', { from: '2026-03-09' }, calendars).due);
  });

  it('extends to 40 working days on a reg 7 notice given within 20', () => {
    const c = derive('eisr', '2026-03-09', [ev('eir-extension', '2026-03-20')], '2026-03-21');
    expect(c.response.clock).toBe('eisr-extended');
    expect(byKey(c, 'eisr-extension-notice')).toMatchObject({ status: 'met' });
  });

  it('representations within 40 working days (reg 16(2)), reviewed within 20 (reg 16(4)), then the Scottish Information Commissioner', () => {
    const c = derive('eisr', '2026-03-09', [ev('responded', '2026-03-30'), ev('review-requested', '2026-04-13'), ev('review-completed', '2026-05-01')], '2026-05-02');
    expect(byKey(c, 'review-request-window')).toMatchObject({ clock: 'eisr-representations', from: '2026-03-30' });
    expect(byKey(c, 'eisr-review')).toMatchObject({ basis: 'EISR reg 16(4)', status: 'met' });
    expect(byKey(c, 'sic-application')).toMatchObject({ from: '2026-05-01', due: '2026-11-01' });
    expect(byKey(c, 'ico-complaint')).toBeUndefined();
  });
});

describe('applying to the Scottish Information Commissioner (FOISA s47(4))', () => {
  it('six months from the review outcome', () => {
    const c = derive('foisa', '2025-06-02', [ev('responded', '2025-06-10'), ev('review-requested', '2025-07-01'), ev('review-completed', '2025-07-25')], '2025-07-26');
    expect(byKey(c, 'sic-application')).toMatchObject({ from: '2025-07-25', due: '2026-01-25', basis: 'FOISA s47(4)' });
  });

  it('six months from when the review outcome was due, where none came', () => {
    const c = derive('foisa', '2025-06-02', [ev('responded', '2025-06-10'), ev('review-requested', '2025-07-01')], '2025-09-01');
    const reviewDue = byKey(c, 'foisa-review')?.due;
    expect(reviewDue).toBe('2025-07-29');
    expect(byKey(c, 'sic-application')).toMatchObject({ from: '2025-07-29', due: '2026-01-29' });
  });

  it('has no deadline before the review is answered or overdue', () => {
    const c = derive('foisa', '2025-06-02', [ev('responded', '2025-06-10'), ev('review-requested', '2025-07-01')], '2025-07-02');
    expect(byKey(c, 'sic-application')).toBeUndefined();
  });
});
