// The regular UK bank holidays derived by rule, for years the shipped table does not reach.
//
// Banking and Financial Dealings Act 1971 Schedule 1 names the days for each part of the UK;
// royal proclamations under s1(2)-(3) have, every year since the Act, added New Year's Day (and
// 2 January in Scotland), the early May Monday and, in Scotland, the substitutes that follow; a
// holiday falling on a Saturday or Sunday is replaced by the next weekday not already a holiday
// (Sch 1 for 26 Dec, 2 Jan and St Andrew's Day; by proclamation for the rest). Christmas Day and
// Good Friday are common-law holidays, named directly by FOIA s10(6) and FOISA s73.
//
// These dates are provisional until GOV.UK publishes the year: a proclamation can move or add a
// day (2012, 2020, 2022, 2023), and officers enter such one-off days as they are announced.
import type { IsoDate } from '../dates';
import { dayNumber, easterSunday, isoFromDayNumber, isWeekendDay, weekdayOf } from './days';
import type { Holiday, Region } from './holidays';

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** The n-th Monday (n ≥ 1) of a month, or the last one when n is -1. */
function monday(year: number, month: number, n: number): IsoDate {
  if (n > 0) {
    const first = dayNumber(iso(year, month, 1));
    const offset = (8 - weekdayOf(first)) % 7; // days from the 1st to the first Monday
    return isoFromDayNumber(first + offset + (n - 1) * 7);
  }
  const nextFirst = dayNumber(month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1));
  const last = nextFirst - 1;
  return isoFromDayNumber(last - ((weekdayOf(last) + 6) % 7));
}

interface Named {
  date: IsoDate;
  name: string;
}

/**
 * Fixed-date holidays that share a weekend move together: each one on a Saturday or Sunday is
 * replaced, in order, by the next weekday not already a holiday (25 Dec on a Saturday gives
 * Monday 27 and Tuesday 28 for Christmas and Boxing Day).
 */
function withSubstitutes(cluster: readonly Named[], taken: Set<IsoDate>): Holiday[] {
  const out: Holiday[] = [];
  for (const h of cluster) if (!isWeekendDay(dayNumber(h.date))) taken.add(h.date);
  for (const h of cluster) {
    const n = dayNumber(h.date);
    if (!isWeekendDay(n)) {
      out.push({ date: h.date, name: h.name, region: 'england-and-wales', kind: 'regular', source: 'rule' });
      continue;
    }
    let s = n + 1;
    while (isWeekendDay(s) || taken.has(isoFromDayNumber(s))) s += 1;
    const date = isoFromDayNumber(s);
    taken.add(date);
    out.push({ date, name: `${h.name} (substitute)`, region: 'england-and-wales', kind: 'substitute', source: 'rule' });
  }
  return out;
}

/** The regular weekday bank holidays of one part of the UK in one year, by rule. */
export function regularHolidays(year: number, region: Region): Holiday[] {
  const easter = dayNumber(easterSunday(year));
  const moveable: Named[] = [
    { date: isoFromDayNumber(easter - 2), name: 'Good Friday' },
    { date: monday(year, 5, 1), name: 'Early May bank holiday' },
    { date: monday(year, 5, -1), name: 'Spring bank holiday' },
  ];
  if (region !== 'scotland') moveable.push({ date: isoFromDayNumber(easter + 1), name: 'Easter Monday' });
  moveable.push({ date: region === 'scotland' ? monday(year, 8, 1) : monday(year, 8, -1), name: 'Summer bank holiday' });

  const taken = new Set<IsoDate>(moveable.map((h) => h.date));
  const fixed: Holiday[] = [];
  const newYear: Named[] = [{ date: iso(year, 1, 1), name: "New Year's Day" }];
  if (region === 'scotland') newYear.push({ date: iso(year, 1, 2), name: '2nd January' });
  fixed.push(...withSubstitutes(newYear, taken));
  if (region === 'northern-ireland') {
    fixed.push(...withSubstitutes([{ date: iso(year, 3, 17), name: "St Patrick's Day" }], taken));
    fixed.push(...withSubstitutes([{ date: iso(year, 7, 12), name: "Battle of the Boyne (Orangemen's Day)" }], taken));
  }
  if (region === 'scotland') fixed.push(...withSubstitutes([{ date: iso(year, 11, 30), name: "St Andrew's Day" }], taken));
  fixed.push(...withSubstitutes([{ date: iso(year, 12, 25), name: 'Christmas Day' }, { date: iso(year, 12, 26), name: 'Boxing Day' }], taken));

  const all: Holiday[] = [
    ...moveable.map((h): Holiday => ({ ...h, region, kind: 'regular', source: 'rule' })),
    ...fixed.map((h): Holiday => ({ ...h, region })),
  ];
  return all.filter((h) => !isWeekendDay(dayNumber(h.date))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
