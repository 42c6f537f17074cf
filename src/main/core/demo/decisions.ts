// The decisions behind a demo response: the exemptions relied on, each with the reasoning the
// regulator asks for (engagement, the public interest both ways, the balance), and for a cost
// refusal the s12 estimate by permitted activity. Each is checked as the app checks what an
// officer applies, so the register holds nothing the app would refuse.
import { findEntry, formatProvision, needsPublicInterestTest, parseProvision } from '../../../shared/domain/exemptions/catalogue';
import { actAllowed, reasoningProblems } from '../../../shared/domain/exemptions/rules';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { IsoDate } from '../../../shared/domain/dates';
import type { CostLine } from '../../../shared/domain/costs/types';
import { validateCostLine } from '../../../shared/domain/costs/s12';
import type { ResponseOutcome } from '../../../shared/domain/status';
import type { Rng } from './random';

interface Ground {
  cite: string;
  engagement: string;
  for?: string;
  against?: string;
  balance?: string;
  reasoning?: Record<string, string>;
}

const COMMERCIAL = {
  engagement: 'The unit rates and the pricing schedule were submitted in confidence during a live procurement; releasing them would let competitors undercut the supplier when the contract is re-let next year.',
  for: 'Transparency about how public money is spent, and the ability to judge whether the contract gives value for money.',
  against: 'Protecting the fair working of the market and the council’s ability to obtain best value when the service is re-tendered.',
  balance: 'The total contract value and the evaluation scores have been released; on balance the public interest in withholding the unit rates is greater while the procurement cycle is live.',
};
const PERSONAL = 'The information would identify junior members of staff and members of the public who have a reasonable expectation that their names will not be published; disclosure would not be lawful under UK GDPR Art 6(1)(f) as the legitimate interest is met by the anonymised figures provided.';
const INTERNAL = {
  engagement: 'The records are internal emails and draft briefing notes exchanged between officers while the options were being considered.',
  for: 'Public understanding of how the decision was reached and accountability for it.',
  against: 'Officers need a safe space to consider options candidly before a decision is made; the decision has not yet been taken.',
  balance: 'The final report will be published with the committee papers; the public interest favours withholding the drafts until then.',
};

const GROUNDS: Record<Regime, readonly Ground[]> = {
  foia: [
    { cite: 'FOIA s40(2)', engagement: PERSONAL },
    { cite: 'FOIA s43(2)', ...COMMERCIAL },
    { cite: 'FOIA s31(1)(a)', engagement: 'The locations and timings of covert enforcement patrols would help offenders avoid detection.', for: 'Confidence that enforcement resources are used effectively.', against: 'The prevention and detection of crime.', balance: 'The overall number of patrols is released; the detail is withheld.' },
    { cite: 'FOIA s21(1)', engagement: 'The figures are published in the annual statement of accounts on the council’s website; a link is given in the response.' },
    { cite: 'FOIA s22(1)', engagement: 'The review report is due to be published with the cabinet papers next month, as planned before the request was received.', for: 'Early access to the findings.', against: 'Publishing the report in full, with its context, on the planned date.', balance: 'It is reasonable to withhold the report until it is published next month.' },
    { cite: 'FOIA s42(1)', engagement: 'The advice was given by the council’s solicitor about the dispute with the contractor and remains live.', for: 'Understanding the legal basis of the council’s position.', against: 'The strong inbuilt public interest in legal professional privilege.', balance: 'There is no factor strong enough to override the privilege.' },
  ],
  foisa: [
    { cite: 'FOISA s38(1)(b)', engagement: PERSONAL },
    { cite: 'FOISA s33(1)(b)', ...COMMERCIAL },
    { cite: 'FOISA s30(b)(i)', ...INTERNAL },
    { cite: 'FOISA s25(1)', engagement: 'The information is published on the council’s website; a link is given in the response.' },
    { cite: 'FOISA s36(2)', engagement: 'The information was provided by a third party under an express duty of confidence, and disclosure would be an actionable breach.' },
  ],
  eir: [
    { cite: 'EIR reg 12(5)(e)', ...COMMERCIAL },
    { cite: 'EIR reg 12(4)(e)', ...INTERNAL },
    { cite: 'EIR reg 13(1)', engagement: PERSONAL },
    { cite: 'EIR reg 12(4)(d)', engagement: 'The modelling is still being completed by the council’s consultants and will be finished in the spring.', for: 'Early sight of flood risk information affecting residents.', against: 'Avoiding confusion from unfinished and unchecked figures.', balance: 'The completed study will be published in full; the public interest favours waiting for it.' },
  ],
  eisr: [
    { cite: 'EISR reg 10(5)(e)', ...COMMERCIAL },
    { cite: 'EISR reg 10(4)(e)', ...INTERNAL },
    { cite: 'EISR reg 11(2)', engagement: PERSONAL },
  ],
  sar: [
    {
      cite: 'DPA Sch 2 para 16', engagement: 'Parts of the records are about other people: neighbours who reported concerns and a member of staff.',
      reasoning: {
        otherPerson: 'Two neighbours who made reports, identified by name and address in the case notes.',
        consentSought: 'Consent was not sought: the neighbours reported in confidence and asking them would itself reveal the request.',
        typeOfInformation: 'Names, addresses and the content of their reports.',
        confidentiality: 'The reports were made on the understanding that the reporters would not be identified.',
        reasonableness: 'Disclosure without consent is not reasonable given the duty of confidence and the risk of a dispute between neighbours.',
        stillGiven: 'Everything else in the file, with the reporters’ details redacted.',
      },
    },
    {
      cite: 'DPA Sch 2 para 2', engagement: 'A small number of entries relate to an open investigation into benefit fraud.',
      reasoning: { purpose: 'The prevention or detection of crime.', likelyPrejudice: 'Disclosure now would alert the subject to the investigation and risk evidence being lost.', stillGiven: 'All other personal data held.' },
    },
    { cite: 'DPA Sch 2 para 19', engagement: 'Emails with the council’s legal team seeking advice about the claim.', reasoning: { privilege: 'Legal advice privilege: communications with the council’s solicitor for the purpose of obtaining legal advice.' } },
  ],
};

