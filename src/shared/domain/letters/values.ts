// The merge fields a template may use, and their values for one case.
import { REGIMES } from '../clocks/events';
import { endOfMonthsBeginningWith } from '../clocks/clocks';
import { formatLongDate, type IsoDate } from '../dates';
import { addressLines } from '../settings';
import type { LetterData } from './data';
import { latestEvent, pitEstimate } from './data';
import type { MergeValue } from './engine';
import { textBlocks } from './engine';
import { LETTER_FIELDS, type LetterKind } from './kinds';
import { appealRights, REGIME_WORDS, reviewContact, rightsParagraph, sarRights } from './law';
import {
  costWorkingBlocks, dpaSchedule, durationInWords, exemptionsEngaged, exemptionsList, exemptionsSchedule, letterTotals, poundsInWords, s12Estimate,
} from './schedule';
import type { LetterBlock } from './view';

/** Every merge field with what it holds, for the template editor. fields.* are listed per kind. */
export const MERGE_FIELDS: Readonly<Record<string, string>> = {
  'requester.name': 'The requester’s name.',
  'requester.email': 'The requester’s email address.',
  'requester.organisation': 'The requester’s organisation, if any.',
  'case.reference': 'Our reference, e.g. FOI/2026/0001.',
  'case.received': 'The date the request was received, e.g. 12 March 2012.',
  'case.summary': 'The one-line summary of the request.',
  'authority.name': 'The authority’s name.',
  'authority.email': 'The authority’s FOI email address.',
  'authority.address': 'The authority’s postal address on one line.',
  'authority.contact': 'How to reach us: "by email to … or by post to the address at the top of this letter".',
  'signatory.name': 'The person who signs the letter.',
  'signatory.title': 'The signatory’s job title.',
  today: 'The date of the letter.',
  dueDate: 'The date the response is due, after any restart, pause or extension.',
  pitEstimate: 'The estimated date from the latest public interest extension notice (FOIA s17(2)).',
  responseDate: 'The date of our (latest) response.',
  reviewRequested: 'The date the review request was received.',
  reviewDeadline: 'The date the internal review (EIR: reconsideration; FOISA: review) is due.',
  feeDueDate: 'The last day to pay the fee: three months beginning with the letter’s date (FOIA s9(2), FOISA s9(4)); under the EIR, from the case’s fees notice.',
  feeAmount: 'The fee, from the Amount field, e.g. £12.50.',
  'regime.foia': 'Not empty when the request is under the Freedom of Information Act 2000 (for {{#if}}).',
  'regime.eir': 'Not empty when the request is under the Environmental Information Regulations 2004.',
  'regime.eisr': 'Not empty when the request is under the Environmental Information (Scotland) Regulations 2004.',
  'regime.environmental': 'Not empty under the EIR or the EISR.',
  'regime.foisa': 'Not empty when the request is under the Freedom of Information (Scotland) Act 2002.',
  'regime.sar': 'Not empty when the request is a subject access request.',
  'regime.foi': 'Not empty for any freedom of information request (FOIA, EIR, EISR or FOISA), empty for a SAR.',
  extendedDueDate: 'The new date after an extension notice (EIR and EISR reg 7; UK GDPR Art 12(3)).',
  foisaHolds: 'Not empty on a FOISA refusal that must say the information is held (s16(1)(a)): unless every exemption is neither confirm nor deny.',
  foisaS18: 'Not empty on a FOISA refusal that neither confirms nor denies (s18(1)).',
  costToComply: 'Not empty when the estimate is for complying (s12(1)) rather than for confirming or denying alone.',
  exemptionsEngaged: 'Each exemption said to be engaged, with why (FOIA s17(1)(c)), for a public interest extension (on a line of its own).',
  dpaSchedule: 'Each Data Protection Act 2018 exemption relied on, with why it applies (on a line of its own).',
  sarRights: 'The data subject’s rights: rectification, erasure, restriction, objection, the complaint to the ICO and a court (on a line of its own).',
  'law.act': 'The law the request is handled under, e.g. "the Freedom of Information Act 2000".',
  'law.requestTitle': 'The request’s name in a subject line, e.g. "Freedom of Information request".',
  'law.exemption': '"exemption", or "exception" under the EIR.',
  'law.exemptions': '"exemptions", or "exceptions" under the EIR.',
  'law.refusalNotice': 'The provision a refusal notice is given under, once {{law.act}} is named: e.g. "section 17 of the Act".',
  'law.adviceDuty': 'The duty to advise and assist, once {{law.act}} is named: e.g. "section 16 of the Act".',
  'law.regulator': '"the Information Commissioner", or "the Scottish Information Commissioner".',
  'law.review': '"internal review"; "review" under FOISA and the EISR; "reconsideration" under the EIR.',
  'law.reviewRequest': '"review request"; "requirement for review" under FOISA (s20); "request for review" under the EISR (reg 16).',
  requestText: 'The request in the requester’s words, as running text (the summary when there is none).',
  requestQuoted: 'The request in the requester’s words, as a quotation (on a line of its own).',
  exemptionsList: 'The exemptions applied, as a bulleted list on a line of its own, or "a and b" in a sentence.',
  exemptionsSchedule: 'Each exemption with its section and subsection, why it applies and the public interest (on a line of its own).',
  costWorking: 'The s12 estimate line by line, with any aggregated requests (on a line of its own).',
  costHours: 'The estimated time, e.g. "20 hours".',
  costTotal: 'The estimated cost, e.g. £500.',
  costLimit: 'The appropriate limit, e.g. £450.',
  costLimitHours: 'The limit as staff time, e.g. "18 hours".',
  costRate: 'The hourly rate, e.g. "£25 an hour".',
  costToConfirm: 'Not empty when the estimate is for confirming or denying alone (FOIA s12(2)).',
  s16Advice: 'The advice and assistance given with the refusal (FOIA s16, FOISA s15).',
  rightsParagraph: 'The right to a review and then to complain to the regulator, for this regime (on a line of its own).',
  appealRights: 'After a review: the right to apply to the regulator, with its time guidance (on a line of its own).',
  attachments: 'The Enclosures field as a bulleted list (on a line of its own).',
};

