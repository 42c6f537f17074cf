// What a demo case says: the request as the requester wrote it, and every letter and email in
// and out, in the words an information access team uses, each naming the case's own reference,
// dates, law and outcome.
import type { Requester } from '../../../shared/domain/cases';
import type { CaseEventType, Regime } from '../../../shared/domain/clocks/events';
import { formatLongDate, type IsoDate } from '../../../shared/domain/dates';
import { OUTCOME_LABELS, type ResponseOutcome, type ReviewOutcome } from '../../../shared/domain/status';
import { requesterFor } from './people';
import { LAW_NAMES, periodFor, SAR_SCOPES, topicFor } from './topics';
import type { Rng } from './random';

export interface CaseContent {
  requester: Requester;
  summary: string;
  requestText: string;
  team: string;
  columns: string;
}

export type MessageKind = CaseEventType | 'request' | 'chaser' | 'chaser-reply' | 'thanks' | 'phone' | 'update';

/** What a message needs to know about its case. */
export interface Letterhead {
  reference: string;
  regime: Regime;
  received: IsoDate;
  content: CaseContent;
  authority: string;
  signatory: string;
  /** The date of the event the message records, or of the message itself. */
  date: IsoDate;
  outcome?: ResponseOutcome | ReviewOutcome | null;
  estimate?: IsoDate | null;
  citations?: readonly string[];
}

const FORMATS = ['a spreadsheet (CSV or Excel)', 'an electronic format', 'a table in the body of an email', 'PDF'];

export function caseContent(rng: Rng, regime: Regime, received: IsoDate): CaseContent {
  const requester = requesterFor(rng, regime === 'sar');
  const sign = `${requester.name}${requester.organisation ? `\n${requester.organisation}` : ''}`;
  if (regime === 'sar') {
    const s = rng.pick(SAR_SCOPES);
    const requestText = [
      'Dear Data Protection Officer,',
      `Under ${LAW_NAMES.sar}, I am asking for a copy of ${s.scope}.`,
      rng.pick(['I would also like to know why you hold this information and who you have shared it with.', 'Please include any emails or notes in which I am mentioned by name.', 'I enclose a copy of my driving licence as proof of identity.']),
      `I have lived at my current address since ${Number(received.slice(0, 4)) - rng.int(1, 15)}. Please send the information by ${requester.email ? 'email' : 'post'}.`,
      `Yours sincerely,\n${sign}`,
    ].join('\n\n');
    return { requester, summary: `Subject access request: ${s.summary}`, requestText, team: s.team, columns: '' };
  }
  const t = topicFor(rng, regime);
  const period = periodFor(rng, Number(received.slice(0, 4)));
  const requestText = [
    rng.pick(['Dear Sir or Madam,', 'Dear Information Governance team,', 'To whom it may concern,', 'Hello,']),
    `Under ${LAW_NAMES[regime]}, please provide ${t.ask} ${period}.`,
    rng.pick([
      'If the full request would exceed the cost limit, please tell me what could be provided within it.',
      'Where figures are not held in exactly this form, please provide whatever you hold that comes closest.',
      `I am researching this for ${requester.organisation || 'a local residents’ group'} and the figures will help us understand the trend.`,
      'Please provide the information in a reusable format.',
    ]),
    `I would like to receive the information in ${rng.pick(FORMATS)}.`,
    `${rng.pick(['Yours faithfully', 'Many thanks', 'Kind regards'])},\n${sign}`,
  ].join('\n\n');
  return { requester, summary: t.summary, requestText, team: t.team, columns: t.columns };
}

const REGULATOR: Record<Regime, string> = {
  foia: "the Information Commissioner's Office",
  eir: "the Information Commissioner's Office",
  sar: "the Information Commissioner's Office",
  foisa: 'the Scottish Information Commissioner',
  eisr: 'the Scottish Information Commissioner',
};

const long = (d: IsoDate) => formatLongDate(d);

