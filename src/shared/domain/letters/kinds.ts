// The letters Disclose produces, which regimes each one belongs to, and the facts an officer
// supplies for a letter that the case record does not hold. The ids are a CLI contract.
import type { Regime } from '../clocks/events';

export const LETTER_KINDS = [
  'acknowledgement', 'clarification', 'fees-notice', 'response', 'refusal', 's12-refusal',
  's14-refusal', 'pit-extension', 'review-acknowledgement', 'review-outcome', 'eir-extension',
  'sar-extension', 'sar-refusal',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  acknowledgement: 'Acknowledgement',
  clarification: 'Clarification request',
  'fees-notice': 'Fees notice',
  response: 'Response',
  refusal: 'Refusal notice',
  's12-refusal': 'Cost limit refusal',
  's14-refusal': 'Vexatious or repeated request refusal',
  'pit-extension': 'Public interest extension',
  'review-acknowledgement': 'Review acknowledgement',
  'review-outcome': 'Review outcome',
  'eir-extension': 'Extension notice (environmental information)',
  'sar-extension': 'Extension notice (subject access)',
  'sar-refusal': 'Subject access refusal',
};

const ALL: readonly Regime[] = ['foia', 'eir', 'eisr', 'foisa', 'sar'];
const FOI: readonly Regime[] = ['foia', 'eir', 'eisr', 'foisa'];

/**
 * Where each letter has a basis in law. The EIR and EISR have no cost limit or vexatious-request
 * section: both are the manifestly unreasonable exception (EIR reg 12(4)(b), EISR reg 10(4)(b)),
 * which needs a public interest test, so they go in the refusal letter. FOISA has no public
 * interest extension (s10 is 20 working days, full stop); the EIR and EISR extend for volume and
 * complexity instead (reg 7, the eir-extension letter). A subject access request has no statutory
 * internal review, no FOI fees notice, no cost limit and no public interest test: it is extended
 * under UK GDPR Art 12(3) and refused under Art 12(4) with the DPA 2018 exemptions.
 */
export const LETTER_KIND_REGIMES: Record<LetterKind, readonly Regime[]> = {
  acknowledgement: ALL,
  clarification: ALL,
  'fees-notice': FOI,
  response: ALL,
  refusal: FOI,
  's12-refusal': ['foia', 'foisa'],
  's14-refusal': ['foia', 'foisa'],
  'pit-extension': ['foia'],
  'review-acknowledgement': FOI,
  'review-outcome': FOI,
  'eir-extension': ['eir', 'eisr'],
  'sar-extension': ['sar'],
  'sar-refusal': ['sar'],
};

export function letterKindsFor(regime: Regime): LetterKind[] {
  return LETTER_KINDS.filter((k) => LETTER_KIND_REGIMES[k].includes(regime));
}

export interface LetterFieldOption {
  value: string;
  label: string;
}

/** A fact the officer types or picks when producing a letter; merged as {{fields.<id>}}. */
export interface LetterFieldSpec {
  id: string;
  label: string;
  hint?: string;
  required: boolean;
  /** Required only when another field has one of these values (e.g. a not-held explanation). */
  requiredWhen?: { field: string; values: string[] };
  multiline: boolean;
  /** A choice: the value must be one of these, and {{#if fields.<id>.<value>}} tests it. */
  options?: LetterFieldOption[];
  /** 'money': pounds as typed ("12.50", "£12.50"), checked and merged formatted. */
  format?: 'money';
  /** Asked only on cases under these regimes (e.g. the Art 15 information on a SAR response). */
  regimes?: readonly Regime[];
}

/** The fields a letter of this kind asks for on a case under this regime. */
export function letterFieldsFor(kind: LetterKind, regime: Regime): LetterFieldSpec[] {
  return LETTER_FIELDS[kind].filter((f) => !f.regimes || f.regimes.includes(regime));
}

const text = (id: string, label: string, required: boolean, hint?: string): LetterFieldSpec => ({
  id, label, required, multiline: true, ...(hint ? { hint } : {}),
});

/**
 * UK GDPR Art 15(1)(a)-(d), (g), (h) and 15(2): what a subject access response gives besides the
 * data. The rights (15(1)(e)-(f)) are written into the letter; these the officer completes.
 */
const ART15: LetterFieldSpec[] = [
  text('purposes', 'Purposes of the processing', true, 'Art 15(1)(a): why we hold and use the requester’s data.'),
  text('categories', 'Categories of personal data', true, 'Art 15(1)(b): e.g. contact details, case notes, correspondence.'),
  text('recipients', 'Recipients', true, 'Art 15(1)(c): who it has been or will be disclosed to, including any outside the UK.'),
  text('retention', 'How long it is kept', true, 'Art 15(1)(d): the retention period, or the criteria used to decide it.'),
  text('source', 'Where it came from', true, 'Art 15(1)(g): where not collected from the requester, any available information on its source.'),
  text('automatedDecisions', 'Automated decision-making', false, 'Art 15(1)(h): any automated decision-making, including profiling; leave empty if there is none.'),
  text('transfers', 'Safeguards for transfers outside the UK', false, 'Art 15(2): the safeguards for any transfer to a third country; leave empty if there is none.'),
].map((f) => ({ ...f, regimes: ['sar'] as const }));

