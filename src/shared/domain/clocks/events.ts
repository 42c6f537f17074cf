// The case timeline and the deadlines derived from it. Due dates are always derived from the
// recorded events, never stored as the only truth (docs/law.md §8.5): a clarification restarts
// the clock, a fees notice pauses it, an extension replaces it, and a proclaimed holiday added
// later moves it.
import { addCalendarMonths, formatShortDay, type IsoDate } from '../dates';
import { dayNumber } from '../calendar/days';
import { clockLabel, computeClock, workingDayClock, type Calendars, type ClockInput, type ClockName, type ClockResult } from './clocks';
import { laterOf, Timeline, toDeadline } from './timeline';

export const REGIMES = ['foia', 'eir', 'eisr', 'foisa', 'sar'] as const;
export type Regime = (typeof REGIMES)[number];

export const CASE_EVENT_TYPES = [
  'received', 'acknowledged', 'clarification-sought', 'clarification-received', 'fees-notice',
  'fee-received', 'id-requested', 'id-received', 'pit-extension', 'eir-extension', 'sar-extension', 'responded',
  'review-requested', 'review-completed', 'ico-complaint', 'ico-decision', 'tribunal-appeal', 'closed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseEvent {
  type: CaseEventType;
  date: IsoDate;
  /** The s17(2) estimated date, on a 'pit-extension' event. */
  estimate?: IsoDate | null;
  note?: string | null;
  /** On 'responded' and 'review-completed': what was decided (see status.ts). */
  outcome?: string | null;
  /** A voided event stays in the record but drives no clock (a correction, never a deletion). */
  voided?: boolean;
}

export interface DerivedDeadline extends ClockResult {
  key: string;
  label: string;
  status: 'pending' | 'met' | 'missed' | 'not-applicable';
  /** When the completing event happened (on time or late). */
  metOn?: IsoDate | null;
  /** Which event completed it: 'responded', or 'pit-extension' when a timely s17(2) notice met s10(1). */
  completedBy?: CaseEventType | null;
  warning?: string | null;
}

export interface CaseClocks {
  /** The statutory response deadline for the regime, after clarification restarts and fee pauses. */
  response: DerivedDeadline;
  onHold: null | 'clarification' | 'fee' | 'identity';
  /** Every other applicable deadline, in the order the case meets them. */
  deadlines: DerivedDeadline[];
}

const EVENT_LABELS: Record<CaseEventType, string> = {
  received: 'Request received',
  acknowledged: 'Acknowledged',
  'clarification-sought': 'Clarification sought',
  'clarification-received': 'Clarification received',
  'fees-notice': 'Fees notice given',
  'fee-received': 'Fee received',
  'id-requested': 'Proof of identity requested',
  'id-received': 'Proof of identity received',
  'pit-extension': 'Public interest extension notice',
  'eir-extension': 'EIR extension notice (reg 7)',
  'sar-extension': 'Subject access extension notice',
  responded: 'Responded',
  'review-requested': 'Internal review requested',
  'review-completed': 'Internal review completed',
  'ico-complaint': 'Complaint made to the regulator',
  'ico-decision': 'Decision notice issued',
  'tribunal-appeal': 'Appeal lodged',
  closed: 'Closed',
};

export function eventLabel(t: CaseEventType): string {
  return EVENT_LABELS[t];
}

/** The statutory response clock of each regime. */
export const RESPONSE_CLOCK: Record<Regime, ClockName> = {
  foia: 'foi-response',
  eir: 'eir-response',
  eisr: 'eisr-response',
  foisa: 'foisa-response',
  sar: 'sar-response',
};

// Where each regime says what a clarification and a fee do to the clock.
const LAW: Record<Regime, { clarify: string; fee: string }> = {
  foia: { clarify: 'FOIA s1(3), s10(6)(b)', fee: 'FOIA s9(2), s10(2)' },
  eir: { clarify: 'EIR reg 9(4)', fee: 'EIR reg 8' },
  eisr: { clarify: 'EISR reg 9(4)', fee: 'EISR reg 8' },
  foisa: { clarify: 'FOISA s1(3), s10(1)(b)', fee: 'FOISA s9(4), s10(2)' },
  sar: { clarify: 'UK GDPR Art 12A', fee: 'UK GDPR Art 12A' },
};

