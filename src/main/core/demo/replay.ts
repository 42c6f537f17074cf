// Every case's actions in the order of time, made a case at a time: cases are opened in the order
// they were received, and an action is let go once no case still to be opened can come before it
// (nothing happens on a case before the day its request arrived). Only the cases in progress are
// held in memory, however many years the register spans.
import { dayNumber } from '../../../shared/domain/calendar/days';
import { caseActions, type Action, type World } from './case-actions';
import type { CasePlan } from './plan';

const DAY = 86_400_000;

/** A binary heap of actions, earliest first (ties: planned first). */
class Queue {
  private readonly items: Action[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Action | undefined {
    return this.items[0];
  }

  private before(a: Action, b: Action): boolean {
    return a.ms < b.ms || (a.ms === b.ms && a.seq < b.seq);
  }

  push(a: Action): void {
    const h = this.items;
    h.push(a);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): Action | undefined {
    const h = this.items;
    const top = h[0];
    const end = h.pop();
    if (h.length > 0 && end) {
      h[0] = end;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** The actions of all the cases, earliest first; `first` (setting up the authority) before them all. */
export function* replay(plans: readonly CasePlan[], world: World, first?: Omit<Action, 'ms' | 'seq'>): Generator<Action> {
  const byArrival = [...plans].sort((a, b) => (a.story.received < b.story.received ? -1 : a.story.received > b.story.received ? 1 : a.index - b.index));
  // Before anything arrives: requests are never logged before seven in the morning.
  if (first && byArrival[0]) yield { ...first, ms: dayNumber(byArrival[0].story.received) * DAY + 6.5 * 3_600_000, seq: -1 };
  const queue = new Queue();
  let seq = 0;
  for (const plan of byArrival) {
    const opens = dayNumber(plan.story.received) * DAY;
    while ((queue.peek()?.ms ?? Infinity) < opens) yield queue.pop()!;
    for (const a of caseActions(plan, world, seq)) {
      queue.push(a);
      seq = a.seq + 1;
    }
  }
  while (queue.size > 0) yield queue.pop()!;
}
