// The refusal notice completeness check (FOIA s17; EIR reg 14; FOISA s16; docs/law.md §6.1):
// one test per problem, each naming the provision it enforces.
import { describe, expect, it } from 'vitest';
import { refusalProblems, type RefusalInput } from '../../src/shared/domain/exemptions/s17';
import { parseProvision } from '../../src/shared/domain/exemptions/catalogue';
import { appropriateLimit, costTotals } from '../../src/shared/domain/costs/s12';
import type { AppliedExemption } from '../../src/shared/domain/exemptions/types';
import type { CostLine } from '../../src/shared/domain/costs/types';

const applied = (citation: string, extra: Partial<AppliedExemption> = {}): AppliedExemption => ({
  ref: parseProvision(citation),
  ncnd: false,
  item: '',
  engagement: 'Disclosure would be likely to prejudice the contractor’s negotiating position in the retender.',
  publicInterestFor: 'Transparency in the spending of public money.',
  publicInterestAgainst: 'A fair retender that gets value for money.',
  balance: 'The retender is live; the balance favours maintaining the exemption until it closes.',
  decidedBy: 'A. Officer',
  decidedOn: '2024-05-01',
  qualifiedPerson: null,
  reasoning: {},
  ...extra,
});

const input = (extra: Partial<RefusalInput>): RefusalInput => ({
  regime: 'foia', kind: 'refusal', exemptions: [], cost: null, s16Advice: '', pitEstimate: null, ...extra,
});

const check = (extra: Partial<RefusalInput>) => refusalProblems(input(extra));
const lines = (minutes: number): CostLine[] => [{ activity: 'locating', description: 'files', quantity: 1, minutesEach: minutes, sample: null }];
const cost = (minutes: number) => ({ totals: costTotals(lines(minutes), appropriateLimit('foia', false)) });

describe('a complete refusal passes', () => {
  it('FOIA s43(2) with engagement, both sides of the public interest and the balance', () => {
    expect(check({ exemptions: [applied('FOIA s43(2)')] })).toEqual({ problems: [], warnings: [] });
  });

  it('an absolute exemption needs no public interest reasons (s2(3)): FOIA s21(1)', () => {
    expect(check({ exemptions: [applied('FOIA s21(1)', { publicInterestFor: '', publicInterestAgainst: '', balance: '' })] }).problems).toEqual([]);
  });

  it('EIR reg 12(4)(a) needs no public interest reasons: nothing held to weigh', () => {
    const r = check({ regime: 'eir', exemptions: [applied('EIR reg 12(4)(a)', { publicInterestFor: '', publicInterestAgainst: '', balance: '' })] });
    expect(r.problems).toEqual([]);
  });
});

describe('specifying the exemption (s17(1)(a)-(b); EIR reg 14(3)(a); FOISA s16(1)(c))', () => {
  it('a refusal with no exemption', () => {
    expect(check({}).problems).toEqual(['The notice cites no exemption: FOIA s17(1)(b) requires it to specify the exemption relied on.']);
    expect(check({ regime: 'eir' }).problems).toEqual(['The notice cites no exception: EIR reg 14(3)(a) requires it to specify the exception relied on.']);
    expect(check({ regime: 'foisa' }).problems[0]).toContain('FOISA s16(1)(c)');
  });

  it('an exemption cited without its subsection', () => {
    expect(check({ exemptions: [applied('FOIA s43')] }).problems).toEqual([
      'FOIA s43 is cited without its subsection: s17(1)(b) requires the exemption to be specified (e.g. s43(1) or s43(2)).',
    ]);
    expect(check({ regime: 'eir', exemptions: [applied('EIR reg 12')] }).problems[0]).toMatch(
      /^EIR reg 12 is cited without its paragraph: reg 14\(3\)\(a\) requires the exception to be specified \(e\.g\. reg 12\(4\)\(a\)\)\.$/,
    );
  });

  it('a citation that stops short of a limb: s31(1)', () => {
    expect(check({ exemptions: [applied('FOIA s31(1)')] }).problems).toEqual([
      'FOIA s31(1) does not say which limb applies: s17(1)(b) requires the exemption to be specified (e.g. s31(1)(a)).',
    ]);
  });

  it('an exemption that is not in the catalogue, or a subsection that does not exist', () => {
    expect(check({ exemptions: [applied('FOIA s25(1)')] }).problems).toEqual([
      'FOIA s25(1) is not in the catalogue of FOIA exemptions: check the citation (s17(1)(b)).',
    ]);
    expect(check({ exemptions: [applied('FOIA s43(4)')] }).problems[0]).toMatch(/^FOIA s43\(4\) names a subsection that is not in the catalogue/);
  });

  it('a s31(2) purpose cited alone, and a s31(1)(g) that does not name its purpose', () => {
    expect(check({ exemptions: [applied('FOIA s31(2)(a)')] }).problems).toEqual([
      'FOIA s31(2)(a) is a purpose, not an exemption: cite the limb it serves with it (e.g. s31(1)(g) by virtue of s31(2)(a)) (s17(1)(b)).',
    ]);
    expect(check({ exemptions: [applied('FOIA s31(1)(g)')] }).warnings).toEqual([
      'FOIA s31(1)(g) works only through a purpose in s31(2): name it in the reasons (e.g. "by virtue of s31(2)(a)").',
    ]);
    expect(check({ exemptions: [applied('FOIA s31(1)(g)', { engagement: 'Engaged by virtue of s.31 (2)(c): regulatory action.' })] })).toEqual({ problems: [], warnings: [] });
  });
});

