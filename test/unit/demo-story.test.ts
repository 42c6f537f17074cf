// The demo register's stories (src/main/core/demo/story.ts, plan.ts): for every regime and every
// status it can reach, a story lands there by the domain's own standing, with a timeline in order;
// the messages asked for are shared out exactly.
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { AGE_RANGE, planStory } from '../../src/main/core/demo/story';
import { boundMessages, planCases, reachable, shareMessages } from '../../src/main/core/demo/plan';
import { Rng } from '../../src/main/core/demo/random';
import { REGIMES } from '../../src/shared/domain/clocks/events';
import { CASE_STATUSES } from '../../src/shared/domain/status';
import { sequenceProblems } from '../../src/shared/domain/clocks/sequence';

const TODAY = '2026-11-20';

describe('demo stories', () => {
  it('reach every status each regime allows (no FOISA extension; no SAR review or tribunal), in order, by today', () => {
    for (const regime of REGIMES) {
      for (const target of CASE_STATUSES) {
        if (!reachable(regime, target)) continue;
        for (let i = 0; i < 4; i++) {
          const rng = new Rng(`unit/${regime}/${target}/${i}`);
          const [lo, hi] = AGE_RANGE[target];
          const s = planStory(rng, regime, target, calendars, TODAY, () => rng.int(lo, hi));
          expect(s.standing.status, `${regime} ${target} ${i}`).toBe(target);
          expect(sequenceProblems(regime, s.received, s.events, TODAY)).toEqual([]);
        }
      }
    }
    expect(reachable('foisa', 'extended')).toBe(false);
    expect(reachable('sar', 'under-review')).toBe(false);
    expect(reachable('sar', 'at-tribunal')).toBe(false);
  });

  it('the same seed plans the same cases; the first nine are one of each status', () => {
    const a = planCases('s', 30, calendars, TODAY);
    expect(planCases('s', 30, calendars, TODAY)).toEqual(a);
    expect(planCases('t', 30, calendars, TODAY)).not.toEqual(a);
    expect(a.slice(0, CASE_STATUSES.length).map((p) => p.story.standing.status)).toEqual([...CASE_STATUSES]);
  });

  it('shares out exactly the messages asked for: at least one per event when there are enough, fewer when not', () => {
    const plans = planCases('m', 50, calendars, TODAY);
    const bound = plans.reduce((n, p) => n + boundMessages(p.story), 0);
    for (const total of [0, 17, bound, bound + 1, 11 * 50]) {
      const shared = shareMessages(plans, total);
      expect(shared.reduce((n, p) => n + p.messages, 0)).toBe(total);
      if (total >= bound) expect(shared.every((p) => p.messages >= boundMessages(p.story))).toBe(true);
    }
  });
});
