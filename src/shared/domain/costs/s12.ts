// Section 12 cost estimates: the lines an officer may count, the appropriate limit, the totals and
// the working that letters and bundles show (docs/law.md §4; FOISA in §1.5). Pure: minutes and
// pence are integers, and the same lines always give the same words.
import { z } from 'zod';
import type { Regime } from '../clocks/events';
import { COST_ACTIVITIES, type CostActivity, type CostLine, type CostTotals } from './types';

// reg 5 aggregation lives in its own file; callers import it from here with the rest of s12.
export { aggregationCandidates, AGGREGATION_WORKING_DAYS, sameRequester, workingDaySpan, type AggregationCandidate, type AggregationCase } from './aggregation';

/** A cost line the law or common sense will not accept; `field` names the part at fault. */
export class CostRuleError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'CostRuleError';
    this.field = field;
  }
}

// Beyond these a figure is a typing slip, not an estimate: split a genuine giant into several lines.
export const MAX_QUANTITY = 100_000;
export const MAX_MINUTES_EACH = 10_000;

export const COST_ACTIVITY_LABELS: Record<CostActivity, string> = {
  determining: 'Determining whether the information is held',
  locating: 'Locating',
  retrieving: 'Retrieving',
  extracting: 'Extracting',
  providing: 'Providing',
};

/** Which activities each regime counts; SAR has no cost limit at all. */
export const REGIME_ACTIVITIES: Record<Regime, readonly CostActivity[]> = {
  foia: ['determining', 'locating', 'retrieving', 'extracting'], // SI 2004/3244 reg 4(3)
  eir: ['determining', 'locating', 'retrieving', 'extracting'], // the same, as a guide to reg 12(4)(b)
  foisa: ['locating', 'retrieving', 'providing'], // SSI 2004/467 reg 3(1), 3(2)(a)
  eisr: ['locating', 'retrieving', 'providing'], // the FOISA figures, as a guide to EISR reg 10(4)(b)
  // DPA 2018 s24(1)-(3): only for manual unstructured personal data held by a public authority,
  // against the FOIA appropriate maximum; other personal data has no cost limit (Art 12(5)).
  sar: ['determining', 'locating', 'retrieving', 'extracting'],
};

/** The activities a regime counts, as the app offers them. */
export function activitiesFor(regime: Regime): readonly CostActivity[] {
  return REGIME_ACTIVITIES[regime];
}

/** Refuses an activity the case's regime does not count, with the law that says so. */
export function checkActivityForRegime(activity: CostActivity, regime: Regime): CostActivity {
  if (REGIME_ACTIVITIES[regime].includes(activity)) return activity;
  if ((regime === 'foisa' || regime === 'eisr') && activity === 'determining') {
    throw new CostRuleError(
      'activity',
      'Under FOISA the cost of determining whether the information is held cannot be counted (SSI 2004/467 reg 3(2)(a)(i)); ' +
        'count locating, retrieving and providing.',
    );
  }
  if (regime === 'foisa' || regime === 'eisr') {
    throw new CostRuleError('activity', `"${activity}" is not a FOISA cost: SSI 2004/467 reg 3 counts locating, retrieving and providing the information.`);
  }
  throw new CostRuleError(
    'activity',
    `"${activity}" is not a task an estimate may count under ${regime === 'eir' ? 'the EIR guide' : regime === 'sar' ? 'DPA 2018 s24' : 'FOIA'}: use one of ${REGIME_ACTIVITIES[regime].join(', ')} (SI 2004/3244 reg 4(3); providing the information is not among them).`,
  );
}

// The words officers type on the command line for the four reg 4(3) tasks.
const ACTIVITY_WORDS: Record<string, CostActivity> = {
  determining: 'determining', determine: 'determining', determination: 'determining',
  locating: 'locating', locate: 'locating', location: 'locating',
  retrieving: 'retrieving', retrieve: 'retrieving', retrieval: 'retrieving',
  extracting: 'extracting', extract: 'extracting', extraction: 'extracting',
  providing: 'providing', provide: 'providing', provision: 'providing',
};

const REDACTION =
  'Redaction cannot be counted: SI 2004/3244 reg 4(3) allows only determining, locating, retrieving and ' +
  'extracting, and removing exempt material is not extracting (Chief Constable of South Yorkshire Police v IC ' +
  '[2011] EWHC 44 (Admin); Jenkins v IC & DEFRA EA/2006/0067).';
