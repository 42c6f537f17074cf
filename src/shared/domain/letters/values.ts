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
import { appealRights, REGIME_WORDS, reviewContact, rightsParagraph } from './law';
import { costWorkingBlocks, durationInWords, exemptionsList, exemptionsSchedule, letterTotals, poundsInWords } from './schedule';
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
  'regime.foisa': 'Not empty when the request is under the Freedom of Information (Scotland) Act 2002.',
  'regime.sar': 'Not empty when the request is a subject access request.',
  'regime.foi': 'Not empty for any freedom of information request (FOIA, EIR or FOISA), empty for a SAR.',
  'law.act': 'The law the request is handled under, e.g. "the Freedom of Information Act 2000".',
  'law.requestTitle': 'The request’s name in a subject line, e.g. "Freedom of Information request".',
  'law.exemption': '"exemption", or "exception" under the EIR.',
  'law.exemptions': '"exemptions", or "exceptions" under the EIR.',
  'law.refusalNotice': 'The provision a refusal notice is given under, once {{law.act}} is named: e.g. "section 17 of the Act".',
  'law.adviceDuty': 'The duty to advise and assist, once {{law.act}} is named: e.g. "section 16 of the Act".',
  'law.regulator': '"the Information Commissioner", or "the Scottish Information Commissioner".',
  'law.review': '"internal review", or "review" under FOISA.',
  'law.reviewRequest': '"review request", or "requirement for review" under FOISA (s20).',
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

const REVIEW_CLOCK_KEYS = ['internal-review', 'eir-reconsideration', 'foisa-review'];

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
    feeDueDate: c.regime === 'eir' ? long(deadline(['fee-payment'])) : c.regime === 'sar' ? '' : long(endOfMonthsBeginningWith(data.today, 3)),
    feeAmount: '',
    'regime.foi': c.regime === 'sar' ? '' : 'yes',
    'law.act': words.act,
    'law.requestTitle': words.requestTitle,
    'law.exemption': words.exemption,
    'law.exemptions': words.exemptions,
    'law.refusalNotice': words.refusalNotice,
    'law.adviceDuty': words.adviceDuty,
    'law.regulator': words.regulator,
    'law.review': c.regime === 'foisa' ? 'review' : 'internal review',
    'law.reviewRequest': c.regime === 'foisa' ? 'requirement for review' : 'review request',
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
    s16Advice: textBlocks(data.s16Advice),
    rightsParagraph: rightsParagraph(c.regime, contact, c.reference),
    appealRights: appealRights(c.regime),
    attachments: [],
  };
  for (const r of REGIMES) values[`regime.${r}`] = c.regime === r ? 'yes' : '';

  if (data.cost) {
    const t = letterTotals(data.cost);
    Object.assign(values, {
      costWorking: costWorkingBlocks(data.cost, c.regime),
      costHours: durationInWords(t.totalMinutes),
      costTotal: poundsInWords(t.costPence),
      costLimit: poundsInWords(t.limitPence),
      costLimitHours: durationInWords(Math.round(t.limitHours * 60)),
      costRate: `${poundsInWords(t.ratePencePerHour)} an hour`,
      costToConfirm: data.cost.scope === 'confirm-or-deny' ? 'yes' : '',
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
