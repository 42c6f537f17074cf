// Where a case stands: one status, derived from the events and the derived clocks, and used by
// the case header, the case list, the dashboard counts, the timeliness report and the command line
// alike. A pure function of (events, clocks, calendars, today) so it can be stored later without
// changing its meaning. What each status means, with the law:
//
//   closed        the latest stage event is 'closed' (nothing reopened it since).
//   at-tribunal   an appeal to the First-tier Tribunal is lodged (FOIA s57; EIR reg 18).
//   with-ico      a complaint to the ICO (FOIA s50) or an application to the Scottish Information
//                 Commissioner (FOISA s47, EISR reg 17) is made, or its decision notice issued;
//                 after a decision notice the appeal window (GRC r22(1)(b)) is the date in force.
//   under-review  an internal review (s45 Code part 5), reconsideration (EIR reg 11(4)) or
//                 review (FOISA s21(1), EISR reg 16(4)) is awaited; its due date is in force.
//   responded     the latest stage is a response or a review outcome: the authority owes nothing
//                 now, so no date is in force (never "overdue" once answered).
//   on-hold       the clock waits on the requester: clarification (FOIA s1(3), FOISA s1(3), EIR
//                 reg 9(4), UK GDPR Art 12A(3)), a fee (FOIA s9(2)/s10(2), EIR reg 8), proof of
//                 identity (UK GDPR Art 12(6), 12A(2)); or a fee went unpaid, so the authority
//                 need not comply (FOIA s9(2)): no date is in force.
//   extended      a timely extension is in force: FOIA s10(3) with a s17(2) notice (to its
//                 estimated date), EIR/EISR reg 7, UK GDPR Art 12(3).
//   overdue       awaiting the response and the deadline in force has passed.
//   open          awaiting the response within the deadline.
import { workingDaysBetween, type WorkingCalendar } from './calendar/calendar';
import type { Calendars, ClockResult } from './clocks/clocks';
import type { CaseClocks, CaseEvent, CaseEventType, DerivedDeadline } from './clocks/events';
import { Timeline } from './clocks/timeline';
import { calendarDaysBetween, formatLongDate, type IsoDate } from './dates';
import { RESPONSE_OUTCOMES, REVIEW_OUTCOMES, type ResponseOutcome, type ReviewOutcome } from './statistics';

export const CASE_STATUSES = ['open', 'on-hold', 'extended', 'overdue', 'responded', 'under-review', 'with-ico', 'at-tribunal', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  'on-hold': 'On hold',
  extended: 'Extended',
  overdue: 'Overdue',
  responded: 'Responded',
  'under-review': 'Under review',
  'with-ico': 'With the regulator',
  'at-tribunal': 'At tribunal',
  closed: 'Closed',
};

// What a response decided (recorded with 'responded') and what a review decided (with
// 'review-completed'): the statistics define the categories; the status and the letters share them.
export { RESPONSE_OUTCOMES, REVIEW_OUTCOMES, type ResponseOutcome, type ReviewOutcome } from './statistics';

export const OUTCOME_LABELS: Record<ResponseOutcome, string> = {
  granted: 'Granted in full',
  'part-granted': 'Granted in part',
  refused: 'Refused (exemptions or exceptions)',
  'not-held': 'Information not held',
  s12: 'Refused: cost limit',
  s14: 'Refused: vexatious or repeated',
  withdrawn: 'Withdrawn by the requester',
  transferred: 'Transferred to another authority',
};


export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  upheld: 'Original decision upheld',
  'partly-upheld': 'Partly upheld',
  overturned: 'Overturned',
};

export type HoldReason = NonNullable<CaseClocks['onHold']> | 'fee-unpaid';

export const HOLD_LABELS: Record<HoldReason, string> = {
  clarification: 'clarification awaited',
  fee: 'fee awaited',
  identity: 'proof of identity awaited',
  'fee-unpaid': 'fee not paid in time, need not comply',
};

export interface DeadlineInForce {
  key: string;
  label: string;
  due: IsoDate;
  calendar: ClockResult['calendar'];
}

export interface CaseStanding {
  status: CaseStatus;
  /** The date the authority must act by now; null when none is in force (answered, on hold, closed). */
  deadline: DeadlineInForce | null;
  /** Days to that date on its own calendar; negative when passed; null when no date is in force. */
  daysLeft: number | null;
  onHold: HoldReason | null;
  /** The extended date, while status is 'extended' (or overdue after one). */
  extendedTo: IsoDate | null;
  /** The latest live response's outcome, and the latest review's. */
  outcome: ResponseOutcome | null;
  reviewOutcome: ReviewOutcome | null;
}

const STAGES: readonly CaseEventType[] = ['responded', 'review-requested', 'review-completed', 'ico-complaint', 'ico-decision', 'tribunal-appeal', 'closed'];
const REVIEW_KEYS = ['internal-review', 'eir-reconsideration', 'eisr-review', 'foisa-review'];

/** The working calendar a deadline counts on; null for a clock of calendar days or months. */
export function workingCalendarOf(calendar: ClockResult['calendar'], calendars: Calendars): WorkingCalendar | null {
  if (calendar === 'calendar-days' || calendar === 'calendar-months') return null;
  return calendar === 'scotland' ? calendars.scotland
    : calendar === 'england-and-wales' ? calendars.englandWales
    : calendar === 'northern-ireland' ? calendars.sar
    : calendars.allUk;
}