function outcomeParagraph(h: Letterhead): string {
  const o = h.outcome as ResponseOutcome;
  const cites = h.citations?.length ? h.citations.join(' and ') : null;
  switch (o) {
    case 'granted':
      return `I can confirm that the council holds the information you asked for, and it is enclosed in full.`;
    case 'part-granted':
      return `The council holds the information you asked for. Most of it is enclosed; some has been withheld under ${cites ?? 'the exemptions explained below'}. The reasons, including the public interest test where it applies, are set out in the enclosed letter.`;
    case 'refused':
      return `The council holds the information you asked for, but it is withheld under ${cites ?? 'the exemptions explained in the enclosed letter'}. The enclosed letter explains why each applies and, where required, how the public interest was weighed.`;
    case 'not-held':
      return `Following searches of the records of the ${h.content.team} team, the council does not hold the information you asked for. A description of the searches made is enclosed.`;
    case 's12':
      return 'The council estimates that the cost of complying with your request would exceed the appropriate limit, so we are not obliged to comply with it. The estimate is explained below, with advice on how you could narrow your request.';
    case 's14':
      return 'The council considers this request vexatious, having regard to the burden of the previous requests on the same subject, and will not be complying with it.';
    case 'withdrawn':
      return 'Thank you for letting us know that you no longer need this information. We have closed your request.';
    case 'transferred':
      return 'The information you asked for is held by another public authority, not the council. We have transferred your request to them with your agreement, and they will reply to you directly.';
    default:
      return 'The council has now completed its response.';
  }
}

