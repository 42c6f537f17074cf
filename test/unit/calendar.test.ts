// Working-day calendars: the holiday table, the all-UK union (FOIA s10(6)) and Scottish days
// (FOISA s73). Dates and cases are from docs/law.md §2 and §3.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, fromDate, toDate } from '../../src/shared/domain/dates';
import { dayNumber, easterSunday, isoFromDayNumber, weekdayOf } from '../../src/shared/domain/calendar/days';
import {
  parseShippedHolidays,
  regionLabel,
  regionShort,
  REGIONS,
  type HolidayTable,
} from '../../src/shared/domain/calendar/holidays';
import {
  addWorkingDays,
  createCalendar,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from '../../src/shared/domain/calendar/calendar';

const raw = JSON.parse(readFileSync('resources/uk-bank-holidays.json', 'utf8')) as Record<string, unknown>;
const table = parseShippedHolidays(raw);
const allUk = createCalendar(table, 'all-uk');
const scotland = createCalendar(table, 'scotland');
const england = createCalendar(table, 'england-and-wales');
const ni = createCalendar(table, 'northern-ireland');

function withRegions(regions: unknown, extra: Record<string, unknown> = {}): unknown {
  return { ...raw, ...extra, regions };
}
const regions = raw.regions as Record<string, unknown[]>;

describe('parseShippedHolidays', () => {
  it('reads all three regions and the published cut-off of 2027 from the description (§8.10)', () => {
    expect(table.publishedThrough).toBe(2027);
    const count = (r: string) => table.holidays.filter((h) => h.region === r).length;
    expect(count('england-and-wales')).toBe(173);
    expect(count('scotland')).toBe(193);
    expect(count('northern-ireland')).toBe(215);
    expect(table.holidays.every((h) => h.source === 'shipped')).toBe(true);
  });

  it('classifies one-off, moved and substitute days', () => {
    const find = (date: string, region = 'england-and-wales') =>
      table.holidays.find((h) => h.date === date && h.region === region);
    expect(find('2011-04-29')?.kind).toBe('one_off');
    expect(find('2012-06-04')).toMatchObject({ kind: 'moved', movedFrom: '2012-05-28' });
    expect(find('2020-05-08')).toMatchObject({ kind: 'moved', movedFrom: '2020-05-04' });
    expect(find('2012-03-19', 'northern-ireland')?.kind).toBe('substitute');
    expect(find('2012-04-06')?.kind).toBe('regular');
  });

  it('keeps the disputed Scottish 4 January 2010/2011 out of the table but reports them (§2.4)', () => {
    expect(table.disputed?.map((d) => d.date)).toEqual(['2010-01-04', '2011-01-04']);
    expect(table.holidays.some((h) => h.date === '2011-01-04')).toBe(false);
  });

  it('honours an explicit published_through field', () => {
    expect(parseShippedHolidays({ ...raw, published_through: 2030 }).publishedThrough).toBe(2030);
  });

  it('rejects an impossible date with a clear message', () => {
    const bad = withRegions({ ...regions, scotland: [{ date: '2012-02-30', name: 'X', substitute: false }] });
    expect(() => parseShippedHolidays(bad)).toThrow(/not valid[\s\S]*not a real date/);
  });

  it('rejects a missing region, a duplicate date and a day that is both substitute and one-off', () => {
    const { scotland: _omit, ...twoRegions } = regions;
    expect(() => parseShippedHolidays(withRegions(twoRegions))).toThrow(/not valid/);
    const dup = { date: '2012-04-06', name: 'Good Friday', substitute: false };
    expect(() => parseShippedHolidays(withRegions({ ...regions, scotland: [dup, dup] }))).toThrow(/listed twice for Scotland/);
    const both = { date: '2012-04-06', name: 'X', substitute: true, one_off: true };
    expect(() => parseShippedHolidays(withRegions({ ...regions, scotland: [both] }))).toThrow(/only one of/);
    expect(() => parseShippedHolidays(null)).toThrow(/not valid/);
  });

  it('refuses to guess the published cut-off when the data does not state it', () => {
    expect(() => parseShippedHolidays({ ...raw, description: 'UK holidays' })).toThrow(/which years are published/);
  });

  it('labels regions in full and in short', () => {
    expect(REGIONS.map(regionLabel)).toEqual(['England and Wales', 'Scotland', 'Northern Ireland']);
    expect(REGIONS.map(regionShort)).toEqual(['E&W', 'Scotland', 'NI']);
  });
});

describe('day arithmetic', () => {
  it('agrees with the JavaScript calendar on every day 1990-2060, and with dates.ts on a sample', () => {
    const mismatches: string[] = [];
    for (let n = dayNumber('1990-01-01'); n <= dayNumber('2060-12-31'); n++) {
      const iso = isoFromDayNumber(n);
      const js = new Date(n * 86_400_000);
      if (js.toISOString().slice(0, 10) !== iso || js.getUTCDay() !== weekdayOf(n) || dayNumber(iso) !== n) mismatches.push(iso);
      if (n % 211 === 0 && (fromDate(toDate(iso)) !== iso || dayOfWeek(iso) !== weekdayOf(n))) mismatches.push(`dates.ts ${iso}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    for (const bad of ['2012-02-30', '2023-02-29', '2012-13-01', '12-03-2012', '2012-3-1', '']) {
      expect(() => dayNumber(bad)).toThrow(RangeError);
    }
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-03-01') - 1);
  });

  it('finds Easter Sunday (Meeus/Jones/Butcher, §2.2)', () => {
    expect(['2012', '2019', '2024', '2027', '2030'].map((y) => easterSunday(Number(y)))).toEqual([
      '2012-04-08', '2019-04-21', '2024-03-31', '2027-03-28', '2030-04-21',
    ]);
  });
});

describe('all-UK calendar (FOIA s10(6): a bank holiday in any part of the UK)', () => {
  it("counts St Patrick's Day substitute 19 Mar 2012 as a non-working day (ICO LTT47)", () => {
    expect(allUk.isWorkingDay('2012-03-19')).toBe(false);
    expect(allUk.nonWorkingReason('2012-03-19')).toBe("St Patrick's Day substitute, NI");
    expect(england.isWorkingDay('2012-03-19')).toBe(true);
  });

  it('counts NI 17 Mar 2014, 14 Jul 2014 and Scottish 4 Aug 2014 (Student Loans Company and Monitor cases, §2.4)', () => {
    expect(['2014-03-17', '2014-07-14', '2014-08-04'].map((d) => allUk.isWorkingDay(d))).toEqual([false, false, false]);
    expect(allUk.nonWorkingReason('2014-07-14')).toBe('Battle of the Boyne substitute, NI');
    expect(allUk.nonWorkingReason('2014-08-04')).toBe('Summer bank holiday, Scotland');
  });

  it('names weekends, and holidays kept in England and Wales without a region', () => {
    expect(allUk.nonWorkingReason('2012-03-10')).toBe('Saturday');
    expect(allUk.nonWorkingReason('2012-03-11')).toBe('Sunday');
    expect(allUk.nonWorkingReason('2012-04-06')).toBe('Good Friday');
    expect(allUk.nonWorkingReason('2012-04-09')).toBe('Easter Monday');
    expect(allUk.nonWorkingReason('2012-03-12')).toBeNull();
    expect(allUk.nonWorkingReason('2022-01-03')).toBe("New Year's Day substitute; 2nd January substitute, Scotland");
  });

  it('has the royal wedding one-off 29 Apr 2011 (BFDA 1971 s1(3) proclamation)', () => {
    expect(allUk.isWorkingDay('2011-04-29')).toBe(false);
    expect(allUk.nonWorkingReason('2011-04-29')).toBe('Royal wedding');
  });

  it('moves the 2012 spring holiday to 4 Jun and adds 5 Jun; 28 May 2012 IS a working day (s1(2))', () => {
    expect(allUk.isWorkingDay('2012-06-04')).toBe(false);
    expect(allUk.isWorkingDay('2012-06-05')).toBe(false);
    expect(allUk.isWorkingDay('2012-05-28')).toBe(true);
    expect(allUk.nonWorkingReason('2012-06-04')).toBe('Spring bank holiday moved from Mon 28 May');
    expect(allUk.nonWorkingReason('2012-06-05')).toBe("Queen's Diamond Jubilee");
  });

  it('moves early May 2020 to Fri 8 May (VE Day); Mon 4 May 2020 is a working day', () => {
    expect(allUk.isWorkingDay('2020-05-08')).toBe(false);
    expect(allUk.isWorkingDay('2020-05-04')).toBe(true);
  });

  it('has 2 and 3 Jun 2022 and the state funeral 19 Sep 2022; 30 May 2022 is a working day', () => {
    expect(['2022-06-02', '2022-06-03', '2022-09-19'].some((d) => allUk.isWorkingDay(d))).toBe(false);
    expect(allUk.isWorkingDay('2022-05-30')).toBe(true);
  });

  it('has the coronation 8 May 2023', () => {
    expect(allUk.isWorkingDay('2023-05-08')).toBe(false);
    expect(allUk.nonWorkingReason('2023-05-08')).toBe('Coronation of King Charles III');
  });

  it('has the Scottish one-off 15 Jun 2026 (proclamation, §2.1), which is not provisional', () => {
    expect(allUk.isWorkingDay('2026-06-15')).toBe(false);
    expect(allUk.nonWorkingReason('2026-06-15')).toBe('Scotland FIFA World Cup bank holiday, Scotland');
    expect(england.isWorkingDay('2026-06-15')).toBe(true);
    expect(allUk.isProvisional('2026-06-15')).toBe(false);
    expect(allUk.isProvisional('2027-12-31')).toBe(false);
    expect(allUk.isProvisional('2028-01-03')).toBe(true);
  });

  it('treats Christmas Day and Good Friday as non-working even when the table lacks them (s10(6))', () => {
    const empty: HolidayTable = { holidays: [], publishedThrough: 2027 };
    const bare = createCalendar(empty, 'all-uk');
    expect(bare.nonWorkingReason('2024-12-25')).toBe('Christmas Day');
    expect(bare.nonWorkingReason('2024-03-29')).toBe('Good Friday');
    expect(bare.isWorkingDay('2024-04-01')).toBe(true); // Easter Monday needs the table
    expect(createCalendar(empty, 'scotland').isWorkingDay('2030-04-19')).toBe(false); // Good Friday 2030
  });

  it('counts an officer-added holiday', () => {
    const added: HolidayTable = {
      ...table,
      holidays: [...table.holidays, { date: '2028-06-06', region: 'northern-ireland', name: 'Proclaimed day', kind: 'one_off', source: 'officer' }],
    };
    expect(createCalendar(added, 'all-uk').nonWorkingReason('2028-06-06')).toBe('Proclaimed day, NI');
    expect(createCalendar(added, 'scotland').isWorkingDay('2028-06-06')).toBe(true);
  });

  it('throws on a date that is not a date', () => {
    expect(() => allUk.isWorkingDay('2012-02-30')).toThrow(RangeError);
  });
});

describe('Scottish calendar (FOISA s73: bank holidays in Scotland only)', () => {
  it('treats Easter Monday and the late-August Monday as working days (§8.2)', () => {
    expect(scotland.isWorkingDay('2024-04-01')).toBe(true);
    expect(scotland.isWorkingDay('2024-08-26')).toBe(true);
    expect(scotland.isWorkingDay('2024-03-18')).toBe(true); // NI St Patrick's substitute
  });

  it('keeps Scottish days, named without a region', () => {
    expect(scotland.nonWorkingReason('2024-08-05')).toBe('Summer bank holiday');
    expect(scotland.nonWorkingReason('2024-12-02')).toBe("St Andrew's Day substitute");
    expect(scotland.nonWorkingReason('2026-06-15')).toBe('Scotland FIFA World Cup bank holiday');
  });

  it('does NOT treat 4 Jan 2011 (or 4 Jan 2010) as a holiday: no proclamation was made (§2.4)', () => {
    expect(scotland.isWorkingDay('2011-01-04')).toBe(true);
    expect(scotland.isWorkingDay('2010-01-04')).toBe(true);
    expect(allUk.isWorkingDay('2011-01-04')).toBe(true);
    expect(scotland.isWorkingDay('2011-01-03')).toBe(false);
  });
});

describe('addWorkingDays (day 0 is the date of receipt, day 1 the next working day: ICO LTT47)', () => {
  it('Kent 2012 (§3.1(a)): received Mon 12 Mar 2012 -> Thu 12 Apr 2012, skipping 19 Mar, 6 Apr, 9 Apr', () => {
    const r = addWorkingDays(allUk, '2012-03-12', 20);
    expect(r.due).toBe('2012-04-12');
    expect(r.skipped).toEqual([
      { date: '2012-03-19', reason: "St Patrick's Day substitute, NI" },
      { date: '2012-04-06', reason: 'Good Friday' },
      { date: '2012-04-09', reason: 'Easter Monday' },
    ]);
    expect(r.paused).toEqual([]);
    expect(r.provisional).toBe(false);
  });

  it('Kent 2012: a weekend delivery (Sat 10 / Sun 11 Mar) is day 0, so the answer is Wed 11 Apr (LTT47)', () => {
    expect(addWorkingDays(allUk, '2012-03-10', 20).due).toBe('2012-04-11');
    expect(addWorkingDays(allUk, '2012-03-11', 20).due).toBe('2012-04-11');
    expect(addWorkingDays(allUk, '2012-03-09', 20).due).toBe('2012-04-11');
  });

  it('Kent 2012: an England-only calendar wrongly gives Wed 11 Apr for 12 Mar (§8.1)', () => {
    expect(addWorkingDays(england, '2012-03-12', 20).due).toBe('2012-04-11');
    expect(addWorkingDays(england, '2012-03-13', 20).due).toBe('2012-04-12');
  });

  it('Home Office 2013 (§3.1(b)): Thu 1 Aug -> Mon 2 Sep; Fri 2 Aug -> Tue 3 Sep all-UK (2 Sep England-only)', () => {
    expect(addWorkingDays(allUk, '2013-08-01', 20).due).toBe('2013-09-02');
    expect(addWorkingDays(allUk, '2013-08-02', 20).due).toBe('2013-09-03');
    expect(addWorkingDays(england, '2013-08-02', 20).due).toBe('2013-09-02');
  });

  it('starts from a bank holiday received date too (LTT47: receipt may be on a bank holiday)', () => {
    expect(addWorkingDays(allUk, '2012-04-06', 1).due).toBe('2012-04-10');
  });

  it('returns day 0 for n = 0 and rejects negative or fractional counts', () => {
    expect(addWorkingDays(allUk, '2012-03-10', 0).due).toBe('2012-03-10');
    expect(() => addWorkingDays(allUk, '2012-03-12', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(allUk, '2012-03-12', 1.5)).toThrow(RangeError);
  });

  it('disregards working days from the fees notice to the fee received (FOIA s10(2))', () => {
    const r = addWorkingDays(allUk, '2012-02-27', 20, { pause: { from: '2012-03-05', to: '2012-03-09', reason: 'Paused (fees)' } });
    expect(r.paused).toEqual(['2012-03-05', '2012-03-06', '2012-03-07', '2012-03-08', '2012-03-09']);
    expect(r.due).toBe(addWorkingDays(allUk, '2012-02-27', 25).due);
    expect(r.due).toBe('2012-04-03');
    expect(r.skipped[0]).toEqual({ date: '2012-03-05', reason: 'Paused (fees)' });
  });

  it('lists a holiday inside a pause as a holiday, not a paused working day', () => {
    const r = addWorkingDays(allUk, '2012-03-12', 20, { pause: { from: '2012-03-16', to: '2012-03-20' } });
    expect(r.paused).toEqual(['2012-03-16', '2012-03-20']);
    expect(r.skipped.find((s) => s.date === '2012-03-19')?.reason).toBe("St Patrick's Day substitute, NI");
    expect(() => addWorkingDays(allUk, '2012-03-12', 20, { pause: { from: '2012-03-20', to: '2012-03-16' } })).toThrow(RangeError);
  });

  it('flags a count that reaches an unpublished year (§8.10)', () => {
    expect(addWorkingDays(allUk, '2027-12-10', 20).provisional).toBe(true);
    expect(addWorkingDays(allUk, '2027-11-01', 20).provisional).toBe(false);
  });

  it('counts 20 days in microseconds (a Map per calendar)', () => {
    const start = performance.now();
    for (let i = 0; i < 2000; i++) addWorkingDays(allUk, '2012-03-12', 20);
    expect((performance.now() - start) / 2000).toBeLessThan(0.5); // ms per count, generous for CI
  });
});

describe('nextWorkingDayOnOrAfter and workingDaysBetween', () => {
  it('rolls a weekend or holiday forward, and leaves a working day alone', () => {
    expect(nextWorkingDayOnOrAfter(allUk, '2024-08-31')).toBe('2024-09-02');
    expect(nextWorkingDayOnOrAfter(allUk, '2024-03-29')).toBe('2024-04-02');
    expect(nextWorkingDayOnOrAfter(scotland, '2024-03-29')).toBe('2024-04-01');
    expect(nextWorkingDayOnOrAfter(ni, '2025-03-17')).toBe('2025-03-18');
    expect(nextWorkingDayOnOrAfter(allUk, '2024-09-02')).toBe('2024-09-02');
  });

  it('counts working days after a up to and including b', () => {
    expect(workingDaysBetween(allUk, '2012-03-12', '2012-04-12')).toBe(20);
    expect(workingDaysBetween(england, '2012-03-12', '2012-04-12')).toBe(21);
    expect(workingDaysBetween(allUk, '2012-03-10', '2012-03-12')).toBe(1);
    expect(workingDaysBetween(allUk, '2012-03-12', '2012-03-12')).toBe(0);
    expect(workingDaysBetween(allUk, '2012-04-12', '2012-03-12')).toBe(0);
  });
});

describe('counting working days by arithmetic', () => {
  it('agrees with walking day by day, on every calendar, across year ends, past the shipped table and with a one-off day added (FOIA s10(6), FOISA s73)', () => {
    const base = parseShippedHolidays(JSON.parse(readFileSync('resources/uk-bank-holidays.json', 'utf8')));
    const table: HolidayTable = { ...base, holidays: [...base.holidays, { date: '2026-06-03', region: 'scotland', name: 'A day proclaimed', kind: 'one_off', source: 'officer' }] };
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const name of ['all-uk', 'scotland', 'england-and-wales', 'northern-ireland'] as const) {
      const cal = createCalendar(table, name);
      const walking = { ...cal, nonWorkingWeekdays: undefined };
      for (let i = 0; i < 400; i++) {
        const a = isoFromDayNumber(dayNumber('2018-01-01') + Math.floor(next() * 6000));
        const b = isoFromDayNumber(dayNumber(a) + Math.floor(next() * 900) - 50);
        expect([a, b, workingDaysBetween(cal, a, b)]).toEqual([a, b, workingDaysBetween(walking, a, b)]);
      }
    }
  });
});
