// The acknowledgement: we have your request, this is what you asked, this is when we will answer.
import type { AuthoritySettings } from '../settings';
import type { CaseRecord } from '../cases';
import type { IsoDate } from '../dates';
import { formatLongDate } from '../dates';
import type { Regime } from '../clocks/events';
import type { LetterBlock, LetterView } from './view';
import { letterhead, recipientBlock, salutation, signatory } from './common';

const SUBJECTS: Record<Regime, string> = {
  foia: 'Freedom of Information request',
  eir: 'Request for environmental information',
  foisa: 'Freedom of Information (Scotland) request',
  sar: 'Subject access request',
};

// The statutory basis of the time limit, as the letter states it.
const TIME_LIMIT: Record<Regime, (due: string) => string> = {
  foia: (due) =>
    `We will respond promptly and in any event no later than ${due}, which is 20 working days from the date we received your request (section 10 of the Freedom of Information Act 2000).`,
  eir: (due) =>
    `We will respond as soon as possible and no later than ${due}, which is 20 working days from the date we received your request (regulation 5(2) of the Environmental Information Regulations 2004).`,
  foisa: (due) =>
    `We will respond promptly and in any event no later than ${due}, which is 20 working days from the date we received your request (section 10 of the Freedom of Information (Scotland) Act 2002). Please allow time for postal delivery.`,
  sar: (due) =>
    `We will respond without undue delay and in any event by ${due}, one month from the date we received your request (Article 12(3) UK GDPR).`,
};

const ACT: Record<Regime, string> = {
  foia: 'the Freedom of Information Act 2000',
  eir: 'the Environmental Information Regulations 2004',
  foisa: 'the Freedom of Information (Scotland) Act 2002',
  sar: 'Article 15 of the UK General Data Protection Regulation',
};

export interface AcknowledgementInput {
  settings: AuthoritySettings;
  caseRecord: CaseRecord;
  dueDate: IsoDate;
  today: IsoDate;
}

export function acknowledgementLetter({ settings, caseRecord: c, dueDate, today }: AcknowledgementInput): LetterView {
  const asked = c.requestText.trim() || c.summary.trim();
  const blocks: LetterBlock[] = [
    {
      kind: 'paragraph',
      text: `Thank you for your request, which we received on ${formatLongDate(c.received)}. We are dealing with it under ${ACT[c.regime]}.`,
    },
    ...(asked
      ? ([
          { kind: 'paragraph', text: 'You asked:' },
          { kind: 'quote', text: asked },
        ] as LetterBlock[])
      : []),
    { kind: 'paragraph', text: TIME_LIMIT[c.regime](formatLongDate(dueDate)) },
    {
      kind: 'paragraph',
      text:
        c.regime === 'sar'
          ? 'If we need further information to confirm your identity or to locate the information you want, we will contact you; the time limit may then be paused until we receive it.'
          : 'If we need you to clarify what you are asking for, or if a fee is payable, we will write to you. The time for our response may then start again from your reply, or pause until the fee is paid.',
    },
    {
      kind: 'paragraph',
      text: `Please quote the reference ${c.reference} in any correspondence about this request.`,
    },
  ];
  return {
    title: `Acknowledgement ${c.reference}`,
    date: today,
    letterhead: letterhead(settings),
    recipient: recipientBlock(c),
    references: [{ label: 'Our reference', value: c.reference }],
    subject: `${SUBJECTS[c.regime]} ${c.reference}`,
    salutation: salutation(c),
    blocks,
    closing: 'Yours sincerely',
    signatory: signatory(settings),
  };
}
