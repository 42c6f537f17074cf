// What the register stores of each case's derived dates, and for how long it holds.
//
// The clocks and the standing are a pure function of (regime, received, events, calendars, today)
// (clocks/events.ts, status.ts). Deriving them for every case on every read does not scale to a
// register of years, so each case keeps a snapshot of the parts that do not move from one day to
// the next, written in the same transaction as whatever changed it, with what the period
// statistics count of it (statistics.ts caseStatsFacts). Three things do move with today and are
// worked out when read, from the snapshot alone:
//   - the days left to the date in force (daysUntil),
//   - the turn from open or extended to overdue, on the first working day after that date
//     (`overdueFrom`), which SQL can compare with today, and
//   - the statistics' turn of an awaited response from pending to overdue, the day after the
//     response due date (`dueDate`).
// Everything else holds until `validUntil`: the day before the next date the derivation mentions
// (a deadline falls due, a window closes), or just today when the derivation moves every day (a
// case on hold is counted as if the hold ended today). A read re-derives the cases whose snapshot
// has expired, and a change to the holiday table re-derives the cases whose window spans the day.
// The domain stays the one source of truth: storedStanding is built from caseStanding and
// caseStatsFacts, and standingOn(storedStanding(…, D), T) equals caseStanding(…, T) (and the facts
// those derived on T) for every T from D to validUntil (test/unit/stored-standing.test.ts steps
// through the days to show it).
import { nextWorkingDayOnOrAfter } from './calendar/calendar';
import type { Calendars } from './clocks/clocks';
import { deriveCaseClocks, isInTime, type CaseClocks, type CaseEvent, type Regime } from './clocks/events';
import { addCalendarDays, type IsoDate } from './dates';
import { caseStanding, daysUntil, workingCalendarOf, type CaseStanding, type CaseStatus, type DeadlineInForce } from './status';
import { caseStatsFacts, type CaseStatsFacts } from './statistics';

/** The snapshot, as stored: nothing in it depends on the day it is read (until validUntil). */
export interface StoredStanding {
  /** The stage reached: the status, except that an open or extended case is never stored as overdue. */
  stage: Exclude<CaseStatus, 'overdue'>;
  deadline: DeadlineInForce | null;
  /** The first day the case is overdue if still awaiting its response then; null when no date is in force. */
  overdueFrom: IsoDate | null;
  /** The statutory response deadline (clocks.response.due). */
  dueDate: IsoDate;
  onHold: CaseStanding['onHold'];
  clocksOnHold: CaseClocks['onHold'];
  extendedTo: IsoDate | null;
  outcome: CaseStanding['outcome'];
  reviewOutcome: CaseStanding['reviewOutcome'];
  provisional: boolean;
  inTime: boolean | null;
}

export interface StoredDerivation {
  standing: StoredStanding;
  /** What the period statistics count of the case (statistics.ts): an awaited response turns overdue after standing.dueDate. */
  facts: CaseStatsFacts;
  /** The day it was derived for. */
  derivedOn: IsoDate;
  /** The last day it holds; FOREVER when no later date can change it. */
  validUntil: IsoDate;
  /** The days a holiday added or removed could move it: from the first date it counts from to the last it reaches. */
  windowFrom: IsoDate;
  windowTo: IsoDate;
}

/** Later than any date a case can mention: stored for "holds until something else changes". */
export const FOREVER: IsoDate = '9999-12-31';

/** caseStanding turns a case overdue when the days left go below zero: the first working day after the date (any day after, on a calendar-day clock). */
function overdueFromDate(deadline: DeadlineInForce, calendars: Calendars): IsoDate {
  const next = addCalendarDays(deadline.due, 1);
  const cal = workingCalendarOf(deadline.calendar, calendars);
  return cal ? nextWorkingDayOnOrAfter(cal, next) : next;
}