const EXTENSION: Partial<Record<Regime, { event: CaseEventType; law: string; extended: ClockName }>> = {
  eir: { event: 'eir-extension', law: 'reg 7(3)', extended: 'eir-extended' },
  eisr: { event: 'eir-extension', law: 'EISR reg 7(2)', extended: 'eisr-extended' },
  sar: { event: 'sar-extension', law: 'Art 12(3)', extended: 'sar-extended' },
};

function feePaymentClock(regime: Regime, from: IsoDate, calendars: Calendars): ClockResult | null {
  switch (regime) {
    case 'foia':
      return computeClock('fee-payment', { from }, calendars); // s9(2): 3 months beginning with
    case 'foisa':
      return { ...computeClock('fee-payment', { from }, calendars), basis: 'FOISA s9(4)' };
    case 'eisr':
      // EISR reg 8(6)-(7): advance payment; the 60 working days mirror the EIR, on the Scottish calendar.
      return workingDayClock('fee-payment', {
        from, days: 60, calendar: calendars.scotland, basis: 'EISR reg 8', fromLabel: 'advance payment requested',
      });
    case 'eir':
      // EIR reg 8: advance payment; the ICO's charging guidance gives 60 working days to pay.
      return workingDayClock('fee-payment', {
        from, days: 60, calendar: calendars.allUk, basis: 'EIR reg 8; ICO charging guidance', fromLabel: 'advance payment requested',
      });
    case 'sar':
      return null; // no payment period: the month simply starts when the fee arrives (Art 12A)
  }
}

interface Start {
  day0: IsoDate;
  fromLabel: string;
  pause?: { from: IsoDate; to: IsoDate };
  onHold: CaseClocks['onHold'];
}

/**
 * FOIA s10(6)(b), FOISA s10(1)(b), EIR/EISR reg 9(4): the day the further information arrives
 * becomes the date of receipt (a restart, not a pause). Fees (FOIA s10(2) and kin): the working
 * days from the fees notice to the fee are disregarded (a pause).
 */
function foiStart(regime: Regime, received: IsoDate, t: Timeline, calendars: Calendars, today: IsoDate, finishedOn: IsoDate | undefined, warnings: string[]): Start & { feeLapsed: boolean } {
  const law = LAW[regime];
  const holdEnd = finishedOn ?? today;
  const sought = t.last('clarification-sought', received);
  const clarified = t.last('clarification-received', received);
  const awaitingClarification = sought !== null && (clarified === null || clarified.date < sought.date);
  let day0 = received;
  let fromLabel = 'received';
  if (sought && awaitingClarification && !finishedOn) {
    const more = today > addCalendarMonths(sought.date, 3) ? ' No reply for over 3 months: the ICO view is that the request can be closed.' : '';
    warnings.push(`On hold: clarification sought ${formatShortDay(sought.date)} (${law.clarify}). This date assumes it arrives today.${more}`);
    day0 = laterOf(today, sought.date);
    fromLabel = 'clarification awaited: counted as if it arrives today';
  } else if (clarified && clarified.date > received) {
    day0 = clarified.date;
    fromLabel = 'clarification received';
  }
  const notice = t.last('fees-notice', received);
  const fee = notice ? t.first('fee-received', notice.date) : null;
  const feeClock = notice ? feePaymentClock(regime, notice.date, calendars) : null;
  const feeLapsed = notice !== null && fee === null && feeClock !== null && today > feeClock.due;
  const pause = notice ? { from: notice.date, to: fee?.date ?? laterOf(holdEnd, notice.date) } : undefined;
  if (notice && !fee && !feeLapsed && !finishedOn) warnings.push(`On hold: fee not yet received (${law.fee}). This date assumes it arrives today.`);
  const onHold: CaseClocks['onHold'] = finishedOn ? null : awaitingClarification ? 'clarification' : notice && !fee && !feeLapsed ? 'fee' : null;
  return { day0, fromLabel, ...(pause ? { pause } : {}), onHold, feeLapsed };
}

/**
 * UK GDPR Art 12A(2)-(3) (inserted by the Data (Use and Access) Act 2025; DPA 2018 s54 and s94
 * say the same for Parts 3 and 4): the month runs from the latest of receipt of the request, of
 * the information asked for to confirm identity (Art 12(6)), and of any fee. Only a request to
 * clarify what is sought stops the clock, from the day it is asked to the day the answer arrives.
 */