describe('the wrong law for the regime', () => {
  it('an EIR refusal citing a FOIA section (FOIA s39)', () => {
    expect(check({ regime: 'eir', exemptions: [applied('FOIA s43(2)')] }).problems).toEqual([
      'FOIA s43(2) is not an EIR exception, but this is an EIR request: environmental information is refused under the exceptions in EIR reg 12 and 13 (FOIA s39 sends it there).',
    ]);
  });

  it('a FOIA refusal citing an EIR regulation', () => {
    expect(check({ exemptions: [applied('EIR reg 12(5)(e)')] }).problems[0]).toMatch(/^EIR reg 12\(5\)\(e\) is an EIR exception, but this is a FOIA request/);
  });

  it('a FOISA refusal citing FOIA', () => {
    expect(check({ regime: 'foisa', exemptions: [applied('FOIA s43(2)')] }).problems).toEqual([
      'FOIA s43(2) is a FOIA exemption, but this is a FOISA request: cite the FOISA equivalent.',
    ]);
  });
});

describe('reasons (s17(1)(c)) and the public interest (s17(3), s17(4))', () => {
  it('no engagement reasons', () => {
    expect(check({ exemptions: [applied('FOIA s43(2)', { engagement: '  ' })] }).problems).toEqual([
      'No reasons are recorded for why FOIA s43(2) applies: s17(1)(c) requires the notice to state why the exemption applies.',
    ]);
  });

  it('a qualified exemption without factors for, factors against, or the balance (s17(3))', () => {
    const r = check({ exemptions: [applied('FOIA s43(2)', { publicInterestFor: '', publicInterestAgainst: '', balance: '' })] });
    expect(r.problems).toEqual([
      'No public interest factors in favour of disclosure are recorded for FOIA s43(2): s17(3) requires the reasons why the public interest in maintaining the exemption outweighs that in disclosure.',
      'No public interest factors in favour of maintaining FOIA s43(2) are recorded: s17(3) requires the reasons why the public interest in maintaining the exemption outweighs that in disclosure.',
      'No public interest balance (the weighing and the conclusion) is recorded for FOIA s43(2): s17(3) requires the reasons why the public interest in maintaining the exemption outweighs that in disclosure.',
    ]);
  });

  it('NCND may leave out factors that would disclose exempt information (s17(4)) but still needs the balance', () => {
    const noFactors = { ncnd: true, publicInterestFor: '', publicInterestAgainst: '' };
    expect(check({ exemptions: [applied('FOIA s31(1)(a)', noFactors)] }).problems).toEqual([]);
    expect(check({ exemptions: [applied('FOIA s31(1)(a)', { ...noFactors, balance: '' })] }).problems).toEqual([
      'No public interest balance is recorded for neither confirming nor denying under FOIA s31(1)(a): the letter may leave out reasons that would themselves disclose exempt information (s17(4)), but the balance must still be struck and recorded.',
    ]);
  });

  it('NCND where no provision allows it: FOIA s21, s43(1), EIR reg 12(5)(e)', () => {
    expect(check({ exemptions: [applied('FOIA s43(1)', { ncnd: true })] }).problems).toEqual([
      'FOIA s43(1) is applied as neither confirm nor deny, but no provision removes the duty to confirm or deny for it.',
    ]);
    expect(check({ regime: 'eir', exemptions: [applied('EIR reg 12(5)(e)', { ncnd: true })] }).problems[0]).toContain(
      'under the EIR only reg 12(5)(a) (reg 12(6)) and reg 13 (reg 13(5A)) allow it',
    );
    expect(check({ regime: 'eir', exemptions: [applied('EIR reg 12(5)(a)', { ncnd: true })] }).problems).toEqual([]);
  });

  it('FOISA reasons and public interest sit in s16(1)(d) and s16(2)', () => {
    const r = check({ regime: 'foisa', exemptions: [applied('FOISA s33(1)(b)', { engagement: '', balance: '' })] });
    expect(r.problems).toEqual([
      'No reasons are recorded for why FOISA s33(1)(b) applies: s16(1)(d) requires the notice to state why the exemption applies.',
      'No public interest balance (the weighing and the conclusion) is recorded for FOISA s33(1)(b): s16(2) requires the reasons why the public interest in maintaining the exemption outweighs that in disclosure.',
    ]);
  });
});

