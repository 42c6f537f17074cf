// The exemptions and exceptions an officer may cite, shipped as data (docs/law.md §5), and how a
// citation such as "FOIA s43(2)", "EIR reg 12(5)(e)", "EISR reg 10(5)(b)" or "DPA Sch 2 para 16"
// is read, matched and written back.
import type { Act, CatalogueEntry, ExemptionTest, ProvisionRef, SubsectionEntry } from './types';
import { FOIA_EXEMPTIONS } from './catalogue/foia';
import { EIR_EXCEPTIONS } from './catalogue/eir';
import { FOISA_EXEMPTIONS } from './catalogue/foisa';
import { EISR_EXCEPTIONS } from './catalogue/eisr';
import { DPA_EXEMPTIONS } from './catalogue/dpa';

/** A subsection as the catalogue ships it: the contract's fields plus what the s17 check needs. */
export interface CatalogueSubsection extends SubsectionEntry {
  /** Overrides the entry's ncnd: s43(1) has none, s40(1) is (5A), EIR 12(5)(a) is (6). */
  ncnd?: string | null;
  /** Overrides the entry's ncndElsewhere: FOISA s39(2) is outside the s18(1) list, s39(1) inside. */
  ncndElsewhere?: ProvisionRef | null;
  /** A purpose served by another limb, never cited alone (FOIA s31(2), FOISA s35(2)). */
  purposeOnly?: boolean;
  /** This limb works only through the purposes in another subsection, e.g. '(2)' for s31(1)(g). */
  purposeFrom?: string;
  /** EIR reg 12(9): cannot be used for information on emissions. */
  notOnEmissions?: boolean;
  /** A caution the s17 check repeats whenever this subsection is cited. */
  warning?: string;
}

export interface CatalogueData extends CatalogueEntry {
  subsections: CatalogueSubsection[];
  /** Where the duty to confirm or deny is excluded by another provision (FOISA s18(1)). */
  ncndElsewhere?: ProvisionRef;
  /** A caution the s17 check repeats whenever this section is cited. */
  warning?: string;
}

export const EXEMPTION_CATALOGUE: readonly CatalogueData[] = [
  ...FOIA_EXEMPTIONS, ...EIR_EXCEPTIONS, ...EISR_EXCEPTIONS, ...FOISA_EXEMPTIONS, ...DPA_EXEMPTIONS,
];

/** Regulations are cited "reg 12(5)(e)"; Acts "s43(2)"; the DPA schedules "Sch 2 para 16". */
const REGULATIONS: readonly Act[] = ['EIR', 'EISR'];

export class ExemptionRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExemptionRuleError';
  }
}

const ACTS: Record<string, Act> = { foia: 'FOIA', foi: 'FOIA', eir: 'EIR', eisr: 'EISR', foisa: 'FOISA' };

// [act] [section|s|s.|regulation|reg|r] number [(sub)(sub)...], case and spaces forgiven.
const CITATION =
  /^(?:(foisa|foia|foi|eisr|eirs?|ei\(s\)rs?)\b\.?)?\s*(section|sect\.?|s\.?|regulation|reg\.?|r\.?)?\s*(\d{1,3}[a-z]?)\s*((?:\(\s*[0-9a-z]{1,6}\s*\)\s*)*)$/i;

// [DPA [2018]] Sch|Schedule N [Part P] para|paragraph N [(sub)...]: the parts are dropped, as the
// paragraph numbers run through each schedule.
const DPA_CITATION =
  /^(?:(dpa)(?:\s*2018)?\b\.?)?\s*,?\s*sch(?:edule|\.)?\s*([234])\s*,?\s*(?:pt\.?|part)?\s*(?:\d{1,2})?\s*,?\s*(?:para(?:graph|\.)?|p\.?)\s*(\d{1,2})\s*((?:\(\s*[0-9a-z]{1,6}\s*\)\s*)*)$/i;

const EXAMPLES = 'FOIA s43(2), EIR reg 12(5)(e), EISR reg 10(5)(e), FOISA s33(1)(b) or DPA Sch 2 para 16';

// "(2a)" -> "(2A)" (a numbered insertion), "(E)" -> "(e)", "(II)" -> "(ii)".
function normaliseSubsection(raw: string): string {
  return [...raw.matchAll(/\(\s*([0-9a-z]+)\s*\)/gi)]
    .map(([, part = '']) => (/^\d/.test(part) ? `(${part.toUpperCase()})` : `(${part.toLowerCase()})`))
    .join('');
}

