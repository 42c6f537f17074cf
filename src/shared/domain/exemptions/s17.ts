// The completeness check run before a refusal letter is exported (docs/law.md §6.1; EIR reg 14;
// FOISA s16). It returns two lists of full sentences, each naming the provision:
//   problems — the notice would not do what the law requires; export should stop;
//   warnings — things the officer must confirm (e.g. nothing withheld is on emissions).
// It checks what the case file records, not the letter's wording.
import { isIsoDate, type IsoDate } from '../dates';
import type { Regime } from '../clocks/events';
import type { CostTotals } from '../costs/types';
import { formatMinutes, formatPence } from '../costs/s12';
import type { Act, AppliedExemption } from './types';
import {
  citationGap,
  findEntry,
  findSubsection,
  formatProvision,
  isAbsolute,
  ncndProvision,
  needsPublicInterestTest,
  shortProvision,
} from './catalogue';

export type RefusalKind = 'refusal' | 's12-refusal' | 's14-refusal' | 'pit-extension' | 'review-outcome' | 'sar-refusal';

export interface RefusalInput {
  regime: Regime;
  kind: RefusalKind;
  exemptions: AppliedExemption[];
  /** The estimate of complying (FOIA s12(1), FOISA s12(1)). */
  cost: { totals: CostTotals } | null;
  /** The estimate of confirming or denying alone (FOIA s12(2)); absent means none was made. */
  confirmOrDeny?: { totals: CostTotals } | null;
  s16Advice: string;
  pitEstimate: IsoDate | null;
}

export interface RefusalCheck {
  problems: string[];
  warnings: string[];
}

// Where each regime puts each requirement of a refusal notice. FOIA s17 [R – s17 text]; EIR reg 14
// [V]; FOISA s15, s16 [R]; EISR reg 13 (reasons, the exception, the public interest under reg
// 10(1)(b), then reg 16 review and reg 17 appeal particulars) [R]. Written without the act: the
// sentence names it in the citation.
interface NoticeLaw {
  act: Act;
  /** What the law calls the grounds. */
  noun: 'exemption' | 'exception';
  /** What the law calls the parts of a section. */
  unit: 'subsection' | 'paragraph';
  specify: string;
  reasons: string;
  publicInterest: string;
  /** Reasons that would disclose exempt information may be left out. */
  withheld: string;
}

const LAW: Record<Exclude<Regime, 'sar'>, NoticeLaw> = {
  foia: { act: 'FOIA', noun: 'exemption', unit: 'subsection', specify: 's17(1)(b)', reasons: 's17(1)(c)', publicInterest: 's17(3)', withheld: 's17(4)' },
  eir: { act: 'EIR', noun: 'exception', unit: 'paragraph', specify: 'reg 14(3)(a)', reasons: 'reg 14(3)', publicInterest: 'reg 14(3)(b)', withheld: 'reg 12(6)-(7)' },
  eisr: { act: 'EISR', noun: 'exception', unit: 'paragraph', specify: 'reg 13(b)', reasons: 'reg 13(c)', publicInterest: 'reg 13(b)', withheld: 'reg 10(8)' },
  foisa: { act: 'FOISA', noun: 'exemption', unit: 'subsection', specify: 's16(1)(c)', reasons: 's16(1)(d)', publicInterest: 's16(2)', withheld: 's16(3)' },
};

const ENVIRONMENTAL: readonly Act[] = ['EIR', 'EISR'];

const blank = (s: string | null | undefined): boolean => (s ?? '').trim() === '';

