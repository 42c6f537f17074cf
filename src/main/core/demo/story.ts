// One demo case's life: the events an officer would have recorded, dated by the statutory clocks
// the app itself derives, up to today. A story is aimed at a status (open, on hold, with the
// regulator…); its dates are drawn until the domain's own standing says the case is there, so the
// register shows what the app would show had the case been worked through it.
import { addWorkingDays, nextWorkingDayOnOrAfter, type WorkingCalendar } from '../../../shared/domain/calendar/calendar';
import { dayNumber, isoFromDayNumber, isWeekendDay } from '../../../shared/domain/calendar/days';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { deriveCaseClocks, type CaseClocks, type CaseEvent, type CaseEventType, type Regime } from '../../../shared/domain/clocks/events';
import type { IsoDate } from '../../../shared/domain/dates';
import { caseStanding, type CaseStanding, type CaseStatus, type ResponseOutcome, type ReviewOutcome } from '../../../shared/domain/status';
import type { Rng } from './random';

export interface Story {
  regime: Regime;
  received: IsoDate;
  /** In the order recorded (which is date order); never the 'received' event. */
  events: CaseEvent[];
  standing: CaseStanding;
}

type Hold = 'clarification' | 'fee' | 'identity';

/** Days before today a case aimed at each status may have been received. */
export const AGE_RANGE: Record<CaseStatus, readonly [number, number]> = {
  open: [0, 26],
  'on-hold': [4, 70],
  extended: [18, 50],
  overdue: [30, 120],
  responded: [14, 2190],
  'under-review': [40, 130],
  'with-ico': [90, 700],
  'at-tribunal': [240, 1000],
  closed: [25, 2190],
};

const RESPONSE_WEIGHTS: Record<Regime, readonly (readonly [ResponseOutcome, number])[]> = {
  foia: [['granted', 36], ['part-granted', 24], ['refused', 11], ['not-held', 13], ['s12', 8], ['s14', 1], ['withdrawn', 4], ['transferred', 3]],
  foisa: [['granted', 36], ['part-granted', 24], ['refused', 11], ['not-held', 14], ['s12', 7], ['s14', 1], ['withdrawn', 4], ['transferred', 3]],
  eir: [['granted', 42], ['part-granted', 25], ['refused', 13], ['not-held', 12], ['withdrawn', 5], ['transferred', 3]],
  eisr: [['granted', 42], ['part-granted', 25], ['refused', 13], ['not-held', 12], ['withdrawn', 5], ['transferred', 3]],
  sar: [['granted', 58], ['part-granted', 32], ['not-held', 5], ['withdrawn', 5]],
};

const PAST_TODAY = new Error('past today');

class Builder {
  readonly events: CaseEvent[] = [];
  cursor: IsoDate;
  private readonly cal: WorkingCalendar;

  constructor(
    readonly rng: Rng,
    readonly regime: Regime,
    readonly received: IsoDate,
    readonly calendars: Calendars,
    /** No event may come after this day: an attempt that would reach past it is given up at once. */
    readonly today: IsoDate,
  ) {
    this.cursor = received;
    this.cal = regime === 'foisa' || regime === 'eisr' ? calendars.scotland : calendars.allUk;
  }

  /** The n-th working day after `from` (n = 0: `from` itself, or the next working day). */
  wd(from: IsoDate, n: number): IsoDate {
    return n <= 0 ? nextWorkingDayOnOrAfter(this.cal, from) : addWorkingDays(this.cal, from, n).due;
  }

  days(from: IsoDate, n: number): IsoDate {
    return isoFromDayNumber(dayNumber(from) + n);
  }

  /** Records an event no earlier than the last one. */
  add(type: CaseEventType, date: IsoDate, extra: Pick<CaseEvent, 'estimate' | 'outcome'> = {}): IsoDate {
    const at = date < this.cursor ? this.cursor : date;
    if (at > this.today) throw PAST_TODAY;
    this.events.push({ type, date: at, ...extra });
    this.cursor = at;
    return at;
  }

  clocks(asOf: IsoDate): CaseClocks {
    return deriveCaseClocks(this.regime, this.received, this.events, this.calendars, asOf);
  }

