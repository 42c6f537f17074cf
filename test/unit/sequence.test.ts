// The events each regime records and the order a timeline keeps (src/shared/domain/clocks/sequence.ts).
import { describe, expect, it } from 'vitest';
import { recordableEvents, sequenceProblems } from '../../src/shared/domain/clocks/sequence';
import type { CaseEvent } from '../../src/shared/domain/clocks/events';

const ev = (type: CaseEvent['type'], date: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({ type, date, ...extra });
const KENT = '2012-03-12';

describe('recordable events by regime', () => {
  it('each regime has only its own extension: FOIA s10(3) PIT, EIR/EISR reg 7, UK GDPR Art 12(3); FOISA none', () => {
    expect(recordableEvents('foia')).toContain('pit-extension');
    expect(recordableEvents('eir')).toContain('eir-extension');
    expect(recordableEvents('eisr')).toContain('eir-extension');
    expect(recordableEvents('sar')).toContain('sar-extension');
    expect(recordableEvents('foisa').filter((e) => e.endsWith('-extension'))).toEqual([]);
  });

  it('identity steps are for subject access only (UK GDPR Art 12(6)); no review or tribunal for it', () => {
    expect(recordableEvents('sar')).toEqual(expect.arrayContaining(['id-requested', 'id-received']));
    expect(recordableEvents('foia')).not.toContain('id-requested');
    expect(recordableEvents('sar')).not.toContain('review-requested');
    expect(recordableEvents('sar')).not.toContain('tribunal-appeal');
  });
});

describe('sequence problems', () => {
  it('a timeline worked in order has none (the Kent request, docs/law.md §3.1(a))', () => {
    const events = [
      ev('acknowledged', '2012-03-13'), ev('clarification-sought', '2012-03-14'), ev('clarification-received', '2012-03-20'),
      ev('pit-extension', '2012-04-10', { estimate: '2012-05-10' }), ev('responded', '2012-05-08', { outcome: 'part-granted' }),
      ev('review-requested', '2012-05-20'), ev('review-completed', '2012-06-15', { outcome: 'upheld' }),
      ev('ico-complaint', '2012-07-01'), ev('ico-decision', '2012-11-01'), ev('tribunal-appeal', '2012-11-20'), ev('closed', '2013-03-01'),
    ];
    expect(sequenceProblems('foia', KENT, events, '2013-12-31')).toEqual([]);
  });

  it('an answer before its question, an appeal with no decision notice, an event of another regime', () => {
    const problems = sequenceProblems('foia', KENT, [ev('clarification-received', '2012-03-14'), ev('tribunal-appeal', '2012-04-01'), ev('id-requested', '2012-03-13')]);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/FOIA s1\(3\)[\s\S]*FOIA s57[\s\S]*not an event a FOIA case records/);
  });

  it('dates before receipt or after today, an estimate without a PIT extension (s17(2)), an outcome on the wrong event', () => {
    const problems = sequenceProblems('foia', KENT, [
      ev('acknowledged', '2012-03-01'), ev('pit-extension', '2012-03-20'), ev('acknowledged', '2012-03-21', { estimate: '2012-04-01' }),
      ev('closed', '2012-03-22', { outcome: 'granted' }), ev('responded', '2013-01-01'),
    ], '2012-12-31');
    expect(problems).toHaveLength(5);
  });

  it('a FOIA review is of a response; the EIR allow representations when none came (reg 11(2))', () => {
    expect(sequenceProblems('foia', KENT, [ev('review-requested', '2012-05-01')])).toHaveLength(1);
    expect(sequenceProblems('eir', KENT, [ev('review-requested', '2012-05-01')])).toEqual([]);
  });

  it('an extension notice after the response is out of order; voided events are left out', () => {
    expect(sequenceProblems('eir', KENT, [ev('responded', '2012-04-01'), ev('eir-extension', '2012-04-02')])).toHaveLength(1);
    expect(sequenceProblems('eir', KENT, [ev('responded', '2012-04-01', { voided: true }), ev('eir-extension', '2012-04-02')])).toEqual([]);
  });
});
