// Statistics on a generated year of 500 cases whose expected figures come from how each case was
// made (answered on working day k, with outcome o…), not from the code under test. Categories:
// s45 Code of Practice (2018) paras 8.5-8.6; Cabinet Office quarterly FOI tables (timeliness "in
// time" = within 20 working days or a permitted extension; initial outcomes; internal reviews).
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { addWorkingDays } from '../../src/shared/domain/calendar/calendar';
import { deriveCaseClocks, type CaseEvent } from '../../src/shared/domain/clocks/events';
import { computeStatistics, RESPONSE_OUTCOMES, REVIEW_OUTCOMES, statisticsRows, type StatsCase } from '../../src/shared/domain/statistics';
import { addCalendarDays } from '../../src/shared/domain/dates';

function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FROM = '2025-04-01';
const TO = '2026-03-31';
const TODAY = '2026-04-15';
const EXEMPTIONS = ['FOIA s40(2)', 'FOIA s43(2)', 'FOIA s42(1)', 'FOIA s21(1)'];

interface Made {
  c: StatsCase;
  inPeriod: boolean;
  kind: 'in-time' | 'extended' | 'late' | 'pending' | 'overdue';
  lateDays: number;
  outcome: string | null;
  exemptions: string[];
  review: { requested: string; outcome: string | null; inTime: boolean } | null;
}

function generate(n: number): Made[] {
  const rnd = prng(20251);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Made[] = [];
  for (let i = 0; i < n; i++) {
    // 10% received before the period, the rest across it; the last days' requests are still open.
    const received = addCalendarDays(i % 10 === 0 ? '2025-02-01' : FROM, Math.floor(rnd() * (i % 10 === 0 ? 50 : 365)));
    const events: CaseEvent[] = [];
    let kind: Made['kind'];
    let lateDays = 0;
    let outcome: string | null = null;
    const roll = rnd();
    const due = addWorkingDays(calendars.allUk, received, 20).due;
    if (roll < 0.05 || (received > '2026-03-10' && roll < 0.5)) {
      kind = TODAY > due ? 'overdue' : 'pending';
    } else if (roll < 0.12) {
      // A timely s17(2) notice on day 15, answered by day 35: within the permitted extension.
      events.push({ type: 'pit-extension', date: addWorkingDays(calendars.allUk, received, 15).due, estimate: addWorkingDays(calendars.allUk, received, 35).due });
      events.push({ type: 'responded', date: addWorkingDays(calendars.allUk, received, 30).due });
      kind = 'extended';
    } else {
      const k = 1 + Math.floor(rnd() * 30);
      const answered = addWorkingDays(calendars.allUk, received, k).due;
      events.push({ type: 'responded', date: answered });
      kind = k <= 20 ? 'in-time' : 'late';
      if (kind === 'late') lateDays = Math.round((Date.parse(answered) - Date.parse(due)) / 86_400_000);
    }
    const responded = events.find((e) => e.type === 'responded');
    if (responded) {
      outcome = pick(RESPONSE_OUTCOMES);
      (responded as CaseEvent & { outcome: string }).outcome = outcome;
    }
    const exemptions = outcome === 'refused' || outcome === 'part-granted' ? EXEMPTIONS.filter(() => rnd() < 0.4) : [];
    let review: Made['review'] = null;
    if (responded && rnd() < 0.15) {
      const requested = addWorkingDays(calendars.allUk, responded.date, 5).due;
      const completeIn = rnd() < 0.8 ? 10 + Math.floor(rnd() * 10) : 25;
      const completed = addWorkingDays(calendars.allUk, requested, completeIn).due;
      events.push({ type: 'review-requested', date: requested });
      const reviewOutcome = completed <= TODAY ? pick(REVIEW_OUTCOMES) : null;
      if (reviewOutcome) events.push({ type: 'review-completed', date: completed, ...({ outcome: reviewOutcome } as object) } as CaseEvent);
      review = { requested, outcome: reviewOutcome, inTime: reviewOutcome !== null && completeIn <= 20 };
    }
    const reference = `FOI/${String(i).padStart(4, '0')}`;
    const c: StatsCase = { reference, regime: 'foia', received, events, clocks: deriveCaseClocks('foia', received, events, calendars, TODAY), exemptions };
    out.push({ c, inPeriod: received >= FROM && received <= TO, kind, lateDays, outcome, exemptions, review });
  }
  return out;
}

