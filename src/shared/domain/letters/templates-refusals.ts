// Default wording: refusal notices (FOIA s17; EIR reg 14; EISR reg 13; FOISA s16, s18) and the
// s17(2) extension.
import type { LetterTemplate } from './templates';

const OPENING = `Thank you for your request, which we received on {{case.received}}.{{#if requestText}} You asked:{{/if}}

{{requestQuoted}}`;

const RIGHTS = `## If you are not satisfied

{{rightsParagraph}}`;

export const refusal: LetterTemplate = {
  kind: 'refusal',
  subject: '{{law.requestTitle}} {{case.reference}}: refusal notice',
  body: `${OPENING}

We have dealt with your request under {{law.act}}. This letter is our refusal notice under {{law.refusalNotice}}.
{{#if foisaHolds}}
We hold the information you asked for{{#if foisaS18}}, except for any part where we say below that we neither confirm nor deny holding it{{/if}} (section 16(1)(a) of the Act).
{{/if}}
{{#if foisaS18}}
Where we neither confirm nor deny holding information, this letter is a refusal notice under section 18(1) of the Act: revealing whether the information exists or is held would be contrary to the public interest. As section 18(2) allows, it does not say whether we hold it.
{{/if}}

{{#if fields.releasedSummary}}
## What we are providing

{{fields.releasedSummary}}
{{/if}}

## What we are not providing

{{fields.withheldSummary}}

We are relying on the {{law.exemptions}} set out below. For each one we explain why it applies and, where the law requires it, how we weighed the public interest.
{{#if regime.eir}}
In doing so we have interpreted each exception restrictively and applied the presumption in favour of disclosure (regulation 12(2)).
{{/if}}
{{#if regime.eisr}}
In doing so we have interpreted each exception restrictively and applied the presumption in favour of disclosure (regulation 10(2)).
{{/if}}

{{exemptionsSchedule}}

${RIGHTS}`,
};

export const s12Refusal: LetterTemplate = {
  kind: 's12-refusal',
  subject: '{{law.requestTitle}} {{case.reference}}: refusal notice (cost limit)',
  body: `${OPENING}

We have dealt with your request under {{law.act}}.
{{#if costToConfirm}}
We estimate that the cost of finding out whether we hold the information you asked for would itself exceed the appropriate limit of {{costLimit}}. Under section 12(2) of the Act we are therefore not obliged to tell you whether we hold it, and so we neither confirm nor deny that we do; nor are we obliged to comply with the request.
{{/if}}
{{#if costToComply}}
We estimate that the cost of complying with it would exceed the appropriate limit of {{costLimit}}, so we are not obliged to comply with it (section 12(1) of the Act).
{{/if}}
{{#if regime.foia}}
This letter is our notice of that decision under section 17(5) of the Act.
{{/if}}
{{#if regime.foisa}}
This letter is our notice of that decision under section 16(4) of the Act.
{{/if}}

## How we estimated the cost

{{#if regime.foia}}
The limit is set by the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004. For this authority it is {{costLimit}}, which is {{costLimitHours}} of staff time at {{costRate}}. The estimate may include only the time we expect to spend finding out whether we hold the information, and locating, retrieving and extracting it (regulation 4(3)). It does not include time spent deciding whether any of it should be withheld, or redacting it.
{{/if}}
{{#if regime.foisa}}
The limit is set by the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 at {{costLimit}}, with staff time counted at no more than {{costRate}}. The estimate may include only the cost of locating, retrieving and providing the information. It does not include the cost of deciding whether we hold it or whether it should be given to you.
{{/if}}

{{#if costToConfirm}}
We estimate that finding out whether we hold the information would take {{costHours}}, which at {{costRate}} is {{costTotal}}. We worked this out as follows:
{{/if}}
{{#if costToComply}}
We estimate that complying with your request would take {{costHours}}, which at {{costRate}} is {{costTotal}}. We worked this out as follows:
{{/if}}

{{costWorking}}

## Advice and assistance

{{s16Advice}}

If you make a new, narrower request, we will deal with it as a new request.

${RIGHTS}`,
};

export const s14Refusal: LetterTemplate = {
  kind: 's14-refusal',
  subject: '{{law.requestTitle}} {{case.reference}}: refusal notice',
  body: `${OPENING}

{{#if fields.grounds.vexatious}}
We have decided not to comply with your request because we consider it vexatious. Under section 14(1) of {{law.act}} we are not obliged to comply with a vexatious request.
{{/if}}
{{#if fields.grounds.repeated}}
We have decided not to comply with your request because it is identical or substantially similar to an earlier request from you that we have already answered, and a reasonable interval has not passed since then. Under section 14(2) of {{law.act}} we are not obliged to comply with a repeated request.
{{/if}}

{{#if fields.reasons}}
## Our reasons

{{fields.reasons}}
{{/if}}

{{#if regime.foia}}
This letter is our notice of that decision under section 17(5) of the Act.
{{/if}}
{{#if regime.foisa}}
This letter is our notice of that decision under section 16(5) of the Act.
{{/if}}
It lists no exemptions: we have not considered whether any would apply to the information.

${RIGHTS}`,
};

export const pitExtension: LetterTemplate = {
  kind: 'pit-extension',
  subject: '{{law.requestTitle}} {{case.reference}}: public interest extension',
  body: `${OPENING}

We are dealing with your request under the Freedom of Information Act 2000. The information you asked for is exempt information under the exemptions below: each of them is engaged, for the reasons we give (section 17(1) of the Act).

{{exemptionsEngaged}}

Each of these exemptions is qualified: we may withhold information under it only if, in all the circumstances, the public interest in maintaining the exemption outweighs the public interest in disclosing the information. We have not yet reached a decision on where the balance of the public interest lies. Section 10(3) of the Act allows us a reasonable extension of time to consider it, and that is the only reason for this extension.

We estimate that we will reach a decision, and send you our full response, by {{pitEstimate}}. If we find that we cannot meet that date, we will write to tell you why and when you can expect our response.

{{fields.reasons}}

This letter is our notice under section 17(1) and (2) of the Act.

${RIGHTS}`,
};
