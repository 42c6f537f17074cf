// FOI statistics for any period, as data: one definition per figure, each with the cases behind it
// so a figure explains itself. The categories follow what authorities publish and report:
// - the s45 Code of Practice (2018) paras 8.5-8.6: authorities with over 100 staff publish their
//   request-handling statistics (quarterly for the largest);
// - the Cabinet Office's quarterly tables for central government: requests received and their
//   status, timeliness ("in time" = within 20 working days or a permitted extension), initial
//   outcomes (granted in full, withheld in part or in full, not held, s12, s14, withdrawn),
//   exemptions cited, internal reviews (upheld, upheld in part, overturned), ICO appeals;
// - the ICO's timeliness bands (reports.ts).
// A request is counted in the period it was RECEIVED (as the Cabinet Office counts); one still
// unanswered at the end of the period is counted as pending or overdue, never dropped.
import type { IsoDate } from './dates';
import { isInTime, type CaseClocks, type CaseEvent, type CaseEventType, type Regime } from './clocks/events';
import { timelinessBand, type TimelinessBand } from './reports';

export const RESPONSE_OUTCOMES = ['granted', 'part-granted', 'refused', 'not-held', 's12', 's14', 'withdrawn', 'transferred'] as const;
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number];
export const REVIEW_OUTCOMES = ['upheld', 'partly-upheld', 'overturned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<ResponseOutcome, string> = {
  granted: 'Granted in full',
  'part-granted': 'Granted in part, withheld in part',
  refused: 'Withheld in full (exemptions or exceptions)',
  'not-held': 'Information not held',
  s12: 'Refused: cost limit (s12)',
  s14: 'Refused: vexatious or repeated (s14)',
  withdrawn: 'Withdrawn or lapsed',
  transferred: 'Transferred to another authority',
};

export interface StatsCase {
  reference: string;
  regime: Regime;
  received: IsoDate;
  events: readonly CaseEvent[];
  clocks: CaseClocks;
  /** Provisions applied, as cited ("FOIA s40(2)"), once each. */
  exemptions: readonly string[];
  officer?: string | null;
}

/** A figure and the cases behind it. */
export interface Figure {
  count: number;
  definition: string;
  cases: string[];
}

export interface Statistics {
  from: IsoDate;
  to: IsoDate;
  regime: Regime | null;
  received: number;
  inTime: number;
  extendedInTime: number;
  late: number;
  /** Answered late, by how many days past the deadline in force (calendar days). */
  lateBy: { upTo5: number; upTo20: number; over20: number };
  pending: number;
  overdue: number;
  /** (in time + extended in time) / (in time + extended in time + late + overdue), one decimal. */
  ratePercent: number | null;
  band: TimelinessBand | null;
  outcomes: Record<ResponseOutcome, number>;
  exemptions: Record<string, number>;
  reviews: { received: number; answeredInTime: number; upheld: number; partlyUpheld: number; overturned: number; pending: number };
  ico: { complaints: number; decisions: number };
  tribunal: { appeals: number };
  /** Every figure with its definition and cases, keyed as above ("outcomes.granted", "reviews.upheld"…). */
  explain: Record<string, Figure>;
}

const live = (events: readonly CaseEvent[]) => events.filter((e) => !e.voided);
const first = (events: readonly CaseEvent[], type: CaseEventType) => live(events).filter((e) => e.type === type).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
const inPeriod = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * How the response stands, as far as the events tell: answered in time (plain or within an
 * extension), late, closed with nothing due ('none'), or still awaited. An awaited response is
 * pending or overdue depending on the day it is read: overdue once that day is after the response
 * due date (clocks.response.due).
 */
export type AnswerKind = 'in-time' | 'extended' | 'late' | 'awaiting' | 'none';

/** What the statistics count of one case: a function of its events and derived clocks alone, so
 * that it can be stored with the case's other derived dates (stored-standing.ts) and counted by SQL. */
export interface CaseStatsFacts {
  answered: AnswerKind;
  /** Answered late: by how many calendar days past the deadline in force; null unless late. */
  lateDays: number | null;
  /** The first response's outcome, as recorded (null: none recorded, or no response). */
  outcome: string | null;
  /** The review deadline the clocks derive was met. */
  reviewInTime: boolean;
  /** How the latest completed review ended ('completed' when no outcome was recorded); null while none is completed. */
  reviewResult: string | null;
}

const REVIEW_DEADLINES = ['internal-review', 'eir-reconsideration', 'eisr-review', 'foisa-review'];

function answerKind(events: readonly CaseEvent[], clocks: CaseClocks): AnswerKind {
  const r = clocks.response;
  const answered = first(events, 'responded');
  const closed = first(events, 'closed');
  if (!answered && r.completedBy !== 'pit-extension') {
    if (r.status === 'not-applicable') return 'none';
    if (closed) return closed.date <= r.due ? 'none' : 'late';
    return 'awaiting';
  }
  const verdict = isInTime(clocks);
  if (verdict === null) return 'awaiting';
  if (!verdict) return 'late';
  const extended = r.completedBy === 'pit-extension' || r.clock === 'eir-extended' || r.clock === 'eisr-extended' || r.clock === 'sar-extended';
  return extended ? 'extended' : 'in-time';
}

