// Default wording: internal review (FOIA, s45 Code), reconsideration (EIR reg 11) and review
// (FOISA s20-21; EISR reg 16), acknowledged and then decided (docs/law.md §6.2).
import type { LetterTemplate } from './templates';

export const reviewAcknowledgement: LetterTemplate = {
  kind: 'review-acknowledgement',
  subject: '{{law.requestTitle}} {{case.reference}}: {{law.reviewRequest}} received',
  body: `{{#if regime.foia}}
Thank you for asking us to carry out an internal review of how we dealt with your request {{case.reference}}, which we received on {{case.received}}. Your request for a review reached us on {{reviewRequested}}.

Someone who was not involved in the original decision will look again at how we handled your request{{#if responseDate}} and at our response of {{responseDate}}{{/if}}. We aim to send you the outcome by {{reviewDeadline}}, which is 20 working days after your review request reached us, as the Code of Practice issued under section 45 of the Freedom of Information Act 2000 recommends. If the review needs longer we will tell you why; it should not take more than 40 working days.
{{/if}}
{{#if regime.eir}}
Thank you for your representations, which reached us on {{reviewRequested}}, asking us to reconsider how we dealt with your request {{case.reference}} (received on {{case.received}}). We are treating them as representations under regulation 11 of the Environmental Information Regulations 2004.

Someone who was not involved in the original decision will consider them{{#if responseDate}}, together with our response of {{responseDate}}{{/if}}. We will tell you our decision as soon as possible and no later than {{reviewDeadline}}, which is 40 working days after your representations reached us (regulation 11(4)).
{{/if}}
{{#if regime.foisa}}
Thank you for your requirement for review of how we dealt with your request {{case.reference}}, which we received on {{case.received}}. Your requirement for review reached us on {{reviewRequested}}.

Someone who was not involved in the original decision will review our actions and decisions{{#if responseDate}}, including our response of {{responseDate}}{{/if}}. We will respond promptly and in any event no later than {{reviewDeadline}}, the 20th working day after your requirement reached us (section 21(1) of the Freedom of Information (Scotland) Act 2002).
{{/if}}
{{#if regime.eisr}}
Thank you for your request for a review of how we dealt with your request {{case.reference}}, which we received on {{case.received}}. Your request for review reached us on {{reviewRequested}}, and we are treating it as representations under regulation 16 of the Environmental Information (Scotland) Regulations 2004.

Someone who was not involved in the original decision will review it{{#if responseDate}}, together with our response of {{responseDate}}{{/if}}. We will tell you our decision as soon as possible and no later than 20 working days after your request for review reached us (regulation 16(4)){{#if reviewDeadline}}, that is by {{reviewDeadline}}{{/if}}.
{{/if}}

If you would like to add anything to your reasons for asking for the review, please write to us {{authority.contact}}, quoting reference {{case.reference}}.`,
};

export const reviewOutcome: LetterTemplate = {
  kind: 'review-outcome',
  subject: '{{law.requestTitle}} {{case.reference}}: outcome of {{law.review}}',
  body: `## Your request and our review

On {{reviewRequested}} you asked us to review how we dealt with your request {{case.reference}}, which we received on {{case.received}}{{#if responseDate}} and answered on {{responseDate}}{{/if}}.{{#if requestText}} Your request was:{{/if}}

{{requestQuoted}}

{{#if fields.reviewerName}}
The review was carried out by {{fields.reviewerName}}{{#if fields.reviewerTitle}}, {{fields.reviewerTitle}}{{/if}}, who was not involved in the original decision.
{{/if}}

## What we found

{{fields.findings}}

## Our decision

{{#if fields.outcome.upheld}}
We have upheld our original response: we are satisfied that it was correct, for the reasons above.
{{/if}}
{{#if fields.outcome.partly-upheld}}
We have upheld our original response in part: we are satisfied with some of it, but not all, for the reasons above.
{{/if}}
{{#if fields.outcome.overturned}}
We have not upheld our original response, and we apologise that we did not get it right the first time.
{{/if}}
{{#if regime.environmental}}
{{#if fields.failure}}

## Where we did not comply, and what we will do

{{#if regime.eir}}
Regulation 11(5) of the Environmental Information Regulations 2004 requires us to tell you how we failed to comply, the action we will take to put it right, and when.
{{/if}}
{{#if regime.eisr}}
Having found that we did not comply with the Environmental Information (Scotland) Regulations 2004, we must put it right (regulation 16(5)). We set out how we failed, what we will do, and when.
{{/if}}

How we failed to comply: {{fields.failure}}

The action we will take: {{fields.actionTaken}}

When: {{fields.actionBy}}
{{/if}}
{{/if}}
{{#if fields.nowReleased}}
We are now releasing the information set out below.

## Information we are now releasing

{{fields.nowReleased}}
{{/if}}

## If you are still not satisfied

{{appealRights}}`,
};