  /** A step the requester takes: any day, counted in calendar days. */
  reply(type: CaseEventType, from: IsoDate, min: number, max: number): IsoDate {
    return this.add(type, this.days(from, this.rng.int(min, max)));
  }

  /** A step the officer takes: on a working day. */
  act(type: CaseEventType, from: IsoDate, min: number, max: number, extra: Pick<CaseEvent, 'estimate' | 'outcome'> = {}): IsoDate {
    return this.add(type, this.wd(from, this.rng.int(min, max)), extra);
  }
}

function holdFor(rng: Rng, regime: Regime): Hold {
  if (regime === 'sar') return rng.weighted([['identity', 5], ['clarification', 3.5], ['fee', 1.5]]);
  return rng.weighted([['clarification', 3], ['fee', 1]]);
}

/** The events up to the stage the target needs; false when the story has to stop short (a pending hold). */
function beforeResponse(b: Builder, target: CaseStatus): boolean {
  const { rng, regime } = b;
  const hold = target === 'on-hold' ? holdFor(rng, regime) : null;
  if (rng.chance(0.85)) b.act('acknowledged', b.received, 0, 2);
  if (regime === 'sar' && (hold === 'identity' || (hold === null && rng.chance(0.3)))) {
    const asked = b.act('id-requested', b.cursor, 1, 3);
    if (hold === 'identity') return false;
    b.reply('id-received', asked, 2, 14);
  }
  if (hold === 'clarification' || (hold === null && rng.chance(0.1))) {
    const sought = b.act('clarification-sought', b.cursor, 1, 5);
    if (hold === 'clarification') return false;
    // Some requesters never answer: the ICO's view is that the request may then be closed.
    if (target === 'closed' && rng.chance(0.3)) {
      b.act('closed', b.days(sought, 92), 0, 5);
      return false;
    }
    b.reply('clarification-received', sought, 1, 21);
  }
  const feeRate = { foia: 0.03, foisa: 0.03, eir: 0.08, eisr: 0.08, sar: 0.01 }[regime];
  if (hold === 'fee' || (hold === null && rng.chance(feeRate))) {
    const notice = b.act('fees-notice', b.cursor, 2, 8);
    if (hold === 'fee') return false;
    b.reply('fee-received', notice, 2, 30);
  }
  return true;
}

/** An extension notice given in time, where the regime has one; true when one was given. */
function extend(b: Builder, due: IsoDate, forced: boolean): boolean {
  const { rng, regime } = b;
  const rate = { foia: 0.06, foisa: 0, eir: 0.08, eisr: 0.08, sar: 0.06 }[regime];
  if (regime === 'foisa' || !(forced || rng.chance(rate))) return false;
  const date = b.wd(b.cursor, rng.int(3, 14));
  if (date > due) return false;
  if (regime !== 'foia') {
    b.add(regime === 'sar' ? 'sar-extension' : 'eir-extension', date);
    return true;
  }
  // FOIA s17(2): the notice estimates a date, normally within 40 working days in all (s45 Code).
  b.add('pit-extension', date, { estimate: due });
  const pit = b.clocks(date).deadlines.find((d) => d.key === 'pit-extension')!;
  const estimate = b.wd(due, rng.int(5, 20));
  b.events[b.events.length - 1]!.estimate = estimate > pit.due ? pit.due : estimate;
  return true;
}