/** The deadline the answer was measured against (PIT deadline where one was used). */
function deadlineInForce(clocks: CaseClocks): IsoDate {
  if (clocks.response.completedBy === 'pit-extension') return clocks.deadlines.find((d) => d.key === 'pit-extension')?.due ?? clocks.response.due;
  return clocks.response.due;
}

export function caseStatsFacts(events: readonly CaseEvent[], clocks: CaseClocks): CaseStatsFacts {
  const answered = answerKind(events, clocks);
  const reply = first(events, 'responded') ?? first(events, 'closed');
  const done = live(events).filter((e) => e.type === 'review-completed').sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  return {
    answered,
    lateDays: answered !== 'late' ? null : reply ? daysBetween(deadlineInForce(clocks), reply.date) : 0,
    outcome: first(events, 'responded')?.outcome ?? null,
    reviewInTime: clocks.deadlines.find((d) => REVIEW_DEADLINES.includes(d.key))?.status === 'met',
    reviewResult: done ? (done.outcome ?? 'completed') : null,
  };
}

/** A case as a period's figures count it: its reference, response due date and facts. */
export interface StatsRow extends CaseStatsFacts {
  reference: string;
  responseDue: IsoDate;
}

/** The events of a period, beyond the requests received, that a figure counts once per case. */
export const PERIOD_EVENTS = ['review-requested', 'ico-complaint', 'ico-decision', 'tribunal-appeal'] as const;
export type PeriodEvent = (typeof PERIOD_EVENTS)[number];

/** One value per kind of event a period counts. */
export function perPeriodEvent<T>(f: (type: PeriodEvent) => T): Record<PeriodEvent, T> {
  return Object.fromEntries(PERIOD_EVENTS.map((t) => [t, f(t)])) as Record<PeriodEvent, T>;
}

/** The cases a period's figures count (already narrowed to the regime asked). */
export interface PeriodCases {
  /** Received in the period. */
  received: readonly StatsRow[];
  /** Each case with a live event of the kind dated in the period (a review request, a complaint…). */
  withEvent: Record<PeriodEvent, readonly StatsRow[]>;
  /** Provisions applied to cases received in the period, as cited ("FOIA s40(2)"): [reference, provision], repeats allowed. */
  applied: readonly (readonly [string, string])[];
}

/** The response's standing on `today`: an awaited one is pending, or overdue once past its due date. */
function standingOf(r: StatsRow, today: IsoDate): Exclude<AnswerKind, 'awaiting'> | 'pending' | 'overdue' {
  if (r.answered !== 'awaiting') return r.answered;
  return today > r.responseDue ? 'overdue' : 'pending';
}

export function computeStatistics(all: readonly StatsCase[], period: { from: IsoDate; to: IsoDate; regime?: Regime | null; officer?: string | null }, today: IsoDate): Statistics {
  const { from, to } = period;
  const cases = all.filter((c) => (!period.regime || c.regime === period.regime) && (!period.officer || c.officer === period.officer));
  const row = (c: StatsCase): StatsRow => ({ reference: c.reference, responseDue: c.clocks.response.due, ...caseStatsFacts(c.events, c.clocks) });
  const having = (type: PeriodEvent) => cases.filter((c) => live(c.events).some((e) => e.type === type && inPeriod(e.date, from, to))).map(row);
  const received = cases.filter((c) => inPeriod(c.received, from, to));
  return periodStatistics(
    {
      received: received.map(row),
      withEvent: perPeriodEvent(having),
      applied: received.flatMap((c) => c.exemptions.map((p) => [c.reference, p] as const)),
    },
    period,
    today,
  );
}

const byReference = (a: StatsRow, b: StatsRow) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);