const CONSIDERING =
  'Considering whether exemptions apply, or where the public interest lies, cannot be counted: the reg 4(3) ' +
  'tasks are administrative and non-judgemental (Chief Constable of South Yorkshire Police v IC EA/2009/0029).';
const READING =
  'Reading documents to decide what may be disclosed cannot be counted: it is part of considering exemptions, ' +
  'not one of the reg 4(3) tasks (Chief Constable of South Yorkshire Police v IC EA/2009/0029).';
const CONSULTING =
  'Consulting third parties about disclosure cannot be counted: it serves the decision whether to disclose, ' +
  'not one of the reg 4(3) tasks (SI 2004/3244 reg 4(3)(a)-(d)).';

/** Tasks an estimate may not count, with the reason and its source, for the CLI and the UI. */
export const NON_COUNTABLE: Readonly<Record<string, string>> = {
  redaction: REDACTION,
  redacting: REDACTION,
  considering: CONSIDERING,
  exemptions: CONSIDERING,
  'considering-exemptions': CONSIDERING,
  deciding: CONSIDERING,
  'public-interest': CONSIDERING,
  reading: READING,
  consulting: CONSULTING,
  'third-party': CONSULTING,
};

/**
 * The activity a word names. FOISA counts locating, retrieving and providing only: SSI 2004/467
 * reg 3(2)(a)(i) excludes determining whether the information is held.
 */
export function costActivity(word: string, regime?: Regime): CostActivity {
  const key = word.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const refused = NON_COUNTABLE[key];
  if (refused !== undefined) throw new CostRuleError('activity', `"${word.trim()}" is not a countable task. ${refused}`);
  const activity = ACTIVITY_WORDS[key];
  if (activity === undefined) {
    const scottish = regime === 'foisa' || regime === 'eisr';
    throw new CostRuleError(
      'activity',
      `"${word.trim()}" is not a task an estimate may count: use one of ${(regime ? REGIME_ACTIVITIES[regime] : COST_ACTIVITIES).join(', ')} (${scottish ? 'SSI 2004/467 reg 3' : 'SI 2004/3244 reg 4(3)'}).`,
    );
  }
  if (regime !== undefined) checkActivityForRegime(activity, regime);
  return activity;
}

// 100000 -> "100,000", without depending on the ICU data Node was built with.
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const WHAT: Record<'quantity' | 'minutesEach', string> = { quantity: 'The quantity', minutesEach: 'The minutes for each item' };

function checkAmount(field: 'quantity' | 'minutesEach', n: number, shown: string = String(n)): number {
  const what = WHAT[field];
  if (!Number.isFinite(n) || !Number.isInteger(n)) throw new CostRuleError(field, `${what} must be a whole number, not "${shown}".`);
  if (n < 0) throw new CostRuleError(field, `${what} cannot be negative ("${shown}").`);
  if (field === 'quantity' && n === 0) throw new CostRuleError(field, 'The quantity is 0: a cost line must count at least one item.');
  const max = field === 'quantity' ? MAX_QUANTITY : MAX_MINUTES_EACH;
  if (n > max) {
    throw new CostRuleError(field, `${what} (${shown}) is not credible for one line: the most is ${grouped(max)}. Check the figure or split the line.`);
  }
  return n;
}

function parseAmount(field: 'quantity' | 'minutesEach', text: string): number {
  const t = text.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) throw new CostRuleError(field, `${WHAT[field]} must be a whole number, not "${t}".`);
  return checkAmount(field, Number(t), t);
}

function checkSample(sample: { items: number; minutes: number }): void {
  if (!Number.isInteger(sample.items) || sample.items < 1 || sample.items > MAX_QUANTITY) {
    throw new CostRuleError('sample', `A sample must cover a whole number of items from 1 to ${grouped(MAX_QUANTITY)}.`);
  }
  if (!Number.isInteger(sample.minutes) || sample.minutes < 0 || sample.minutes > sample.items * MAX_MINUTES_EACH) {
    throw new CostRuleError('sample', 'A sample must record the whole minutes it took, no more than 10,000 minutes an item.');
  }
}