const ENVIRONMENTAL: readonly Regime[] = ['eir', 'eisr'];

export const LETTER_FIELDS: Record<LetterKind, LetterFieldSpec[]> = {
  acknowledgement: [],
  clarification: [
    text('question', 'What needs clarifying', true, 'What you need the requester to tell you, in plain words.'),
    text('suggestions', 'Suggestions (advice and assistance)', false, 'Ways the requester could describe what they want, e.g. a date range or a team.'),
  ],
  'fees-notice': [
    { id: 'amount', label: 'Amount', hint: 'In pounds, e.g. 12.50.', required: true, multiline: false, format: 'money' },
    text('breakdown', 'How the fee is made up', false, 'One item a line, e.g. "- 120 pages photocopied at 10p a page: £12.00".'),
    text('howToPay', 'How to pay', false, 'Payment methods, the account or the payment page, and what to quote.'),
  ],
  response: [
    {
      id: 'outcome', label: 'Outcome', required: true, multiline: false,
      options: [
        { value: 'provided', label: 'Information provided in full' },
        { value: 'partly-provided', label: 'Some provided, the rest not held' },
        { value: 'not-held', label: 'Information not held' },
      ],
    },
    {
      ...text('informationProvided', 'Information provided', false, 'The answer itself, or a description of what is enclosed.'),
      requiredWhen: { field: 'outcome', values: ['provided', 'partly-provided'] },
    },
    {
      ...text('notHeldExplanation', 'Why the information is not held', false, 'The searches made (where, which terms, who), and why none was found.'),
      requiredWhen: { field: 'outcome', values: ['not-held', 'partly-provided'] },
    },
    text('attachmentsList', 'Enclosures', false, 'One document a line.'),
    ...ART15,
  ],
  refusal: [
    text('withheldSummary', 'What is withheld', true, 'The information or documents withheld. Where you neither confirm nor deny, say what the refusal covers without saying whether it is held.'),
    text('releasedSummary', 'What is released', false, 'What you are providing, when you are withholding only part.'),
  ],
  's12-refusal': [],
  's14-refusal': [
    {
      id: 'grounds', label: 'Grounds', required: true, multiline: false,
      options: [
        { value: 'vexatious', label: 'Vexatious (section 14(1))' },
        { value: 'repeated', label: 'Repeated (section 14(2))' },
      ],
    },
    text('reasons', 'Reasons', false, 'Why the request is vexatious, or which earlier request it repeats and when it was answered.'),
  ],
  'pit-extension': [
    text('reasons', 'Reasons for the extension', false, 'Why the public interest needs more time to weigh (optional).'),
  ],
  'review-acknowledgement': [],
  'review-outcome': [
    {
      id: 'outcome', label: 'Outcome', required: true, multiline: false,
      options: [
        { value: 'upheld', label: 'Upheld: the original response stands' },
        { value: 'partly-upheld', label: 'Partly upheld: some information now released' },
        { value: 'overturned', label: 'Overturned' },
      ],
    },
    { id: 'reviewerName', label: 'Reviewer', required: false, multiline: false },
    { id: 'reviewerTitle', label: 'Reviewer’s role', required: false, multiline: false },
    text('findings', 'Findings', true, 'What the requester complained about and what the review found on each point.'),
    text('nowReleased', 'Information now released', false, 'What is released as a result of the review.'),
    // EIR reg 11(5) (and EISR reg 16(5) [R]): where the authority finds it failed to comply, the
    // decision states the failure, the action it will take, and the period within which it will.
    ...[
      text('failure', 'How we failed to comply', false, 'EIR reg 11(5)(a): what the reconsideration found was wrong.'),
      text('actionTaken', 'The action we will take', false, 'EIR reg 11(5)(b): what we will do to comply.'),
      { id: 'actionBy', label: 'When the action will be taken', hint: 'EIR reg 11(5)(c): the period or date, e.g. "within 10 working days, by 22 May 2026".', required: false, multiline: false },
    ].map((f): LetterFieldSpec => ({ ...f, regimes: ENVIRONMENTAL, requiredWhen: { field: 'outcome', values: ['partly-upheld', 'overturned'] } })),
  ],
  'eir-extension': [
    text('reasons', 'Why more time is needed', true, 'Reg 7(1): why the volume and complexity of the information make it impracticable to respond within 20 working days.'),
  ],
  'sar-extension': [
    text('reasons', 'Why more time is needed', true, 'Art 12(3): why the request is complex, or the number of requests from this person.'),
  ],
  'sar-refusal': [
    {
      id: 'outcome', label: 'Outcome', required: true, multiline: false,
      options: [
        { value: 'part-refused', label: 'Some personal data provided, some withheld' },
        { value: 'refused', label: 'All of it withheld' },
      ],
    },
    text('withheldSummary', 'What is withheld', true, 'The personal data withheld, described without giving it away.'),
    {
      ...text('informationProvided', 'What is provided', false, 'The personal data provided, or a description of what is enclosed.'),
      requiredWhen: { field: 'outcome', values: ['part-refused'] },
    },
    ...ART15,
  ],
};
