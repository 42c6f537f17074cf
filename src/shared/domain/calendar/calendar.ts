// Working-day calendars and the counting rules shared by every statutory clock.
//
// FOIA s10(6) (and EIR reg 2(1), which borrows it): a working day is any day other than a
// Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday "in any part of the United
// Kingdom" — so FOIA/EIR count on the 'all-uk' union (ICO LTT47: St Patrick's Day is a
// non-working day for an authority in England). FOISA s73 counts Scottish bank holidays only.
import { type IsoDate } from '../dates';
import {
  dayNumber,
  easterSunday,
  formatDayMonth,
  isoFromDayNumber,
  isWeekendDay,
  joinAnd,
  weekdayOf,
} from './days';
import { REGIONS, regionShort, type Holiday, type HolidayTable, type Region } from './holidays';
import { regularHolidays } from './rules';

export type CalendarName = 'all-uk' | 'scotland' | 'england-and-wales' | 'northern-ireland';

export interface NonWorkingDay {
  date: IsoDate;
  reason: string;
}

export interface WorkingCalendar {
  name: CalendarName;
  isWorkingDay(d: IsoDate): boolean;
  /**
   * null for a working day; "Saturday"/"Sunday" for weekends; holiday name(s) with region for
   * holidays; "Christmas Day"/"Good Friday" are ALWAYS non-working under FOIA s10(6) even if
   * absent from data.
   */
  nonWorkingReason(d: IsoDate): string | null;
  /** True when `d` falls in a year after the last published holiday list (docs/law.md §8.10). */
  isProvisional(d: IsoDate): boolean;
  /** The weekdays of `year` that are not working days, in order: lets a count skip the day-by-day walk. */
  nonWorkingWeekdays?(year: number): readonly IsoDate[];
}

export interface WorkingDayCount {
  due: IsoDate;
  /** Weekday holidays skipped between day 0 and due, plus paused days if any. */
  skipped: NonWorkingDay[];
  paused: IsoDate[];
  provisional: boolean;
}

/** Guards every day-by-day loop against a calendar with no working days at all. */
const MAX_DAYS_SCANNED = 40_000;

// "St Patrick's Day (substitute)" -> "St Patrick's Day substitute"; other trailing brackets
// ("Royal wedding (Prince William & …)") are dropped so that a reason reads cleanly inside the
// brackets of an explanation step.
function displayName(h: Holiday): string {
  let n = h.name.trim();
  const substitute = /\s*\(substitute\)\s*$/i;
  const moved = /\s*\(moved\)\s*$/i;
  if (substitute.test(n)) return n.replace(substitute, ' substitute');
  if (moved.test(n) || h.kind === 'moved') {
    n = n.replace(moved, '');
    return h.movedFrom ? `${n} moved from ${formatDayMonth(h.movedFrom)}` : `${n} moved`;
  }
  n = n.replace(/\s*\([^()]*\)\s*$/, '');
  return h.kind === 'substitute' && !/substitute/i.test(n) ? `${n} substitute` : n;
}

// A reason names the regions only when the holiday is not kept in the calendar's home region
// (England and Wales for the all-UK union): "Good Friday", "Easter Monday", but
// "St Patrick's Day substitute, NI" and "Summer bank holiday, Scotland".
function describe(all: readonly Holiday[], counted: ReadonlySet<Region>, home: Region): string | null {
  const groups = new Map<string, Region[]>();
  for (const h of all) {
    const key = displayName(h);
    const regions = groups.get(key) ?? [];
    if (!regions.includes(h.region)) regions.push(h.region);
    groups.set(key, regions);
  }
  const parts: string[] = [];
  for (const [name, regions] of groups) {
    if (!regions.some((r) => counted.has(r))) continue;
    if (regions.includes(home)) {
      parts.push(name);
    } else {
      const ordered = REGIONS.filter((r) => regions.includes(r));
      parts.push(`${name}, ${joinAnd(ordered.map(regionShort))}`);
    }
  }
  return parts.length > 0 ? parts.join('; ') : null;
}

