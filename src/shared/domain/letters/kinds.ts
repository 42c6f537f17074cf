// The letters Disclose produces, which regimes each one belongs to, and the facts an officer
// supplies for a letter that the case record does not hold. The ids are a CLI contract.
import type { Regime } from '../clocks/events';

export const LETTER_KINDS = [
  'acknowledgement', 'clarification', 'fees-notice', 'response', 'refusal', 's12-refusal',
  's14-refusal', 'pit-extension', 'review-acknowledgement', 'review-outcome',
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
};

const ALL: readonly Regime[] = ['foia', 'eir', 'foisa', 'sar'];
const FOI: readonly Regime[] = ['foia', 'eir', 'foisa'];

/**
 * Where each letter has a basis in law. The EIR have no cost limit or vexatious-request section:
 * both are the reg 12(4)(b) exception, which needs a public interest test, so they go in the
 * refusal letter. FOISA has no public interest extension (s10 is 20 working days, full stop) and
 * the EIR extend for complexity and volume instead (reg 7), which is not this letter. A subject
 * access request has no statutory internal review and no FOI-style fees notice or exemptions.
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
}

const text = (id: string, label: string, required: boolean, hint?: string): LetterFieldSpec => ({
  id, label, required, multiline: true, ...(hint ? { hint } : {}),
});

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
  ],
};