/** Reads the CLI form ACTIVITY:QUANTITY:MINUTES[:description], e.g. "locating:40:30:files". */
export function parseCostLineSpec(spec: string, regime?: Regime): CostLine {
  const parts = spec.split(':');
  const [activity, quantity, minutes] = parts;
  if (activity === undefined || quantity === undefined || minutes === undefined || activity.trim() === '') {
    throw new CostRuleError('spec', `Write a cost line as ACTIVITY:QUANTITY:MINUTES, e.g. locating:40:30 (not "${spec}").`);
  }
  return {
    activity: costActivity(activity, regime),
    description: parts.slice(3).join(':').trim(),
    quantity: parseAmount('quantity', quantity),
    minutesEach: parseAmount('minutesEach', minutes),
    sample: null,
  };
}

/** Checks one line against the rules above; throws CostRuleError. */
function checkLine(line: Omit<CostLine, 'activity'> & { activity: string }, regime?: Regime): CostLine {
  const checked: CostLine = {
    activity: costActivity(line.activity, regime),
    description: line.description.trim(),
    quantity: checkAmount('quantity', line.quantity),
    minutesEach: checkAmount('minutesEach', line.minutesEach),
    sample: line.sample ?? null,
  };
  if (checked.sample) checkSample(checked.sample);
  return checked;
}

/** The shape of a cost line as it crosses into the core; the rules give the messages. */
export const costLineSchema = z
  .object({
    activity: z.string(),
    description: z.string().max(500).default(''),
    quantity: z.number(),
    minutesEach: z.number(),
    sample: z.object({ items: z.number(), minutes: z.number(), note: z.string().max(500).optional() }).nullable().optional(),
  })
  .transform((line, ctx) => {
    try {
      return checkLine(line);
    } catch (err) {
      if (!(err instanceof CostRuleError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, path: [err.field] });
      return z.NEVER;
    }
  });

/** Validates an untrusted cost line (from IPC or a file); throws CostRuleError with the field at fault. */
export function validateCostLine(line: unknown, regime?: Regime): CostLine {
  const parsed = costLineSchema.safeParse(line);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'line';
    throw new CostRuleError(field, issue?.code === 'custom' ? issue.message : `${field}: ${issue?.message ?? 'not a cost line'}`);
  }
  return regime === undefined ? parsed.data : checkLine(parsed.data, regime);
}

export interface AppropriateLimit {
  limitPence: number;
  ratePencePerHour: number;
  /** The limit in hours of staff time at the rate: 24, 18, or 40 under FOISA. */
  limitHours: number;
  basis: string;
  /** EIR: no cost limit exists; the Fees Regulations figures are only a guide to reg 12(4)(b). */
  guideOnly: boolean;
}

export type LimitFigures = Pick<AppropriateLimit, 'limitPence' | 'ratePencePerHour' | 'limitHours'>;

function limit(limitPence: number, ratePencePerHour: number, basis: string, guideOnly = false): AppropriateLimit {
  return { limitPence, ratePencePerHour, limitHours: limitPence / ratePencePerHour, basis, guideOnly };
}

/** The appropriate limit and the staff rate for a regime and an authority. */
export function appropriateLimit(regime: Regime, centralGovernment: boolean): AppropriateLimit {
  // SI 2004/3244 reg 3(2)-(3): £600 for FOIA Schedule 1 Part I bodies, £450 for the rest; reg 4(4): £25 an hour.
  const pence = centralGovernment ? 60_000 : 45_000;
  const part = centralGovernment ? 'reg 3(2) (Schedule 1 Part I)' : 'reg 3(3)';
  switch (regime) {
    case 'foia':
      return limit(pence, 2_500, `FOIA s12(1); SI 2004/3244 ${part}, reg 4(4)`);
    case 'eir':
      // EIR: no cost limit. Cost is weighed under reg 12(4)(b) (manifestly unreasonable), with the
      // public interest test; the Fees Regulations hours are a guide only (docs/law.md §4).
      return limit(pence, 2_500, `EIR reg 12(4)(b), with SI 2004/3244 ${part}, reg 4(4) as a guide`, true);
    case 'foisa':
      // SSI 2004/467 reg 5: £600 prescribed amount; reg 3(2)(b): staff time at most £15 an hour per person.
      return limit(60_000, 1_500, 'FOISA s12(1); SSI 2004/467 reg 3(2)(b), reg 5');
    case 'eisr':
      // EISR: no cost limit. Cost is weighed under reg 10(4)(b) (manifestly unreasonable) with the
      // public interest test; the FOISA figures are a guide only.
      return limit(60_000, 1_500, 'EISR reg 10(4)(b), with SSI 2004/467 reg 3, reg 5 as a guide', true);
    case 'sar':
      // DPA 2018 s24(1)-(3): for manual unstructured personal data held by a public authority only,
      // the FOIA appropriate maximum applies; other subject access has no cost limit (Art 12(5)).
      return limit(pence, 2_500, `DPA 2018 s24 (manual unstructured personal data only); SI 2004/3244 ${part}, reg 4(4)`);
  }
}

