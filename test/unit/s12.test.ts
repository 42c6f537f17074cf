// Section 12 cost estimates (docs/law.md §4): what may be counted, the limit, the totals and the
// working shown to requesters, and reg 5 aggregation on the real all-UK calendar.
import { ruleError } from '../helpers/costs';
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { addWorkingDays } from '../../src/shared/domain/calendar/calendar';
import type { CostLine } from '../../src/shared/domain/costs/types';
import {
  aggregateTotals,
  aggregationCandidates,
  appropriateLimit,
  costTotals,
  costWorking,
  formatMinutes,
  formatPence,
  lineMinutes,
  NON_COUNTABLE,
  parseCostLineSpec,
  validateCostLine,
  workingDaySpan,
  type AggregationCase,
} from '../../src/shared/domain/costs/s12';

const line = (activity: CostLine['activity'], quantity: number, minutesEach: number, description = 'files'): CostLine => ({
  activity, quantity, minutesEach, description, sample: null,
});
const local = appropriateLimit('foia', false);
const central = appropriateLimit('foia', true);

describe('the appropriate limit (SI 2004/3244 reg 3, 4(4); SSI 2004/467 reg 3, 5)', () => {
  it('is £450 at £25 an hour, 18 hours, for an authority outside Schedule 1 Part I (reg 3(3))', () => {
    expect(local).toMatchObject({ limitPence: 45_000, ratePencePerHour: 2_500, limitHours: 18, guideOnly: false });
    expect(local.basis).toContain('reg 3(3)');
  });

  it('is £600, 24 hours, for central government (reg 3(2), Schedule 1 Part I)', () => {
    expect(central).toMatchObject({ limitPence: 60_000, ratePencePerHour: 2_500, limitHours: 24 });
    expect(costTotals([line('locating', 24, 60)], central)).toMatchObject({ totalMinutes: 1440, costPence: 60_000, exceeds: false });
    expect(costTotals([line('locating', 1441, 1)], central).exceeds).toBe(true);
  });

  it('is £600 under FOISA with staff time at £15 an hour, 40 hours, whatever the authority (SSI 2004/467 reg 3(2)(b), 5)', () => {
    for (const cg of [true, false]) {
      expect(appropriateLimit('foisa', cg)).toMatchObject({ limitPence: 60_000, ratePencePerHour: 1_500, limitHours: 40, guideOnly: false });
    }
    const t = costTotals([line('retrieving', 40, 60)], appropriateLimit('foisa', false));
    expect(t).toMatchObject({ totalMinutes: 2400, costPence: 60_000, exceeds: false });
  });

  it('gives the EIR the Fees Regulations figures as a guide only: there is no cost limit (reg 12(4)(b))', () => {
    const eir = appropriateLimit('eir', false);
    expect(eir).toMatchObject({ limitPence: 45_000, ratePencePerHour: 2_500, guideOnly: true });
    expect(eir.basis).toContain('12(4)(b)');
  });

  it('applies the same figures to manual unstructured personal data (DPA 2018 s24)', () => {
    expect(appropriateLimit('sar', true)).toMatchObject({ limitPence: 60_000, ratePencePerHour: 2_500 });
  });
});

