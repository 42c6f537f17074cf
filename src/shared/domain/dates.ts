// UK calendar days as ISO `YYYY-MM-DD` strings. Dates in the domain carry no time or zone:
// a request that arrives at 23:30 on a Sunday was received on that Sunday (docs/law.md §8.4).
// Per-function entry points: the package index pulls in every date-fns module (seconds at start-up).
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `value` is a real calendar date written as YYYY-MM-DD (no 2012-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  // By rule rather than through a parser: the clocks check every date they touch.
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : MONTH_DAYS[mo - 1]!);
}

/** Midnight UTC of an ISO date, for day arithmetic (no zone, no daylight saving). */
function utc(iso: IsoDate): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(iso)}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return d;
}

/** A local-midnight Date for an ISO date; throws on anything that is not a real date. */
export function toDate(iso: IsoDate): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(iso)}`);
  return parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function fromDate(d: Date): IsoDate {
  return format(d, 'yyyy-MM-dd');
}

export function addCalendarDays(iso: IsoDate, days: number): IsoDate {
  const d = utc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Adds calendar months the ICO way: the corresponding date, or the month's last day if none. */
export function addCalendarMonths(iso: IsoDate, months: number): IsoDate {
  return fromDate(addMonths(toDate(iso), months));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  return utc(iso).getUTCDay();
}

export function isWeekend(iso: IsoDate): boolean {
  const d = dayOfWeek(iso);
  return d === 0 || d === 6;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** The same few thousand dates are formatted over and over (every clock's steps name its days). */
function remembered(pattern: string): (iso: IsoDate) => string {
  const seen = new Map<IsoDate, string>();
  return (iso) => {
    let text = seen.get(iso);
    if (text === undefined) {
      text = format(toDate(iso), pattern);
      if (seen.size >= 20_000) seen.clear();
      seen.set(iso, text);
    }
    return text;
  };
}

/** "12 April 2012", as a letter states a date. */
export const formatLongDate: (iso: IsoDate) => string = remembered('d MMMM yyyy');

/** "Mon 12 Mar 2012", as an explanation step names a day. */
export const formatShortDay: (iso: IsoDate) => string = remembered('EEE d MMM yyyy');

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  const ms = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) -
    Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
