// The statutory clocks of docs/law.md §1.7, with the working shown to officers.
import { describe, expect, it } from 'vitest';
import { calendars, shippedTable } from '../helpers/calendars';
import { createCalendar } from '../../src/shared/domain/calendar/calendar';
import {
  CLOCK_NAMES,
  clockLabel,
  computeClock,
  endOfMonthsBeginningWith,
} from '../../src/shared/domain/clocks/clocks';

const due = (name: Parameters<typeof computeClock>[0], from: string) => computeClock(name, { from }, calendars).due;

describe('FOI response: 20 working days, all-UK (FOIA s10(1), s10(6))', () => {
  it('Kent 2012 (§3.1(a)): the working, step by step', () => {
    const r = computeClock('foi-response', { from: '2012-03-12' }, calendars);
    expect(r).toMatchObject({ clock: 'foi-response', from: '2012-03-12', due: '2012-04-12', calendar: 'all-uk', basis: 'FOIA s10(1), s10(6)', provisional: false });
    expect(r.steps).toEqual([
      'Day 0 Mon 12 Mar 2012 (received).',
      "Non-working days skipped: Mon 19 Mar (St Patrick's Day substitute, NI), Fri 6 Apr (Good Friday), Mon 9 Apr (Easter Monday).",
      'Day 20: Thu 12 Apr 2012.',
    ]);
  });

  it('counts from a weekend receipt: Sat 10 Mar 2012 is day 0 (ICO LTT47)', () => {
    const r = computeClock('foi-response', { from: '2012-03-10', fromLabel: 'delivered' }, calendars);
    expect(r.due).toBe('2012-04-11');
    expect(r.steps[0]).toBe('Day 0 Sat 10 Mar 2012 (delivered).');
  });

  it('Home Office 2013 (§3.1(b)): Thu 1 Aug -> Mon 2 Sep, skipping the Scottish 5 Aug', () => {
    const r = computeClock('foi-response', { from: '2013-08-01' }, calendars);
    expect(r.due).toBe('2013-09-02');
    expect(r.steps[1]).toBe('Non-working days skipped: Mon 5 Aug (Summer bank holiday, Scotland), Mon 26 Aug (Summer bank holiday).');
    expect(due('foi-response', '2013-08-02')).toBe('2013-09-03');
  });

  it('says so when only weekends were skipped', () => {
    expect(computeClock('foi-response', { from: '2024-09-02' }, calendars).steps[1]).toBe('Non-working days skipped: none besides weekends.');
  });

  it('pauses from the fees notice to the fee received (FOIA s10(2))', () => {
    const r = computeClock('foi-response', { from: '2012-02-27', pausedFrom: '2012-03-05', pausedTo: '2012-03-09' }, calendars);
    expect(r.due).toBe('2012-04-03');
    expect(r.steps).toEqual([
      'Day 0 Mon 27 Feb 2012 (received).',
      "Non-working days skipped: Mon 19 Mar (St Patrick's Day substitute, NI).",
      'Paused Mon 5 Mar 2012 to Fri 9 Mar 2012 (s10(2) fees): 5 working days disregarded.',
      'Day 20: Tue 3 Apr 2012.',
    ]);
  });

  it('needs both ends of a pause', () => {
    expect(() => computeClock('foi-response', { from: '2012-02-27', pausedFrom: '2012-03-05' }, calendars)).toThrow(/both/);
  });

  it('marks a deadline in 2028 provisional (§8.10)', () => {
    const r = computeClock('foi-response', { from: '2027-12-10' }, calendars);
    expect(r.due).toBe('2028-01-13');
    expect(r.provisional).toBe(true);
    expect(r.steps.at(-1)).toBe('Provisional: 2028 holidays are not yet published.');
  });

  it('skips the one-off and moved days of 2011, 2012, 2020, 2022 and 2023 (BFDA 1971 s1(2)-(3))', () => {
    expect(due('foi-response', '2011-04-21')).toBe('2011-05-25'); // royal wedding 29 Apr
    expect(due('foi-response', '2012-05-21')).toBe('2012-06-20'); // 4-5 Jun; 28 May worked
    expect(due('foi-response', '2020-05-01')).toBe('2020-06-02'); // 8 May; 4 May worked
    expect(due('foi-response', '2022-05-25')).toBe('2022-06-24'); // 2-3 Jun; 30 May worked
    expect(due('foi-response', '2022-09-05')).toBe('2022-10-04'); // state funeral 19 Sep
    expect(due('foi-response', '2023-04-28')).toBe('2023-05-31'); // coronation 8 May
    expect(computeClock('foi-response', { from: '2020-05-01' }, calendars).steps[1]).toBe(
      'Non-working days skipped: Fri 8 May (Early May bank holiday moved from Mon 4 May), Mon 25 May (Spring bank holiday).',
    );
  });

  it('skips the Scottish one-off 15 Jun 2026 for FOIA too (s10(6): any part of the UK)', () => {
    expect(due('foi-response', '2026-06-01')).toBe('2026-06-30');
  });
});