function snapshot(regime: Regime, received: IsoDate, events: readonly CaseEvent[], calendars: Calendars, today: IsoDate): { standing: StoredStanding; facts: CaseStatsFacts; clocks: CaseClocks } {
  const clocks = deriveCaseClocks(regime, received, [...events], calendars, today);
  const s = caseStanding(events, clocks, calendars, today);
  const stage = s.status === 'overdue' ? (s.extendedTo ? 'extended' : 'open') : s.status;
  const awaiting = stage === 'open' || stage === 'extended';
  return {
    clocks,
    facts: caseStatsFacts(events, clocks),
    standing: {
      stage,
      deadline: s.deadline,
      overdueFrom: awaiting && s.deadline ? overdueFromDate(s.deadline, calendars) : null,
      dueDate: clocks.response.due,
      onHold: s.onHold,
      clocksOnHold: clocks.onHold,
      extendedTo: s.extendedTo,
      outcome: s.outcome,
      reviewOutcome: s.reviewOutcome,
      provisional: clocks.response.provisional,
      inTime: isInTime(clocks),
    },
  };
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** Every date the derivation and the events mention: the days on which what is derived may change. */
function datesMentioned(clocks: CaseClocks, events: readonly CaseEvent[]): IsoDate[] {
  return [...JSON.stringify([clocks, events]).matchAll(ISO_DATE)].map((m) => m[0]);
}

/** Derives a case for `today` and says how long the result holds. */
export function storedStanding(regime: Regime, received: IsoDate, events: readonly CaseEvent[], calendars: Calendars, today: IsoDate): StoredDerivation {
  const { standing, facts, clocks } = snapshot(regime, received, events, calendars, today);
  // A week on, a derivation that counts from today (a hold assumed to end today) has moved by five
  // working days whatever the holidays (a day on alone may not: a Friday and a Saturday count alike).
  // Any difference is treated so: re-derived each day, which is also right, if more work than needed,
  // for a case with one of its dates in the coming week.
  const weekOn = snapshot(regime, received, events, calendars, addCalendarDays(today, 7));
  const dates = datesMentioned(clocks, events);
  if (standing.overdueFrom) dates.push(standing.overdueFrom);
  const windowFrom = dates.reduce((a, b) => (b < a ? b : a), received);
  // Moves with the day: good for today only, and any holiday may move it.
  if (JSON.stringify([standing, facts]) !== JSON.stringify([weekOn.standing, weekOn.facts])) return { standing, facts, derivedOn: today, validUntil: today, windowFrom, windowTo: FOREVER };
  // Otherwise it can next change on a date it mentions (a date passing, compared with > or >=):
  // it holds to the day before the first one after today, and that day re-derives and checks again.
  const later = dates.filter((d) => d > today).sort();
  const validUntil = later.length > 0 ? addCalendarDays(later[0]!, -1) : FOREVER;
  const windowTo = dates.reduce((a, b) => (b > a ? b : a), received);
  return { standing, facts, derivedOn: today, validUntil, windowFrom, windowTo };
}

/** Whether a stored snapshot holds for `today` (derived for no later a day, and not yet expired). */
export function holdsOn(s: { derived: string | null; derivedOn: string | null; validUntil: string | null }, today: IsoDate): boolean {
  return s.derived !== null && s.derivedOn !== null && s.derivedOn <= today && (s.validUntil ?? '') >= today;
}

/** Reference, requester and summary as the case list's word filter reads them (and what is typed, folded alike). */
export function foldForList(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en-GB');
}

/** The standing on `today` from what is stored (today within derivedOn…validUntil). */
export function standingOn(s: StoredStanding, calendars: Calendars, today: IsoDate): CaseStanding {
  const daysLeft = s.deadline ? daysUntil(s.deadline.due, s.deadline.calendar, calendars, today) : null;
  const overdue = (s.stage === 'open' || s.stage === 'extended') && s.overdueFrom !== null && today >= s.overdueFrom;
  return {
    status: overdue ? 'overdue' : s.stage,
    deadline: s.deadline,
    daysLeft,
    onHold: s.onHold,
    extendedTo: s.extendedTo,
    outcome: s.outcome,
    reviewOutcome: s.reviewOutcome,
  };
}