describe('totals (s12(1): "would exceed")', () => {
  it('Kent 2012: 18 h = 1080 min = £450.00 is NOT over the £450 limit', () => {
    const t = costTotals([line('locating', 18, 60)], local);
    expect(t).toEqual({ totalMinutes: 1080, costPence: 45_000, limitPence: 45_000, exceeds: false, ratePencePerHour: 2_500, limitHours: 18 });
    expect(formatPence(t.costPence)).toBe('£450.00');
  });

  it('Kent 2012: 18 h 1 min is over (1081 min = £450.42)', () => {
    const t = costTotals([line('locating', 18, 60), line('extracting', 1, 1)], local);
    expect(t).toMatchObject({ totalMinutes: 1081, costPence: 45_042, exceeds: true });
  });

  it('§4 worked example: 40 × 30 min + 40 × 10 min = 1600 min = 26 h 40 min = £666.67 > £450', () => {
    const lines = [line('locating', 40, 30), line('extracting', 40, 10)];
    const t = costTotals(lines, local);
    expect(lines.map(lineMinutes)).toEqual([1200, 400]);
    expect(t).toMatchObject({ totalMinutes: 1600, costPence: 66_667, exceeds: true });
    expect(formatMinutes(t.totalMinutes)).toBe('26 h 40 min');
    expect(formatPence(t.costPence)).toBe('£666.67');
  });

  it('rounds half a penny up: 1 min at £15 an hour is exactly 25p, 1 min at £25 is 41.67p -> 42p', () => {
    expect(costTotals([line('locating', 1, 1)], appropriateLimit('foisa', false)).costPence).toBe(25);
    expect(costTotals([line('locating', 1, 1)], local).costPence).toBe(42);
    expect(costTotals([line('locating', 3, 1)], { limitPence: 45_000, ratePencePerHour: 2_010, limitHours: 0 }).costPence).toBe(101); // 100.5 -> 101
  });

  it('formats durations and money as letters show them', () => {
    expect([formatMinutes(1080), formatMinutes(1600), formatMinutes(45), formatMinutes(0)]).toEqual(['18 h', '26 h 40 min', '45 min', '0 min']);
    expect([formatPence(45_000), formatPence(66_667), formatPence(125_000), formatPence(5)]).toEqual(['£450.00', '£666.67', '£1,250.00', '£0.05']);
  });
});

describe('the working for letters and bundles (ICO: keep each task line)', () => {
  it('§4 worked example, line by line, with the total against the £450 limit', () => {
    const lines = [line('locating', 40, 30), line('extracting', 40, 10)];
    expect(costWorking(lines, costTotals(lines, local))).toEqual([
      'Locating: 40 files × 30 min = 20 h',
      'Extracting: 40 files × 10 min = 6 h 40 min',
      'Total 26 h 40 min × £25 an hour = £666.67, which exceeds the £450 limit.',
    ]);
  });

  it('shows the sampling evidence behind a line, and a total that does not exceed', () => {
    const lines: CostLine[] = [{ ...line('retrieving', 20, 30), sample: { items: 5, minutes: 150, note: 'boxes 1-5 from the off-site store' } }];
    expect(costWorking(lines, costTotals(lines, local))).toEqual([
      'Retrieving: 20 files × 30 min = 10 h',
      'Sample: 5 files took 2 h 30 min (30 min each); boxes 1-5 from the off-site store',
      'Total 10 h × £25 an hour = £250.00, which does not exceed the £450 limit.',
    ]);
  });

  it('calls the EIR figure a guide, not a limit (reg 12(4)(b))', () => {
    const lines = [line('locating', 19, 60)];
    const eir = appropriateLimit('eir', false);
    expect(costWorking(lines, costTotals(lines, eir), { guideOnly: eir.guideOnly }).at(-1)).toBe(
      'Total 19 h × £25 an hour = £475.00, which exceeds the £450 figure used as a guide (the EIR have no cost limit: reg 12(4)(b)).',
    );
  });
});