describe('FOIA s36: the qualified person (s36(5))', () => {
  const qp = { name: 'Jo Bloggs, Monitoring Officer', opinionDate: '2024-04-29', materialPutToThem: 'Submission of 25 Apr 2024 with the withheld minutes and arguments for and against.' };

  it('passes with the name, the date of the opinion and what was put to them', () => {
    expect(check({ exemptions: [applied('FOIA s36(2)(b)(ii)', { qualifiedPerson: qp })] }).problems).toEqual([]);
  });

  it('flags a missing opinion', () => {
    expect(check({ exemptions: [applied('FOIA s36(2)(b)(ii)')] }).problems).toEqual([
      "FOIA s36(2)(b)(ii) is cited without the qualified person's opinion: s36(2) is engaged only in the reasonable opinion of a qualified person (s36(5)); record who gave it, the date of the opinion and what was put to them.",
    ]);
  });

  it('flags each missing part of the opinion', () => {
    const r = check({ exemptions: [applied('FOIA s36(2)(c)', { qualifiedPerson: { name: ' ', opinionDate: '2024-02-30', materialPutToThem: '' } })] });
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toContain("the qualified person's name is not recorded");
    expect(r.problems[1]).toContain('the date of the qualified person\'s opinion is not recorded as a real date');
    expect(r.problems[2]).toContain('what was put to the qualified person');
  });

  it('does not ask for a qualified person under FOISA s30', () => {
    expect(check({ regime: 'foisa', exemptions: [applied('FOISA s30(b)(ii)')] }).problems).toEqual([]);
  });
});

describe('cost refusals (s12(1), s17(5), s16)', () => {
  it('passes with an estimate over the limit and s16 advice', () => {
    expect(check({ kind: 's12-refusal', cost: cost(1081), s16Advice: 'Narrow the request to one year.' }).problems).toEqual([]);
  });

  it('flags a missing estimate and missing advice', () => {
    expect(check({ kind: 's12-refusal' }).problems).toEqual([
      'No cost estimate is recorded: a refusal under FOIA s12(1) needs an estimate that complying would exceed the appropriate limit, and the notice states that fact (FOIA s17(5)).',
      'No advice and assistance is recorded: a cost refusal should say what could be provided within the limit, or how to narrow the request (FOIA s16).',
    ]);
  });

  it('flags an estimate that does not exceed the limit: Kent, exactly 18 h', () => {
    expect(check({ kind: 's12-refusal', cost: cost(1080), s16Advice: 'Narrow it.' }).problems).toEqual([
      'The estimate (18 h, £450.00) does not exceed the £450.00 limit: FOIA s12(1) applies only when the cost would exceed it.',
    ]);
  });

  it('sends EIR cost and vexatious refusals to reg 12(4)(b)', () => {
    expect(check({ regime: 'eir', kind: 's12-refusal', cost: cost(2000), s16Advice: 'x' }).problems).toEqual([
      'The EIR have no cost limit: refuse under EIR reg 12(4)(b) (manifestly unreasonable), with the public interest test, not under FOIA s12.',
    ]);
    expect(check({ regime: 'eir', kind: 's14-refusal' }).problems[0]).toContain('reg 12(4)(b)');
  });

  it('cites FOISA s12(1), s16(4) and s15 for a Scottish cost refusal', () => {
    const r = check({ regime: 'foisa', kind: 's12-refusal' });
    expect(r.problems[0]).toContain('FOISA s12(1)');
    expect(r.problems[0]).toContain('FOISA s16(4)');
    expect(r.problems[1]).toContain('FOISA s15');
  });

  it('checks the estimate in a review outcome that upholds s12', () => {
    expect(check({ kind: 'review-outcome', cost: cost(600) }).problems[0]).toMatch(/does not exceed the £450\.00 limit/);
    expect(check({ kind: 'review-outcome' }).problems).toEqual([]);
  });
});

