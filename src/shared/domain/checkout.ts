// Check-out and check-in, as the officer reads them: how long a case may be out, what is said of a
// case that is out, and when a case that is out is a risk (the team cannot act on it while it is).
import { addCalendarDays, calendarDaysBetween, formatLongDate, type IsoDate } from './dates';
import { workingDaysBetween, type WorkingCalendar } from './calendar/calendar';

/** A case goes out for two weeks unless the officer says otherwise (a records-management loan period). */
export const DEFAULT_CHECKOUT_DAYS = 14;
/** And never for more than this: a copy out for a quarter is a copy the team has lost track of. */
export const MAX_CHECKOUT_DAYS = 90;
/** A case due within this many working days is a risk while out: nobody else can answer it. */
export const RISK_WORKING_DAYS = 2;

export function defaultUntil(today: IsoDate): IsoDate {
  return addCalendarDays(today, DEFAULT_CHECKOUT_DAYS);
}

/** Why `until` will not do as the end of a check-out, or null when it will. */
export function untilProblem(until: IsoDate, today: IsoDate): string | null {
  if (until < today) return `A case is checked out until a date from today on (not ${formatLongDate(until)}).`;
  if (calendarDaysBetween(today, until) > MAX_CHECKOUT_DAYS) return `A case is checked out for at most ${MAX_CHECKOUT_DAYS} days (until ${formatLongDate(addCalendarDays(today, MAX_CHECKOUT_DAYS))}).`;
  return null;
}

export interface LeaseInfo {
  holder: string;
  holderName: string;
  /** When it was checked out (an ISO instant, the server's clock). */
  since: string;
  until: IsoDate;
  /** The computer the copy went to, as it names itself. */
  device: string;
}

const when = (instant: string) => `${formatLongDate(instant.slice(0, 10))}, ${instant.slice(11, 16)}`;

/** "Checked out by Alice Ng (alice) since 20 November 2026, 10:00, until 4 December 2026". */
export function leaseText(l: LeaseInfo, me?: string): string {
  const who = l.holder === me ? 'you' : `${l.holderName} (${l.holder})`;
  return `Checked out by ${who} since ${when(l.since)}, until ${formatLongDate(l.until)}${l.device ? ` (to ${l.device})` : ''}`;
}

export type CheckoutRisk = 'overdue' | 'due-soon' | 'lease-overdue' | null;

/**
 * Why a case that is out needs attention: its deadline has passed or falls within two working
 * days (only the holder can answer it), or it was due back and has not been checked in.
 */
export function checkoutRisk(deadline: IsoDate | null, until: IsoDate, today: IsoDate, cal: WorkingCalendar): CheckoutRisk {
  if (deadline !== null && deadline < today) return 'overdue';
  if (deadline !== null && workingDaysBetween(cal, today, deadline) <= RISK_WORKING_DAYS) return 'due-soon';
  if (until < today) return 'lease-overdue';
  return null;
}

export const RISK_TEXT: Record<Exclude<CheckoutRisk, null>, string> = {
  overdue: 'overdue while checked out',
  'due-soon': `due within ${RISK_WORKING_DAYS} working days while checked out`,
  'lease-overdue': 'due back and not yet checked in',
};
