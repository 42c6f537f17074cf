// Default wording: the letters that move a request along (acknowledge, clarify, charge, answer).
// Plain English, regime by regime where the law differs. Authorities edit their own copies.
import type { LetterTemplate } from './templates';

const THANKS = 'Thank you for your request, which we received on {{case.received}}.';
const YOU_ASKED = '{{#if requestText}} You asked:{{/if}}';

/** The Art 15(1)-(2) information every subject access response gives, from the officer's fields. */
export const ART15_DETAILS = `## About our use of your personal data

Purposes: {{fields.purposes}}

Categories of personal data: {{fields.categories}}

Who it has been or will be disclosed to: {{fields.recipients}}

How long we keep it: {{fields.retention}}

Where it came from: {{fields.source}}
{{#if fields.automatedDecisions}}

Automated decision-making: {{fields.automatedDecisions}}
{{/if}}
{{#if fields.transfers}}

Transfers outside the United Kingdom: {{fields.transfers}}
{{/if}}`;

export const acknowledgement: LetterTemplate = {
  kind: 'acknowledgement',
  subject: '{{law.requestTitle}} {{case.reference}}',
  body: `${THANKS} We are dealing with it under {{law.act}}.${YOU_ASKED}

{{requestQuoted}}

{{#if regime.foia}}
We will respond promptly and in any event no later than {{dueDate}}, which is 20 working days after the day we received your request (section 10 of the Freedom of Information Act 2000).
{{/if}}
{{#if regime.eir}}
We will respond as soon as possible and no later than {{dueDate}}, which is 20 working days after the day we received your request (regulation 5(2) of the Environmental Information Regulations 2004). If the request turns out to be so complex and voluminous that we need longer, we may extend this to 40 working days; we would tell you before {{dueDate}}.
{{/if}}
{{#if regime.foisa}}
We will respond promptly and in any event no later than {{dueDate}}, which is 20 working days after the day we received your request (section 10 of the Freedom of Information (Scotland) Act 2002). Please allow time for postal delivery.
{{/if}}
{{#if regime.eisr}}
We will respond as soon as possible and no later than {{dueDate}}, which is 20 working days after the day we received your request (regulation 5(2) of the Environmental Information (Scotland) Regulations 2004). If the volume and complexity of the information make that impracticable, we may extend this by up to a further 20 working days; we would tell you before {{dueDate}}.
{{/if}}
{{#if regime.sar}}
We will respond without undue delay and in any event by {{dueDate}}, one month after the day we received your request (Article 12(3) of the UK General Data Protection Regulation).

If we need more information to confirm your identity, the month runs from when we receive it; if we need you to clarify what you want, the time limit pauses until you reply. We will contact you if either is needed.
{{/if}}

{{#if regime.foi}}
If we need you to clarify what you are asking for, or if a fee is payable, we will write to you. The time for our response may then start again from your reply, or pause until the fee is paid.
{{/if}}

Please quote the reference {{case.reference}} in any correspondence about this request.`,
};

export const clarification: LetterTemplate = {
  kind: 'clarification',
  subject: '{{law.requestTitle}} {{case.reference}}: we need more information',
  body: `${THANKS}${YOU_ASKED}

{{requestQuoted}}

So that we can identify and find the information you want, we need you to tell us more:

{{fields.question}}

{{#if fields.suggestions}}
## Suggestions

{{fields.suggestions}}
{{/if}}

## What happens next

{{#if regime.foia}}
Section 1(3) of the Freedom of Information Act 2000 allows us to ask for this, and we do not have to deal with your request until you reply. When your reply arrives, the 20 working days we have to respond start again from that day (section 10(6)(b)).
{{/if}}
{{#if regime.eir}}
Regulation 9(2) of the Environmental Information Regulations 2004 allows us to ask for more particulars when a request is too general, and we are happy to help you provide them. When your reply arrives, the 20 working days we have to respond start again from that day (regulation 9(4)).
{{/if}}
{{#if regime.foisa}}
Section 1(3) of the Freedom of Information (Scotland) Act 2002 allows us to ask for this, and we do not have to deal with your request until you reply. When your reply arrives, the 20 working days we have to respond start again from that day (section 10(1)(b)).
{{/if}}
{{#if regime.eisr}}
Regulation 9(2) of the Environmental Information (Scotland) Regulations 2004 allows us to ask for more particulars when a request is too general, and we are happy to help you provide them. When your reply arrives, the 20 working days we have to respond start again from that day.
{{/if}}
{{#if regime.sar}}
We need this to find the personal data you are asking for. The time we have to respond is paused from the date of this letter until your reply arrives.
{{/if}}

{{#if regime.foi}}
If we have not heard from you within three months of the date of this letter, we will take it that you no longer wish to pursue the request and close it. You are welcome to make a new request at any time.
{{/if}}

Please reply {{authority.contact}}, quoting reference {{case.reference}}.`,
};