describe('other working-day clocks', () => {
  it('public interest extension: 40 working days in total (s10(3); s45 Code paras 4.5-4.7)', () => {
    const r = computeClock('pit-extension', { from: '2012-03-12' }, calendars);
    expect(r.due).toBe('2012-05-11');
    expect(r.steps).toContain('Day 40: Fri 11 May 2012.');
  });

  it('internal review: 20 working days target, 40 maximum; request window 40 from the response (s45 Code; ICO)', () => {
    expect(due('internal-review', '2012-03-12')).toBe('2012-04-12');
    expect(due('internal-review-max', '2012-03-12')).toBe('2012-05-11');
    const w = computeClock('review-request-window', { from: '2012-04-12' }, calendars);
    expect(w.steps[0]).toBe('Day 0 Thu 12 Apr 2012 (response).');
    expect(w.due).toBe('2012-06-12');
  });

  it('EIR: 20 working days, 40 extended (reg 5(2), 7(1)); reg 11 windows of 40; all-UK via reg 2(1)', () => {
    expect(due('eir-response', '2012-03-12')).toBe('2012-04-12');
    expect(due('eir-extended', '2012-03-12')).toBe('2012-05-11');
    expect(computeClock('eir-representations', { from: '2012-03-12' }, calendars).basis).toBe('EIR reg 11(2)');
    expect(computeClock('eir-reconsideration', { from: '2012-03-12' }, calendars)).toMatchObject({ due: '2012-05-11', basis: 'EIR reg 11(4)' });
  });

  it('FOISA ignores Easter Monday (s73: bank holidays in Scotland only)', () => {
    expect(due('foisa-response', '2024-03-25')).toBe('2024-04-23');
    expect(due('foi-response', '2024-03-25')).toBe('2024-04-24');
  });

  it('FOISA ignores the late-August Monday (s73)', () => {
    const r = computeClock('foisa-response', { from: '2024-08-19' }, calendars);
    expect(r).toMatchObject({ due: '2024-09-16', calendar: 'scotland', basis: 'FOISA s10(1), s73' });
    expect(r.steps[1]).toBe('Non-working days skipped: none besides weekends.');
    expect(due('foi-response', '2024-08-19')).toBe('2024-09-17');
  });

  it('FOISA counts the Scottish one-off 15 Jun 2026, not provisional (proclamation, §2.1)', () => {
    const r = computeClock('foisa-response', { from: '2026-06-01' }, calendars);
    expect(r.due).toBe('2026-06-30');
    expect(r.provisional).toBe(false);
    expect(r.steps[1]).toBe('Non-working days skipped: Mon 15 Jun (Scotland FIFA World Cup bank holiday).');
  });

  it('FOISA review: 20 working days on the Scottish calendar (s21(1))', () => {
    expect(computeClock('foisa-review', { from: '2024-08-19' }, calendars)).toMatchObject({ due: '2024-09-16', basis: 'FOISA s21(1), s73' });
  });

  it('school longstop: 60 working days, and says the 20 school days cannot be computed (SI 2009/1369)', () => {
    const r = computeClock('school-longstop', { from: '2024-07-01' }, calendars);
    expect(r.due).toBe('2024-09-26');
    expect(r.steps).toContain('Day 60: Thu 26 Sep 2024.');
    expect(r.steps.join(' ')).toMatch(/20 school days.*term dates/);
  });

  it('ignores a pause on a clock the fees rules do not touch, and says so', () => {
    const r = computeClock('internal-review', { from: '2012-03-12', pausedFrom: '2012-03-13', pausedTo: '2012-03-14' }, calendars);
    expect(r.due).toBe('2012-04-12');
    expect(r.steps.at(-1)).toBe('The pause from Tue 13 Mar 2012 to Wed 14 Mar 2012 does not apply to this clock.');
  });
});

