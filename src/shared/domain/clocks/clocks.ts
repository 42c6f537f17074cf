// The statutory clocks (docs/law.md §1.7): each one turns a start date into a due date and a
// human-readable working that an officer can check against the law and show a requester.
import { addCalendarDays, addCalendarMonths, formatShortDay, yearOf, type IsoDate } from '../dates';
import {
  addWorkingDays,
  nextWorkingDayOnOrAfter,
  type CalendarName,
  type WorkingCalendar,
} from '../calendar/calendar';
import { dayNumber, daysInMonth, formatDayMonth, isoFromDayNumber, joinAnd } from '../calendar/days';

export const CLOCK_NAMES = [
  'foi-response', 'pit-extension', 'fee-payment', 'internal-review', 'internal-review-max',
  'review-request-window', 'ico-complaint', 'tribunal-appeal', 'eir-response', 'eir-extended',
  'eir-representations', 'eir-reconsideration', 'foisa-response', 'foisa-review', 'sar-response',
  'sar-extended', 'school-longstop', 'eisr-response', 'eisr-extended', 'eisr-representations', 'eisr-review',
  'sic-application',
] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export interface Calendars {
  allUk: WorkingCalendar;
  scotland: WorkingCalendar;
  /** The authority's own region, for SAR roll-forward (the ICO does not say which; §1.6). */
  sar: WorkingCalendar;
  /**
   * England and Wales, for the First-tier Tribunal (GRC Rules 2009 r1(3), r12): its "working day"
   * excludes bank holidays under BFDA 1971 s1 without the FOIA words "in any part of the UK".
   */
  englandWales: WorkingCalendar;
}

export interface ClockResult {
  clock: ClockName;
  from: IsoDate;
  due: IsoDate;
  /** The calendar that counted. */
  calendar: CalendarName | 'calendar-days' | 'calendar-months';
  /** e.g. "FOIA s10(1), s10(6)". */
  basis: string;
  /** The working, human readable. */
  steps: string[];
  /** A date past the last published holiday year was used. */
  provisional: boolean;
}

export interface ClockInput {
  from: IsoDate;
  pausedFrom?: IsoDate;
  pausedTo?: IsoDate;
  /** Names day 0 in the steps; defaults per clock ("received", "response", …). */
  fromLabel?: string;
}

type Spec = { label: string; basis: string; fromLabel: string; note?: string } & (
  | { kind: 'working'; days: number; calendar: 'allUk' | 'scotland'; pauseLabel?: string }
  | { kind: 'months-beginning-with'; months: number }
  | { kind: 'days'; days: number; rollForward: boolean }
  | { kind: 'months'; months: number; monthsText: string }
  | { kind: 'months-after'; months: number }
);

