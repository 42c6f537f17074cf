// Letter fixtures: a fictional authority, one case per regime with real derived clocks, the
// Kent s12 case (FOI/12/0385, 2012), and officer answers that let every kind build.
import { readFileSync } from 'node:fs';
import type { AuthoritySettings } from '../../src/shared/domain/settings';
import type { CaseRecord } from '../../src/shared/domain/cases';
import { deriveCaseClocks, type CaseEvent, type Regime } from '../../src/shared/domain/clocks/events';
import type { AppliedExemption, ProvisionRef } from '../../src/shared/domain/exemptions/types';
import type { CostEstimate, CostLine } from '../../src/shared/domain/costs/types';
import { appropriateLimit, costTotals } from '../../src/shared/domain/costs/s12';
import type { LetterData } from '../../src/shared/domain/letters/data';
import type { LetterKind } from '../../src/shared/domain/letters/kinds';
import { calendars } from './calendars';
import { needsPublicInterestTest } from '../../src/shared/domain/exemptions/catalogue';

export const SETTINGS: AuthoritySettings = {
  configured: true,
  name: 'Borsetshire County Council',
  address: 'Information Governance Team\nCounty Hall, Market Street\nBorchester BC1 1AA',
  email: 'foi@borsetshire.gov.example',
  centralGovernment: false,
  referenceFormat: 'FOI/{yyyy}/{seq:4}',
  signatoryName: 'Siân Ellis-Brown',
  signatoryTitle: 'Information Governance Officer',
  region: 'england-and-wales',
};

export const REQUEST = 'Please send me the contract between the council and Borsetshire Highways Ltd for pothole repairs, including the pricing schedule, and any performance reports for 2025.';

export function caseRecord(regime: Regime, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    reference: `${regime.toUpperCase()}/2026/0007`,
    regime,
    received: '2026-03-02',
    requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org', address: '3 The Green\nAmbridge\nBorsetshire AM1 2BB', organisation: '' },
    summary: 'Highways contract and performance reports',
    requestText: REQUEST,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    officer: 'test-officer',
    version: 1,
    ...over,
  };
}

export const ref = (act: ProvisionRef['act'], section: string, subsection: string): ProvisionRef => ({ act, section, subsection });

export function exemption(r: ProvisionRef, over: Partial<AppliedExemption> = {}): AppliedExemption {
  return {
    ref: r, ncnd: false, item: 'the pricing schedule',
    engagement: 'The schedule sets out the contractor’s unit rates, which are being re-tendered this year. Publishing them would be likely to prejudice the contractor’s position in that competition.',
    publicInterestFor: 'There is a strong public interest in knowing how public money is spent on road repairs.',
    publicInterestAgainst: 'There is a public interest in a fair tender that secures value for money, which publishing current rates would be likely to undermine.',
    balance: 'We have concluded that the public interest in withholding the rates until the tender closes outweighs the public interest in disclosure now.',
    decidedBy: 'Siân Ellis-Brown', decidedOn: '2026-03-20', qualifiedPerson: null, reasoning: {},
    ...over,
  };
}

const EXEMPTIONS: Record<Exclude<Regime, 'sar'>, AppliedExemption[]> = {
  foia: [
    exemption(ref('FOIA', '43', '(2)')),
    exemption(ref('FOIA', '40', '(2)'), {
      item: 'the names of junior staff in the performance reports', engagement: 'These are the personal data of junior staff who would not expect their names to be published; disclosure would breach the data protection principles.',
      publicInterestFor: '', publicInterestAgainst: '', balance: '',
    }),
  ],
  eir: [exemption(ref('EIR', '12', '(5)(e)'))],
  eisr: [exemption(ref('EISR', '10', '(5)(e)'))],
  foisa: [exemption(ref('FOISA', '33', '(1)(b)'))],
};

/** A subject access part-refusal: third-party data withheld with the para 16 reasoning. */
export const SAR_EXEMPTIONS: AppliedExemption[] = [
  exemption(ref('DPA', 'Sch 2 para 16', ''), {
    item: 'the names and comments of your neighbours in the complaint file',
    engagement: 'The complaint file records what two neighbours said about the noise; giving it to you would identify them.',
    publicInterestFor: '', publicInterestAgainst: '', balance: '',
    reasoning: {
      otherPerson: 'Two neighbours who complained about the noise.',
      consentSought: 'We asked both on 10 March 2026; one refused and one did not reply.',
      typeOfInformation: 'Their names, addresses and what they said about you.',
      confidentiality: 'They gave their accounts in confidence, as the complaint form promises.',
      reasonableness: 'One neighbour refused consent and both were promised confidence; the substance of the complaint is given to you without their names.',
    },
  }),
];

/** UK GDPR Art 15(1)(a)-(d), (g): what a SAR response or refusal gives besides the data. */
export const ART15_FIELDS = {
  purposes: 'To investigate and resolve complaints about noise under the Environmental Protection Act 1990.',
  categories: 'Your name, address and contact details; complaint records; our correspondence with you.',
  recipients: 'Our environmental health team; no one outside the council.',
  retention: 'Six years after the complaint is closed.',
  source: 'You, your neighbours and our officers’ visits.',
};

/** An estimate whose lines total `extraMinutes` more than 18 hours (1080 minutes, £450 at £25). */
export function kentEstimate(extraMinutes: number, regime: Regime = 'foia'): CostEstimate {
  const lines: CostLine[] = [
    { activity: 'locating', description: 'social workers asked to search their case files', quantity: 360, minutesEach: 3 },
    ...(extraMinutes > 0 ? [{ activity: 'extracting' as const, description: 'records of searches noted', quantity: extraMinutes / 5, minutesEach: 5 }] : []),
  ];
  const totals = costTotals(lines, appropriateLimit(regime, false));
  return { scope: 'comply', lines, totals, aggregatedWith: [], aggregateTotals: null };
}