describe('fee payment: 3 months beginning with the day the fees notice is given (FOIA s9(2))', () => {
  it('counts the day of the notice itself: 1 Mar -> 31 May (Trow v Ind Coope; Dodds v Walker)', () => {
    const r = computeClock('fee-payment', { from: '2024-03-01' }, calendars);
    expect(r).toMatchObject({ due: '2024-05-31', calendar: 'calendar-months', basis: 'FOIA s9(2)', provisional: false });
    expect(r.steps).toEqual([
      '3 months beginning with Fri 1 Mar 2024 (fees notice given), that day included.',
      'Last day: Fri 31 May 2024 (calendar months; not moved off weekends or holidays).',
    ]);
  });

  it('ends the day before the corresponding date, or on the last day of a short month', () => {
    expect(endOfMonthsBeginningWith('2012-03-05', 3)).toBe('2012-06-04');
    expect(endOfMonthsBeginningWith('2024-01-15', 3)).toBe('2024-04-14'); // a Sunday: not moved
    expect(endOfMonthsBeginningWith('2023-11-30', 3)).toBe('2024-02-29'); // no 30 Feb; leap year
    expect(endOfMonthsBeginningWith('2022-11-30', 3)).toBe('2023-02-28');
    expect(endOfMonthsBeginningWith('2024-03-31', 3)).toBe('2024-06-30');
    expect(endOfMonthsBeginningWith('2024-04-01', 3)).toBe('2024-06-30');
    expect(endOfMonthsBeginningWith('2024-11-01', 3)).toBe('2025-01-31');
    expect(endOfMonthsBeginningWith('2024-01-01', 12)).toBe('2024-12-31');
  });
});

describe('calendar-day clocks', () => {
  it('ICO complaint: six weeks from the final response, guidance only, never rolled (ICO; s50(2)(b))', () => {
    const r = computeClock('ico-complaint', { from: '2024-07-01' }, calendars);
    expect(r).toMatchObject({ due: '2024-08-12', calendar: 'calendar-days' });
    expect(r.steps[0]).toBe('6 weeks (42 calendar days) from Mon 1 Jul 2024 (final response): Mon 12 Aug 2024.');
    expect(due('ico-complaint', '2024-07-06')).toBe('2024-08-17'); // a Saturday, left alone
  });

  it('Tribunal: 28 days from the decision notice being sent (GRC r22(1)(b))', () => {
    const r = computeClock('tribunal-appeal', { from: '2024-07-01' }, calendars);
    expect(r.due).toBe('2024-07-29');
    expect(r.steps[0]).toBe('28 calendar days from Mon 1 Jul 2024 (decision notice sent): Mon 29 Jul 2024.');
    expect(r.steps).toHaveLength(2); // no roll-forward step, then the 5pm note
  });

  it('Tribunal: rolled off a weekend to the next working day (GRC r12)', () => {
    const r = computeClock('tribunal-appeal', { from: '2024-08-03' }, calendars);
    expect(r.due).toBe('2024-09-02');
    expect(r.steps.slice(0, 2)).toEqual([
      '28 calendar days from Sat 3 Aug 2024 (decision notice sent): Sat 31 Aug 2024.',
      'Sat 31 Aug 2024 is not a working day; next working day Mon 2 Sep 2024 (GRC r12).',
    ]);
  });

  it('Tribunal: rolled off a bank holiday, naming it (GRC r12)', () => {
    const r = computeClock('tribunal-appeal', { from: '2024-07-29' }, calendars);
    expect(r.due).toBe('2024-08-27');
    expect(r.steps[1]).toBe('Mon 26 Aug 2024 is not a working day (Summer bank holiday); next working day Tue 27 Aug 2024 (GRC r12).');
  });
});