export function createCalendar(table: HolidayTable, name: CalendarName): WorkingCalendar {
  const regions: readonly Region[] = name === 'all-uk' ? REGIONS : [name];
  const counted = new Set<Region>(regions);
  const home: Region = name === 'all-uk' ? 'england-and-wales' : name;

  const byDate = new Map<IsoDate, Holiday[]>();
  for (const h of table.holidays) {
    const list = byDate.get(h.date) ?? [];
    list.push(h);
    byDate.set(h.date, list);
  }
  // One lookup per calendar, built once: counting is then a Map probe per day.
  const reasons = new Map<IsoDate, string>();
  for (const [date, list] of byDate) {
    const reason = describe(list, counted, home);
    if (reason !== null) reasons.set(date, reason);
  }

  // Years after the shipped table: the regular holidays of every part of the UK by rule (so a
  // request received on 20 Dec 2030 still skips 1 and 2 Jan 2031), merged with any one-off day
  // an officer has entered. Derived once per year, when a count first reaches it.
  const coveredThrough = table.coveredThrough ??
    table.holidays.reduce((max, h) => (h.source === 'shipped' ? Math.max(max, Number(h.date.slice(0, 4))) : max), 0);
  const derivedYears = new Set<number>();
  const deriveYear = (year: number): void => {
    if (coveredThrough === 0 || year <= coveredThrough || derivedYears.has(year)) return;
    derivedYears.add(year);
    for (const region of REGIONS) {
      for (const h of regularHolidays(year, region)) {
        const list = byDate.get(h.date) ?? [];
        if (list.some((x) => x.region === region)) continue; // an officer's entry for that day wins
        list.push(h);
        byDate.set(h.date, list);
        const reason = describe(list, counted, home);
        if (reason !== null) reasons.set(h.date, reason);
      }
    }
  };

  const goodFridays = new Map<number, IsoDate>();
  const goodFriday = (year: number): IsoDate => {
    let gf = goodFridays.get(year);
    if (gf === undefined) {
      gf = isoFromDayNumber(dayNumber(easterSunday(year)) - 2);
      goodFridays.set(year, gf);
    }
    return gf;
  };

  const nonWorkingReason = (d: IsoDate): string | null => {
    const n = dayNumber(d); // validates
    const w = weekdayOf(n);
    if (w === 6) return 'Saturday';
    if (w === 0) return 'Sunday';
    deriveYear(Number(d.slice(0, 4)));
    const reason = reasons.get(d);
    if (reason !== undefined) return reason;
    // FOIA s10(6) and FOISA s73 name Christmas Day; FOIA s10(6) names Good Friday (and it is a
    // Schedule 1 bank holiday in Scotland). Both hold even if an edited table lost them.
    if (d.endsWith('-12-25')) return 'Christmas Day';
    if (d === goodFriday(Number(d.slice(0, 4)))) return 'Good Friday';
    return null;
  };

  const byYear = new Map<number, IsoDate[]>();
  const nonWorkingWeekdays = (year: number): IsoDate[] => {
    let list = byYear.get(year);
    if (list === undefined) {
      deriveYear(year);
      const prefix = `${String(year).padStart(4, '0')}-`;
      const candidates = new Set([...reasons.keys()].filter((d) => d.startsWith(prefix)));
      candidates.add(`${prefix}12-25`);
      candidates.add(goodFriday(year));
      list = [...candidates].filter((d) => !isWeekendDay(dayNumber(d)) && nonWorkingReason(d) !== null).sort();
      byYear.set(year, list);
    }
    return list;
  };

  return {
    name,
    nonWorkingWeekdays,
    isWorkingDay: (d) => nonWorkingReason(d) === null,
    nonWorkingReason,
    isProvisional: (d) => {
      dayNumber(d);
      return Number(d.slice(0, 4)) > table.publishedThrough;
    },
  };
}

function checkDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, not ${n}`);
}

/**
 * Day 0 is `day0` (any day, even a weekend: ICO LTT47); day 1 is the first working day after it;
 * returns the n-th working day. Optional pause: working days from pause.from to pause.to
 * inclusive are disregarded (FOIA s10(2)); `pause.reason` labels them in `skipped`.
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  day0: IsoDate,
  n: number,
  opts?: { pause?: { from: IsoDate; to: IsoDate; reason?: string } },
): WorkingDayCount {
  checkDayCount(n);
  let cur = dayNumber(day0);
  const pause = opts?.pause;
  const pauseFrom = pause ? dayNumber(pause.from) : 0;
  const pauseTo = pause ? dayNumber(pause.to) : -1;
  if (pause && pauseTo < pauseFrom) {
    throw new RangeError(`Pause ends (${pause.to}) before it begins (${pause.from})`);
  }
  const skipped: NonWorkingDay[] = [];
  const paused: IsoDate[] = [];
  let counted = 0;
  let due = day0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new Error(`No ${n} working days found after ${day0}`);
    cur += 1;
    const iso = isoFromDayNumber(cur);
    if (isWeekendDay(cur)) continue; // weekends are never listed in explanations
    const reason = cal.nonWorkingReason(iso);
    if (reason !== null) {
      skipped.push({ date: iso, reason });
    } else if (pause && cur >= pauseFrom && cur <= pauseTo) {
      paused.push(iso);
      skipped.push({ date: iso, reason: pause.reason ?? 'Paused' });
    } else {
      counted += 1;
      due = iso;
    }
  }
  return { due, skipped, paused, provisional: cal.isProvisional(due) };
}

export function nextWorkingDayOnOrAfter(cal: WorkingCalendar, d: IsoDate): IsoDate {
  let cur = dayNumber(d);
  for (let scanned = 0; scanned <= MAX_DAYS_SCANNED; scanned++, cur++) {
    const iso = isoFromDayNumber(cur);
    if (!isWeekendDay(cur) && cal.isWorkingDay(iso)) return iso;
  }
  throw new Error(`No working day found on or after ${d}`);
}

/** Monday-to-Friday days from day number `from` to `to`, both included. */
function weekdaysIn(from: number, to: number): number {
  const days = to - from + 1;
  let count = Math.floor(days / 7) * 5;
  for (let n = from + Math.floor(days / 7) * 7; n <= to; n++) if (!isWeekendDay(n)) count += 1;
  return count;
}

/** Working days after `a` up to and including `b` (0 if b <= a). */
export function workingDaysBetween(cal: WorkingCalendar, a: IsoDate, b: IsoDate): number {
  const start = dayNumber(a);
  const end = dayNumber(b);
  if (end <= start) return 0;
  // Weekdays counted by arithmetic, less the holidays that fall on them: a case overdue for years
  // costs a few lookups, not a walk through every day (the same answer as the walk below).
  if (cal.nonWorkingWeekdays) {
    let count = weekdaysIn(start + 1, end);
    for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) {
      for (const d of cal.nonWorkingWeekdays(y)) if (d > a && d <= b) count -= 1;
    }
    return count;
  }
  let count = 0;
  for (let cur = start + 1; cur <= end; cur++) {
    if (!isWeekendDay(cur) && cal.isWorkingDay(isoFromDayNumber(cur))) count += 1;
  }
  return count;
}