describe('reading a cost line ACTIVITY:QUANTITY:MINUTES (reg 4(3)(a)-(d))', () => {
  it('reads the four countable tasks, with an optional description', () => {
    expect(parseCostLineSpec('locating:40:30')).toEqual({ activity: 'locating', description: '', quantity: 40, minutesEach: 30, sample: null });
    expect(parseCostLineSpec(' Extract : 40 : 10 : case files: 2019 ')).toMatchObject({ activity: 'extracting', description: 'case files: 2019', quantity: 40, minutesEach: 10 });
    expect(parseCostLineSpec('determining:1:15').activity).toBe('determining');
    expect(parseCostLineSpec('retrieval:2:5').activity).toBe('retrieving');
  });

  it('refuses redaction, naming South Yorkshire Police [2011] EWHC 44 (Admin) and Jenkins EA/2006/0067', () => {
    for (const word of ['redaction', 'redacting', 'Redaction']) {
      const err = ruleError(() => parseCostLineSpec(`${word}:10:5`));
      expect(err.field).toBe('activity');
      expect(err.message).toContain('Chief Constable of South Yorkshire Police v IC [2011] EWHC 44 (Admin)');
      expect(err.message).toContain('Jenkins v IC & DEFRA EA/2006/0067');
    }
  });

  it('refuses considering exemptions and the public interest: the tasks are administrative and non-judgemental (EA/2009/0029)', () => {
    for (const word of ['considering', 'exemptions', 'considering-exemptions', 'considering exemptions', 'deciding', 'public-interest', 'reading']) {
      const err = ruleError(() => parseCostLineSpec(`${word}:10:5`));
      expect(err.message).toContain('EA/2009/0029');
    }
    expect(ruleError(() => parseCostLineSpec('considering:1:1')).message).toContain('administrative and non-judgemental');
  });

  it('refuses consulting third parties, and ships every refusal as data for the UI', () => {
    expect(ruleError(() => parseCostLineSpec('third-party:3:60')).message).toContain('Consulting third parties');
    expect(Object.keys(NON_COUNTABLE).sort()).toEqual(
      ['considering', 'considering-exemptions', 'consulting', 'deciding', 'exemptions', 'public-interest', 'reading', 'redacting', 'redaction', 'third-party'],
    );
  });

  it('refuses determining whether held under FOISA (SSI 2004/467 reg 3(2)(a)(i))', () => {
    expect(ruleError(() => parseCostLineSpec('determining:1:30', 'foisa')).message).toContain('reg 3(2)(a)(i)');
    expect(parseCostLineSpec('locating:1:30', 'foisa').activity).toBe('locating');
  });

  it('explains an unknown activity, a bad shape and bad numbers in a sentence', () => {
    expect(ruleError(() => parseCostLineSpec('photocopying:10:5')).message).toMatch(/not a task an estimate may count: use one of determining, locating, retrieving, extracting/);
    expect(ruleError(() => parseCostLineSpec('locating:40')).field).toBe('spec');
    expect(ruleError(() => parseCostLineSpec('locating:2.5:30'))).toMatchObject({ field: 'quantity', message: 'The quantity must be a whole number, not "2.5".' });
    expect(ruleError(() => parseCostLineSpec('locating:ten:30')).field).toBe('quantity');
    expect(ruleError(() => parseCostLineSpec('locating:4:-3'))).toMatchObject({ field: 'minutesEach', message: 'The minutes for each item cannot be negative ("-3").' });
    expect(ruleError(() => parseCostLineSpec('locating:0:30')).message).toBe('The quantity is 0: a cost line must count at least one item.');
    expect(ruleError(() => parseCostLineSpec('locating:100001:1')).message).toMatch(/not credible .* the most is 100,000/);
    expect(ruleError(() => parseCostLineSpec('locating:1:10001')).message).toMatch(/the most is 10,000/);
    expect(parseCostLineSpec('locating:100000:10000').quantity).toBe(100_000);
  });
});

describe('validateCostLine (zod, at the core boundary)', () => {
  it('accepts a line with a sample and defaults the description', () => {
    expect(validateCostLine({ activity: 'locating', quantity: 4, minutesEach: 30, sample: { items: 2, minutes: 60 } })).toEqual({
      activity: 'locating', description: '', quantity: 4, minutesEach: 30, sample: { items: 2, minutes: 60 },
    });
  });

  it('refuses redaction, fractions, wrong types and a bad sample with the field at fault', () => {
    expect(ruleError(() => validateCostLine({ activity: 'redaction', quantity: 1, minutesEach: 1 })).field).toBe('activity');
    expect(ruleError(() => validateCostLine({ activity: 'locating', quantity: 1.5, minutesEach: 1 })).field).toBe('quantity');
    expect(ruleError(() => validateCostLine({ activity: 'locating', quantity: '4', minutesEach: 1 })).field).toBe('quantity');
    expect(ruleError(() => validateCostLine({ activity: 'locating', quantity: 1, minutesEach: 1, sample: { items: 0, minutes: 5 } })).field).toBe('sample');
    expect(ruleError(() => validateCostLine(null)).field).toBe('line');
    expect(ruleError(() => validateCostLine({ activity: 'determining', quantity: 1, minutesEach: 1 }, 'foisa')).field).toBe('activity');
  });
});