function sarStart(received: IsoDate, t: Timeline, today: IsoDate, finishedOn: IsoDate | undefined, warnings: string[]): Start {
  const holdEnd = finishedOn ?? today;
  const awaited = (ask: CaseEventType, got: CaseEventType) => {
    const asked = t.last(ask, received);
    const answer = t.last(got, received);
    return { asked, answer, waiting: asked !== null && (answer === null || answer.date < asked.date) };
  };
  const id = awaited('id-requested', 'id-received');
  const fee = awaited('fees-notice', 'fee-received');
  const starts: { date: IsoDate; label: string }[] = [{ date: received, label: 'received' }];
  if (id.answer) starts.push({ date: id.answer.date, label: 'identity confirmed (Art 12A(2)(b))' });
  if (fee.answer) starts.push({ date: fee.answer.date, label: 'fee received (Art 12A(2)(c))' });
  if (!finishedOn) {
    for (const [w, what] of [[id, 'proof of identity'], [fee, 'the fee']] as const) {
      if (!w.waiting || !w.asked) continue;
      warnings.push(`On hold: ${what} asked for ${formatShortDay(w.asked.date)}; the month starts when it arrives (UK GDPR Art 12A(2)). This date assumes it arrives today.`);
      starts.push({ date: laterOf(today, w.asked.date), label: `${what === 'the fee' ? 'fee' : 'identity'} awaited: counted as if it arrives today` });
    }
  }
  const latest = starts.reduce((a, b) => (b.date > a.date ? b : a));
  const sought = t.last('clarification-sought', received);
  const clarified = sought ? t.first('clarification-received', sought.date) : null;
  if (sought && !clarified && !finishedOn) warnings.push(`Clock stopped: clarification sought ${formatShortDay(sought.date)} (UK GDPR Art 12A(3)). This date assumes it arrives today.`);
  const pause = sought && sought.date >= latest.date ? { from: sought.date, to: clarified?.date ?? laterOf(holdEnd, sought.date) } : undefined;
  const onHold: CaseClocks['onHold'] = finishedOn ? null : sought && !clarified ? 'clarification' : id.waiting ? 'identity' : fee.waiting ? 'fee' : null;
  return { day0: latest.date, fromLabel: latest.label, ...(pause ? { pause } : {}), onHold };
}

