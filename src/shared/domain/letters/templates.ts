// Letter templates: plain text an authority can edit (see engine.ts for the small syntax), and
// the defaults Disclose ships. An edited template is checked with templateProblems before saving.
import type { LetterKind } from './kinds';
import { acknowledgement, clarification, feesNotice, response } from './templates-requests';
import { pitExtension, refusal, s12Refusal, s14Refusal } from './templates-refusals';
import { reviewAcknowledgement, reviewOutcome } from './templates-reviews';
import { eirExtension, sarExtension, sarRefusal } from './templates-extensions';

export interface LetterTemplate {
  kind: LetterKind;
  /** One line; merge fields and {{#if}} allowed, block fields not. */
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  acknowledgement,
  clarification,
  'fees-notice': feesNotice,
  response,
  refusal,
  's12-refusal': s12Refusal,
  's14-refusal': s14Refusal,
  'pit-extension': pitExtension,
  'review-acknowledgement': reviewAcknowledgement,
  'review-outcome': reviewOutcome,
  'eir-extension': eirExtension,
  'sar-extension': sarExtension,
  'sar-refusal': sarRefusal,
};
