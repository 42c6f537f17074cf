// The block merge fields built from case data: the exemptions a refusal relies on (FOIA s17(1)
// and (3); EIR reg 14(3); FOISA s16(1)) and the working behind a s12 estimate.
import type { Regime } from '../clocks/events';
import { formatLongDate } from '../dates';
import type { AppliedExemption, ProvisionRef } from '../exemptions/types';
import { exemptionTitle, findEntry, isAbsolute, needsPublicInterestTest, ncndProvision } from '../exemptions/catalogue';
import type { LetterData } from './data';
import type { CostEstimate, CostTotals } from '../costs/types';
import { costWorking } from '../costs/s12';
import { textBlocks } from './engine';
import type { LetterBlock } from './view';

const p = (text: string): LetterBlock => ({ kind: 'paragraph', text });

/** Officer text that may run to several paragraphs, introduced by a lead-in on its first one. */
function labelled(lead: string, text: string): LetterBlock[] {
  const blocks = textBlocks(text);
  const first = blocks[0];
  if (!first) return [];
  if (first.kind === 'paragraph') return [p(`${lead} ${first.text}`), ...blocks.slice(1)];
  return [p(lead), ...blocks];
}

/**
 * "section 43(2)", "regulation 12(5)(e)": a provision as a letter to a member of the public
 * spells it (the officer's "FOIA s43(2)" is formatProvision's job, for the case file).
 */
export function provisionInWords(ref: ProvisionRef): string {
  if (ref.act === 'DPA') {
    // 'Sch 2 para 16' -> "paragraph 16 of Schedule 2 to the Data Protection Act 2018".
    const m = /^Sch (\d) para (\d+)$/.exec(ref.section);
    if (m) return `paragraph ${m[2]}${ref.subsection} of Schedule ${m[1]} to the Data Protection Act 2018`;
    return `${ref.section}${ref.subsection} of the Data Protection Act 2018`;
  }
  return `${ref.act === 'EIR' || ref.act === 'EISR' ? 'regulation' : 'section'} ${ref.section}${ref.subsection}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Section 43(2): Commercial interests": an exemption named in a list. */
export function exemptionName(e: AppliedExemption): string {
  const title = exemptionTitle(e.ref);
  return `${capital(provisionInWords(e.ref))}${title ? `: ${title}` : ''}`;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "18 hours", "26 hours 40 minutes", "45 minutes": time in a sentence. */
export function durationInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${grouped(n)} ${unit}${n === 1 ? '' : 's'}`;
  if (h === 0) return part(m, 'minute');
  return m === 0 ? part(h, 'hour') : `${part(h, 'hour')} ${part(m, 'minute')}`;
}

/** "£450", "£12.50", "£1,250": money in a sentence. */
export function poundsInWords(pence: number): string {
  const pounds = grouped(Math.floor(pence / 100));
  return pence % 100 === 0 ? `£${pounds}` : `£${pounds}.${String(pence % 100).padStart(2, '0')}`;
}

/** Catalogue questions about a provision the catalogue lacks: treat it as qualified, not absolute. */
function classify(ref: ProvisionRef): { absolute: boolean; publicInterest: boolean; ncnd: ProvisionRef | null } {
  if (!findEntry(ref)) return { absolute: false, publicInterest: true, ncnd: null };
  return { absolute: isAbsolute(ref), publicInterest: needsPublicInterestTest(ref), ncnd: ncndProvision(ref) };
}

/** The exemptions as a bulleted list; inline it reads "section 43(2) (…) and section 40(2) (…)". */
export function exemptionsList(exemptions: readonly AppliedExemption[]): LetterBlock[] {
  if (exemptions.length === 0) return [];
  return [{ kind: 'list', items: exemptions.map((e) => exemptionName(e) + (e.item.trim() ? `, for ${e.item.trim()}` : '')) }];
}

const PUBLIC_INTEREST_BASIS: Record<Regime, string> = {
  foia: 'section 2 of the Act',
  eir: 'regulation 12(1)(b)',
  eisr: 'regulation 10(1)(b)',
  foisa: 'section 2(1)(b) of the Act',
  sar: 'the Data Protection Act 2018',
};

/** One exemption: what it covers, why it applies, and the public interest where the law needs it. */
function scheduleEntry(e: AppliedExemption, regime: Regime): LetterBlock[] {
  const word = regime === 'eir' || regime === 'eisr' ? 'exception' : 'exemption';
  const title = exemptionTitle(e.ref);
  const kind = classify(e.ref);
  const blocks: LetterBlock[] = [{ kind: 'heading', text: `${capital(provisionInWords(e.ref))}${title ? `: ${title}` : ''}` }];
  blocks.push(p(e.item.trim() ? `This ${word} applies to ${e.item.trim()}.` : `This ${word} applies to all of the information you asked for.`));
  if (e.ncnd) {
    const ncnd = kind.ncnd;
    blocks.push(
      p(`${ncnd ? `${capital(provisionInWords(ncnd))} removes` : 'The law removes'} the duty to confirm or deny whether we hold information of this kind. We therefore neither confirm nor deny that we hold it. This should not be taken as an indication that the information you asked for is, or is not, held.`),
    );
  }
  blocks.push(...labelled('Why it applies:', e.engagement));
  const qp = e.qualifiedPerson;
  if (qp) {
    blocks.push(
      p(`This ${word} depends on the reasonable opinion of a qualified person. Our qualified person, ${qp.name.trim()}, gave that opinion on ${formatLongDate(qp.opinionDate)}.`),
    );
  }
  if (kind.absolute && e.ncnd && regime === 'foisa') {
    // FOISA s18(1): even for an absolute exemption, neither confirming nor denying rests on
    // revealing whether the information exists or is held being contrary to the public interest.
    blocks.push(...labelled('Revealing whether we hold the information would be contrary to the public interest (section 18(1) of the Act):', e.balance));
  } else if (kind.absolute) {
    blocks.push(p(`This is an absolute ${word}, so we are not required to consider the public interest.`));
  } else if (kind.publicInterest) {
    const what = e.ncnd ? 'confirming or denying whether we hold the information' : 'disclosing the information';
    const keep = e.ncnd ? 'maintaining the exclusion of the duty to confirm or deny' : `maintaining the ${word}`;
    blocks.push(p(`This ${word} is subject to the public interest test under ${PUBLIC_INTEREST_BASIS[regime]}.`));
    blocks.push(...labelled(`The public interest in ${what}:`, e.publicInterestFor));
    blocks.push(...labelled(`The public interest in ${keep}:`, e.publicInterestAgainst));
    blocks.push(...labelled('Our conclusion:', e.balance));
  }
  return blocks;
}