export function deriveCaseClocks(
  regime: Regime,
  received: IsoDate,
  events: readonly CaseEvent[],
  calendars: Calendars,
  today: IsoDate,
): CaseClocks {
  dayNumber(received);
  dayNumber(today);
  const t = new Timeline(events.filter((e) => e.type !== 'received' && e.voided !== true));
  const deadlines = [] as CaseClocks['deadlines'];
  const responseWarnings: string[] = [];
  const law = LAW[regime];

  // While a case is on hold its dates are shown as if the hold ended today; once the case has
  // been answered or closed, an unanswered hold ends on that day instead.
  const finishedOn = [t.first('responded', received), t.first('closed', received)]
    .map((e) => e?.date)
    .filter((d): d is IsoDate => d !== undefined)
    .sort()[0];

  const start = regime === 'sar'
    ? { ...sarStart(received, t, today, finishedOn, responseWarnings), feeLapsed: false }
    : foiStart(regime, received, t, calendars, today, finishedOn, responseWarnings);
  const { day0, onHold, feeLapsed } = start;
  const input = { from: day0, fromLabel: start.fromLabel, ...(start.pause ? { pausedFrom: start.pause.from, pausedTo: start.pause.to } : {}) };
  const base = computeClock(RESPONSE_CLOCK[regime], input, calendars);
  let responseClock = base;

  // EIR/EISR reg 7 and UK GDPR Art 12(3): an extension notified in time replaces the deadline.
  const ext = EXTENSION[regime];
  const extension = ext ? t.first(ext.event, received) : null;
  if (ext && extension) {
    deadlines.push(toDeadline(base, { key: `${regime}-extension-notice`, label: `Extension notice (${ext.law})`, done: extension, today }));
    if (extension.date <= base.due) responseClock = computeClock(ext.extended, input, calendars);
    else responseWarnings.push(`Extension notified after the original deadline (${ext.law}), so that deadline stands.`);
  }

  const responded = t.first('responded', day0) ?? t.first('responded', received);
  const closed = t.first('closed', received);
  const pit = regime === 'foia' ? t.first('pit-extension', received) : null;
  // FOIA s17(1)-(2): a s17 notice with an estimated date, given within the 20 working days,
  // is compliance with s10(1); the substantive answer is then tracked by the PIT deadline.
  const pitMet = pit !== null && pit.date <= responseClock.due && (responded === null || responded.date > responseClock.due);
  if (!responded && !pitMet && closed) responseWarnings.push('Closed without a response.');
  const notice = t.last('fees-notice', received);
  const feeClock = notice ? feePaymentClock(regime, notice.date, calendars) : null;
  if (feeLapsed && feeClock && !responded) {
    responseWarnings.push(`Fee not paid by ${formatShortDay(feeClock.due)}: the authority need not comply (${law.fee}).`);
  }

  const response = toDeadline(responseClock, {
    key: 'response', label: clockLabel(responseClock.clock), done: pitMet ? pit : responded, today, warnings: responseWarnings,
  });
  if (!responded && !pitMet) {
    if (feeLapsed) response.status = 'not-applicable';
    else if (closed) response.status = closed.date <= response.due ? 'not-applicable' : 'missed';
  }

  if (pit) deadlines.push(pitDeadline(pit, input, base, responded, calendars, today));

  if (notice && feeClock) {
    const fee = t.first('fee-received', notice.date);
    deadlines.push(toDeadline(feeClock, {
      key: 'fee-payment', label: clockLabel('fee-payment'), done: fee, today, requesterWindow: true,
      warnings: [fee && fee.date > feeClock.due && 'Fee received after the payment period ended.'],
    }));
  }

  const lastResponse = t.last('responded', received);
  const noAnswer = !lastResponse && !closed && onHold === null && today > response.due;
  const window = reviewWindow(regime, lastResponse?.date ?? null, response.due, noAnswer, calendars);
  if (window) {
    const asked = t.first('review-requested', window.clock.from);
    const late = asked !== null && asked.date > window.clock.due;
    deadlines.push(toDeadline(window.clock, {
      key: 'review-request-window', label: window.label, done: asked, today, requesterWindow: true, warnings: [late && window.late],
    }));
  }

  const review = t.last('review-requested', received);
  const reviewDone = review ? t.first('review-completed', review.date) : null;
  let reviewDue: IsoDate | null = null;
  if (review) {
    for (const clock of REVIEW_CLOCKS[regime]) {
      const c = computeClock(clock, { from: review.date }, calendars);
      reviewDue ??= c.due;
      deadlines.push(toDeadline(c, { key: clock, label: clockLabel(clock), done: reviewDone, today }));
    }
  }

  // Complaint and appeal (FOIA s50, Part V; EIR reg 18 applies them). SAR complaints follow the
  // DPA 2018 and use neither clock.
  if (regime === 'foia' || regime === 'eir') deadlines.push(...icoDeadlines(t, received, reviewDone, calendars, today));
  // FOISA s47(4) (EISR reg 17 applies it): six months from the review outcome, or from when it
  // was due where none came.
  if ((regime === 'foisa' || regime === 'eisr') && review) {
    const from = reviewDone ? { date: reviewDone.date, label: 'review outcome' }
      : reviewDue && today > reviewDue ? { date: reviewDue, label: 'review outcome due but not given' } : null;
    if (from) {
      const c = computeClock('sic-application', { from: from.date, fromLabel: from.label }, calendars);
      const applied = t.first('ico-complaint', from.date);
      deadlines.push(toDeadline(c, { key: 'sic-application', label: clockLabel('sic-application'), done: applied, today, requesterWindow: true }));
    }
  }

  return { response, onHold, deadlines };
}

const REVIEW_CLOCKS: Record<Regime, ClockName[]> = {
  foia: ['internal-review', 'internal-review-max'],
  eir: ['eir-reconsideration'], // reg 11(4): statutory 40 working days
  eisr: ['eisr-review'], // reg 16(4): statutory 20 working days, Scottish calendar
  foisa: ['foisa-review'], // s21(1): statutory 20 working days, Scottish calendar
  sar: [], // no statutory review of a subject access response
};

function pitDeadline(pit: CaseEvent, input: ClockInput, base: ClockResult, responded: CaseEvent | null, calendars: Calendars, today: IsoDate): DerivedDeadline {
  const pitClock = computeClock('pit-extension', input, calendars);
  const estimate = pit.estimate ?? null;
  if (estimate) pitClock.steps.push(`Estimated date in the s17(2) notice: ${formatShortDay(estimate)}.`);
  return toDeadline(pitClock, {
    key: 'pit-extension', label: clockLabel('pit-extension'), done: responded, today,
    warnings: [
      !estimate && 'No estimated date recorded: s17(2) requires one.',
      estimate && estimate > pitClock.due && `Estimated date ${formatShortDay(estimate)} is beyond 40 working days: the s45 Code allows that only in exceptional cases.`,
      pit.date > base.due && 'Extension notice given after day 20: s17(2) requires it within the time for compliance.',
      estimate && responded && responded.date > estimate && 'Responded after the estimated date.',
    ],
  });
}