/** The exemptions relied on for a refusal or part refusal (none for other outcomes). */
export function exemptionsFor(rng: Rng, regime: Regime, outcome: ResponseOutcome | null, decidedBy: string, decidedOn: IsoDate): AppliedExemption[] {
  if (outcome !== 'refused' && outcome !== 'part-granted') return [];
  return rng.some(GROUNDS[regime], rng.int(1, 2)).map((g) => {
    const ref = parseProvision(g.cite);
    const wrong = actAllowed(regime, ref.act) ?? (findEntry(ref) ? null : `${g.cite} is not in the catalogue`) ?? reasoningProblems(ref, g.reasoning ?? {});
    if (wrong) throw new Error(`The demo register would apply what the app refuses: ${wrong}`);
    const pit = needsPublicInterestTest(ref);
    return {
      ref,
      item: '',
      ncnd: false,
      engagement: g.engagement,
      publicInterestFor: pit ? (g.for ?? '') : '',
      publicInterestAgainst: pit ? (g.against ?? '') : '',
      balance: pit ? (g.balance ?? '') : '',
      decidedBy,
      decidedOn,
      qualifiedPerson: null,
      reasoning: g.reasoning ?? {},
    };
  });
}

export const citations = (list: readonly AppliedExemption[]) => list.map((e) => formatProvision(e.ref));

/** A s12 estimate over the limit: searching the records the request would need, by activity. */
export function costLinesFor(rng: Rng, regime: Regime, team: string): CostLine[] {
  const files = rng.int(400, 2400);
  const lines: CostLine[] = regime === 'foisa' || regime === 'eisr'
    ? [
        { activity: 'locating', description: `${team} files for the period`, quantity: files, minutesEach: rng.int(2, 4), sample: null },
        { activity: 'retrieving', description: 'archived boxes from the records centre', quantity: rng.int(10, 40), minutesEach: 30, sample: null },
        { activity: 'providing', description: 'collating the figures into a table', quantity: 1, minutesEach: rng.int(120, 300), sample: null },
      ]
    : [
        { activity: 'determining', description: 'checking which systems hold the information', quantity: 1, minutesEach: rng.int(60, 120), sample: null },
        { activity: 'locating', description: `${team} case files`, quantity: files, minutesEach: 3, sample: { items: 20, minutes: 60, note: 'Twenty files were sampled and took an hour to search.' } },
        { activity: 'extracting', description: 'reading each file for the figures asked for', quantity: files, minutesEach: rng.int(1, 3), sample: null },
      ];
  return lines.map((l) => validateCostLine(l, regime));
}

export const S16_ADVICE = 'You may wish to narrow your request to a single financial year, or to the figures held centrally (the annual totals), which could be provided within the cost limit. Please contact us if you would like to discuss this.';
