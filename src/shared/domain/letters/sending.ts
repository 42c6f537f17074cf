// What sending a letter does to the case: the event it records, the outcome it carries, and who
// signs it. Saving a letter "as sent" records this on the date chosen, so no step is keyed twice.
import type { CaseEventType } from '../clocks/events';
import type { ResponseOutcome, ReviewOutcome } from '../status';
import type { LetterKind } from './kinds';

/** The event each letter records when sent; null where the letter itself changes nothing. */
export const LETTER_EVENTS: Record<LetterKind, CaseEventType | null> = {
  acknowledgement: 'acknowledged',
  clarification: 'clarification-sought', // FOIA s1(3): the clock stops until the answer arrives
  'fees-notice': 'fees-notice', // FOIA s9(1), s10(2)
  response: 'responded',
  refusal: 'responded', // a s17(1) refusal notice is the response
  's12-refusal': 'responded',
  's14-refusal': 'responded',
  'pit-extension': 'pit-extension', // s17(2) notice; its estimate is already on the case
  'review-acknowledgement': null, // the review was requested by the requester; nothing new happens
  'review-outcome': 'review-completed',
  'eir-extension': 'eir-extension',
  'sar-extension': 'sar-extension',
  'sar-refusal': 'responded',
};

/**
 * Extension letters are written from the extension already recorded on the case (its estimate or
 * new date), so sending one files it against that event rather than recording another.
 */
export const LETTER_NEEDS_EVENT: readonly LetterKind[] = ['pit-extension', 'eir-extension', 'sar-extension'];

/** The outcome a sent letter records, read from the letter's own fields. */
export function letterOutcome(kind: LetterKind, fields: Record<string, string>): ResponseOutcome | ReviewOutcome | null {
  switch (kind) {
    case 'response':
      return fields.outcome === 'provided' ? 'granted' : fields.outcome === 'partly-provided' ? 'part-granted' : fields.outcome === 'not-held' ? 'not-held' : null;
    case 'refusal':
      return (fields.releasedSummary ?? '').trim() !== '' ? 'part-granted' : 'refused';
    case 's12-refusal':
      return 's12';
    case 's14-refusal':
      return 's14';
    case 'sar-refusal':
      return fields.outcome === 'part-refused' ? 'part-granted' : 'refused';
    case 'review-outcome':
      return fields.outcome === 'upheld' || fields.outcome === 'partly-upheld' || fields.outcome === 'overturned' ? fields.outcome : null;
    default:
      return null;
  }
}

/** How a letter went: by email, by post or by hand (filed as correspondence "in person"). */
export const SEND_CHANNELS = ['email', 'post', 'hand'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

export function filingChannel(via: SendChannel): 'email' | 'post' | 'in-person' {
  return via === 'hand' ? 'in-person' : via;
}

/** By default a letter goes the way the requester can be reached: email when they gave one. */
export function defaultChannel(requester: { email: string; address: string }): SendChannel {
  return requester.email.trim() !== '' ? 'email' : 'post';
}

/**
 * Who signs: the officer named; else, on a review outcome, the reviewer named in the letter (the
 * review is theirs, s45 Code para 5.8); else the authority's signatory.
 */
export function letterSignatory(
  kind: LetterKind,
  fields: Record<string, string>,
  settings: { signatoryName: string; signatoryTitle: string },
  signedBy?: { name: string; title?: string | undefined },
): { signatoryName: string; signatoryTitle: string } {
  if (signedBy && signedBy.name.trim() !== '') {
    const same = signedBy.name.trim() === settings.signatoryName.trim();
    return { signatoryName: signedBy.name.trim(), signatoryTitle: signedBy.title ?? (same ? settings.signatoryTitle : '') };
  }
  if (kind === 'review-outcome' && (fields.reviewerName ?? '').trim() !== '') {
    return { signatoryName: fields.reviewerName!.trim(), signatoryTitle: (fields.reviewerTitle ?? '').trim() };
  }
  return { signatoryName: settings.signatoryName, signatoryTitle: settings.signatoryTitle };
}
