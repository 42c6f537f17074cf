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

const live = (c: StatsCase) => c.events.filter((e) => !e.voided);
const first = (c: StatsCase, type: CaseEventType) => live(c).filter((e) => e.type === type).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
const inPeriod = (d: IsoDate, from: IsoDate, to: IsoDate) => d >= from && d <= to;

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** How the response stands: answered in time (plain or extended), late, or not yet answered. */
function timeliness(c: StatsCase, today: IsoDate): 'in-time' | 'extended' | 'late' | 'pending' | 'overdue' | 'none' {
  const r = c.clocks.response;
  const answered = first(c, 'responded');
  const closed = first(c, 'closed');
  if (!answered && r.completedBy !== 'pit-extension') {
    if (r.status === 'not-applicable') return 'none';
    if (closed) return closed.date <= r.due ? 'none' : 'late';
    return today > r.due ? 'overdue' : 'pending';
  }
  const verdict = isInTime(c.clocks);
  if (verdict === null) return today > r.due ? 'overdue' : 'pending';
  if (!verdict) return 'late';
  const extended = r.completedBy === 'pit-extension' || r.clock === 'eir-extended' || r.clock === 'eisr-extended' || r.clock === 'sar-extended';
  return extended ? 'extended' : 'in-time';
}

/** The deadline the answer was measured against (PIT deadline where one was used). */
function deadlineInForce(c: StatsCase): IsoDate {
  if (c.clocks.response.completedBy === 'pit-extension') return c.clocks.deadlines.find((d) => d.key === 'pit-extension')?.due ?? c.clocks.response.due;
  return c.clocks.response.due;
}

