// The EISR and DPA 2018 catalogues, citations for them, which law each regime may cite, and
// neither-confirm-nor-deny per provision. Sources are named in each test.
import { describe, expect, it } from 'vitest';
import {
  citationGap, findEntry, formatProvision, isAbsolute, ncndProvision, needsPublicInterestTest, parseProvision, shortProvision,
} from '../../src/shared/domain/exemptions/catalogue';
import { actAllowed, ncndRefusal, reasoningProblems } from '../../src/shared/domain/exemptions/rules';
import { refusalProblems } from '../../src/shared/domain/exemptions/s17';
import { provisionInWords } from '../../src/shared/domain/letters/schedule';
import type { Act, AppliedExemption, ProvisionRef } from '../../src/shared/domain/exemptions/types';

const ref = (act: Act, section: string, subsection = ''): ProvisionRef => ({ act, section, subsection });

describe('citations under the EISR and the DPA 2018', () => {
  it.each([
    ['EISR reg 10(5)(b)', ref('EISR', '10', '(5)(b)')],
    ['eisr regulation 11(3A)', ref('EISR', '11', '(3A)')],
    ['DPA Sch 2 para 16', ref('DPA', 'Sch 2 para 16')],
    ['DPA 2018 Schedule 2 Part 3 paragraph 16(2)', ref('DPA', 'Sch 2 para 16', '(2)')],
    ['DPA sch. 3, para 5', ref('DPA', 'Sch 3 para 5')],
    ['DPA Sch 2 para 02', ref('DPA', 'Sch 2 para 2')],
  ])('reads %s', (text, expected) => {
    expect(parseProvision(text)).toEqual(expected);
  });

  it('writes them back as officers cite them, and in words for a letter', () => {
    expect(formatProvision(ref('EISR', '10', '(5)(b)'))).toBe('EISR reg 10(5)(b)');
    expect(formatProvision(ref('DPA', 'Sch 2 para 16'))).toBe('DPA Sch 2 para 16');
    expect(shortProvision(ref('DPA', 'Sch 2 para 16', '(2)'))).toBe('Sch 2 para 16(2)');
    expect(provisionInWords(ref('EISR', '10', '(5)(b)'))).toBe('regulation 10(5)(b)');
    expect(provisionInWords(ref('DPA', 'Sch 2 para 24'))).toBe('paragraph 24 of Schedule 2 to the Data Protection Act 2018');
  });

  it('keeps the EIR and the EISR apart: "EIRs" is the case’s own regulations (SIC decisions say "the EIRs" for the EISR)', () => {
    expect(parseProvision('EIRs reg 10(5)(b)', 'EISR').act).toBe('EISR');
    expect(parseProvision('EIRs reg 12(5)(b)', 'EIR').act).toBe('EIR');
    expect(parseProvision('EIRs reg 12(5)(b)').act).toBe('EIR');
    expect(parseProvision('EIR reg 12(5)(b)', 'EISR').act).toBe('EIR'); // a named act wins
    expect(() => parseProvision('EISR s10(5)(b)')).toThrow('The EISR are regulations, not sections: write "EISR reg 10(5)(b)".');
  });

  it('reads a bare schedule citation only on a subject access case, and sends "DPA s15" to the schedules', () => {
    expect(parseProvision('Sch 2 para 19', 'DPA')).toEqual(ref('DPA', 'Sch 2 para 19'));
    expect(() => parseProvision('Sch 2 para 19', 'FOIA')).toThrow('write it like "DPA Sch 2 para 19"');
    expect(() => parseProvision('s15', 'DPA')).toThrow(/exemptions are in its schedules/);
  });
});

