// What sending a letter records: its event, its outcome, its channel and its signatory.
import { describe, expect, it } from 'vitest';
import { LETTER_KINDS } from '../../src/shared/domain/letters/kinds';
import { defaultChannel, filingChannel, LETTER_EVENTS, LETTER_NEEDS_EVENT, letterOutcome, letterSignatory } from '../../src/shared/domain/letters/sending';
import { MARKABLE_EVENTS } from '../../src/shared/domain/correspondence';

const SETTINGS = { signatoryName: 'Alex Morgan', signatoryTitle: 'Information Governance Officer' };

describe('the event each letter records when sent', () => {
  it('is one the correspondence can be marked as, for every letter kind', () => {
    for (const kind of LETTER_KINDS) {
      const e = LETTER_EVENTS[kind];
      if (e) expect(MARKABLE_EVENTS).toContain(e);
    }
    expect(LETTER_EVENTS['review-acknowledgement']).toBeNull();
    expect(LETTER_EVENTS.clarification).toBe('clarification-sought'); // FOIA s1(3): the clock waits
    expect(LETTER_EVENTS['s12-refusal']).toBe('responded'); // a s17(5) notice is the response
  });

  it('extension letters file against the extension already recorded (s17(2) estimate, reg 7, Art 12(3))', () => {
    expect([...LETTER_NEEDS_EVENT].sort()).toEqual(['eir-extension', 'pit-extension', 'sar-extension']);
  });
});

describe('the outcome a sent letter records', () => {
  it.each([
    ['response', { outcome: 'provided' }, 'granted'],
    ['response', { outcome: 'partly-provided' }, 'part-granted'],
    ['response', { outcome: 'not-held' }, 'not-held'],
    ['refusal', { withheldSummary: 'All of it' }, 'refused'],
    ['refusal', { withheldSummary: 'Prices', releasedSummary: 'The rest' }, 'part-granted'],
    ['s12-refusal', {}, 's12'],
    ['s14-refusal', { grounds: 'repeated' }, 's14'],
    ['sar-refusal', { outcome: 'part-refused' }, 'part-granted'],
    ['sar-refusal', { outcome: 'refused' }, 'refused'],
    ['review-outcome', { outcome: 'overturned' }, 'overturned'],
    ['acknowledgement', {}, null],
  ] as const)('%s with %o records %s', (kind, fields, expected) => {
    expect(letterOutcome(kind, fields as Record<string, string>)).toBe(expected);
  });
});

describe('who signs and how it goes', () => {
  it('signs as the officer named; a review outcome as its reviewer; else the authority signatory', () => {
    expect(letterSignatory('response', {}, SETTINGS)).toEqual(SETTINGS);
    expect(letterSignatory('response', {}, SETTINGS, { name: 'Jo Bloggs' })).toEqual({ signatoryName: 'Jo Bloggs', signatoryTitle: '' });
    expect(letterSignatory('response', {}, SETTINGS, { name: 'Alex Morgan' })).toEqual(SETTINGS);
    expect(letterSignatory('review-outcome', { reviewerName: 'Dr Amal Haddad', reviewerTitle: 'Head of Legal' }, SETTINGS)).toEqual({ signatoryName: 'Dr Amal Haddad', signatoryTitle: 'Head of Legal' });
  });

  it('goes by email when the requester gave one, else by post; by hand is filed as in person', () => {
    expect(defaultChannel({ email: 'a@example.org', address: '1 High St' })).toBe('email');
    expect(defaultChannel({ email: '', address: '1 High St' })).toBe('post');
    expect(filingChannel('hand')).toBe('in-person');
    expect(filingChannel('email')).toBe('email');
  });
});
