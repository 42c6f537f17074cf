// Aggregating requests for the cost limit (FOIA s12(4); SI 2004/3244 reg 5). The app proposes
// candidates; whether the requests are for the same or similar information, and whether different
// people are acting in concert or in a campaign, is the officer's judgement, never the app's.
//
// reg 5 [R – check the SI text]:
//   (1) requests made (a) by one person, or (b) by different persons who appear to be acting in
//       concert or in pursuance of a campaign: the cost of each is the total for all of them;
//   (2) where (a) the requests relate, to any extent, to the same or similar information, and
//       (b) they are received within any period of sixty consecutive working days;
//   (3) working day: as FOIA s10(6), so the all-UK calendar.
//
// FOIA only. The EIR have no cost limit, and FOISA aggregates only requests from *different*
// people, by publishing the information instead (SSI 2004/467 reg 6).
import { formatShortDay, type IsoDate } from '../dates';
import { workingDaysBetween, type WorkingCalendar } from '../calendar/calendar';
import type { Regime } from '../clocks/events';

export const AGGREGATION_WORKING_DAYS = 60;

export interface AggregationCase {
  reference: string;
  requesterName: string;
  requesterEmail: string;
  received: IsoDate;
  summary: string;
  /** When given, requests under different regimes are never aggregated, and only FOIA ones are. */
  regime?: Regime;
}

export interface AggregationCandidate {
  reference: string;
  received: IsoDate;
  reason: string;
}

// NFKC so that full-width and compatibility forms match; upper-then-lower approximates Unicode
// case folding ("STRAßE" and "strasse" fold alike, which toLowerCase alone does not do).
function foldName(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().replace(/\s+/g, ' ').trim();
}

function ordered(a: IsoDate, b: IsoDate): [IsoDate, IsoDate] {
  return a <= b ? [a, b] : [b, a];
}

function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * How many working days the two receipts span, counting both ends: the length of the shortest
 * run of consecutive working days that contains both. reg 5(2)(b) needs this to be at most 60.
 *
 * The boundary: workingDaysBetween(a, b) counts the working days *after* a up to b. When the
 * earlier request arrived on a working day, that day is itself the first day of the period, so
 * the span is one more: requests received on working days 1 and 60 of a run (59 apart) share a
 * 60-day period, and 1 and 61 (60 apart) do not. A request that arrived on a weekend or holiday
 * joins the period from its next working day, so the span is workingDaysBetween alone.
 */
export function workingDaySpan(calendar: WorkingCalendar, a: IsoDate, b: IsoDate): number {
  const [earlier, later] = ordered(a, b);
  return workingDaysBetween(calendar, earlier, later) + (calendar.isWorkingDay(earlier) ? 1 : 0);
}

/** How two requests share a requester (email, then name), or null: reg 5(1)(a). */
export function sameRequester(a: Pick<AggregationCase, 'requesterName' | 'requesterEmail'>, b: Pick<AggregationCase, 'requesterName' | 'requesterEmail'>): string | null {
  const email = foldEmail(a.requesterEmail);
  if (email !== '' && email === foldEmail(b.requesterEmail)) return `the same email address (${email})`;
  const name = foldName(a.requesterName);
  if (name !== '' && name === foldName(b.requesterName)) return `the same name (${b.requesterName.trim()})`;
  return null;
}

/**
 * Other requests that reg 5 may let the authority aggregate with `current`: from the same
 * requester (reg 5(1)(a)) and received within 60 consecutive working days before or after it
 * (reg 5(2)(b)), counted on the all-UK calendar the caller passes in.
 */
export function aggregationCandidates(
  current: AggregationCase,
  others: readonly AggregationCase[],
  calendar: WorkingCalendar,
): AggregationCandidate[] {
  if (current.regime !== undefined && current.regime !== 'foia') return [];
  const out: AggregationCandidate[] = [];
  for (const other of others) {
    if (other.reference === current.reference) continue;
    if (other.regime !== undefined && current.regime !== undefined && other.regime !== current.regime) continue;
    const matched = sameRequester(current, other);
    if (matched === null) continue;
    const span = workingDaySpan(calendar, current.received, other.received);
    if (span > AGGREGATION_WORKING_DAYS) continue;
    const when =
      other.received === current.received
        ? 'on the same day as this request'
        : `${workingDaysBetween(calendar, ...ordered(current.received, other.received))} working days ${other.received < current.received ? 'before' : 'after'} this request`;
    out.push({
      reference: other.reference,
      received: other.received,
      reason:
        `Same requester: ${matched}. Received ${formatShortDay(other.received)}, ${when}; the two span ${span} ` +
        `working days, within the 60 consecutive working days of SI 2004/3244 reg 5(2)(b). Aggregate only if ` +
        `both requests are for the same or similar information (reg 5(2)(a)).`,
    });
  }
  return out.sort((x, y) => (x.received === y.received ? x.reference.localeCompare(y.reference) : x.received < y.received ? -1 : 1));
}