describe('the EISR exceptions (SSI 2004/520 reg 10, 11)', () => {
  it('every exception is qualified with the public interest test (reg 10(1)(b)) except reg 10(4)(a) not held and reg 11 first condition', () => {
    expect(needsPublicInterestTest(ref('EISR', '10', '(5)(e)'))).toBe(true);
    expect(needsPublicInterestTest(ref('EISR', '10', '(4)(b)'))).toBe(true);
    expect(needsPublicInterestTest(ref('EISR', '10', '(4)(a)'))).toBe(false);
    expect(isAbsolute(ref('EISR', '11', '(2)'))).toBe(true);
    expect(needsPublicInterestTest(ref('EISR', '11', '(3B)'))).toBe(true);
  });

  it('requires the paragraph: "EISR reg 10" alone does not specify the exception (reg 13(b))', () => {
    expect(citationGap(ref('EISR', '10'))).toMatchObject({ kind: 'no-subsection' });
    expect(citationGap(ref('EISR', '10', '(5)(f)'))).toBeNull();
  });

  it('NCND only for reg 10(5)(a) by reg 10(8), and personal data by reg 11(6)', () => {
    expect(ncndProvision(ref('EISR', '10', '(5)(a)'))).toEqual(ref('EISR', '10', '(8)'));
    expect(ncndProvision(ref('EISR', '10', '(5)(b)'))).toBeNull();
    expect(ncndProvision(ref('EISR', '11', '(2)'))).toEqual(ref('EISR', '11', '(6)'));
  });
});

describe('the DPA 2018 exemptions from subject access', () => {
  it('has the ones an officer meets, each with its own reasoning fields', () => {
    const ids = (section: string) => findEntry(ref('DPA', section))?.reasoning?.map((f) => f.id);
    // Sch 2 para 16(2)-(3): consent, and whether disclosure without it is reasonable.
    expect(ids('Sch 2 para 16')).toEqual(expect.arrayContaining(['consentSought', 'typeOfInformation', 'confidentiality', 'capableOfConsent', 'reasonableness']));
    // Sch 2 para 2: only to the extent complying would be likely to prejudice crime or taxation purposes.
    expect(ids('Sch 2 para 2')).toEqual(expect.arrayContaining(['purpose', 'likelyPrejudice']));
    expect(ids('Sch 3 para 5')).toEqual(expect.arrayContaining(['seriousHarm', 'healthProfessional']));
    for (const s of ['Sch 2 para 5', 'Sch 2 para 19', 'Sch 2 para 22', 'Sch 2 para 23', 'Sch 2 para 24', 'Sch 2 para 25']) expect(findEntry(ref('DPA', s))).not.toBeNull();
  });

  it('has no public interest test and no FOI-style NCND', () => {
    expect(needsPublicInterestTest(ref('DPA', 'Sch 2 para 22'))).toBe(false);
    expect(ncndProvision(ref('DPA', 'Sch 2 para 2'))).toBeNull();
    expect(ncndRefusal(ref('DPA', 'Sch 2 para 2'))).toContain('UK GDPR Art 12(4)');
  });

  it('refuses answers to questions the provision does not ask', () => {
    expect(reasoningProblems(ref('DPA', 'Sch 2 para 16'), { consentSought: 'Refused' })).toBeNull();
    expect(reasoningProblems(ref('DPA', 'Sch 2 para 22'), { consentSought: 'Refused' })).toBe('DPA Sch 2 para 22 has no reasoning field consentSought; it takes forecast, likelyPrejudice, stillGiven.');
  });
});

describe('which law each regime may cite', () => {
  it('a SAR takes only DPA 2018 exemptions; an FOI case none of them; an EISR case only the EISR', () => {
    expect(actAllowed('sar', 'DPA')).toBeNull();
    expect(actAllowed('sar', 'FOIA')).toContain('A subject access request is refused only under the exemptions in the Data Protection Act 2018');
    expect(actAllowed('foisa', 'DPA')).toContain('cite FOISA s38(1)(b)');
    expect(actAllowed('eir', 'DPA')).toContain('cite EIR reg 13');
    expect(actAllowed('eisr', 'EISR')).toBeNull();
    expect(actAllowed('eisr', 'EIR')).toContain('cite its exceptions (reg 10 or reg 11)');
    expect(actAllowed('foia', 'EISR')).toContain('handle this request under the Environmental Information (Scotland) Regulations 2004');
  });
});