describe('statistics for a year of 500 generated cases', () => {
  const made = generate(500);
  const s = computeStatistics(made.map((m) => m.c), { from: FROM, to: TO }, TODAY);
  const inP = made.filter((m) => m.inPeriod);
  const count = (pred: (m: Made) => boolean) => inP.filter(pred).length;

  it('counts requests received in the period, and each timeliness category', () => {
    expect(s.received).toBe(inP.length);
    expect(s.inTime).toBe(count((m) => m.kind === 'in-time'));
    expect(s.extendedInTime).toBe(count((m) => m.kind === 'extended'));
    expect(s.late).toBe(count((m) => m.kind === 'late'));
    expect(s.pending).toBe(count((m) => m.kind === 'pending'));
    expect(s.overdue).toBe(count((m) => m.kind === 'overdue'));
    for (const n of [s.inTime, s.extendedInTime, s.late, s.pending, s.overdue]) expect(n).toBeGreaterThan(0);
    // Nothing dropped: every request received is in exactly one category.
    expect(s.inTime + s.extendedInTime + s.late + s.pending + s.overdue).toBe(s.received);
    expect(s.lateBy.upTo5 + s.lateBy.upTo20 + s.lateBy.over20).toBe(s.late);
    expect(s.lateBy.upTo5).toBe(count((m) => m.kind === 'late' && m.lateDays <= 5));
    const determined = s.inTime + s.extendedInTime + s.late + s.overdue;
    expect(s.ratePercent).toBe(Math.round(((s.inTime + s.extendedInTime) / determined) * 1000) / 10);
  });

  it('counts outcomes and exemptions per provision as applied', () => {
    for (const o of RESPONSE_OUTCOMES) expect({ o, n: s.outcomes[o] }).toEqual({ o, n: count((m) => m.outcome === o) });
    for (const p of EXEMPTIONS) {
      const n = count((m) => m.exemptions.includes(p));
      expect({ p, n: s.exemptions[p] ?? 0 }).toEqual({ p, n });
    }
  });

  it('counts reviews received in the period by how they ended and whether in time', () => {
    const reviews = made.filter((m) => m.review && m.review.requested >= FROM && m.review.requested <= TO);
    expect(s.reviews.received).toBe(reviews.length);
    expect(reviews.length).toBeGreaterThan(20);
    expect(s.reviews.upheld).toBe(reviews.filter((m) => m.review!.outcome === 'upheld').length);
    expect(s.reviews.partlyUpheld).toBe(reviews.filter((m) => m.review!.outcome === 'partly-upheld').length);
    expect(s.reviews.overturned).toBe(reviews.filter((m) => m.review!.outcome === 'overturned').length);
    expect(s.reviews.pending).toBe(reviews.filter((m) => m.review!.outcome === null).length);
    expect(s.reviews.answeredInTime).toBe(reviews.filter((m) => m.review!.inTime).length);
  });

  it('explains every figure with its definition and the cases behind it', () => {
    expect(s.explain.late!.cases).toHaveLength(s.late);
    expect(s.explain['outcomes.granted']!.definition).toMatch(/Granted in full/);
    const rows = statisticsRows(s);
    expect(rows[0]).toEqual(['figure', 'count', 'definition', 'cases']);
    expect(rows.find((r) => r[0] === 'received')?.[1]).toBe(String(s.received));
  });

  it('leaves voided events out (a mistaken response is not an answer)', () => {
    const c = made.find((m) => m.kind === 'in-time' && m.inPeriod)!.c;
    const voided: StatsCase = { ...c, events: c.events.map((e) => (e.type === 'responded' ? { ...e, voided: true } : e)) };
    const live = voided.events.filter((e) => !e.voided) as CaseEvent[];
    voided.clocks = deriveCaseClocks('foia', c.received, live, calendars, TODAY);
    const one = computeStatistics([voided], { from: FROM, to: TO }, TODAY);
    expect(one.inTime).toBe(0);
    expect(one.overdue + one.pending).toBe(1);
  });
});