/** The response, the review, the regulator and the tribunal, as far as the target needs. */
function afterResponse(b: Builder, target: CaseStatus, due: IsoDate, extended: boolean): void {
  const { rng, regime } = b;
  const deadline = extended && regime === 'foia' ? b.events.find((e) => e.type === 'pit-extension')!.estimate! : due;
  const late = rng.chance(0.1);
  // Mostly in time, a few days before the deadline; one in ten late.
  const early = b.wd(b.days(deadline, -rng.int(0, 18)), 0);
  const respondOn = late ? b.wd(deadline, rng.int(1, 15)) : early > deadline ? deadline : early;
  // A case that goes to review or to the regulator was refused in some part.
  const disputed = target === 'under-review' || target === 'with-ico' || target === 'at-tribunal';
  const outcome = rng.weighted(
    disputed ? RESPONSE_WEIGHTS[regime].filter(([o]) => ['refused', 'part-granted', 'not-held', 's12'].includes(o))
      : extended && regime === 'foia' ? ([['part-granted', 5], ['refused', 4], ['granted', 1]] as const) : RESPONSE_WEIGHTS[regime],
  );
  const responded = b.add('responded', respondOn, { outcome });
  if (target === 'responded') return;
  const wantsIco = target === 'with-ico' || target === 'at-tribunal';
  const challenged = ['refused', 'part-granted', 's12', 'not-held', 's14'].includes(outcome);
  let final = responded;
  if (regime !== 'sar' && (target === 'under-review' || wantsIco || rng.chance(challenged ? 0.2 : 0.03))) {
    const asked = b.act('review-requested', responded, 2, 35);
    if (target === 'under-review') return;
    const span = regime === 'eir' ? [10, 38] : regime === 'foia' ? [8, 22] : [8, 19];
    const review: ReviewOutcome = wantsIco ? rng.weighted([['upheld', 4], ['partly-upheld', 1]]) : rng.weighted([['upheld', 13], ['partly-upheld', 4], ['overturned', 3]]);
    final = b.act('review-completed', asked, span[0]!, span[1]!, { outcome: review });
  }
  if (wantsIco || (rng.chance(regime === 'sar' ? 0.03 : 0.12) && (regime === 'sar' || final !== responded))) {
    const window = regime === 'foisa' || regime === 'eisr' ? [10, 150] : regime === 'sar' ? [14, 120] : [5, 40];
    const complaint = b.reply('ico-complaint', final, window[0]!, window[1]!);
    if (target === 'with-ico' && rng.chance(0.5)) return;
    const decision = b.act('ico-decision', b.days(complaint, rng.int(90, 365)), 0, 0);
    if (target === 'with-ico') return;
    if (regime !== 'sar' && (target === 'at-tribunal' || rng.chance(0.2))) {
      const appeal = b.reply('tribunal-appeal', decision, 5, 27);
      if (target === 'at-tribunal') return;
      final = b.days(appeal, rng.int(120, 400));
    } else final = b.days(decision, 29);
  }
  b.act('closed', final, 1, 15);
}

/** Builds the events the target needs; throws PAST_TODAY as soon as one would fall after today. */
function attempt(b: Builder, target: CaseStatus): void {
  if (!beforeResponse(b, target)) return;
  const base = b.clocks(b.cursor).response.due;
  const extended = target !== 'open' && extend(b, base, target === 'extended');
  if (target === 'open' || target === 'extended' || target === 'overdue') return;
  afterResponse(b, target, extended ? b.clocks(b.cursor).response.due : base, extended);
}

/** A date `age` days before today, moved off most weekends (most requests come in the working week). */
function receivedOn(rng: Rng, today: IsoDate, age: number): IsoDate {
  let n = dayNumber(today) - age;
  while (isWeekendDay(n) && rng.chance(0.7) && n + 1 <= dayNumber(today)) n += 1;
  return isoFromDayNumber(n);
}

/**
 * A story aimed at `target`. Attempts with other dates until the app's standing agrees; the last
 * attempt is kept, cut at today, when none does (its events still in order, so still valid).
 */
export function planStory(rng: Rng, regime: Regime, target: CaseStatus, calendars: Calendars, today: IsoDate, age: () => number): Story {
  let story: Story | null = null;
  for (let tries = 0; tries < 16; tries++) {
    const b = new Builder(rng, regime, receivedOn(rng, today, age()), calendars, today);
    try {
      attempt(b, target);
    } catch (err) {
      if (err !== PAST_TODAY) throw err;
    }
    // What is recorded so far is in order and up to today, whether or not the attempt went through.
    const clocks = b.clocks(today);
    story = { regime, received: b.received, events: b.events, standing: caseStanding(b.events, clocks, calendars, today) };
    if (story.standing.status === target) break;
  }
  return story!;
}