describe('aggregation (SI 2004/3244 reg 5): same requester, 60 consecutive working days, all-UK', () => {
  const cal = calendars.allUk;
  const base: AggregationCase = { reference: 'FOI/2012/0385', requesterName: 'Sandy Joyce', requesterEmail: 'sandy@example.org', received: '2012-03-12', summary: 'Social workers and Facebook' };
  const other = (reference: string, received: string, who: Partial<AggregationCase> = {}): AggregationCase => ({ ...base, reference, received, summary: 'Facebook hours', ...who });

  it('counts the span with both ends: working days 1 and 60 of a run qualify, 1 and 61 do not (reg 5(2)(b))', () => {
    // Mon 12 Mar 2012 is a working day. The all-UK calendar skips 19 Mar (NI), Good Friday, Easter
    // Monday, 7 May, and the moved Spring holiday and the Diamond Jubilee on 4-5 Jun 2012.
    const day60 = addWorkingDays(cal, '2012-03-12', 59).due; // the 60th working day counting 12 Mar as the 1st
    const day61 = addWorkingDays(cal, '2012-03-12', 60).due;
    expect([day60, day61]).toEqual(['2012-06-11', '2012-06-12']);
    expect(workingDaySpan(cal, '2012-03-12', day60)).toBe(60);
    const found = aggregationCandidates(base, [other('A', day60), other('B', day61)], cal);
    expect(found.map((c) => c.reference)).toEqual(['A']);
    expect(found[0]?.reason).toContain('the two span 60 working days');
  });

  it('looks backwards as well as forwards', () => {
    const current = { ...base, received: '2012-06-11' };
    expect(aggregationCandidates(current, [other('A', '2012-03-12'), other('B', '2012-03-09')], cal).map((c) => c.reference)).toEqual(['A']);
  });

  it('lets a request that arrived at the weekend join the period from its next working day', () => {
    // Sat 10 Mar 2012: the run starts Mon 12 Mar, so 60 working days after the Saturday still fit.
    const current = { ...base, received: '2012-03-10' };
    const last = addWorkingDays(cal, '2012-03-10', 60).due;
    const beyond = addWorkingDays(cal, '2012-03-10', 61).due;
    expect(aggregationCandidates(current, [other('A', last), other('B', beyond)], cal).map((c) => c.reference)).toEqual(['A']);
  });

  it('matches the email ignoring case and spaces, or else the name after NFKC and case folding', () => {
    const found = aggregationCandidates(
      base,
      [
        other('E', '2012-03-20', { requesterEmail: '  SANDY@Example.org ', requesterName: 'S. J.' }),
        other('N', '2012-03-21', { requesterEmail: 'other@example.org', requesterName: '  ＳＡＮＤＹ   joyce ' }),
        other('X', '2012-03-22', { requesterEmail: 'x@example.org', requesterName: 'Someone Else' }),
      ],
      cal,
    );
    expect(found.map((c) => c.reference)).toEqual(['E', 'N']);
    expect(found[0]?.reason).toMatch(/^Same requester: the same email address \(sandy@example\.org\)\. Received Tue 20 Mar 2012, 5 working days after this request;/);
    expect(found[1]?.reason).toContain('the same name');
    expect(found[0]?.reason).toContain('same or similar information (reg 5(2)(a))');
  });

  it('folds ß like ss, and never matches on empty details', () => {
    const straße = { ...base, requesterEmail: '', requesterName: 'Anna Straße' };
    expect(aggregationCandidates(straße, [other('S', '2012-03-13', { requesterEmail: '', requesterName: 'ANNA STRASSE' })], cal)).toHaveLength(1);
    const anon = { ...base, requesterEmail: '', requesterName: '' };
    expect(aggregationCandidates(anon, [other('Z', '2012-03-13', { requesterEmail: '', requesterName: '' })], cal)).toEqual([]);
  });

  it('skips the case itself, other regimes, and non-FOIA cases (EIR: no cost limit; FOISA: SSI 2004/467 reg 6)', () => {
    expect(aggregationCandidates(base, [other(base.reference, '2012-03-13')], cal)).toEqual([]);
    expect(aggregationCandidates({ ...base, regime: 'foia' }, [other('E', '2012-03-13', { regime: 'eir' })], cal)).toEqual([]);
    expect(aggregationCandidates({ ...base, regime: 'foisa' }, [other('F', '2012-03-13', { regime: 'foisa' })], cal)).toEqual([]);
  });

  it('adds the other requests to this one for the aggregate total (reg 5(1))', () => {
    const t = aggregateTotals([line('locating', 10, 60)], [{ totalMinutes: 300 }, { totalMinutes: 181 }], local);
    expect(t).toMatchObject({ totalMinutes: 1081, exceeds: true });
  });
});