/** Fields that only make sense as whole blocks, on a line of their own. */
export const BLOCK_FIELDS: ReadonlySet<string> = new Set([
  'requestQuoted', 'exemptionsSchedule', 'costWorking', 'rightsParagraph', 'appealRights', 'attachments',
  'exemptionsEngaged', 'dpaSchedule', 'sarRights',
]);

/** The merge fields a template of this kind may use: the common ones and the kind's own. */
export function mergeFieldsFor(kind: LetterKind): Record<string, string> {
  const own: Record<string, string> = {};
  for (const f of LETTER_FIELDS[kind]) {
    own[`fields.${f.id}`] = f.label;
    for (const o of f.options ?? []) own[`fields.${f.id}.${o.value}`] = `Not empty when ${f.label} is "${o.label}".`;
  }
  return { ...MERGE_FIELDS, ...own };
}

/** Pounds as an officer types them ("12.50", "£12.50", "12") to pence; null if not money. */
export function parsePounds(text: string): number | null {
  const m = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const long = (d: IsoDate | null | undefined) => (d ? formatLongDate(d) : '');

/** The request as the requester wrote it: a quotation per paragraph, line breaks kept. */
function quoted(text: string): LetterBlock[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => ({ kind: 'quote', text: para }));
}

const REVIEW_CLOCK_KEYS = ['internal-review', 'eir-reconsideration', 'eisr-review', 'foisa-review'];

const REVIEW_WORDS: Record<string, [string, string]> = {
  foisa: ['review', 'requirement for review'],
  eisr: ['review', 'request for review'],
  eir: ['reconsideration', 'representations'],
};