/** The rows by a key, each group in the rows' order. */
function groupBy<K>(rows: readonly StatsRow[], key: (r: StatsRow) => K): Map<K, StatsRow[]> {
  const out = new Map<K, StatsRow[]>();
  for (const r of rows) {
    const group = out.get(key(r));
    if (group) group.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** The figures of a period from the cases it counts, each with its definition and cases. */
export function periodStatistics(p: PeriodCases, period: { from: IsoDate; to: IsoDate; regime?: Regime | null }, today: IsoDate): Statistics {
  const { from, to } = period;
  const explain: Record<string, Figure> = {};
  // Each list is made for its figure, and sorted in place.
  const figure = (key: string, definition: string, refs: string[]): number => {
    explain[key] = { count: refs.length, definition, cases: refs.sort() };
    return refs.length;
  };
  // In order of reference once, so each figure's list (a part of it, in the same order) is sorted already.
  const receivedCases = [...p.received].sort(byReference);
  const inStanding = groupBy(receivedCases, (c) => standingOf(c, today));
  const standingRefs = (s: ReturnType<typeof standingOf>) => (inStanding.get(s) ?? []).map((c) => c.reference);
  const lateDays = (c: StatsRow) => c.lateDays ?? 0;
  const lateCases = inStanding.get('late') ?? [];
  const withOutcome = groupBy(receivedCases, (c) => c.outcome);
  const having = (type: PeriodEvent) => p.withEvent[type].map((c) => c.reference);

  const stats: Omit<Statistics, 'explain'> = {
    from, to, regime: period.regime ?? null,
    received: figure('received', 'Requests received in the period.', receivedCases.map((c) => c.reference)),
    inTime: figure('inTime', 'Received in the period and answered within the statutory time (20 working days for FOIA, EIR, EISR and FOISA; one month for subject access).', standingRefs('in-time')),
    extendedInTime: figure('extendedInTime', 'Received in the period and answered within a permitted extension (FOIA s10(3) public interest extension with a timely s17(2) notice; EIR/EISR reg 7; UK GDPR Art 12(3)).', standingRefs('extended')),
    late: figure('late', 'Received in the period and answered (or closed) after the deadline in force.', standingRefs('late')),
    lateBy: {
      upTo5: figure('lateBy.upTo5', 'Answered late by 1 to 5 calendar days.', lateCases.filter((c) => lateDays(c) <= 5).map((c) => c.reference)),
      upTo20: figure('lateBy.upTo20', 'Answered late by 6 to 20 calendar days.', lateCases.filter((c) => lateDays(c) > 5 && lateDays(c) <= 20).map((c) => c.reference)),
      over20: figure('lateBy.over20', 'Answered late by more than 20 calendar days.', lateCases.filter((c) => lateDays(c) > 20).map((c) => c.reference)),
    },
    pending: figure('pending', 'Received in the period, not yet answered, and still within time today.', standingRefs('pending')),
    overdue: figure('overdue', 'Received in the period, not yet answered, and past the deadline today (counted as late in the rate).', standingRefs('overdue')),
    ratePercent: null,
    band: null,
    outcomes: Object.fromEntries(RESPONSE_OUTCOMES.map((o) => [o, figure(`outcomes.${o}`, `Received in the period and answered with the outcome: ${OUTCOME_LABELS[o]}.`, (withOutcome.get(o) ?? []).map((c) => c.reference))])) as Record<ResponseOutcome, number>,
    exemptions: {},
    reviews: {
      received: figure('reviews.received', 'Internal reviews (FOIA), reconsiderations (EIR, EISR) and requirements for review (FOISA) received in the period.', having('review-requested')),
      answeredInTime: 0, upheld: 0, partlyUpheld: 0, overturned: 0, pending: 0,
    },
    ico: {
      complaints: figure('ico.complaints', 'Complaints to the Information Commissioner (or applications to the Scottish Information Commissioner) made in the period.', having('ico-complaint')),
      decisions: figure('ico.decisions', 'Decision notices issued in the period.', having('ico-decision')),
    },
    tribunal: {
      appeals: figure('tribunal.appeals', 'Appeals to the First-tier Tribunal (Information Rights) lodged in the period.', having('tribunal-appeal')),
    },
  };

  // Reviews received in the period: how each ended, and whether in time (the review deadline the clocks derive).
  const reviewed = p.withEvent['review-requested'];
  const ended = (result: string | null) => reviewed.filter((c) => c.reviewResult === result).map((c) => c.reference);
  stats.reviews.answeredInTime = figure('reviews.answeredInTime', 'Reviews received in the period and completed within their time (FOIA: 20 working days, s45 Code; EIR reg 11(4); EISR reg 16(4); FOISA s21(1)).', reviewed.filter((c) => c.reviewInTime).map((c) => c.reference));
  stats.reviews.upheld = figure('reviews.upheld', 'Reviews received in the period where the original decision was upheld in full.', ended('upheld'));
  stats.reviews.partlyUpheld = figure('reviews.partlyUpheld', 'Reviews received in the period where the original decision was upheld in part.', ended('partly-upheld'));
  stats.reviews.overturned = figure('reviews.overturned', 'Reviews received in the period where the original decision was overturned.', ended('overturned'));
  stats.reviews.pending = figure('reviews.pending', 'Reviews received in the period and not yet completed.', ended(null));

  // Exemptions and exceptions cited, per provision as applied, once per request received in the period.
  const byProvision = new Map<string, Set<string>>();
  for (const [reference, provision] of p.applied) byProvision.set(provision, (byProvision.get(provision) ?? new Set<string>()).add(reference));
  for (const [provision, list] of [...byProvision].sort(([a], [b]) => a.localeCompare(b))) {
    stats.exemptions[provision] = figure(`exemptions.${provision}`, `Requests received in the period where ${provision} was applied.`, [...list]);
  }

  const determined = stats.inTime + stats.extendedInTime + stats.late + stats.overdue;
  if (determined > 0) {
    stats.ratePercent = Math.round(((stats.inTime + stats.extendedInTime) / determined) * 1000) / 10;
    stats.band = timelinessBand(stats.ratePercent);
  }
  return { ...stats, explain };
}

/** The figures as CSV rows: figure, count, definition, cases. */
export function statisticsRows(s: Statistics): string[][] {
  return [['figure', 'count', 'definition', 'cases'], ...Object.entries(s.explain).map(([k, f]) => [k, String(f.count), f.definition, f.cases.join(' ')])];
}
