// Which letters each regime offers and what each asks the officer for, regime by regime.
import { describe, expect, it } from 'vitest';
import { DiscloseError } from '../../src/shared/errors';
import { letterFieldsFor, letterKindsFor } from '../../src/shared/domain/letters/kinds';
import { buildLetter, missingLetterFacts } from '../../src/shared/domain/letters/merge';
import { DEFAULT_TEMPLATES } from '../../src/shared/domain/letters/templates';
import { exemption, letterData, ref } from '../helpers/letters';

function refusal(kind: Parameters<typeof letterData>[0], regime: Parameters<typeof letterData>[1]): string {
  try {
    buildLetter(kind, DEFAULT_TEMPLATES[kind], letterData(kind, regime));
  } catch (err) {
    if (err instanceof DiscloseError) return err.message;
    throw err;
  }
  return '';
}

describe('the letters each regime offers (LETTER_KIND_REGIMES)', () => {
  it('EIR and EISR: the reg 7 extension; no cost limit (s12), no s14, no public interest extension', () => {
    for (const r of ['eir', 'eisr'] as const) {
      expect(letterKindsFor(r)).toContain('eir-extension');
      for (const k of ['s12-refusal', 's14-refusal', 'pit-extension', 'sar-extension', 'sar-refusal'] as const) expect(letterKindsFor(r)).not.toContain(k);
    }
  });

  it('FOISA: no public interest extension (s10), no reg 7 extension', () => {
    expect(letterKindsFor('foisa')).not.toContain('pit-extension');
    expect(letterKindsFor('foisa')).not.toContain('eir-extension');
  });

  it('a SAR refused in an Art 12(4) letter, not an FOI refusal notice; an FOI case has no SAR letters', () => {
    expect(refusal('refusal', 'sar')).toContain('A subject access request is refused in a subject access refusal (UK GDPR Article 12(4))');
    expect(refusal('sar-refusal', 'foia')).toContain('A freedom of information request is refused in a refusal notice.');
    expect(refusal('sar-extension', 'eir')).toContain('Only a subject access request is extended under UK GDPR Article 12(3).');
    expect(refusal('eir-extension', 'foia')).toContain('Only the EIR and the EISR extend the time for volume and complexity (regulation 7).');
  });
});

describe('what each letter asks for', () => {
  it('the Art 15(1)-(2) information is asked only on a SAR response', () => {
    const ids = (r: 'sar' | 'foia') => letterFieldsFor('response', r).map((f) => f.id);
    expect(ids('sar')).toEqual(expect.arrayContaining(['purposes', 'categories', 'recipients', 'retention', 'source', 'automatedDecisions', 'transfers']));
    expect(ids('foia')).not.toContain('purposes');
  });

  it('an EIR reconsideration that does not uphold needs the failure, the action and when (reg 11(5)); a FOIA review does not ask', () => {
    const d = letterData('review-outcome', 'eir', { fields: { outcome: 'overturned', findings: 'Wrong exception.' } });
    expect(Object.values(missingLetterFacts('review-outcome', d))).toEqual(['How we failed to comply', 'The action we will take', 'When the action will be taken']);
    expect(letterFieldsFor('review-outcome', 'foia').map((f) => f.id)).not.toContain('failure');
  });

  it('extension notices need the extension recorded on the case, so the new date is the derived one', () => {
    const d = letterData('sar-extension', 'sar', { events: [] });
    expect(missingLetterFacts('sar-extension', d)).toHaveProperty('extension');
  });

  it('a public interest extension takes only qualified exemptions (FOIA s10(3)): an absolute one is refused', () => {
    const d = letterData('pit-extension', 'foia', { exemptions: [exemption(ref('FOIA', '41', '(1)'))] });
    expect(missingLetterFacts('pit-extension', d)).toHaveProperty('exemptions.qualified');
  });

  it('a SAR refusal needs a DPA 2018 exemption applied', () => {
    expect(missingLetterFacts('sar-refusal', letterData('sar-refusal', 'sar', { exemptions: [] }))).toHaveProperty('exemptions');
  });
});