/**
 * The requester's window to ask for a review. FOIA (s45 Code): 40 working days from the response.
 * EIR reg 11(2) and EISR reg 16(2): 40 working days from the response the applicant challenges,
 * or from the day the deadline passed unanswered. FOISA s20(5): 40 working days from the expiry
 * of the time for compliance or, where the response came after it, from that response; an early
 * response never shortens the window.
 */
function reviewWindow(regime: Regime, lastResponse: IsoDate | null, due: IsoDate, noAnswer: boolean, calendars: Calendars): { clock: ClockResult; label: string; late: string } | null {
  switch (regime) {
    case 'sar':
      return null;
    case 'foia':
      if (!lastResponse) return null;
      return {
        clock: computeClock('review-request-window', { from: lastResponse }, calendars),
        label: clockLabel('review-request-window'),
        late: 'Review requested after 40 working days: the authority may refuse it (ICO).',
      };
    case 'eir':
    case 'eisr': {
      const from = lastResponse ?? (noAnswer ? due : null);
      if (!from) return null;
      const clock = regime === 'eir' ? 'eir-representations' : 'eisr-representations';
      return {
        clock: computeClock(clock, { from, fromLabel: lastResponse ? 'response' : 'response deadline passed' }, calendars),
        label: clockLabel(clock),
        late: `Representations made after 40 working days (${regime === 'eir' ? 'EIR reg 11(2)' : 'EISR reg 16(2)'}).`,
      };
    }
    case 'foisa': {
      if (!lastResponse && !noAnswer) return null;
      const late = lastResponse !== null && lastResponse > due;
      const from = late ? lastResponse : due;
      const fromLabel = late ? 'response given after the time for compliance (s20(5)(b))'
        : lastResponse ? 'time for compliance expired; the response came within it (s20(5)(a))'
        : 'time for compliance expired without a response (s20(5)(a))';
      return {
        clock: workingDayClock('review-request-window', { from, days: 40, calendar: calendars.scotland, basis: 'FOISA s20(5), s73', fromLabel }),
        label: 'Requirement for review window',
        late: 'Requirement for review made after 40 working days (FOISA s20(5)); the authority may still consider it (s20(6)).',
      };
    }
  }
}

function icoDeadlines(t: Timeline, received: IsoDate, reviewDone: CaseEvent | null, calendars: Calendars, today: IsoDate): DerivedDeadline[] {
  const out: DerivedDeadline[] = [];
  if (reviewDone) {
    const c = computeClock('ico-complaint', { from: reviewDone.date, fromLabel: 'internal review outcome' }, calendars);
    const complaint = t.first('ico-complaint', reviewDone.date);
    out.push(toDeadline(c, {
      key: 'ico-complaint', label: clockLabel('ico-complaint'), done: complaint, today, requesterWindow: true,
      warnings: [complaint && complaint.date > c.due && 'Complaint made after six weeks: the ICO may decline it for undue delay (s50(2)(b)).'],
    }));
  }
  const decision = t.last('ico-decision', received);
  if (decision) {
    const c = computeClock('tribunal-appeal', { from: decision.date }, calendars);
    const appeal = t.first('tribunal-appeal', decision.date);
    out.push(toDeadline(c, {
      key: 'tribunal-appeal', label: clockLabel('tribunal-appeal'), done: appeal, today, requesterWindow: true,
      warnings: [appeal && appeal.date > c.due && 'Appeal lodged late: it needs an application to extend time with reasons.'],
    }));
  }
  return out;
}

/**
 * For timeliness statistics (docs/law.md §7): "in time" means answered within the statutory
 * deadline or a permitted extension. null while that is not yet known, or when it does not apply.
 */
export function isInTime(clocks: CaseClocks): boolean | null {
  const r = clocks.response;
  if (r.completedBy === 'pit-extension') {
    const pit = clocks.deadlines.find((d) => d.key === 'pit-extension');
    return pit?.status === 'met' ? true : pit?.status === 'missed' ? false : null;
  }
  return r.status === 'met' ? true : r.status === 'missed' ? false : null;
}
