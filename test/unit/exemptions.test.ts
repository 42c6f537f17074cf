// The exemption catalogue (docs/law.md §5): citations read and written back, absolute and
// qualified, NCND provisions, for FOIA Part II, EIR reg 12-13 and FOISA Part 2.
import { describe, expect, it } from 'vitest';
import {
  citationGap,
  EXEMPTION_CATALOGUE,
  ExemptionRuleError,
  exemptionTest,
  exemptionTitle,
  findEntry,
  formatProvision,
  isAbsolute,
  ncndProvision,
  ncndSubsection,
  needsPublicInterestTest,
  parseProvision,
} from '../../src/shared/domain/exemptions/catalogue';
import type { Act, ProvisionRef } from '../../src/shared/domain/exemptions/types';

const ref = (act: Act, section: string, subsection = ''): ProvisionRef => ({ act, section, subsection });
const p = (text: string) => parseProvision(text);

describe('reading a citation', () => {
  it.each([
    ['FOIA s43(2)', ref('FOIA', '43', '(2)')],
    ['FOIA section 43(2)', ref('FOIA', '43', '(2)')],
    ['foia  s 43 (2)', ref('FOIA', '43', '(2)')],
    ['EIR reg 12(5)(e)', ref('EIR', '12', '(5)(e)')],
    ['EIR 12(5)(e)', ref('EIR', '12', '(5)(e)')],
    ['EIR regulation 13', ref('EIR', '13')],
    ['EIR reg. 13(2A)', ref('EIR', '13', '(2A)')],
    ['FOISA s33(1)(b)', ref('FOISA', '33', '(1)(b)')],
    ['FOIA s22A(1)(a)', ref('FOIA', '22A', '(1)(a)')],
    ['FOIA s40(3a)(A)', ref('FOIA', '40', '(3A)(a)')],
    ['FOIA s36(2)(b)(II)', ref('FOIA', '36', '(2)(b)(ii)')],
    ['FOI s.37(1)(aa)', ref('FOIA', '37', '(1)(aa)')],
  ])('reads %s', (text, expected) => {
    expect(p(text)).toEqual(expected);
  });

  it('reads "s.43(2)" only when given a default act', () => {
    expect(parseProvision('s.43(2)', 'FOIA')).toEqual(ref('FOIA', '43', '(2)'));
    expect(parseProvision('12(5)(e)', 'EIR')).toEqual(ref('EIR', '12', '(5)(e)'));
    expect(() => p('s.43(2)')).toThrow(/does not say which law/);
    expect(parseProvision('FOISA s30(b)(i)', 'FOIA').act).toBe('FOISA'); // a named act wins
  });

  it('refuses what it cannot read, in a sentence', () => {
    expect(() => p('')).toThrow(ExemptionRuleError);
    expect(() => p('')).toThrow('Enter a provision such as FOIA s43(2), EIR reg 12(5)(e), EISR reg 10(5)(e), FOISA s33(1)(b) or DPA Sch 2 para 16.');
    expect(() => p('commercial interests')).toThrow(/is not a provision Disclose can read/);
    expect(() => p('FOIA s43(2')).toThrow(/not a provision/);
    expect(() => p('EIR section 12(5)(e)')).toThrow('The EIR are regulations, not sections: write "EIR reg 12(5)(e)".');
    expect(() => p('FOIA reg 43(2)')).toThrow('FOIA has sections, not regulations: write "FOIA s43(2)".');
  });

  it('writes citations as officers do', () => {
    expect(formatProvision(ref('FOIA', '43', '(2)'))).toBe('FOIA s43(2)');
    expect(formatProvision(ref('EIR', '12', '(5)(e)'))).toBe('EIR reg 12(5)(e)');
    expect(formatProvision(ref('FOISA', '33', '(1)(b)'))).toBe('FOISA s33(1)(b)');
    expect(formatProvision(ref('EIR', '13'))).toBe('EIR reg 13');
  });
});