describe('public interest extensions (s10(3), s17(2))', () => {
  it('passes with an estimated date and a qualified exemption', () => {
    const pending = applied('FOIA s43(2)', { publicInterestFor: '', publicInterestAgainst: '', balance: '' });
    expect(check({ kind: 'pit-extension', pitEstimate: '2024-06-14', exemptions: [pending] }).problems).toEqual([]);
  });

  it('flags a missing estimated date and a missing exemption', () => {
    expect(check({ kind: 'pit-extension' }).problems).toEqual([
      'The public interest extension notice gives no estimated date: FOIA s17(2) requires the date by which the authority expects to reach a decision.',
      'The notice cites no exemption: FOIA s17(1)(b) requires it to specify the exemption relied on.',
    ]);
  });

  it('flags an extension for an absolute exemption', () => {
    expect(check({ kind: 'pit-extension', pitEstimate: '2024-06-14', exemptions: [applied('FOIA s41(1)')] }).problems).toEqual([
      'FOIA s41(1) is absolute: there is no public interest test to extend time for (FOIA s10(3), s17(2)).',
    ]);
  });

  it('has no EIR or FOISA equivalent', () => {
    expect(check({ regime: 'eir', kind: 'pit-extension', pitEstimate: '2024-06-14' }).problems[0]).toContain('reg 7(1)');
    expect(check({ regime: 'foisa', kind: 'pit-extension', pitEstimate: '2024-06-14' }).problems[0]).toContain('FOISA has no public interest extension');
  });
});

describe('warnings the officer must confirm', () => {
  it('EIR 12(5)(d)-(g) cannot be used for information on emissions (reg 12(9))', () => {
    for (const para of ['d', 'e', 'f', 'g']) {
      const r = check({ regime: 'eir', exemptions: [applied(`EIR reg 12(5)(${para})`)] });
      expect(r.problems).toEqual([]);
      expect(r.warnings).toEqual(['EIR reg 12(9): this exception cannot be relied on for information on emissions; check that none of the withheld information is on emissions.']);
    }
    expect(check({ regime: 'eir', exemptions: [applied('EIR reg 12(5)(c)')] }).warnings).toEqual([]);
  });

  it('EIR 12(4)(d) needs the reg 14(4) particulars; FOIA s35 is for government departments; s40(1) is a SAR', () => {
    expect(check({ regime: 'eir', exemptions: [applied('EIR reg 12(4)(d)')] }).warnings[0]).toContain('reg 14(4)');
    expect(check({ exemptions: [applied('FOIA s35(1)(a)')] }).warnings[0]).toContain('Only government departments and the Welsh Government');
    expect(check({ exemptions: [applied('FOIA s40(1)')] }).warnings[0]).toContain('subject access request');
  });

  it('repeats a warning once however many items cite the provision', () => {
    const r = check({ regime: 'eir', exemptions: [applied('EIR reg 12(5)(e)', { item: 'Doc 1' }), applied('EIR reg 12(5)(e)', { item: 'Doc 2' })] });
    expect(r.warnings).toHaveLength(1);
  });

  it('sends a subject access request to its own refusal (UK GDPR Art 12(4))', () => {
    expect(check({ regime: 'sar' }).problems).toEqual(['A subject access request is refused by a subject access refusal (UK GDPR Art 12(4)), not by a freedom of information notice.']);
  });
});