const SPECS: Record<ClockName, Spec> = {
  // FOIA s10(1): "not later than the twentieth working day following the date of receipt".
  'foi-response': {
    kind: 'working', days: 20, calendar: 'allUk', label: 'FOI response',
    basis: 'FOIA s10(1), s10(6)', fromLabel: 'received', pauseLabel: 's10(2) fees',
  },
  // s10(3) "reasonable" time; the s45 Code (2018) paras 4.5-4.7 and the ICO: normally ≤ 20 more.
  'pit-extension': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'Public interest extension (normal maximum)',
    basis: 'FOIA s10(3), s17(2); s45 Code of Practice (2018) paras 4.5-4.7', fromLabel: 'received',
    pauseLabel: 's10(2) fees', note: 'Longer than 40 working days in total only in exceptional cases (s45 Code; ICO).',
  },
  'fee-payment': { kind: 'months-beginning-with', months: 3, label: 'Fee payment', basis: 'FOIA s9(2)', fromLabel: 'fees notice given' },
  // No statutory review under FOIA: the s45 Code and ICO guidance set 20, never more than 40.
  'internal-review': {
    kind: 'working', days: 20, calendar: 'allUk', label: 'Internal review (target)',
    basis: 's45 Code of Practice (2018); ICO guidance', fromLabel: 'review request received',
  },
  'internal-review-max': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'Internal review (maximum)',
    basis: 's45 Code of Practice (2018); ICO guidance', fromLabel: 'review request received',
  },
  'review-request-window': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'Internal review request window',
    basis: 's45 Code of Practice (2018); ICO guidance', fromLabel: 'response',
    note: 'The authority may refuse a review requested after this date (ICO).',
  },
  // ICO guidance: complain "within six weeks" of the final response; the statutory test is
  // "undue delay" (FOIA s50(2)(b)), so this is guidance, not a limit.
  'ico-complaint': {
    kind: 'days', days: 42, rollForward: false, label: 'ICO complaint (six-week guidance)',
    basis: 'FOIA s50(2)(b); ICO complaints guidance', fromLabel: 'final response',
    note: 'ICO guidance, not a statutory limit: the test is undue delay (FOIA s50(2)(b)).',
  },
  // GRC Rules 2009 r22(1)(b): received within 28 days of the date the notice was sent; r12: an
  // act due on a non-working day is in time on the next working day. r1(3) defines a working day
  // by BFDA 1971 s1 bank holidays without FOIA's "in any part of the United Kingdom": the Tribunal
  // sits in England and Wales, so its calendar counts (computeClock warns where the UK union differs).
  'tribunal-appeal': {
    kind: 'days', days: 28, rollForward: true, label: 'Tribunal appeal',
    basis: 'GRC Rules 2009 r22(1)(b), r12, r1(3)', fromLabel: 'decision notice sent',
    note: 'The notice of appeal must reach the Tribunal by 5pm that day (GRC r12).',
  },
  // EIR reg 2(1) gives "working day" the FOIA s10(6) meaning: the all-UK calendar.
  'eir-response': {
    kind: 'working', days: 20, calendar: 'allUk', label: 'EIR response',
    basis: 'EIR reg 5(2), reg 2(1)', fromLabel: 'received', pauseLabel: 'reg 8 advance payment',
  },
  'eir-extended': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'EIR response (extended)',
    basis: 'EIR reg 7(1)', fromLabel: 'received', pauseLabel: 'reg 8 advance payment',
  },
  'eir-representations': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'EIR representations window', basis: 'EIR reg 11(2)', fromLabel: 'response',
  },
  'eir-reconsideration': {
    kind: 'working', days: 40, calendar: 'allUk', label: 'EIR reconsideration', basis: 'EIR reg 11(4)', fromLabel: 'representations received',
  },
  // FOISA s73: Scottish bank holidays only.
  'foisa-response': {
    kind: 'working', days: 20, calendar: 'scotland', label: 'FOISA response',
    basis: 'FOISA s10(1), s73', fromLabel: 'received', pauseLabel: 'FOISA s10(2) fees',
  },
  'foisa-review': {
    kind: 'working', days: 20, calendar: 'scotland', label: 'FOISA review',
    basis: 'FOISA s21(1), s73', fromLabel: 'requirement for review received',
  },
  'sar-response': {
    kind: 'months', months: 1, monthsText: '1 calendar month', label: 'Subject access response',
    basis: 'UK GDPR Art 12(3); ICO guidance on time limits', fromLabel: 'received',
  },
  'sar-extended': {
    kind: 'months', months: 3, monthsText: '3 calendar months (1 month plus 2 further months)',
    label: 'Subject access response (extended)', basis: 'UK GDPR Art 12(3)', fromLabel: 'received',
  },
  // EISR reg 2(1): a working day excludes bank holidays in Scotland only (as FOISA s73).
  'eisr-response': {
    kind: 'working', days: 20, calendar: 'scotland', label: 'EISR response',
    basis: 'EISR reg 5(2)(a), reg 2(1)', fromLabel: 'received', pauseLabel: 'reg 8 advance payment',
  },
  'eisr-extended': {
    kind: 'working', days: 40, calendar: 'scotland', label: 'EISR response (extended)',
    basis: 'EISR reg 7(1), reg 2(1)', fromLabel: 'received', pauseLabel: 'reg 8 advance payment',
  },
  'eisr-representations': {
    kind: 'working', days: 40, calendar: 'scotland', label: 'EISR representations window', basis: 'EISR reg 16(2)', fromLabel: 'response',
  },
  'eisr-review': {
    kind: 'working', days: 20, calendar: 'scotland', label: 'EISR review', basis: 'EISR reg 16(4)', fromLabel: 'representations received',
  },
  // FOISA s47(4) (applied to the EISR by reg 17): six months after the review outcome was
  // received or, where none came, after the time for it ran out. The Commissioner may accept a
  // later application where appropriate.
  'sic-application': {
    kind: 'months-after', months: 6, label: 'Application to the Scottish Information Commissioner',
    basis: 'FOISA s47(4)', fromLabel: 'review outcome',
    note: 'The Commissioner may consider a later application where it is appropriate to do so (s47(4)).',
  },
  // SI 2009/1369: 20 school days or 60 working days, whichever is earlier.
  'school-longstop': {
    kind: 'working', days: 60, calendar: 'allUk', label: 'School response (60 working day longstop)',
    basis: 'FOI (Time for Compliance with Request) Regulations 2009 (SI 2009/1369)', fromLabel: 'received',
    pauseLabel: 's10(2) fees',
    note: 'The 20 school days alternative (whichever is earlier) cannot be computed without the school’s term dates: check it separately.',
  },
};