export const feesNotice: LetterTemplate = {
  kind: 'fees-notice',
  subject: '{{law.requestTitle}} {{case.reference}}: fees notice',
  body: `${THANKS}${YOU_ASKED}

{{requestQuoted}}

We can provide the information you asked for, but there is a charge of {{feeAmount}}, which must be paid before we send it.
{{#if regime.foia}}
This letter is a fees notice under section 9 of the Freedom of Information Act 2000.
{{/if}}
{{#if regime.foisa}}
This letter is a fees notice under section 9 of the Freedom of Information (Scotland) Act 2002. We have worked out the fee as the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004 require.
{{/if}}
{{#if regime.eir}}
Regulation 8 of the Environmental Information Regulations 2004 allows us to make a reasonable charge for environmental information and to ask for it in advance.
{{/if}}
{{#if regime.eisr}}
Regulation 8 of the Environmental Information (Scotland) Regulations 2004 allows us to make a reasonable charge for environmental information and to ask for it in advance.
{{/if}}

{{#if fields.breakdown}}
## How the fee is made up

{{fields.breakdown}}
{{/if}}

## Paying the fee

{{fields.howToPay}}

Please quote reference {{case.reference}} with your payment.
{{#if regime.foia}}
If the fee has not been paid within three months beginning with the date of this notice, that is by {{feeDueDate}}, we will not be obliged to provide the information (section 9(2)). The time we have to respond does not run from the date of this notice until the fee arrives (section 10(2)).
{{/if}}
{{#if regime.foisa}}
If the fee has not been paid within three months beginning with the date of this notice, that is by {{feeDueDate}}, we will not be obliged to provide the information (section 9(4)). The time we have to respond does not run from the date of this notice until the fee arrives (section 10(2)).
{{/if}}
{{#if regime.environmental}}
We will not provide the information until the fee is paid{{#if feeDueDate}}, and if it has not been paid by {{feeDueDate}} we will treat your request as closed{{/if}}. The time we have to respond does not run while we wait for payment (regulation 8).
{{/if}}

If you would like to narrow your request to reduce or avoid the fee, please contact us {{authority.contact}} and we will help.

## If you are not satisfied

{{rightsParagraph}}`,
};

export const response: LetterTemplate = {
  kind: 'response',
  subject: '{{law.requestTitle}} {{case.reference}}: our response',
  body: `${THANKS}${YOU_ASKED}

{{requestQuoted}}

We have dealt with your request under {{law.act}}.
{{#if fields.outcome.provided}}
We hold the information you asked for, and it is set out below.
{{/if}}
{{#if fields.outcome.partly-provided}}
We hold some of the information you asked for, and it is set out below. We do not hold the rest, as we explain.
{{/if}}
{{#if fields.outcome.not-held}}
We do not hold the information you asked for.
{{/if}}

{{#if fields.informationProvided}}
## The information

{{fields.informationProvided}}
{{/if}}

{{#if fields.notHeldExplanation}}
## Information we do not hold

{{fields.notHeldExplanation}}
{{#if regime.eir}}

Regulation 12(4)(a) of the Regulations allows us to refuse a request for information we do not hold when the request arrives, so this letter is also our refusal notice for that information under regulation 14.
{{/if}}
{{#if regime.eisr}}

Regulation 10(4)(a) of the Regulations allows us to refuse a request for information we do not hold when the request arrives, so this letter is also our refusal notice for that information under regulation 13.
{{/if}}
{{#if regime.foisa}}

This letter is our notice under section 17(1) of the Act that we do not hold this information.
{{/if}}
{{/if}}

{{#if fields.attachmentsList}}
We enclose:

{{attachments}}
{{/if}}
{{#if regime.sar}}

${ART15_DETAILS}
{{/if}}

## If you are not satisfied

{{rightsParagraph}}`,
};