/** Every merge field's value for this case. */
export function mergeValues(data: LetterData): Record<string, MergeValue> {
  const { settings: s, caseRecord: c, clocks, events } = data;
  const words = REGIME_WORDS[c.regime];
  const request = c.requestText.trim() || c.summary.trim();
  const deadline = (keys: string[]) => clocks.deadlines.find((d) => keys.includes(d.key))?.due ?? null;
  const contact = reviewContact(s);
  const values: Record<string, MergeValue> = {
    'requester.name': c.requester.name,
    'requester.email': c.requester.email,
    'requester.organisation': c.requester.organisation,
    'case.reference': c.reference,
    'case.received': long(c.received),
    'case.summary': c.summary,
    'authority.name': s.name,
    'authority.email': s.email,
    'authority.address': addressLines(s.address).join(', '),
    'authority.contact': contact,
    'signatory.name': s.signatoryName,
    'signatory.title': s.signatoryTitle,
    today: long(data.today),
    dueDate: long(clocks.response.due),
    pitEstimate: long(pitEstimate(events)),
    responseDate: long(latestEvent(events, 'responded')?.date),
    reviewRequested: long(latestEvent(events, 'review-requested')?.date),
    reviewDeadline: long(deadline(REVIEW_CLOCK_KEYS)),
    // FOIA s9(2), FOISA s9(4): three months beginning with the day the notice is given (this
    // letter's date). EIR reg 8: 60 working days, which only the case's clocks can count.
    feeDueDate: c.regime === 'eir' || c.regime === 'eisr' ? long(deadline(['fee-payment'])) : c.regime === 'sar' ? '' : long(endOfMonthsBeginningWith(data.today, 3)),
    extendedDueDate: long(clocks.response.due),
    feeAmount: '',
    'regime.foi': c.regime === 'sar' ? '' : 'yes',
    'law.act': words.act,
    'law.requestTitle': words.requestTitle,
    'law.exemption': words.exemption,
    'law.exemptions': words.exemptions,
    'law.refusalNotice': words.refusalNotice,
    'law.adviceDuty': words.adviceDuty,
    'law.regulator': words.regulator,
    'law.review': REVIEW_WORDS[c.regime]?.[0] ?? 'internal review',
    'law.reviewRequest': REVIEW_WORDS[c.regime]?.[1] ?? 'review request',
    'regime.environmental': c.regime === 'eir' || c.regime === 'eisr' ? 'yes' : '',
    foisaHolds: c.regime === 'foisa' && data.exemptions.some((e) => !e.ncnd) ? 'yes' : '',
    foisaS18: c.regime === 'foisa' && data.exemptions.some((e) => e.ncnd) ? 'yes' : '',
    exemptionsEngaged: exemptionsEngaged(data.exemptions),
    dpaSchedule: dpaSchedule(data.exemptions),
    sarRights: sarRights(contact, c.reference),
    requestText: request,
    requestQuoted: quoted(request),
    exemptionsList: exemptionsList(data.exemptions),
    exemptionsSchedule: exemptionsSchedule(data.exemptions, c.regime),
    costWorking: [],
    costHours: '',
    costTotal: '',
    costLimit: '',
    costLimitHours: '',
    costRate: '',
    costToConfirm: '',
    costToComply: '',
    s16Advice: textBlocks(data.s16Advice),
    rightsParagraph: rightsParagraph(c.regime, contact, c.reference),
    appealRights: appealRights(c.regime),
    attachments: [],
  };
  for (const r of REGIMES) values[`regime.${r}`] = c.regime === r ? 'yes' : '';

  const estimate = s12Estimate(data);
  if (estimate) {
    const t = letterTotals(estimate);
    Object.assign(values, {
      costWorking: costWorkingBlocks(estimate, c.regime),
      costHours: durationInWords(t.totalMinutes),
      costTotal: poundsInWords(t.costPence),
      costLimit: poundsInWords(t.limitPence),
      costLimitHours: durationInWords(Math.round(t.limitHours * 60)),
      costRate: `${poundsInWords(t.ratePencePerHour)} an hour`,
      costToConfirm: estimate.scope === 'confirm-or-deny' ? 'yes' : '',
      costToComply: estimate.scope === 'confirm-or-deny' ? '' : 'yes',
    });
  }

  // The officer's own answers, with a flag for each choice ({{#if fields.outcome.not-held}}).
  for (const [id, value] of Object.entries(data.fields)) {
    values[`fields.${id}`] = value;
    const v = value.trim();
    if (/^[\w-]+$/.test(v)) values[`fields.${id}.${v}`] = 'yes';
  }
  const pence = parsePounds(data.fields.amount ?? '');
  if (pence !== null) values.feeAmount = poundsInWords(pence);
  const enclosures = (data.fields.attachmentsList ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-•*]\s+)?/, '').trim())
    .filter((l) => l !== '');
  if (enclosures.length) values.attachments = [{ kind: 'list', items: enclosures }];
  return values;
}
