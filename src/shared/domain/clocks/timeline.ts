// Helpers for reading a case timeline and turning a clock into a deadline with a status.
// Split from events.ts so that file can read as the list of rules.
import { type IsoDate } from '../dates';
import { type ClockResult } from './clocks';
import type { CaseEvent, CaseEventType, DerivedDeadline } from './events';

/** Read-only queries over a case's events, sorted by date (ties keep their recorded order). */
export class Timeline {
  readonly events: readonly CaseEvent[];

  constructor(events: readonly CaseEvent[]) {
    this.events = events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
      .map(({ e }) => e);
  }

  first(type: CaseEventType, onOrAfter?: IsoDate): CaseEvent | null {
    return this.events.find((e) => e.type === type && (onOrAfter === undefined || e.date >= onOrAfter)) ?? null;
  }

  last(type: CaseEventType, onOrAfter?: IsoDate): CaseEvent | null {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i];
      if (e && e.type === type && (onOrAfter === undefined || e.date >= onOrAfter)) return e;
    }
    return null;
  }
}

export interface DeriveOptions {
  key: string;
  label: string;
  /** The event that completes the deadline (a response, a review outcome, a payment…). */
  done: CaseEvent | null;
  today: IsoDate;
  /**
   * A window the requester may or may not use (review request, ICO complaint, appeal, fee):
   * letting it pass unused is not a missed deadline, so it becomes 'not-applicable'.
   */
  requesterWindow?: boolean;
  warnings?: (string | null | undefined | false)[];
}

/**
 * 'met' when the completing event is on or before the due date; 'missed' when it is later, or
 * when today is past the due date and nothing has completed it; otherwise 'pending'.
 */
export function toDeadline(result: ClockResult, o: DeriveOptions): DerivedDeadline {
  let status: DerivedDeadline['status'];
  if (o.done) status = o.done.date <= result.due ? 'met' : 'missed';
  else if (o.today > result.due) status = o.requesterWindow ? 'not-applicable' : 'missed';
  else status = 'pending';
  const warnings = (o.warnings ?? []).filter((w): w is string => typeof w === 'string' && w.length > 0);
  return {
    ...result,
    key: o.key,
    label: o.label,
    status,
    metOn: o.done?.date ?? null,
    completedBy: o.done?.type ?? null,
    warning: warnings.length > 0 ? warnings.join(' ') : null,
  };
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