describe('subject access: calendar months, ICO method (UK GDPR Art 12(3))', () => {
  it('30 Jan -> 28 Feb: no corresponding date, so the last day of the month', () => {
    const r = computeClock('sar-response', { from: '2023-01-30' }, calendars);
    expect(r).toMatchObject({ due: '2023-02-28', calendar: 'calendar-months' });
    expect(r.steps).toEqual(['1 calendar month from Mon 30 Jan 2023 (received): Tue 28 Feb 2023 (no corresponding date; last day of the month).']);
  });

  it('31 Jan 2024 -> 29 Feb 2024 (leap year); 1 Aug -> 1 Sep', () => {
    expect(due('sar-response', '2024-01-31')).toBe('2024-02-29');
    expect(due('sar-response', '2023-08-01')).toBe('2023-09-01');
  });

  it('rolls forward off a weekend and a bank holiday to the next working day', () => {
    const r = computeClock('sar-response', { from: '2024-08-01' }, calendars);
    expect(r.due).toBe('2024-09-02');
    expect(r.steps[1]).toBe('Sun 1 Sep 2024 is not a working day; next working day Mon 2 Sep 2024 (ICO guidance).');
    expect(due('sar-response', '2024-04-26')).toBe('2024-05-28'); // Sun 26 May, then Spring bank holiday
  });

  it("rolls on the authority's own calendar: St Patrick's Day only for an NI authority (§1.6)", () => {
    expect(due('sar-response', '2025-02-17')).toBe('2025-03-17');
    const ni = { ...calendars, sar: createCalendar(shippedTable, 'northern-ireland') };
    expect(computeClock('sar-response', { from: '2025-02-17' }, ni).due).toBe('2025-03-18');
  });

  it('extended: 3 months in all (1 + 2 further months), rolled forward', () => {
    const r = computeClock('sar-extended', { from: '2023-01-30' }, calendars);
    expect(r.due).toBe('2023-05-02'); // Sun 30 Apr, then the early May bank holiday
    expect(r.steps[0]).toBe('3 calendar months (1 month plus 2 further months) from Mon 30 Jan 2023 (received): Sun 30 Apr 2023.');
  });

  it('stops the clock while clarification is awaited (UK GDPR Art 12A), counting both end days', () => {
    const r = computeClock('sar-response', { from: '2023-08-01', pausedFrom: '2023-08-07', pausedTo: '2023-08-11' }, calendars);
    expect(r.due).toBe('2023-09-06');
    expect(r.basis).toBe('UK GDPR Art 12(3); ICO guidance on time limits, Art 12A');
    expect(r.steps[1]).toBe('Clock stopped Mon 7 Aug 2023 to Fri 11 Aug 2023 (UK GDPR Art 12A): 5 days added, so Wed 6 Sep 2023.');
  });
});

describe('labels', () => {
  it('gives every clock a distinct label', () => {
    const labels = CLOCK_NAMES.map(clockLabel);
    expect(new Set(labels).size).toBe(CLOCK_NAMES.length);
    expect(clockLabel('foi-response')).toBe('FOI response');
    expect(clockLabel('internal-review')).toBe('Internal review (target)');
  });

  it('computes every clock without throwing', () => {
    for (const name of CLOCK_NAMES) {
      const r = computeClock(name, { from: '2024-02-29' }, calendars);
      expect(r.due > r.from, name).toBe(true);
      expect(r.steps.length, name).toBeGreaterThan(0);
    }
  });
});