// Whether reasons text cites e.g. "31(2)", allowing "31 (2)" and "s.31(2)(a)".
function mentions(text: string, provision: string): boolean {
  const pattern = provision.replace(/[()]/g, (c) => `\\${c}`).replace(/\\\(/, '\\s*\\(');
  return new RegExp(`(^|[^0-9])${pattern}`).test(text);
}

function orList(items: string[]): string {
  return items.length <= 2 ? items.join(' or ') : `${items[0]}`;
}

function wrongLaw(cite: string, citedAct: Act, law: NoticeLaw): string {
  if (law.act === 'EIR') {
    return `${cite} is not an EIR exception, but this is an EIR request: environmental information is refused under the exceptions in EIR reg 12 and 13 (FOIA s39 sends it there).`;
  }
  if (law.act === 'EISR') {
    return `${cite} is not an EISR exception, but this is an EISR request: Scottish environmental information is refused under the exceptions in EISR reg 10 and 11 (FOISA s39(2) sends it there).`;
  }
  if (citedAct === 'DPA') {
    return `${cite} is a Data Protection Act 2018 exemption from subject access, but this is a ${law.act} request: cite a ${law.act} exemption.`;
  }
  if (citedAct === 'EIR') {
    return `${cite} is an EIR exception, but this is a ${law.act} request: if the information is environmental, handle the request under the EIR; otherwise cite a ${law.act} exemption.`;
  }
  return `${cite} is a ${citedAct} exemption, but this is a ${law.act} request: cite the ${law.act} equivalent.`;
}

function citationProblems(ex: AppliedExemption, law: NoticeLaw, cite: string): string[] {
  const gap = citationGap(ex.ref);
  if (!gap) return [];
  const required = `${law.specify} requires the ${law.noun} to be specified`;
  switch (gap.kind) {
    case 'not-in-catalogue':
      return [`${cite} is not in the catalogue of ${law.act} ${law.noun}s: check the citation (${law.specify}).`];
    case 'no-subsection':
      return [`${cite} is cited without its ${law.unit}: ${required} (e.g. ${orList(gap.examples)}).`];
    case 'too-general':
      return [`${cite} does not say which limb applies: ${required} (e.g. ${orList(gap.examples)}).`];
    case 'unknown-subsection':
      return [`${cite} names a ${law.unit} that is not in the catalogue: check the citation (${required}, e.g. ${orList(gap.examples)}).`];
  }
}

function qualifiedPersonProblems(ex: AppliedExemption, cite: string): string[] {
  const qp = ex.qualifiedPerson;
  const why = 's36(2) is engaged only in the reasonable opinion of a qualified person (s36(5))';
  if (!qp) return [`${cite} is cited without the qualified person's opinion: ${why}; record who gave it, the date of the opinion and what was put to them.`];
  const out: string[] = [];
  if (blank(qp.name)) out.push(`${cite}: the qualified person's name is not recorded (${why}).`);
  if (!isIsoDate(qp.opinionDate)) out.push(`${cite}: the date of the qualified person's opinion is not recorded as a real date (${why}).`);
  if (blank(qp.materialPutToThem)) {
    out.push(`${cite}: what was put to the qualified person (the submission, the information and the arguments) is not recorded; without it the reasonableness of the opinion cannot be shown.`);
  }
  return out;
}

function exemptionChecks(ex: AppliedExemption, kind: RefusalKind, law: NoticeLaw, out: RefusalCheck): void {
  const cite = formatProvision(ex.ref);
  if (ex.ref.act !== law.act) {
    out.problems.push(wrongLaw(cite, ex.ref.act, law));
    return;
  }
  const entry = findEntry(ex.ref);
  out.problems.push(...citationProblems(ex, law, cite));
  if (!entry) return;
  const sub = findSubsection(entry, ex.ref.subsection);
  if (sub?.purposeOnly) {
    out.problems.push(
      `${cite} is a purpose, not an ${law.noun}: cite the limb it serves with it (e.g. s${entry.section}(1)(g) by virtue of ${shortProvision(ex.ref)}) (${law.specify}).`,
    );
  }
  if (sub?.purposeFrom && !mentions(ex.engagement, `${entry.section}${sub.purposeFrom}`)) {
    out.warnings.push(`${cite} works only through a purpose in s${entry.section}${sub.purposeFrom}: name it in the reasons (e.g. "by virtue of s${entry.section}${sub.purposeFrom}(a)").`);
  }
  if (blank(ex.engagement)) {
    out.problems.push(`No reasons are recorded for why ${cite} applies: ${law.reasons} requires the notice to state why the ${law.noun} applies.`);
  }
  if (ex.ncnd && !ncndProvision(ex.ref)) {
    const only =
      law.act === 'EIR' ? ': under the EIR only reg 12(5)(a) (reg 12(6)) and reg 13 (reg 13(5A)) allow it'
        : law.act === 'EISR' ? ': under the EISR only reg 10(5)(a) (reg 10(8)) and reg 11 allow it'
          : law.act === 'FOISA' ? ': FOISA s18(1) covers only sections 28 to 35, 38, 39(1) and 41' : '';
    out.problems.push(`${cite} is applied as neither confirm nor deny, but no provision removes the duty to confirm or deny for it${only}.`);
  }
  // FOISA s18(1): only where revealing whether the information exists or is held "would be
  // contrary to the public interest" — a judgement even for the absolute s38 limbs.
  if (ex.ncnd && law.act === 'FOISA' && isAbsolute(ex.ref) && blank(ex.balance)) {
    out.problems.push(`No public interest reasoning is recorded for neither confirming nor denying under ${cite}: FOISA s18(1) allows it only where revealing whether the information exists or is held would be contrary to the public interest.`);
  }

  const qualified = needsPublicInterestTest(ex.ref);
  if (kind === 'pit-extension' && !qualified) {
    const what = isAbsolute(ex.ref) ? 'is absolute' : 'needs no public interest test';
    out.problems.push(`${cite} ${what}: there is no public interest test to extend time for (FOIA s10(3), s17(2)).`);
  }
  if (qualified && kind !== 'pit-extension') {
    const test = `${law.publicInterest} requires the reasons why the public interest in maintaining the ${law.noun} outweighs that in disclosure`;
    if (!ex.ncnd) {
      if (blank(ex.publicInterestFor)) out.problems.push(`No public interest factors in favour of disclosure are recorded for ${cite}: ${test}.`);
      if (blank(ex.publicInterestAgainst)) out.problems.push(`No public interest factors in favour of maintaining ${cite} are recorded: ${test}.`);
    }
    if (blank(ex.balance)) {
      out.problems.push(
        ex.ncnd
          ? `No public interest balance is recorded for neither confirming nor denying under ${cite}: the letter may leave out reasons that would themselves disclose exempt information (${law.withheld}), but the balance must still be struck and recorded.`
          : `No public interest balance (the weighing and the conclusion) is recorded for ${cite}: ${test}.`,
      );
    }
  }
  if (entry.needsQualifiedPerson && entry.act === 'FOIA') out.problems.push(...qualifiedPersonProblems(ex, cite));
  for (const warning of [entry.warning, sub?.warning]) if (warning) out.warnings.push(warning);
}

function costChecks(input: RefusalInput, law: NoticeLaw, out: RefusalCheck): void {
  const s12 = law.act === 'FOISA' ? 'FOISA s12(1)' : 'FOIA s12(1)';
  const notice = law.act === 'FOISA' ? 'FOISA s16(4)' : 'FOIA s17(5)';
  const cost = input.cost;
  // FOIA s12(2): no duty to confirm or deny where the cost of that alone would exceed the limit;
  // such an estimate is enough on its own. FOISA s12 has no such limb [R].
  const confirm = law.act === 'FOIA' ? input.confirmOrDeny ?? null : null;
  const confirmExceeds = !!confirm?.totals.exceeds;
  if (!cost && !confirm) {
    out.problems.push(`No cost estimate is recorded: a refusal under ${s12} needs an estimate that complying would exceed the appropriate limit, and the notice states that fact (${notice}).`);
  } else if (!confirmExceeds && (!cost || !cost.totals.exceeds)) {
    const t = (cost ?? confirm)!.totals;
    const which = cost ? s12 : 'FOIA s12(2)';
    out.problems.push(
      `The estimate (${formatMinutes(t.totalMinutes)}, ${formatPence(t.costPence)}) does not exceed the ${formatPence(t.limitPence)} limit: ${which} applies only when the cost would exceed it.`,
    );
  }
  if (input.kind === 's12-refusal' && blank(input.s16Advice)) {
    const s16 = law.act === 'FOISA' ? 'FOISA s15' : 'FOIA s16';
    out.problems.push(`No advice and assistance is recorded: a cost refusal should say what could be provided within the limit, or how to narrow the request (${s16}).`);
  }
}

/** UK GDPR Art 12(4): a refusal says why; each DPA exemption needs its own reasoning recorded. */
function sarChecks(input: RefusalInput, out: RefusalCheck): void {
  if (input.exemptions.length === 0) {
    out.problems.push('The refusal cites no exemption: UK GDPR Art 12(4) requires the reasons for not acting on the request, which for personal data withheld means the Data Protection Act 2018 exemption relied on.');
  }
  for (const ex of input.exemptions) {
    const cite = formatProvision(ex.ref);
    if (ex.ref.act !== 'DPA') {
      out.problems.push(`${cite} is not a Data Protection Act 2018 exemption: a subject access request is refused only under DPA 2018 Schedules 2 to 4.`);
      continue;
    }
    const entry = findEntry(ex.ref);
    if (!entry) {
      out.problems.push(`${cite} is not in the catalogue of Data Protection Act 2018 exemptions: check the citation.`);
      continue;
    }
    if (blank(ex.engagement)) out.problems.push(`No reasons are recorded for why ${cite} applies: UK GDPR Art 12(4) requires the reasons for not acting.`);
    for (const f of entry.reasoning ?? []) {
      if (f.required && blank(ex.reasoning[f.id])) out.problems.push(`${cite}: "${f.label}" is not recorded.`);
    }
    if (entry.notes?.includes('[R]')) out.warnings.push(`${cite}: check the paragraph number against the Act before relying on it in a letter.`);
  }
}

/** What a refusal notice of this kind still lacks, and what the officer must confirm. */
export function refusalProblems(input: RefusalInput): RefusalCheck {
  const out: RefusalCheck = { problems: [], warnings: [] };
  if (input.regime === 'sar') {
    if (input.kind === 'sar-refusal') sarChecks(input, out);
    else out.problems.push('A subject access request is refused by a subject access refusal (UK GDPR Art 12(4)), not by a freedom of information notice.');
    return { problems: out.problems, warnings: [...new Set(out.warnings)] };
  }
  const law = LAW[input.regime];
  const { kind } = input;
  if (kind === 'sar-refusal') {
    out.problems.push(`A subject access refusal is for subject access requests; this is a ${law.act} request.`);
    return out;
  }

  if (ENVIRONMENTAL.includes(law.act) && (kind === 's12-refusal' || kind === 's14-refusal')) {
    const what = kind === 's12-refusal' ? `The ${law.act} have no cost limit` : `The ${law.act} have no vexatious-request provision`;
    const reg = law.act === 'EIR' ? 'EIR reg 12(4)(b)' : 'EISR reg 10(4)(b)';
    out.problems.push(`${what}: refuse under ${reg} (manifestly unreasonable), with the public interest test, not under FOIA ${kind === 's12-refusal' ? 's12' : 's14'}.`);
    return out;
  }
  if (kind === 'pit-extension' && law.act !== 'FOIA') {
    out.problems.push(
      ENVIRONMENTAL.includes(law.act)
        ? `The ${law.act} have no public interest extension: reg 7(1) extends the time to 40 working days only for the volume and complexity of the request (an extension notice).`
        : 'FOISA has no public interest extension: the response is due within 20 working days (FOISA s10(1)).',
    );
    return out;
  }

  if (kind === 's12-refusal') costChecks(input, law, out);
  if (kind === 'review-outcome' && (input.cost || input.confirmOrDeny)) costChecks(input, law, out);
  if (kind === 'pit-extension' && !input.pitEstimate) {
    out.problems.push('The public interest extension notice gives no estimated date: FOIA s17(2) requires the date by which the authority expects to reach a decision.');
  }
  if ((kind === 'refusal' || kind === 'pit-extension') && input.exemptions.length === 0) {
    out.problems.push(`The notice cites no ${law.noun}: ${law.act} ${law.specify} requires it to specify the ${law.noun} relied on.`);
  }
  if (kind === 'refusal' || kind === 'pit-extension' || kind === 'review-outcome') {
    for (const ex of input.exemptions) exemptionChecks(ex, kind, law, out);
  }
  return { problems: out.problems, warnings: [...new Set(out.warnings)] };
}
