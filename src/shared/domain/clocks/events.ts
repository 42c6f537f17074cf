// The case timeline and the deadlines derived from it. Due dates are always derived from the
// recorded events, never stored as the only truth (foi-domain.md §8.5): a clarification restarts
// the clock, a fees notice pauses it, an extension replaces it, and a proclaimed holiday added
// later moves it.
import { addCalendarMonths, formatShortDay, type IsoDate } from '../dates';
import { dayNumber } from '../calendar/days';
import { clockLabel, computeClock, workingDayClock, type Calendars, type ClockName, type ClockResult } from './clocks';
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
  onHold: null | 'clarification' | 'fee';
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

function feePaymentClock(regime: Regime, from: IsoDate, calendars: Calendars): ClockResult | null {
  switch (regime) {
    case 'foia':
      return computeClock('fee-payment', { from }, calendars); // s9(2): 3 months beginning with
    case 'foisa':
      return { ...computeClock('fee-payment', { from }, calendars), basis: 'FOISA s9(4)' };
    case 'eir':
      // EIR reg 8: advance payment; the ICO's charging guidance gives 60 working days to pay.
      return workingDayClock('fee-payment', {
        from, days: 60, calendar: calendars.allUk, basis: 'EIR reg 8; ICO charging guidance', fromLabel: 'advance payment requested',
      });
    case 'sar':
      return null; // no payment period; the Art 12A stop simply lasts until the fee arrives
  }
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
  const t = new Timeline(events.filter((e) => e.type !== 'received'));
  const deadlines = [] as CaseClocks['deadlines'];
  const responseWarnings: string[] = [];
  const law = LAW[regime];

  // While a case is on hold its dates are shown as if the hold ended today; once the case has
  // been answered or closed, an unanswered hold ends on that day instead.
  const finishedOn = [t.first('responded', received), t.first('closed', received)]
    .map((e) => e?.date)
    .filter((d): d is IsoDate => d !== undefined)
    .sort()[0];
  const holdEnd = finishedOn ?? today;

  // Clarification. FOIA s10(6)(b), FOISA s10(1)(b), EIR reg 9(4): the day the further
  // information arrives becomes the date of receipt (a restart, not a pause). SAR: Art 12A stop.
  const sought = t.last('clarification-sought', received);
  const clarified = t.last('clarification-received', received);
  const awaitingClarification = sought !== null && (clarified === null || clarified.date < sought.date);
  let day0 = received;
  let fromLabel = 'received';
  let pause: { from: IsoDate; to: IsoDate } | undefined;
  if (sought && awaitingClarification && !finishedOn) {
    const more = today > addCalendarMonths(sought.date, 3)
      ? ' No reply for over 3 months: the ICO view is that the request can be closed.'
      : '';
    responseWarnings.push(
      `On hold: clarification sought ${formatShortDay(sought.date)} (${law.clarify}). This date assumes it arrives today.${more}`,
    );
  }
  if (regime === 'sar') {
    if (sought) {
      const answered = t.first('clarification-received', sought.date)?.date;
      pause = { from: sought.date, to: answered ?? laterOf(holdEnd, sought.date) };
    }
  } else if (sought && awaitingClarification && !finishedOn) {
    day0 = laterOf(today, sought.date);
    fromLabel = 'clarification awaited: counted as if it arrives today';
  } else if (clarified && clarified.date > received) {
    day0 = clarified.date;
    fromLabel = 'clarification received';
  }

  // Fees. FOIA s10(2): working days from the day the fees notice is given to the day the fee
  // is received are disregarded; s9(2): unpaid after 3 months, the authority need not comply.
  const notice = t.last('fees-notice', received);
  const fee = notice ? t.first('fee-received', notice.date) : null;
  const feeClock = notice ? feePaymentClock(regime, notice.date, calendars) : null;
  const feeLapsed = notice !== null && fee === null && feeClock !== null && today > feeClock.due;
  if (notice && !pause) pause = { from: notice.date, to: fee?.date ?? laterOf(holdEnd, notice.date) };
  if (notice && !fee && !feeLapsed && !finishedOn) {
    responseWarnings.push(`On hold: fee not yet received (${law.fee}). This date assumes it arrives today.`);
  }

  const input = { from: day0, fromLabel, ...(pause ? { pausedFrom: pause.from, pausedTo: pause.to } : {}) };
  const base = computeClock(RESPONSE_CLOCK[regime], input, calendars);
  let responseClock = base;

  // EIR reg 7(1)/(3) and UK GDPR Art 12(3): an extension notified in time replaces the deadline.
  const extension = regime === 'eir' ? t.first('eir-extension', received) : regime === 'sar' ? t.first('sar-extension', received) : null;
  if (extension) {
    const timely = extension.date <= base.due;
    const extLaw = regime === 'eir' ? 'reg 7(3)' : 'Art 12(3)';
    deadlines.push(toDeadline(base, { key: `${regime}-extension-notice`, label: `Extension notice (${extLaw})`, done: extension, today }));
    if (timely) responseClock = computeClock(regime === 'eir' ? 'eir-extended' : 'sar-extended', input, calendars);
    else responseWarnings.push(`Extension notified after the original deadline (${extLaw}), so that deadline stands.`);
  }

  const responded = t.first('responded', day0) ?? t.first('responded', received);
  const closed = t.first('closed', received);
  const pit = regime === 'foia' ? t.first('pit-extension', received) : null;
  // FOIA s17(1)-(2): a s17 notice with an estimated date, given within the 20 working days,
  // is compliance with s10(1); the substantive answer is then tracked by the PIT deadline.
  const pitMet = pit !== null && pit.date <= responseClock.due && (responded === null || responded.date > responseClock.due);
  if (!responded && !pitMet && closed) responseWarnings.push('Closed without a response.');
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
  const onHold: CaseClocks['onHold'] =
    finishedOn ? null : awaitingClarification ? 'clarification' : notice && !fee && !feeLapsed ? 'fee' : null;

  if (pit) {
    const pitClock = computeClock('pit-extension', input, calendars);
    const estimate = pit.estimate ?? null;
    if (estimate) pitClock.steps.push(`Estimated date in the s17(2) notice: ${formatShortDay(estimate)}.`);
    deadlines.push(toDeadline(pitClock, {
      key: 'pit-extension', label: clockLabel('pit-extension'), done: responded, today,
      warnings: [
        !estimate && 'No estimated date recorded: s17(2) requires one.',
        estimate && estimate > pitClock.due && `Estimated date ${formatShortDay(estimate)} is beyond 40 working days: the s45 Code allows that only in exceptional cases.`,
        pit.date > base.due && 'Extension notice given after day 20: s17(2) requires it within the time for compliance.',
        estimate && responded && responded.date > estimate && 'Responded after the estimated date.',
      ],
    }));
  }

  if (notice && feeClock) {
    deadlines.push(toDeadline(feeClock, {
      key: 'fee-payment', label: clockLabel('fee-payment'), done: fee, today, requesterWindow: true,
      warnings: [fee && fee.date > feeClock.due && 'Fee received after the payment period ended.'],
    }));
  }

  // Review request windows run from the (last) response; under EIR reg 11(2) and FOISA s20(5)
  // a request never answered can be challenged from the day the deadline passed.
  const lastResponse = t.last('responded', received);
  const noAnswer = !lastResponse && !closed && onHold === null && today > response.due;
  const windowFrom = lastResponse?.date ?? (noAnswer ? response.due : null);
  const windowLabel = lastResponse ? 'response' : 'response deadline passed';
  if (windowFrom && regime !== 'sar' && (regime !== 'foia' || lastResponse)) {
    const windowClock =
      regime === 'foia' ? computeClock('review-request-window', { from: windowFrom }, calendars)
      : regime === 'eir' ? computeClock('eir-representations', { from: windowFrom, fromLabel: windowLabel }, calendars)
      : workingDayClock('review-request-window', {
          from: windowFrom, days: 40, calendar: calendars.scotland, basis: 'FOISA s20(5), s73', fromLabel: windowLabel,
        });
    const asked = t.first('review-requested', windowFrom);
    const late = asked !== null && asked.date > windowClock.due;
    deadlines.push(toDeadline(windowClock, {
      key: 'review-request-window', label: regime === 'foisa' ? 'Requirement for review window' : clockLabel(windowClock.clock),
      done: asked, today, requesterWindow: true,
      warnings: [late && (regime === 'foia' ? 'Review requested after 40 working days: the authority may refuse it (ICO).'
        : regime === 'eir' ? 'Representations made after 40 working days (reg 11(2)).'
        : 'Requirement for review made after 40 working days (FOISA s20(5)).')],
    }));
  }

  const review = t.last('review-requested', received);
  const reviewDone = review ? t.first('review-completed', review.date) : null;
  if (review) {
    const reviewClocks: ClockName[] =
      regime === 'foia' ? ['internal-review', 'internal-review-max']
      : regime === 'eir' ? ['eir-reconsideration'] // reg 11(4): statutory 40 working days
      : regime === 'foisa' ? ['foisa-review'] // s21(1): statutory 20 working days, Scottish calendar
      : []; // no statutory review of a subject access response
    for (const clock of reviewClocks) {
      const c = computeClock(clock, { from: review.date }, calendars);
      deadlines.push(toDeadline(c, { key: clock, label: clockLabel(clock), done: reviewDone, today }));
    }
  }

  // Complaint and appeal (FOIA s50, Part V; EIR reg 18 applies them). FOISA goes to the SIC (s47)
  // and SAR complaints follow the DPA 2018: neither uses these clocks.
  if (regime === 'foia' || regime === 'eir') {
    if (reviewDone) {
      const c = computeClock('ico-complaint', { from: reviewDone.date, fromLabel: 'internal review outcome' }, calendars);
      const complaint = t.first('ico-complaint', reviewDone.date);
      deadlines.push(toDeadline(c, {
        key: 'ico-complaint', label: clockLabel('ico-complaint'), done: complaint, today, requesterWindow: true,
        warnings: [complaint && complaint.date > c.due && 'Complaint made after six weeks: the ICO may decline it for undue delay (s50(2)(b)).'],
      }));
    }
    const decision = t.last('ico-decision', received);
    if (decision) {
      const c = computeClock('tribunal-appeal', { from: decision.date }, calendars);
      const appeal = t.first('tribunal-appeal', decision.date);
      deadlines.push(toDeadline(c, {
        key: 'tribunal-appeal', label: clockLabel('tribunal-appeal'), done: appeal, today, requesterWindow: true,
        warnings: [appeal && appeal.date > c.due && 'Appeal lodged late: it needs an application to extend time with reasons.'],
      }));
    }
  }

  return { response, onHold, deadlines };
}

/**
 * For timeliness statistics (foi-domain.md §7): "in time" means answered within the statutory
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