/**
 * "EIRs" is what officers on both sides of the border call their environmental regulations (the
 * Scottish Information Commissioner's decisions say "the EIRs" for the EISR): read it as the
 * case's own regulations, the EISR on an EISR case and the EIR otherwise.
 */
function actFor(word: string, defaultAct: Act | undefined): Act | undefined {
  const w = word.toLowerCase().replace(/[()]/g, '');
  if (w === 'eirs' || w === 'eisrs') return w === 'eisrs' || defaultAct === 'EISR' ? 'EISR' : 'EIR';
  return ACTS[w];
}

function parseDpa(t: string, defaultAct?: Act): ProvisionRef | null {
  const m = DPA_CITATION.exec(t);
  if (!m) return null;
  const [, actWord, schedule = '', para = '', subs = ''] = m;
  if (!actWord && defaultAct !== 'DPA') {
    throw new ExemptionRuleError(`"${t}" does not say which law it is under: write it like "DPA Sch ${schedule} para ${para}".`);
  }
  return { act: 'DPA', section: `Sch ${schedule} para ${Number(para)}`, subsection: normaliseSubsection(subs) };
}

/** Reads "FOIA s43(2)", "FOIA section 43(2)", "EIR 12(5)(e)", "EISR reg 10(5)(b)", "DPA Sch 2 para 16" or, with a default act, "s.43(2)". */
export function parseProvision(text: string, defaultAct?: Act): ProvisionRef {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') throw new ExemptionRuleError(`Enter a provision such as ${EXAMPLES}.`);
  const dpa = parseDpa(t, defaultAct);
  if (dpa) return dpa;
  const m = CITATION.exec(t);
  if (!m) throw new ExemptionRuleError(`"${t}" is not a provision Disclose can read: write it like ${EXAMPLES}.`);
  const [, actWord, kindWord = '', section = '', subs = ''] = m;
  const act = actWord ? actFor(actWord, defaultAct) : defaultAct;
  if (!act) throw new ExemptionRuleError(`"${t}" does not say which law it is under: write it like ${EXAMPLES}.`);
  if (act === 'DPA') {
    throw new ExemptionRuleError(`"${t}": the Data Protection Act 2018 exemptions are in its schedules: write it like "DPA Sch 2 para 16".`);
  }
  const kind = kindWord.toLowerCase();
  const regs = REGULATIONS.includes(act);
  if (regs && kind.startsWith('s')) {
    throw new ExemptionRuleError(`The ${act} are regulations, not sections: write "${act} reg ${section}${normaliseSubsection(subs)}".`);
  }
  if (!regs && kind.startsWith('r')) {
    throw new ExemptionRuleError(`${act} has sections, not regulations: write "${act} s${section.toUpperCase()}${normaliseSubsection(subs)}".`);
  }
  return { act, section: section.toUpperCase(), subsection: normaliseSubsection(subs) };
}

/** "FOIA s43(2)", "EIR reg 12(5)(e)", "EISR reg 10(5)(b)", "FOISA s33(1)(b)", "DPA Sch 2 para 16". */
export function formatProvision(ref: ProvisionRef): string {
  return `${ref.act} ${shortProvision(ref)}`;
}

/** Without the act, as a letter repeats it: "s43(2)", "reg 12(5)(e)", "Sch 2 para 16". */
export function shortProvision(ref: Pick<ProvisionRef, 'act' | 'section' | 'subsection'>): string {
  if (ref.act === 'DPA') return `${ref.section}${ref.subsection}`;
  return `${REGULATIONS.includes(ref.act) ? 'reg ' : 's'}${ref.section}${ref.subsection}`;
}

export function findEntry(ref: Pick<ProvisionRef, 'act' | 'section'>): CatalogueData | null {
  return EXEMPTION_CATALOGUE.find((e) => e.act === ref.act && e.section === ref.section) ?? null;
}

function requireEntry(ref: ProvisionRef): CatalogueData {
  const entry = findEntry(ref);
  if (!entry) throw new ExemptionRuleError(`${formatProvision(ref)} is not in the catalogue of exemptions and exceptions.`);
  return entry;
}

