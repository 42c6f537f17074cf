// The shape of the whole demo register before anything is written: how many cases of each regime,
// where each one stands today (most long closed, some open, on hold, extended, overdue, under
// review, with the regulator or at tribunal), when each arrived over the years, and how the
// messages asked for are shared out between them.
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { recordableEvents } from '../../../shared/domain/clocks/sequence';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { IsoDate } from '../../../shared/domain/dates';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/domain/status';
import { AGE_RANGE, planStory, type Story } from './story';
import { Rng } from './random';

export interface CasePlan {
  /** The order the case was planned in: with the seed, it names the case's random streams. */
  index: number;
  target: CaseStatus;
  story: Story;
  /** Items of correspondence this case gets. */
  messages: number;
}

const REGIME_WEIGHTS: readonly (readonly [Regime, number])[] = [['foia', 52], ['eir', 14], ['sar', 18], ['foisa', 10], ['eisr', 6]];

// Of years of casework most is long finished; these shares keep every status in view on a demo.
const TARGET_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['closed', 70], ['responded', 14], ['open', 4.5], ['on-hold', 1.5], ['extended', 1.5], ['overdue', 1.5],
  ['under-review', 2], ['with-ico', 3], ['at-tribunal', 2],
];

/** Whether a case of this regime can reach this status at all (no FOISA extension, no SAR review or tribunal). */
export function reachable(regime: Regime, target: CaseStatus): boolean {
  const events = recordableEvents(regime);
  if (target === 'extended') return events.some((e) => e.endsWith('-extension'));
  if (target === 'under-review') return events.includes('review-requested');
  if (target === 'at-tribunal') return events.includes('tribunal-appeal');
  return true;
}

/** Days before today: uniform over the range, leaning to recent years as request numbers grow. */
function ageSampler(rng: Rng, target: CaseStatus, years: number): () => number {
  const [lo, hiRange] = AGE_RANGE[target];
  const hi = Math.max(lo, Math.min(hiRange, Math.round(years * 365)));
  return () => {
    const u = rng.next();
    const skew = rng.chance(0.35) ? 1 - Math.sqrt(u) : u;
    return lo + Math.floor(skew * (hi - lo + 1));
  };
}

/** Events that come with an item of correspondence (every one but closing), plus the request itself. */
export function boundMessages(story: Story): number {
  return 1 + story.events.filter((e) => e.type !== 'closed').length;
}

/** The stories of `count` cases, the first ones one of each status so that even a small register shows them all. */
export function planCases(seed: string, count: number, calendars: Calendars, today: IsoDate, years = 6): Omit<CasePlan, 'messages'>[] {
  const plans: Omit<CasePlan, 'messages'>[] = [];
  for (let index = 0; index < count; index++) {
    const rng = new Rng(`${seed}/case/${index}`);
    let regime = rng.weighted(REGIME_WEIGHTS);
    const target = index < CASE_STATUSES.length ? CASE_STATUSES[index]! : rng.weighted(TARGET_WEIGHTS);
    while (!reachable(regime, target)) regime = rng.weighted(REGIME_WEIGHTS);
    plans.push({ index, target, story: planStory(rng, regime, target, calendars, today, ageSampler(rng, target, years)) });
  }
  return plans;
}

/**
 * Shares `total` items of correspondence out: every case its request and one item per event
 * first, the rest in proportion to how much happened on it (largest remainders, so the sum is
 * exact). With fewer items than that, each case keeps a share of its own.
 */
export function shareMessages(plans: readonly Omit<CasePlan, 'messages'>[], total: number): CasePlan[] {
  const bound = plans.map((p) => boundMessages(p.story));
  const sumBound = bound.reduce((a, b) => a + b, 0);
  const weights = total >= sumBound ? plans.map((p) => 1 + p.story.events.length) : bound;
  const spare = total >= sumBound ? total - sumBound : total;
  const sumWeights = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (spare * w) / sumWeights);
  const shares = exact.map(Math.floor);
  let left = spare - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return plans.map((p, i) => ({ ...p, messages: (total >= sumBound ? bound[i]! : 0) + shares[i]! }));
}
