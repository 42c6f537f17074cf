// Fast day arithmetic for the working-day counters. dates.ts parses through date-fns, which is
// right for letters but too slow to call for every day of every open case; these helpers do
// the same job with integer maths (days since 1970-01-01, proleptic Gregorian calendar).
import { formatShortDay, type IsoDate } from '../dates';

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Reads `len` ASCII digits of `s` from `at`; -1 if any is not a digit. Hand-rolled rather than a
// regex because the counters call it for every day they step over.
function digits(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 for an ISO date; throws a RangeError for anything not a real date. */
export function dayNumber(iso: IsoDate): number {
  if (typeof iso === 'string' && iso.length === 10 && iso[4] === '-' && iso[7] === '-') {
    const y = digits(iso, 0, 4);
    const mo = digits(iso, 5, 2);
    const d = digits(iso, 8, 2);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return daysFromCivil(y, mo, d);
  }
  throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(iso)}`);
}

export function isoFromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, as dates.ts dayOfWeek. 1970-01-01 was a Thursday. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekendDay(n: number): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

/** Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm (docs/law.md §2.2). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Mon 19 Mar": a day inside an explanation whose year is already clear from context. */
export function formatDayMonth(iso: IsoDate): string {
  return formatShortDay(iso).replace(/ \d{4}$/, ''); // "Mon 19 Mar 2012" without the year
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