export function clockLabel(name: ClockName): string {
  return SPECS[name].label;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Provisional: 2028 holidays are not yet published." for the years between from and due. */
function provisionalStep(cal: WorkingCalendar, from: IsoDate, due: IsoDate): string | null {
  const years: string[] = [];
  for (let y = yearOf(from); y <= yearOf(due); y++) if (cal.isProvisional(`${y}-01-01`)) years.push(String(y));
  return years.length > 0 ? `Provisional: ${joinAnd(years)} holidays are not yet published.` : null;
}

/**
 * A working-day clock on an explicit calendar. computeClock uses it; the case timeline uses it
 * for periods that share a clock's shape but not its calendar (FOISA s20(5) review window).
 */
export function workingDayClock(
  clock: ClockName,
  input: { from: IsoDate; days: number; calendar: WorkingCalendar; basis: string; fromLabel: string },
  pause?: { from: IsoDate; to: IsoDate; label: string },
  note?: string,
): ClockResult {
  const { from, days, calendar } = input;
  const count = addWorkingDays(calendar, from, days, pause ? { pause: { ...pause, reason: `Paused (${pause.label})` } } : undefined);
  const pausedDays = new Set(count.paused);
  const holidays = count.skipped.filter((s) => !pausedDays.has(s.date));
  const steps = [`Day 0 ${formatShortDay(from)} (${input.fromLabel}).`];
  steps.push(
    holidays.length === 0
      ? 'Non-working days skipped: none besides weekends.'
      : `Non-working days skipped: ${holidays.map((s) => `${formatDayMonth(s.date)} (${s.reason})`).join(', ')}.`,
  );
  if (pause) {
    steps.push(
      `Paused ${formatShortDay(pause.from)} to ${formatShortDay(pause.to)} (${pause.label}): ` +
        `${plural(count.paused.length, 'working day')} disregarded.`,
    );
  }
  steps.push(`Day ${days}: ${formatShortDay(count.due)}.`);
  if (note) steps.push(note);
  const prov = provisionalStep(calendar, from, count.due);
  if (prov) steps.push(prov);
  return { clock, from, due: count.due, calendar: calendar.name, basis: input.basis, steps, provisional: prov !== null };
}

/** Moves a calendar-counted date off a non-working day, saying so in the steps. */
function rollForward(cal: WorkingCalendar, date: IsoDate, why: string, steps: string[]): IsoDate {
  const next = nextWorkingDayOnOrAfter(cal, date);
  if (next !== date) {
    const reason = cal.nonWorkingReason(date);
    const detail = reason === 'Saturday' || reason === 'Sunday' || reason === null ? '' : ` (${reason})`;
    steps.push(`${formatShortDay(date)} is not a working day${detail}; next working day ${formatShortDay(next)} (${why}).`);
  }
  return next;
}

/**
 * FOIA s9(2): "the period of three months beginning with the day on which the fees notice is
 * given". "Beginning with" counts that day itself (Trow v Ind Coope [1967] 2 QB 899), so the
 * period ends the day before the corresponding date (Dodds v Walker [1981] 1 WLR 1027): given
 * 1 Mar, the three months are March, April and May, ending 31 May. Where the later month has no
 * corresponding date (given 30 Nov -> no 30 Feb), the period runs to that month's last day.
 */
export function endOfMonthsBeginningWith(from: IsoDate, months: number): IsoDate {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const d = Number(from.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  const tmText = String(tm).padStart(2, '0');
  if (d > last) return `${ty}-${tmText}-${String(last).padStart(2, '0')}`;
  return isoFromDayNumber(dayNumber(`${ty}-${tmText}-${String(d).padStart(2, '0')}`) - 1);
}

export function computeClock(name: ClockName, input: ClockInput, calendars: Calendars): ClockResult {
  const spec = SPECS[name];
  const { from } = input;
  dayNumber(from); // validates
  const fromLabel = input.fromLabel ?? spec.fromLabel;
  if ((input.pausedFrom === undefined) !== (input.pausedTo === undefined)) {
    throw new RangeError('A pause needs both pausedFrom and pausedTo');
  }
  const pause =
    input.pausedFrom !== undefined && input.pausedTo !== undefined ? { from: input.pausedFrom, to: input.pausedTo } : undefined;
  const steps: string[] = [];
  const notApplicable = (): void => {
    if (pause) steps.push(`The pause from ${formatShortDay(pause.from)} to ${formatShortDay(pause.to)} does not apply to this clock.`);
  };

  switch (spec.kind) {
    case 'working': {
      const calendar = spec.calendar === 'allUk' ? calendars.allUk : calendars.scotland;
      const usePause = pause && spec.pauseLabel ? { ...pause, label: spec.pauseLabel } : undefined;
      const result = workingDayClock(name, { from, days: spec.days, calendar, basis: spec.basis, fromLabel }, usePause, spec.note);
      if (pause && !usePause) {
        notApplicable();
        result.steps.push(...steps);
      }
      return result;
    }
    case 'months-beginning-with': {
      notApplicable();
      const due = endOfMonthsBeginningWith(from, spec.months);
      steps.unshift(`${plural(spec.months, 'month')} beginning with ${formatShortDay(from)} (${fromLabel}), that day included.`);
      steps.push(`Last day: ${formatShortDay(due)} (calendar months; not moved off weekends or holidays).`);
      return { clock: name, from, due, calendar: 'calendar-months', basis: spec.basis, steps, provisional: false };
    }
    case 'days': {
      notApplicable();
      const end = addCalendarDays(from, spec.days);
      const weeks = spec.days % 7 === 0 && !spec.rollForward ? `${spec.days / 7} weeks (${spec.days} calendar days)` : `${spec.days} calendar days`;
      steps.unshift(`${weeks} from ${formatShortDay(from)} (${fromLabel}): ${formatShortDay(end)}.`);
      const due = spec.rollForward ? rollForward(calendars.englandWales, end, 'GRC r12', steps) : end;
      if (spec.rollForward) {
        const unionDue = nextWorkingDayOnOrAfter(calendars.allUk, end);
        if (unionDue !== due) {
          steps.push(
            `${formatShortDay(due)} is a bank holiday elsewhere in the UK (${calendars.allUk.nonWorkingReason(due)}), but not in ` +
              `England and Wales: counted as a working day (GRC r1(3)). Lodge by ${formatShortDay(due)} to be safe.`,
          );
        }
      }
      if (spec.note) steps.push(spec.note);
      const provisional = spec.rollForward && calendars.englandWales.isProvisional(due);
      if (provisional) steps.push(`Provisional: ${yearOf(due)} holidays are not yet published.`);
      return { clock: name, from, due, calendar: 'calendar-days', basis: spec.basis, steps, provisional };
    }
    case 'months-after': {
      notApplicable();
      const due = addCalendarMonths(from, spec.months);
      const noDate = due.slice(8) === from.slice(8) ? '' : ' (no corresponding date; last day of the month)';
      steps.unshift(`${plural(spec.months, 'month')} after ${formatShortDay(from)} (${fromLabel}): ${formatShortDay(due)}${noDate}.`);
      steps.push('Calendar months: not moved off weekends or holidays.');
      if (spec.note) steps.push(spec.note);
      return { clock: name, from, due, calendar: 'calendar-months', basis: spec.basis, steps, provisional: false };
    }
    case 'months': {
      // ICO method: the corresponding date in the later month, or that month's last day when
      // there is none (30 Jan -> 28 Feb; 31 Jan 2024 -> 29 Feb 2024); then the next working day.
      let end = addCalendarMonths(from, spec.months);
      const corresponding = end.slice(8) === from.slice(8);
      const noDate = corresponding ? '' : ' (no corresponding date; last day of the month)';
      steps.push(`${spec.monthsText} from ${formatShortDay(from)} (${fromLabel}): ${formatShortDay(end)}${noDate}.`);
      let basis = spec.basis;
      if (pause) {
        // UK GDPR Art 12A (DUAA 2025): the clock stops while the controller awaits
        // clarification, identity or a fee; both end days are treated as stopped days.
        const stopped = dayNumber(pause.to) - dayNumber(pause.from) + 1;
        if (stopped < 1) throw new RangeError(`Pause ends (${pause.to}) before it begins (${pause.from})`);
        end = addCalendarDays(end, stopped);
        basis = `${basis}, Art 12A`;
        steps.push(
          `Clock stopped ${formatShortDay(pause.from)} to ${formatShortDay(pause.to)} (UK GDPR Art 12A): ` +
            `${plural(stopped, 'day')} added, so ${formatShortDay(end)}.`,
        );
      }
      const due = rollForward(calendars.sar, end, 'ICO guidance', steps);
      const provisional = calendars.sar.isProvisional(due);
      if (provisional) steps.push(`Provisional: ${yearOf(due)} holidays are not yet published.`);
      return { clock: name, from, due, calendar: 'calendar-months', basis, steps, provisional };
    }
  }
}