export function computeStatistics(all: readonly StatsCase[], period: { from: IsoDate; to: IsoDate; regime?: Regime | null; officer?: string | null }, today: IsoDate): Statistics {
  const { from, to } = period;
  const cases = all.filter((c) => (!period.regime || c.regime === period.regime) && (!period.officer || c.officer === period.officer));
  const explain: Record<string, Figure> = {};
  const figure = (key: string, definition: string, refs: string[]): number => {
    explain[key] = { count: refs.length, definition, cases: [...refs].sort() };
    return refs.length;
  };
  const receivedCases = cases.filter((c) => inPeriod(c.received, from, to));
  const refs = (pred: (c: StatsCase) => boolean) => receivedCases.filter(pred).map((c) => c.reference);
  const t = new Map(receivedCases.map((c) => [c.reference, timeliness(c, today)]));
  const lateDays = (c: StatsCase) => {
    const answered = first(c, 'responded') ?? first(c, 'closed');
    return answered ? daysBetween(deadlineInForce(c), answered.date) : 0;
  };
  const lateCases = receivedCases.filter((c) => t.get(c.reference) === 'late');

  const stats: Omit<Statistics, 'explain'> = {
    from, to, regime: period.regime ?? null,
    received: figure('received', 'Requests received in the period.', refs(() => true)),
    inTime: figure('inTime', 'Received in the period and answered within the statutory time (20 working days for FOIA, EIR, EISR and FOISA; one month for subject access).', refs((c) => t.get(c.reference) === 'in-time')),
    extendedInTime: figure('extendedInTime', 'Received in the period and answered within a permitted extension (FOIA s10(3) public interest extension with a timely s17(2) notice; EIR/EISR reg 7; UK GDPR Art 12(3)).', refs((c) => t.get(c.reference) === 'extended')),
    late: figure('late', 'Received in the period and answered (or closed) after the deadline in force.', refs((c) => t.get(c.reference) === 'late')),
    lateBy: {
      upTo5: figure('lateBy.upTo5', 'Answered late by 1 to 5 calendar days.', lateCases.filter((c) => lateDays(c) <= 5).map((c) => c.reference)),
      upTo20: figure('lateBy.upTo20', 'Answered late by 6 to 20 calendar days.', lateCases.filter((c) => lateDays(c) > 5 && lateDays(c) <= 20).map((c) => c.reference)),
      over20: figure('lateBy.over20', 'Answered late by more than 20 calendar days.', lateCases.filter((c) => lateDays(c) > 20).map((c) => c.reference)),
    },
    pending: figure('pending', 'Received in the period, not yet answered, and still within time today.', refs((c) => t.get(c.reference) === 'pending')),
    overdue: figure('overdue', 'Received in the period, not yet answered, and past the deadline today (counted as late in the rate).', refs((c) => t.get(c.reference) === 'overdue')),
    ratePercent: null,
    band: null,
    outcomes: Object.fromEntries(RESPONSE_OUTCOMES.map((o) => [o, figure(`outcomes.${o}`, `Received in the period and answered with the outcome: ${OUTCOME_LABELS[o]}.`, refs((c) => first(c, 'responded')?.outcome === o))])) as Record<ResponseOutcome, number>,
    exemptions: {},
    reviews: {
      received: figure('reviews.received', 'Internal reviews (FOIA), reconsiderations (EIR, EISR) and requirements for review (FOISA) received in the period.', cases.filter((c) => live(c).some((e) => e.type === 'review-requested' && inPeriod(e.date, from, to))).map((c) => c.reference)),
      answeredInTime: 0, upheld: 0, partlyUpheld: 0, overturned: 0, pending: 0,
    },
    ico: {
      complaints: figure('ico.complaints', 'Complaints to the Information Commissioner (or applications to the Scottish Information Commissioner) made in the period.', cases.filter((c) => live(c).some((e) => e.type === 'ico-complaint' && inPeriod(e.date, from, to))).map((c) => c.reference)),
      decisions: figure('ico.decisions', 'Decision notices issued in the period.', cases.filter((c) => live(c).some((e) => e.type === 'ico-decision' && inPeriod(e.date, from, to))).map((c) => c.reference)),
    },
    tribunal: {
      appeals: figure('tribunal.appeals', 'Appeals to the First-tier Tribunal (Information Rights) lodged in the period.', cases.filter((c) => live(c).some((e) => e.type === 'tribunal-appeal' && inPeriod(e.date, from, to))).map((c) => c.reference)),
    },
  };

  // Reviews received in the period: how each ended, and whether in time (the review deadline the clocks derive).
  const reviewed = cases.filter((c) => live(c).some((e) => e.type === 'review-requested' && inPeriod(e.date, from, to)));
  const done = (c: StatsCase) => live(c).filter((e) => e.type === 'review-completed').sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const reviewDue = (c: StatsCase) => c.clocks.deadlines.find((d) => ['internal-review', 'eir-reconsideration', 'eisr-review', 'foisa-review'].includes(d.key));
  stats.reviews.answeredInTime = figure('reviews.answeredInTime', 'Reviews received in the period and completed within their time (FOIA: 20 working days, s45 Code; EIR reg 11(4); EISR reg 16(4); FOISA s21(1)).', reviewed.filter((c) => reviewDue(c)?.status === 'met').map((c) => c.reference));
  stats.reviews.upheld = figure('reviews.upheld', 'Reviews received in the period where the original decision was upheld in full.', reviewed.filter((c) => done(c)?.outcome === 'upheld').map((c) => c.reference));
  stats.reviews.partlyUpheld = figure('reviews.partlyUpheld', 'Reviews received in the period where the original decision was upheld in part.', reviewed.filter((c) => done(c)?.outcome === 'partly-upheld').map((c) => c.reference));
  stats.reviews.overturned = figure('reviews.overturned', 'Reviews received in the period where the original decision was overturned.', reviewed.filter((c) => done(c)?.outcome === 'overturned').map((c) => c.reference));
  stats.reviews.pending = figure('reviews.pending', 'Reviews received in the period and not yet completed.', reviewed.filter((c) => !done(c)).map((c) => c.reference));

  // Exemptions and exceptions cited, per provision as applied, once per request received in the period.
  const byProvision = new Map<string, string[]>();
  for (const c of receivedCases) for (const p of new Set(c.exemptions)) byProvision.set(p, [...(byProvision.get(p) ?? []), c.reference]);
  for (const [p, list] of [...byProvision].sort(([a], [b]) => a.localeCompare(b))) {
    stats.exemptions[p] = figure(`exemptions.${p}`, `Requests received in the period where ${p} was applied.`, list);
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