describe('the catalogue as data', () => {
  const all = EXEMPTION_CATALOGUE.flatMap((e) => [ref(e.act, e.section), ...e.subsections.map((s) => ref(e.act, e.section, s.subsection))]);

  it('round-trips every entry and every subsection through format and parse', () => {
    expect(all.length).toBeGreaterThan(150);
    for (const r of all) expect(parseProvision(formatProvision(r))).toEqual(r);
  });

  it('finds every subsection as itself, with a title', () => {
    for (const e of EXEMPTION_CATALOGUE) {
      for (const s of e.subsections) {
        expect(findEntry(ref(e.act, e.section))).toBe(e);
        expect(exemptionTitle(ref(e.act, e.section, s.subsection))).toBe(s.title);
      }
    }
  });

  it('has one entry per section, and the sections of §5 (FOIA s21-s44, EIR 12-13, FOISA s25-s41)', () => {
    const keys = EXEMPTION_CATALOGUE.map((e) => `${e.act} ${e.section}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sections = (act: Act) => EXEMPTION_CATALOGUE.filter((e) => e.act === act).map((e) => e.section);
    expect(sections('FOIA')).toEqual(['21', '22', '22A', '23', '24', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44']);
    expect(sections('EIR')).toEqual(['12', '13']);
    expect(sections('FOISA')).toEqual(['25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41']);
  });

  it('lists s31(1)(a)-(i) and the s31(2)(a)-(j) purposes', () => {
    const subs = findEntry(ref('FOIA', '31'))?.subsections.map((s) => s.subsection) ?? [];
    expect(subs.filter((s) => s.startsWith('(1)'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((l) => `(1)(${l})`));
    expect(subs.filter((s) => s.startsWith('(2)'))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((l) => `(2)(${l})`));
  });
});

describe('absolute or qualified (FOIA s2(3); EIR reg 12(1)(b); FOISA s2(2))', () => {
  it('knows the FOIA s2(3) absolute list', () => {
    for (const text of ['FOIA s21(1)', 'FOIA s23(1)', 'FOIA s32(1)(a)', 'FOIA s34(1)', 'FOIA s37(1)(a)', 'FOIA s37(1)(aa)', 'FOIA s37(1)(ab)', 'FOIA s40(1)', 'FOIA s40(2)', 'FOIA s41(1)', 'FOIA s44(1)(a)']) {
      expect([text, isAbsolute(p(text))]).toEqual([text, true]);
    }
    for (const text of ['FOIA s22(1)', 'FOIA s24(1)', 'FOIA s31(1)(a)', 'FOIA s35(1)(a)', 'FOIA s36(2)(b)(i)', 'FOIA s37(1)(ac)', 'FOIA s37(1)(b)', 'FOIA s40(3B)', 'FOIA s42(1)', 'FOIA s43(2)']) {
      expect([text, isAbsolute(p(text))]).toEqual([text, false]);
    }
  });

  it('makes s36 absolute only for information held by either House (s2(3)(e))', () => {
    expect(isAbsolute(p('FOIA s36(2)(c)'))).toBe(false);
    expect(isAbsolute(p('FOIA s36(2)(c)'), { heldByParliament: true })).toBe(true);
    expect(needsPublicInterestTest(p('FOIA s36(2)(c)'), { heldByParliament: true })).toBe(false);
    expect(findEntry(ref('FOIA', '36'))?.needsQualifiedPerson).toBe(true);
  });

  it('treats every EIR exception as qualified except reg 13 under the first condition', () => {
    for (const text of ['EIR reg 12(4)(b)', 'EIR reg 12(5)(a)', 'EIR reg 12(5)(e)', 'EIR reg 13(2B)', 'EIR reg 13(3A)']) {
      expect([text, needsPublicInterestTest(p(text))]).toEqual([text, true]);
    }
    expect(isAbsolute(p('EIR reg 13(1)'))).toBe(true);
    expect(isAbsolute(p('EIR reg 13(2A)(a)'))).toBe(true);
    expect(exemptionTest(p('EIR reg 12(5)(e)'))).toBe('adverse-effect');
  });

  it('needs no public interest test for EIR 12(4)(a): nothing is held to weigh', () => {
    expect(isAbsolute(p('EIR reg 12(4)(a)'))).toBe(false);
    expect(exemptionTest(p('EIR reg 12(4)(a)'))).toBe('factual');
    expect(needsPublicInterestTest(p('EIR reg 12(4)(a)'))).toBe(false);
  });

  it('knows the FOISA s2(2) absolute list, and that FOISA s30 needs no qualified person', () => {
    for (const text of ['FOISA s25(1)', 'FOISA s26(a)', 'FOISA s36(2)', 'FOISA s37(1)(a)', 'FOISA s38(1)(a)', 'FOISA s38(1)(b)', 'FOISA s38(1)(c)', 'FOISA s38(1)(d)']) {
      expect([text, isAbsolute(p(text))]).toEqual([text, true]);
    }
    for (const text of ['FOISA s27(1)', 'FOISA s30(b)(i)', 'FOISA s33(1)(b)', 'FOISA s35(1)(a)', 'FOISA s36(1)', 'FOISA s39(1)', 'FOISA s41(a)']) {
      expect([text, isAbsolute(p(text))]).toEqual([text, false]);
    }
    expect(findEntry(ref('FOISA', '30'))?.needsQualifiedPerson).toBeFalsy();
  });

  it('throws for a provision not in the catalogue', () => {
    expect(() => isAbsolute(p('FOIA s25(1)'))).toThrow('FOIA s25(1) is not in the catalogue of exemptions and exceptions.');
    expect(exemptionTitle(p('FOIA s99'))).toBeNull();
  });
});

describe('neither confirm nor deny', () => {
  it('gives the section\'s own NCND subsection (e.g. s43(3), s31(3), s23(5))', () => {
    expect(ncndSubsection(p('FOIA s43(2)'))).toBe('(3)');
    expect(ncndSubsection(p('FOIA s31(1)(a)'))).toBe('(3)');
    expect(ncndSubsection(p('FOIA s23(1)'))).toBe('(5)');
    expect(ncndSubsection(p('FOIA s21(1)'))).toBeNull();
  });

  it('honours subsection overrides: s43(1) has none; s40(1) is (5A), s40(2) is (5B)', () => {
    expect(ncndSubsection(p('FOIA s43(1)'))).toBeNull();
    expect(ncndSubsection(p('FOIA s40(1)'))).toBe('(5A)');
    expect(ncndSubsection(p('FOIA s40(2)'))).toBe('(5B)');
  });

  it('allows NCND under the EIR only for 12(5)(a) (reg 12(6)) and reg 13 (reg 13(5A))', () => {
    expect(ncndProvision(p('EIR reg 12(5)(a)'))).toEqual(ref('EIR', '12', '(6)'));
    expect(ncndProvision(p('EIR reg 13(1)'))).toEqual(ref('EIR', '13', '(5A)'));
    for (const text of ['EIR reg 12(4)(b)', 'EIR reg 12(5)(b)', 'EIR reg 12(5)(e)']) expect(ncndProvision(p(text))).toBeNull();
  });

  it('points FOISA s28-s35, s38, s39 and s41 to s18(1), and no others', () => {
    const s18 = ref('FOISA', '18', '(1)');
    for (const text of ['FOISA s28(1)', 'FOISA s33(1)(b)', 'FOISA s35(1)(a)', 'FOISA s38(1)(b)', 'FOISA s39(1)', 'FOISA s41(a)']) {
      expect(ncndProvision(p(text))).toEqual(s18);
    }
    for (const text of ['FOISA s25(1)', 'FOISA s27(1)', 'FOISA s36(1)', 'FOISA s40(a)']) expect(ncndProvision(p(text))).toBeNull();
  });
});

describe('specifying the exemption (s17(1)(b))', () => {
  it('accepts a citation that reaches one limb, including deeper ones', () => {
    for (const text of ['FOIA s43(2)', 'FOIA s22(1)', 'FOIA s22A(1)(a)', 'FOIA s31(1)(g)', 'FOIA s40(3A)(a)', 'EIR reg 12(5)(e)', 'FOISA s33(1)(b)']) {
      expect([text, citationGap(p(text))]).toEqual([text, null]);
    }
  });

  it('says what is missing, with examples', () => {
    expect(citationGap(p('FOIA s43'))).toEqual({ kind: 'no-subsection', examples: ['s43(1)', 's43(2)'] });
    expect(citationGap(p('FOIA s31(1)'))).toMatchObject({ kind: 'too-general', examples: expect.arrayContaining(['s31(1)(a)', 's31(1)(i)']) });
    expect(citationGap(p('EIR reg 12(5)'))).toMatchObject({ kind: 'too-general' });
    expect(citationGap(p('FOIA s43(4)'))).toMatchObject({ kind: 'unknown-subsection' });
    expect(citationGap(p('FOIA s25(1)'))).toEqual({ kind: 'not-in-catalogue' });
  });

  it('titles a citation by its most specific catalogue entry', () => {
    expect(exemptionTitle(p('FOIA s43(2)'))).toBe('Prejudice to the commercial interests of any person');
    expect(exemptionTitle(p('FOIA s43'))).toBe('Commercial interests');
    expect(exemptionTitle(p('EIR reg 12(5)(e)'))).toBe('Confidentiality of commercial or industrial information protecting a legitimate economic interest');
  });
});