export const S16_ADVICE = 'We could answer question 4 within the limit if it were limited to one team. If you would like to narrow your request, for example to the Ashford children’s social work team for 2011, please let us know.';

const KENT_REQUEST = readFileSync('test/fixtures/samples/kent-social-services-facebook-thread.txt', 'utf8')
  .split('Dear Kent County Council,')[1]!
  .split('Yours faithfully')[0]!
  .trim();

/** Kent County Council, FOI/12/0385, received Monday 12 March 2012: a local authority (£450). */
export function kentData(extraMinutes = 120): LetterData {
  const c = caseRecord('foia', {
    reference: 'FOI/12/0385', received: '2012-03-12', requestText: KENT_REQUEST, summary: 'Social workers and Facebook',
    requester: { name: 'Sandy Joyce', email: 'sandy.joyce@example.org', address: '', organisation: '' },
  });
  const today = '2012-04-10';
  return {
    settings: { ...SETTINGS, name: 'Kent County Council', address: 'Sessions House\nCounty Road\nMaidstone ME14 1XQ', email: 'foi@kent.example' },
    caseRecord: c, clocks: deriveCaseClocks('foia', c.received, [], calendars, today), events: [], today,
    exemptions: [], cost: kentEstimate(extraMinutes), s16Advice: S16_ADVICE, fields: {},
  };
}

/** Officer answers that let each kind build. */
export const FIELDS: Record<LetterKind, Record<string, string>> = {
  acknowledgement: {},
  clarification: { question: 'Which performance reports do you mean: the monthly contract reports, or the annual report to the Highways Committee?' },
  'fees-notice': { amount: '12.50', breakdown: '- 120 pages printed at 10p a page: £12.00\n- Postage: £0.50', howToPay: 'You can pay by card on 01632 960000.' },
  response: { outcome: 'provided', informationProvided: 'The contract is enclosed.', attachmentsList: 'Highways contract 2023.pdf\nPerformance report 2025.pdf' },
  refusal: { withheldSummary: 'We are withholding the pricing schedule and the names of junior staff.', releasedSummary: 'The rest of the contract is enclosed.' },
  's12-refusal': {},
  's14-refusal': { grounds: 'repeated', reasons: 'Your request of 2 March 2026 repeats your request FOI/2026/0002, which we answered on 20 February 2026.' },
  'pit-extension': { reasons: 'We need to consult the contractor about the pricing schedule.' },
  'review-acknowledgement': {},
  'review-outcome': {
    outcome: 'partly-upheld', reviewerName: 'Dr Amal Haddad', reviewerTitle: 'Head of Legal Services',
    findings: 'You said the council had wrongly withheld the pricing schedule.\n\nThe tender closed on 1 April 2026, so the rates are no longer commercially sensitive.',
    nowReleased: 'The pricing schedule is enclosed.',
    failure: 'We withheld the pricing schedule after the tender had closed, when the exception no longer applied.',
    actionTaken: 'We are releasing the pricing schedule with this letter.',
    actionBy: 'Today, with this letter.',
  },
  'eir-extension': { reasons: 'The request covers 14 years of monitoring data held in three systems, some on paper, which must be retrieved and checked.' },
  'sar-extension': { reasons: 'Your request covers records held by five services over twelve years, many on paper in our archive.' },
  'sar-refusal': {
    outcome: 'part-refused', withheldSummary: 'The names and comments of the neighbours who complained.',
    informationProvided: 'Copies of your complaint file, with the neighbours’ details removed, are enclosed.', ...ART15_FIELDS,
  },
};

/** The case as each kind meets it: responded, extended, or under review. */
function eventsFor(kind: LetterKind): CaseEvent[] {
  const responded: CaseEvent = { type: 'responded', date: '2026-03-27' };
  switch (kind) {
    case 'pit-extension':
      return [{ type: 'pit-extension', date: '2026-03-27', estimate: '2026-04-28' }];
    case 'eir-extension':
      return [{ type: 'eir-extension', date: '2026-03-27' }];
    case 'sar-extension':
      return [{ type: 'sar-extension', date: '2026-03-27' }];
    case 'review-acknowledgement':
    case 'review-outcome':
      return [responded, { type: 'review-requested', date: '2026-04-14' }];
    default:
      return [];
  }
}

/** Everything a letter of `kind` needs, for a case under `regime`. */
export function letterData(kind: LetterKind, regime: Regime, over: Partial<LetterData> = {}): LetterData {
  const c = caseRecord(regime);
  const events = eventsFor(kind);
  const today = kind === 'review-outcome' ? '2026-05-08' : kind === 'review-acknowledgement' ? '2026-04-15' : '2026-03-27';
  return {
    settings: SETTINGS,
    caseRecord: c,
    clocks: deriveCaseClocks(regime, c.received, events, calendars, today),
    events,
    today,
    // A public interest extension is only for qualified exemptions (s10(3)).
    exemptions: regime === 'sar' ? SAR_EXEMPTIONS : EXEMPTIONS[regime].filter((e) => kind !== 'pit-extension' || needsPublicInterestTest(e.ref)),
    // FOISA counts staff time at £15 an hour against £600 (40 hours): 43 hours exceeds it.
    cost: kind === 's12-refusal' ? kentEstimate(regime === 'foisa' ? 1500 : 120, regime) : null,
    s16Advice: kind === 's12-refusal' ? S16_ADVICE : '',
    fields: regime === 'sar' && kind === 'response' ? { ...FIELDS[kind], ...ART15_FIELDS } : FIELDS[kind],
    ...over,
  };
}