export function lineMinutes(line: Pick<CostLine, 'quantity' | 'minutesEach'>): number {
  return line.quantity * line.minutesEach;
}

function totalsFor(totalMinutes: number, l: LimitFigures): CostTotals {
  const exact = totalMinutes * l.ratePencePerHour; // pence × 60
  return {
    totalMinutes,
    // round(minutes × rate / 60), halves up, in integers: 1600 min at £25 = 66,666.67p -> 66,667p.
    costPence: Math.floor((exact * 2 + 60) / 120),
    limitPence: l.limitPence,
    // s12(1) "would exceed": equal is not over (18 h at £25 is exactly £450). Compared unrounded.
    exceeds: exact > l.limitPence * 60,
    ratePencePerHour: l.ratePencePerHour,
    limitHours: l.limitHours,
  };
}

export function costTotals(lines: readonly CostLine[], l: LimitFigures): CostTotals {
  return totalsFor(lines.reduce((sum, line) => sum + lineMinutes(line), 0), l);
}

/** reg 5(1): each aggregated request's cost is the total for all of them. */
export function aggregateTotals(own: readonly CostLine[], others: readonly { totalMinutes: number }[], l: LimitFigures): CostTotals {
  return totalsFor(others.reduce((sum, o) => sum + o.totalMinutes, costTotals(own, l).totalMinutes), l);
}

/** "18 h", "26 h 40 min", "45 min". */
export function formatMinutes(m: number): string {
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${grouped(h)} h` : `${grouped(h)} h ${rest} min`;
}

/** "£450.00", "£666.67", "£1,250.00". */
export function formatPence(p: number): string {
  const sign = p < 0 ? '-' : '';
  const abs = Math.abs(Math.round(p));
  return `${sign}£${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

// "£450", "£25", but "£12.50" when there are pence.
function formatPounds(p: number): string {
  return p % 100 === 0 ? `£${grouped(p / 100)}` : formatPence(p);
}

/**
 * The working as sentences, for letters and bundles: one per line, one per sample (the ICO asks for
 * the breakdown and the evidence behind it), and the total against the limit. `description` names
 * what each item is ("files"); without one the items are just "items".
 */
export function costWorking(lines: readonly CostLine[], totals: CostTotals, opts: { guideOnly?: boolean; regime?: Regime } = {}): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const what = line.description.trim() || 'items';
    out.push(`${COST_ACTIVITY_LABELS[line.activity]}: ${grouped(line.quantity)} ${what} × ${formatMinutes(line.minutesEach)} = ${formatMinutes(lineMinutes(line))}`);
    const s = line.sample;
    if (s) {
      const each = s.minutes / s.items;
      const eachText = Number.isInteger(each) ? formatMinutes(each) : `about ${formatMinutes(Math.round(each))}`;
      const note = s.note?.trim() ? `; ${s.note.trim()}` : '';
      out.push(`Sample: ${grouped(s.items)} ${what} took ${formatMinutes(s.minutes)} (${eachText} each)${note}`);
    }
  }
  const verdict = totals.exceeds ? 'exceeds' : 'does not exceed';
  const against = opts.guideOnly
    ? `the ${formatPounds(totals.limitPence)} figure used as a guide (${opts.regime === 'eisr' ? 'the EISR have no cost limit: reg 10(4)(b)' : 'the EIR have no cost limit: reg 12(4)(b)'})`
    : `the ${formatPounds(totals.limitPence)} limit`;
  out.push(
    `Total ${formatMinutes(totals.totalMinutes)} × ${formatPounds(totals.ratePencePerHour)} an hour = ${formatPence(totals.costPence)}, which ${verdict} ${against}.`,
  );
  return out;
}