/** Days from today to `due` on the deadline's own calendar: working days or calendar days. */
export function daysUntil(due: IsoDate, calendar: ClockResult['calendar'], calendars: Calendars, today: IsoDate): number {
  const cal = workingCalendarOf(calendar, calendars);
  if (!cal) return calendarDaysBetween(today, due);
  return due >= today ? workingDaysBetween(cal, today, due) : -workingDaysBetween(cal, due, today);
}

function inForce(d: DerivedDeadline, due: IsoDate = d.due): DeadlineInForce {
  return { key: d.key, label: d.label, due, calendar: d.calendar };
}

function asOutcome<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The stage a case has reached and the date in force, before counting the days. */
function stage(t: Timeline, clocks: CaseClocks): Pick<CaseStanding, 'status' | 'deadline' | 'onHold' | 'extendedTo'> {
  const none = { deadline: null, onHold: null, extendedTo: null };
  const latest = [...t.events].reverse().find((e) => STAGES.includes(e.type));
  const find = (key: string) => clocks.deadlines.find((d) => d.key === key);
  switch (latest?.type) {
    case 'closed':
      return { status: 'closed', ...none };
    case 'tribunal-appeal':
      return { status: 'at-tribunal', ...none };
    case 'ico-decision': {
      const appeal = find('tribunal-appeal');
      return { status: 'with-ico', ...none, deadline: appeal && appeal.status === 'pending' ? inForce(appeal) : null };
    }
    case 'ico-complaint':
      return { status: 'with-ico', ...none };
    case 'review-requested': {
      const review = clocks.deadlines.find((d) => REVIEW_KEYS.includes(d.key));
      return { status: 'under-review', ...none, deadline: review ? inForce(review) : null };
    }
    case 'responded':
    case 'review-completed':
      return { status: 'responded', ...none };
    default:
      return awaitingResponse(clocks, t.first('pit-extension')?.estimate ?? null);
  }
}

function awaitingResponse(clocks: CaseClocks, estimate: IsoDate | null): Pick<CaseStanding, 'status' | 'deadline' | 'onHold' | 'extendedTo'> {
  const r = clocks.response;
  if (clocks.onHold) return { status: 'on-hold', deadline: null, onHold: clocks.onHold, extendedTo: null };
  if (r.status === 'not-applicable') return { status: 'on-hold', deadline: null, onHold: 'fee-unpaid', extendedTo: null };
  // FOIA s10(3), s17(2): a timely notice met s10(1); the estimated date given is now in force.
  if (r.completedBy === 'pit-extension') {
    const pit = clocks.deadlines.find((d) => d.key === 'pit-extension');
    if (pit) {
      const deadline = inForce(pit, estimate ?? pit.due);
      return { status: 'extended', deadline, onHold: null, extendedTo: deadline.due };
    }
  }
  // EIR/EISR reg 7, UK GDPR Art 12(3): a timely extension notice replaced the response deadline.
  const notice = clocks.deadlines.find((d) => d.key.endsWith('-extension-notice'));
  if (notice && notice.status === 'met') return { status: 'extended', deadline: inForce(r), onHold: null, extendedTo: r.due };
  return { status: 'open', deadline: inForce(r), onHold: null, extendedTo: null };
}

/** Where the case stands today. `events` may include voided ones: they are ignored. */
export function caseStanding(events: readonly CaseEvent[], clocks: CaseClocks, calendars: Calendars, today: IsoDate): CaseStanding {
  const live = events.filter((e) => e.voided !== true && e.type !== 'received');
  const t = new Timeline(live);
  const s = stage(t, clocks);
  const daysLeft = s.deadline ? daysUntil(s.deadline.due, s.deadline.calendar, calendars, today) : null;
  const awaiting = s.status === 'open' || s.status === 'extended';
  const status = awaiting && daysLeft !== null && daysLeft < 0 ? 'overdue' : s.status;
  return {
    ...s,
    status,
    daysLeft,
    outcome: asOutcome(t.last('responded')?.outcome, RESPONSE_OUTCOMES),
    reviewOutcome: asOutcome(t.last('review-completed')?.outcome, REVIEW_OUTCOMES),
  };
}

/** "Extended to 4 December 2026", "On hold: clarification awaited", "Responded: granted in full". */
export function standingText(s: CaseStanding): string {
  const label = STATUS_LABELS[s.status];
  if (s.status === 'on-hold' && s.onHold) return `${label}: ${HOLD_LABELS[s.onHold]}`;
  if (s.status === 'extended' && s.extendedTo) return `Extended to ${formatLongDate(s.extendedTo)}`;
  if (s.status === 'responded' && s.reviewOutcome) return `Review completed: ${REVIEW_OUTCOME_LABELS[s.reviewOutcome].toLowerCase()}`;
  if (s.status === 'responded' && s.outcome) return `${label}: ${OUTCOME_LABELS[s.outcome].toLowerCase()}`;
  if (s.status === 'under-review' && s.deadline) return `${label}: due ${formatLongDate(s.deadline.due)}`;
  return label;
}