/**
 * The catalogue subsection a citation falls under: the longest one it starts with, so s31(1)(g)
 * finds (1)(g), s36(2)(b)(i) finds (2)(b)(i), and s22A(1)(a) finds (1). Every subsection ends in
 * ')', so '(1)' never swallows '(1A)'.
 */
export function findSubsection(entry: CatalogueData, subsection: string): CatalogueSubsection | null {
  let best: CatalogueSubsection | null = null;
  for (const s of entry.subsections) {
    if (subsection.startsWith(s.subsection) && (!best || s.subsection.length > best.subsection.length)) best = s;
  }
  return best;
}

export type CitationGap =
  | { kind: 'not-in-catalogue' }
  /** The section has subsections and none was given (s17(1)(b)). */
  | { kind: 'no-subsection'; examples: string[] }
  /** More than one limb lies beneath what was given, e.g. s31(1). */
  | { kind: 'too-general'; examples: string[] }
  | { kind: 'unknown-subsection'; examples: string[] };

/** What stops a citation from specifying one exemption, or null when it does. */
export function citationGap(ref: ProvisionRef): CitationGap | null {
  const entry = findEntry(ref);
  if (!entry) return { kind: 'not-in-catalogue' };
  if (entry.subsections.length === 0 || findSubsection(entry, ref.subsection)) return null;
  const citable = entry.subsections.filter((s) => !s.purposeOnly);
  const examples = (subs: CatalogueSubsection[]) => subs.map((s) => shortProvision({ ...ref, subsection: s.subsection }));
  if (ref.subsection === '') return { kind: 'no-subsection', examples: examples(citable) };
  const beneath = citable.filter((s) => s.subsection.startsWith(ref.subsection));
  if (beneath.length > 0) return { kind: 'too-general', examples: examples(beneath) };
  return { kind: 'unknown-subsection', examples: examples(citable) };
}

/**
 * Absolute: no public interest test (FOIA s2(3), FOISA s2(2)); a subsection's own flag wins
 * (s37(1)(a), s40(1)). FOIA s36 is absolute only for information held by either House (s2(3)(e)).
 */
export function isAbsolute(ref: ProvisionRef, opts: { heldByParliament?: boolean } = {}): boolean {
  const entry = requireEntry(ref);
  if (opts.heldByParliament && entry.act === 'FOIA' && entry.section === '36') return true;
  return findSubsection(entry, ref.subsection)?.absolute ?? entry.absolute;
}

export function exemptionTest(ref: ProvisionRef): ExemptionTest {
  const entry = requireEntry(ref);
  return findSubsection(entry, ref.subsection)?.test ?? entry.test;
}

/**
 * Qualified exemptions need the public interest test (FOIA s2(2)(b); EIR reg 12(1)(b); FOISA
 * s2(1)(b)). EIR reg 12(4)(a) is qualified in form, but with nothing held there is nothing to
 * weigh (ICO EIR guidance [R]), so a 'factual' test needs none.
 */
export function needsPublicInterestTest(ref: ProvisionRef, opts: { heldByParliament?: boolean } = {}): boolean {
  return !isAbsolute(ref, opts) && exemptionTest(ref) !== 'factual';
}

/** The subsection of the same section that excludes the duty to confirm or deny, or null. */
export function ncndSubsection(ref: ProvisionRef): string | null {
  const entry = requireEntry(ref);
  const sub = findSubsection(entry, ref.subsection);
  return sub && sub.ncnd !== undefined ? sub.ncnd : entry.ncnd;
}

/** The whole provision that excludes the duty to confirm or deny: s43(3), EIR reg 12(6), or FOISA s18(1). */
export function ncndProvision(ref: ProvisionRef): ProvisionRef | null {
  const entry = requireEntry(ref);
  const sub = findSubsection(entry, ref.subsection);
  if (sub && sub.ncndElsewhere !== undefined) return sub.ncndElsewhere;
  if (entry.ncndElsewhere) return entry.ncndElsewhere;
  const subsection = ncndSubsection(ref);
  return subsection === null ? null : { act: ref.act, section: ref.section, subsection };
}

/** The subsection's title when the citation reaches one, else the section's; null if unknown. */
export function exemptionTitle(ref: ProvisionRef): string | null {
  const entry = findEntry(ref);
  if (!entry) return null;
  return findSubsection(entry, ref.subsection)?.title ?? entry.title;
}
