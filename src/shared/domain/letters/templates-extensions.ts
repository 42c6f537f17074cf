// Default wording: extension notices (EIR and EISR reg 7; UK GDPR Art 12(3)) and the subject
// access refusal (UK GDPR Art 12(4), with the DPA 2018 exemptions).
import type { LetterTemplate } from './templates';
import { ART15_DETAILS } from './templates-requests';

const OPENING = `Thank you for your request, which we received on {{case.received}}.{{#if requestText}} You asked:{{/if}}

{{requestQuoted}}`;

export const eirExtension: LetterTemplate = {
  kind: 'eir-extension',
  subject: '{{law.requestTitle}} {{case.reference}}: we need more time',
  body: `${OPENING}

We are dealing with your request under {{law.act}}. We are required to respond within 20 working days of receiving it. Because of the volume and complexity of the information you asked for, it is impracticable for us to respond, or to decide to refuse, within that time.
{{#if regime.eir}}
Regulation 7(1) of the Regulations allows us to extend the time to 40 working days, and regulation 7(3) requires us to tell you, with our reasons, within the first 20 working days. This letter is that notice.
{{/if}}
{{#if regime.eisr}}
Regulation 7(1) of the Regulations allows us to extend the time by up to a further 20 working days, and regulation 7(2) requires us to tell you, with our reasons, within the first 20 working days. This letter is that notice.
{{/if}}

## Why we need more time

{{fields.reasons}}

We will respond as soon as possible and no later than {{extendedDueDate}}.

## If you are not satisfied

{{rightsParagraph}}`,
};

export const sarExtension: LetterTemplate = {
  kind: 'sar-extension',
  subject: '{{law.requestTitle}} {{case.reference}}: we need more time',
  body: `${OPENING}

We normally respond to a request for your personal data within one month. Article 12(3) of the UK General Data Protection Regulation allows us to extend that by up to two further months where necessary, taking into account the complexity and number of requests, provided we tell you within the first month and give our reasons. This letter is that notice.

## Why we need more time

{{fields.reasons}}

We will respond as soon as we can and no later than {{extendedDueDate}}.

## If you are not satisfied

{{sarRights}}`,
};

export const sarRefusal: LetterTemplate = {
  kind: 'sar-refusal',
  subject: '{{law.requestTitle}} {{case.reference}}: our response',
  body: `${OPENING}

We have dealt with your request under {{law.act}}.
{{#if fields.outcome.part-refused}}
We are providing some of your personal data, set out below. We are not providing the rest, because the exemptions in the Data Protection Act 2018 explained below apply to it.
{{/if}}
{{#if fields.outcome.refused}}
We are not providing the personal data you asked for, because the exemptions in the Data Protection Act 2018 explained below apply to it.
{{/if}}
This letter sets out our reasons, as Article 12(4) of the UK General Data Protection Regulation requires.

{{#if fields.informationProvided}}
## The personal data we are providing

{{fields.informationProvided}}
{{/if}}

## What we are not providing

{{fields.withheldSummary}}

{{dpaSchedule}}

${ART15_DETAILS}

## Your rights

{{sarRights}}`,
};
