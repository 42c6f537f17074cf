// The dashboard and the timeliness figures an officer is judged on (docs/law.md §7): what is
// due today and this week, what is overdue or on hold, and the share answered in time.
import { addCalendarDays, dayOfWeek, type IsoDate } from './dates';
import type { CaseListItem } from './cases';

export const CASE_FILTERS = ['all', 'active', 'due-today', 'due-this-week', 'overdue', 'on-hold', 'finished', 'extended', 'under-review', 'with-ico'] as const;
export type CaseFilter = (typeof CASE_FILTERS)[number];

export const FILTER_LABELS: Record<CaseFilter, string> = {
  all: 'All cases',
  active: 'Awaiting a response',
  'due-today': 'Due today',
  'due-this-week': 'Due this week',
  overdue: 'Overdue',
  'on-hold': 'On hold',
  finished: 'Responded or closed',
  extended: 'Extended',
  'under-review': 'Under internal review',
  'with-ico': 'With the regulator or tribunal',
};

/** The Sunday that ends the calendar week (Monday to Sunday) containing `today`. */
export function endOfWeek(today: IsoDate): IsoDate {
  return addCalendarDays(today, (7 - dayOfWeek(today)) % 7);
}

/** Waiting for the authority's response (within time, extended, late or on hold). */
function awaitingResponse(i: Pick<CaseListItem, 'status'>): boolean {
  return i.status === 'open' || i.status === 'extended' || i.status === 'overdue' || i.status === 'on-hold';
}

type Filterable = Pick<CaseListItem, 'status' | 'deadline'>;

export function matchesFilter(i: Filterable, filter: CaseFilter, today: IsoDate): boolean {
  // "Due" counts the authority's own deadline in force: a response (or its extension) or a review.
  // A case on hold has none (s1(3) clarification, s10(2) fee), nor has one answered or closed.
  const ownDeadline = awaitingResponse(i) || i.status === 'under-review';
  const due = ownDeadline ? i.deadline?.due ?? null : null;
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      return awaitingResponse(i);
    case 'due-today':
      return due === today;
    case 'due-this-week':
      return due !== null && due >= today && due <= endOfWeek(today);
    case 'overdue':
      return i.status === 'overdue';
    case 'on-hold':
      return i.status === 'on-hold';
    case 'finished':
      return !awaitingResponse(i); // answered: includes reviews and regulator stages, as before
    case 'extended':
      return i.status === 'extended';
    case 'under-review':
      return i.status === 'under-review';
    case 'with-ico':
      return i.status === 'with-ico' || i.status === 'at-tribunal';
  }
}

export type Dashboard = Record<CaseFilter, number> & { today: IsoDate };

export function dashboardCounts(items: readonly Filterable[], today: IsoDate): Dashboard {
  const counts = Object.fromEntries(CASE_FILTERS.map((f) => [f, items.filter((i) => matchesFilter(i, f, today)).length]));
  return { ...(counts as Record<CaseFilter, number>), today };
}

/** ICO FOI self-assessment toolkit, "response rates": good ≥95%, adequate 90–95%, unsatisfactory <90%. */
export type TimelinessBand = 'good' | 'adequate' | 'unsatisfactory';

export function timelinessBand(ratePercent: number): TimelinessBand {
  if (ratePercent >= 95) return 'good';
  if (ratePercent >= 90) return 'adequate';
  return 'unsatisfactory';
}

export interface TimelinessReport {
  from: IsoDate;
  to: IsoDate;
  /** Requests received in the period. */
  received: number;
  /** Answered within the deadline or a permitted extension. */
  inTime: number;
  /** Answered late, or still unanswered past the deadline. */
  late: number;
  /** Not yet due and not yet answered: not counted either way. */
  pending: number;
  /** inTime / (inTime + late), as a percentage with one decimal; null when nothing is determined. */
  ratePercent: number | null;
  band: TimelinessBand | null;
  /** The late cases, so the figure can be checked. */
  lateReferences: string[];
}

export function timelinessReport(items: readonly Pick<CaseListItem, 'reference' | 'received' | 'inTime'>[], from: IsoDate, to: IsoDate): TimelinessReport {
  const inPeriod = items.filter((i) => i.received >= from && i.received <= to);
  return timelinessFigures(from, to, inPeriod.length, inPeriod.filter((i) => i.inTime === true).length, inPeriod.filter((i) => i.inTime === false).map((i) => i.reference));
}

/** The report from its counts: requests received in the period, how many answered in time, and the late ones. */
export function timelinessFigures(from: IsoDate, to: IsoDate, received: number, inTime: number, lateReferences: string[]): TimelinessReport {
  const determined = inTime + lateReferences.length;
  const ratePercent = determined === 0 ? null : Math.round((inTime / determined) * 1000) / 10;
  return {
    from,
    to,
    received,
    inTime,
    late: lateReferences.length,
    pending: received - determined,
    ratePercent,
    band: ratePercent === null ? null : timelinessBand(ratePercent),
    lateReferences,
  };
}
