// The block merge fields built from case data: the exemptions a refusal relies on (FOIA s17(1)
// and (3); EIR reg 14(3); FOISA s16(1)) and the working behind a s12 estimate.
import type { Regime } from '../clocks/events';
import { formatLongDate } from '../dates';
import type { AppliedExemption, ProvisionRef } from '../exemptions/types';
import { exemptionTitle, findEntry, isAbsolute, needsPublicInterestTest, ncndProvision } from '../exemptions/catalogue';
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
  return `${ref.act === 'EIR' ? 'regulation' : 'section'} ${ref.section}${ref.subsection}`;
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
  foisa: 'section 2(1)(b) of the Act',
  sar: 'the Data Protection Act 2018',
};

/** One exemption: what it covers, why it applies, and the public interest where the law needs it. */
function scheduleEntry(e: AppliedExemption, regime: Regime): LetterBlock[] {
  const word = regime === 'eir' ? 'exception' : 'exemption';
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
  if (kind.absolute) {
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
