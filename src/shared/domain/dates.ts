// UK calendar days as ISO `YYYY-MM-DD` strings. Dates in the domain carry no time or zone:
// a request that arrives at 23:30 on a Sunday was received on that Sunday (docs/law.md §8.4).
// Per-function entry points: the package index pulls in every date-fns module (seconds at start-up).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD (no 2012-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
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
  return fromDate(addDays(toDate(iso), days));
}

/** Adds calendar months the ICO way: the corresponding date, or the month's last day if none. */
export function addCalendarMonths(iso: IsoDate, months: number): IsoDate {
  return fromDate(addMonths(toDate(iso), months));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: IsoDate): number {
  return getDay(toDate(iso));
}

export function isWeekend(iso: IsoDate): boolean {
  const d = dayOfWeek(iso);
  return d === 0 || d === 6;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** "12 April 2012", as a letter states a date. */
export function formatLongDate(iso: IsoDate): string {
  return format(toDate(iso), 'd MMMM yyyy');
}

/** "Mon 12 Mar 2012", as an explanation step names a day. */
export function formatShortDay(iso: IsoDate): string {
  return format(toDate(iso), 'EEE d MMM yyyy');
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function calendarDaysBetween(a: IsoDate, b: IsoDate): number {
  const ms = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) -
    Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