describe('neither confirm nor deny from the catalogue', () => {
  it('FOISA s18(1) lists ss28-35, 38, 39(1), 41 only: not s25-27, s36, s37, s39(2), s40', () => {
    const s18 = ref('FOISA', '18', '(1)');
    for (const [s, sub] of [['28', '(1)'], ['30', '(c)'], ['35', '(1)(a)'], ['38', '(1)(b)'], ['39', '(1)'], ['41', '(b)']] as const) {
      expect(ncndProvision(ref('FOISA', s, sub))).toEqual(s18);
    }
    for (const [s, sub] of [['25', '(1)'], ['27', '(1)'], ['36', '(1)'], ['37', '(1)(a)'], ['39', '(2)'], ['40', '(a)']] as const) {
      expect(ncndProvision(ref('FOISA', s, sub))).toBeNull();
    }
  });

  it('FOIA s43(3) reaches s43(2) only; EIR reg 12(6) reaches reg 12(5)(a) only', () => {
    expect(ncndRefusal(ref('FOIA', '43', '(1)'))).toContain('(it exists for s43(2))');
    expect(ncndRefusal(ref('FOIA', '43', '(2)'))).toBeNull();
    expect(ncndRefusal(ref('EIR', '12', '(5)(a)'))).toBeNull();
    expect(ncndRefusal(ref('EIR', '12', '(5)(e)'))).toContain('has no neither-confirm-nor-deny provision');
  });
});

const applied = (r: ProvisionRef, over: Partial<AppliedExemption> = {}): AppliedExemption => ({
  ref: r, ncnd: false, item: '', engagement: 'Why.', publicInterestFor: '', publicInterestAgainst: '', balance: '',
  decidedBy: 'A', decidedOn: '2026-03-01', qualifiedPerson: null, reasoning: {}, ...over,
});

describe('refusal checks for the new regimes', () => {
  it('SAR refusal (UK GDPR Art 12(4)): each DPA exemption needs its required reasoning; FOI exemptions are not allowed', () => {
    const r = refusalProblems({ regime: 'sar', kind: 'sar-refusal', exemptions: [applied(ref('DPA', 'Sch 2 para 16'), { reasoning: { consentSought: 'Refused.' } }), applied(ref('FOIA', '40', '(2)'))], cost: null, s16Advice: '', pitEstimate: null });
    expect(r.problems).toContain('DPA Sch 2 para 16: "Why it is not reasonable to disclose without their consent" is not recorded.');
    expect(r.problems).toContain('FOIA s40(2) is not a Data Protection Act 2018 exemption: a subject access request is refused only under DPA 2018 Schedules 2 to 4.');
  });

  it('EISR: no cost refusal (reg 10(4)(b) instead), no PIT extension, and the EISR exception is required (reg 13)', () => {
    const base = { regime: 'eisr' as const, exemptions: [], cost: null, s16Advice: '', pitEstimate: null };
    expect(refusalProblems({ ...base, kind: 's12-refusal' }).problems[0]).toContain('EISR reg 10(4)(b)');
    expect(refusalProblems({ ...base, kind: 'pit-extension' }).problems[0]).toContain('The EISR have no public interest extension');
    const wrong = refusalProblems({ ...base, kind: 'refusal', exemptions: [applied(ref('EIR', '12', '(5)(e)'), { publicInterestFor: 'a', publicInterestAgainst: 'b', balance: 'c' })] });
    expect(wrong.problems[0]).toContain('is not an EISR exception, but this is an EISR request');
  });

  it('FOISA s18(1) needs the public interest reasoning even for an absolute s38(1)(b)', () => {
    const r = refusalProblems({ regime: 'foisa', kind: 'refusal', exemptions: [applied(ref('FOISA', '38', '(1)(b)'), { ncnd: true })], cost: null, s16Advice: '', pitEstimate: null });
    expect(r.problems.join(' ')).toContain('FOISA s18(1) allows it only where revealing whether the information exists or is held would be contrary to the public interest');
  });
});

describe('what an EISR refusal must add', () => {
  it('reg 10(4)(d) reminds the officer to give the completion time (EISR reg 13(d)); reg 10(5)(e) the emissions rule (reg 10(6))', () => {
    const base = { regime: 'eisr' as const, kind: 'refusal' as const, cost: null, s16Advice: '', pitEstimate: null };
    const done = { publicInterestFor: 'a', publicInterestAgainst: 'b', balance: 'c' };
    expect(refusalProblems({ ...base, exemptions: [applied(ref('EISR', '10', '(4)(d)'), done)] }).warnings[0]).toContain('EISR reg 13(d)');
    expect(refusalProblems({ ...base, exemptions: [applied(ref('EISR', '10', '(5)(e)'), done)] }).warnings[0]).toContain('EISR reg 10(6)');
  });
});