/** Every exemption in turn, as a refusal notice sets them out. */
export function exemptionsSchedule(exemptions: readonly AppliedExemption[], regime: Regime): LetterBlock[] {
  return exemptions.flatMap((e) => scheduleEntry(e, regime));
}

/**
 * The exemptions a public interest extension relies on, each said to be engaged and why (FOIA
 * s17(1)(b)-(c)): the extension is only for weighing the public interest, not for deciding
 * whether an exemption applies.
 */
export function exemptionsEngaged(exemptions: readonly AppliedExemption[]): LetterBlock[] {
  return exemptions.flatMap((e) => [
    { kind: 'heading', text: exemptionName(e) } satisfies LetterBlock,
    p(e.item.trim() ? `This exemption is engaged for ${e.item.trim()}.` : 'This exemption is engaged for the information you asked for.'),
    ...labelled('Why it applies:', e.engagement),
  ]);
}

/**
 * A subject access refusal's exemptions (UK GDPR Art 12(4)): each DPA 2018 exemption, what it
 * covers and why it applies, with the officer's answers to its own questions where the letter
 * may state them (the reasons, not third parties' details).
 */
export function dpaSchedule(exemptions: readonly AppliedExemption[]): LetterBlock[] {
  return exemptions.flatMap((e) => {
    const entry = findEntry(e.ref);
    const blocks: LetterBlock[] = [{ kind: 'heading', text: exemptionName(e) }];
    blocks.push(p(e.item.trim() ? `This exemption applies to ${e.item.trim()}.` : 'This exemption applies to all of the personal data withheld.'));
    blocks.push(...labelled('Why it applies:', e.engagement));
    // Para 16: the letter says consent and reasonableness were weighed, never who the person is.
    for (const id of ['likelyPrejudice', 'reasonableness', 'seriousHarm']) {
      const f = entry?.reasoning?.find((r) => r.id === id);
      if (f) blocks.push(...labelled(`${f.label}:`, e.reasoning[id] ?? ''));
    }
    if (entry?.reasoning?.some((r) => r.id === 'consentSought')) {
      blocks.push(p('We considered whether the other person had consented, or whether it would be reasonable to disclose the information without their consent, taking into account the matters in paragraph 16(3) of Schedule 2, and concluded that it would not.'));
    }
    return blocks;
  });
}

/**
 * The estimate a cost refusal states. FOIA s12(2): where confirming or denying alone would cost
 * more than the limit, that estimate is the refusal, even with no estimate of complying.
 */
export function s12Estimate(data: Pick<LetterData, 'cost' | 'confirmOrDeny' | 'caseRecord'>): CostEstimate | null {
  const cod = data.caseRecord.regime === 'foia' ? data.confirmOrDeny ?? null : null;
  if (cod && letterTotals(cod).exceeds) return cod;
  return data.cost ?? cod;
}

/** The totals a letter states: the aggregate when requests were aggregated (reg 5). */
export function letterTotals(cost: CostEstimate): CostTotals {
  return cost.aggregateTotals ?? cost.totals;
}

/** The estimate line by line, then any requests aggregated with it. */
export function costWorkingBlocks(cost: CostEstimate, regime: Regime): LetterBlock[] {
  const blocks: LetterBlock[] = [{ kind: 'list', items: costWorking(cost.lines, cost.totals) }];
  if (cost.aggregatedWith.length > 0 && cost.aggregateTotals) {
    blocks.push(
      p(regime === 'foia'
        ? 'The law requires us to add together the cost of requests for the same or similar information received from you, or from people who appear to be acting together, within 60 consecutive working days (regulation 5 of the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004). We have added:'
        : 'We have added the cost of these related requests:'),
    );
    blocks.push({
      kind: 'list',
      items: cost.aggregatedWith.map(
        (a) => `request ${a.reference}, received on ${formatLongDate(a.received)}: ${durationInWords(a.totalMinutes)} (${a.reason})`,
      ),
    });
    const t = cost.aggregateTotals;
    blocks.push(p(`Together the requests would take ${durationInWords(t.totalMinutes)}, which at ${poundsInWords(t.ratePencePerHour)} an hour is ${poundsInWords(t.costPence)}.`));
  }
  return blocks;
}