/** Subject and text for a message of this kind. */
export function messageText(kind: MessageKind, h: Letterhead): { subject: string; body: string } {
  const { reference: ref, content: c } = h;
  const name = c.requester.name;
  const re = `Your request ${ref}: ${c.summary}`;
  const sign = `Yours sincerely,\n${h.signatory}\nInformation Governance, ${h.authority}`;
  const dear = `Dear ${name},`;
  switch (kind) {
    case 'request':
      return { subject: h.regime === 'sar' ? 'Subject access request' : `${h.regime === 'eir' || h.regime === 'eisr' ? 'EIR' : 'Freedom of Information'} request - ${c.summary}`, body: c.requestText };
    case 'acknowledged':
      return { subject: `Acknowledgement: ${re}`, body: `${dear}\n\nThank you for your request, which we received on ${long(h.received)}. It has been given the reference ${ref}; please quote it in any correspondence.\n\nWe will respond ${h.regime === 'sar' ? 'within one month' : 'within 20 working days'} of receipt, as the law requires.\n\n${sign}` };
    case 'clarification-sought':
      return { subject: `Clarification needed: ${re}`, body: `${dear}\n\nSo that we can identify the information you want, please tell us which period and which services your request covers. Until we hear from you the time for responding is on hold.\n\nIf we do not hear from you within three months we will treat the request as closed.\n\n${sign}` };
    case 'clarification-received':
      return { subject: `RE: Clarification needed: ${re}`, body: `Thank you. I am interested only in the ${c.team.toLowerCase()} records for the most recent three years, and summary figures will do.\n\n${name}` };
    case 'fees-notice':
      return { subject: `Fees notice: ${re}`, body: `${dear}\n\nThe cost of photocopying and posting the paper records you asked for is set out in the enclosed notice. Please pay within three months of the date of this notice; we will send the information when payment is received.\n\n${sign}` };
    case 'fee-received':
      return { subject: `RE: Fees notice: ${re}`, body: `I have paid the fee by bank transfer today, quoting ${ref}.\n\n${name}` };
    case 'id-requested':
      return { subject: `Proof of identity: ${re}`, body: `${dear}\n\nTo protect your personal data we need to confirm your identity before we can respond. Please send a copy of one photographic document and one proof of address dated within the last three months.\n\nThe one-month period will start when we receive them.\n\n${sign}` };
    case 'id-received':
      return { subject: `RE: Proof of identity: ${re}`, body: `Please find my proof of identity and a recent utility bill, as requested.\n\n${name}` };
    case 'pit-extension':
      return { subject: `Extension of time: ${re}`, body: `${dear}\n\nThe council holds information within the scope of your request. We consider that it may be exempt, and we need more time to consider the public interest test. We expect to respond by ${long(h.estimate ?? h.date)}.\n\n${sign}` };
    case 'eir-extension':
    case 'sar-extension':
      return { subject: `Extension of time: ${re}`, body: `${dear}\n\nBecause of the complexity and volume of the information you asked for, we need to extend the time for responding to your request, as the law allows. We will respond as soon as possible and within the extended period.\n\n${sign}` };
    case 'responded':
      return { subject: `Response: ${re}`, body: `${dear}\n\n${outcomeParagraph(h)}\n\nIf you are unhappy with this response you may ask for an internal review within 40 working days. If you remain dissatisfied you may complain to ${REGULATOR[h.regime]}.\n\n${sign}` };
    case 'review-requested':
      return { subject: `Internal review request: ${ref}`, body: `I would like an internal review of your response to my request ${ref}. ${h.outcome ? `The response (${OUTCOME_LABELS[h.outcome as ResponseOutcome]?.toLowerCase() ?? 'as given'}) did not address the whole of my request, and I do not accept that the exemptions apply to all of the information.` : 'I do not accept the reasons given.'}\n\n${name}` };
    case 'review-completed':
      return { subject: `Internal review outcome: ${re}`, body: `${dear}\n\nThe review was carried out by a senior officer not involved in the original decision. ${h.outcome === 'overturned' ? 'The original decision has been overturned, and the information is enclosed.' : h.outcome === 'partly-upheld' ? 'The original decision is upheld in part: some further information is now enclosed.' : 'The original decision is upheld, for the reasons set out in the enclosed letter.'}\n\nIf you remain dissatisfied you may apply to ${REGULATOR[h.regime]}.\n\n${sign}` };
    case 'ico-complaint':
      return { subject: `Complaint about request ${ref}`, body: `Dear Information Governance team,\n\nWe have received a complaint from ${name} about your handling of request ${ref}. Please send us a copy of the withheld information and your submissions within 20 working days.\n\nCase officer\n${REGULATOR[h.regime].replace(/^the /, '')}` };
    case 'ico-decision':
      return { subject: `Decision notice: ${ref}`, body: `Dear Information Governance team,\n\nPlease find our decision notice about request ${ref}. It is published on our website. Either party may appeal to the First-tier Tribunal within 28 days.\n\nCase officer\n${REGULATOR[h.regime].replace(/^the /, '')}` };
    case 'tribunal-appeal':
      return { subject: `Notice of appeal: ${ref}`, body: `The Tribunal has received a notice of appeal against the decision notice concerning request ${ref}. The public authority may be joined as a party; directions will follow.\n\nGeneral Regulatory Chamber, First-tier Tribunal` };
    case 'chaser':
      return { subject: `RE: ${re}`, body: `Hello, could you let me know when I can expect a response to my request ${ref}? It was sent on ${long(h.received)}.\n\nThanks,\n${name}` };
    case 'chaser-reply':
      return { subject: `RE: ${re}`, body: `${dear}\n\nThank you for your message. Your request is with the ${c.team} team, and we are on track to respond within the statutory time.\n\n${sign}` };
    case 'thanks':
      return { subject: `RE: Response: ${re}`, body: `Thank you for the information, that is very helpful.\n\n${name}` };
    case 'phone':
      return { subject: `Phone call from ${name}`, body: `${name} phoned about ${ref} to ask how the request is progressing and whether the figures could be sent as a spreadsheet. Explained the process and the expected date.` };
    case 'update':
      return { subject: `Update: ${re}`, body: `${dear}\n\nThe ${c.team} team is gathering the information for your request and we expect to respond by the due date.\n\n${sign}` };
    default:
      return { subject: re, body: `${dear}\n\n${sign}` };
  }
}
