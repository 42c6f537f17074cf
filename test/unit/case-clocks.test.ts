// Deadlines derived from a case's timeline (docs/law.md §1.2, §8.5): never stored as the only
// truth, always recomputed from the events.
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import {
  CASE_EVENT_TYPES,
  deriveCaseClocks,
  eventLabel,
  isInTime,
  type CaseEvent,
  type Regime,
} from '../../src/shared/domain/clocks/events';

const derive = (regime: Regime, received: string, events: CaseEvent[], today: string) =>
  deriveCaseClocks(regime, received, events, calendars, today);
const ev = (type: CaseEvent['type'], date: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({ type, date, ...extra });
const byKey = (c: ReturnType<typeof derive>, key: string) => c.deadlines.find((d) => d.key === key);

describe('FOIA response (s10(1))', () => {
  it('is pending before the Kent due date of Thu 12 Apr 2012 (§3.1(a))', () => {
    const c = derive('foia', '2012-03-12', [], '2012-03-20');
    expect(c.response).toMatchObject({ key: 'response', label: 'FOI response', due: '2012-04-12', status: 'pending', clock: 'foi-response' });
    expect(c.onHold).toBeNull();
    expect(c.deadlines).toEqual([]);
    expect(isInTime(c)).toBeNull();
  });

  it('is met by a response on the due date, missed by one a day later (s10(1))', () => {
    const met = derive('foia', '2012-03-12', [ev('responded', '2012-04-12')], '2012-06-01');
    expect(met.response).toMatchObject({ status: 'met', metOn: '2012-04-12', completedBy: 'responded' });
    expect(isInTime(met)).toBe(true);
    const late = derive('foia', '2012-03-12', [ev('responded', '2012-04-13')], '2012-06-01');
    expect(late.response.status).toBe('missed');
    expect(isInTime(late)).toBe(false);
  });

  it('is missed once today passes the due date with no response', () => {
    const c = derive('foia', '2012-03-12', [], '2012-04-13');
    expect(c.response.status).toBe('missed');
    expect(isInTime(c)).toBe(false);
  });

  it('counts a weekend receipt as day 0 (ICO LTT47): Sat 10 Mar 2012 -> Wed 11 Apr', () => {
    expect(derive('foia', '2012-03-10', [], '2012-03-12').response.due).toBe('2012-04-11');
  });

  it('sorts events and ignores a duplicate "received" event (the argument is the date of receipt)', () => {
    const c = derive('foia', '2012-03-12', [ev('responded', '2012-04-12'), ev('received', '2012-03-01'), ev('acknowledged', '2012-03-13')], '2012-06-01');
    expect(c.response).toMatchObject({ from: '2012-03-12', status: 'met' });
  });

  it('closed without a response before the deadline: not applicable, and not counted in timeliness', () => {
    const c = derive('foia', '2012-03-12', [ev('closed', '2012-03-20')], '2012-05-01');
    expect(c.response.status).toBe('not-applicable');
    expect(c.response.warning).toBe('Closed without a response.');
    expect(c.onHold).toBeNull();
    expect(isInTime(c)).toBeNull();
  });
});

describe('clarification restarts the clock (FOIA s1(3), s10(6)(b))', () => {
  it('makes the day clarification arrives day 0', () => {
    const c = derive('foia', '2024-01-08', [ev('clarification-sought', '2024-01-10'), ev('clarification-received', '2024-01-15')], '2024-01-20');
    expect(c.response.due).toBe('2024-02-12');
    expect(c.response.steps[0]).toBe('Day 0 Mon 15 Jan 2024 (clarification received).');
    expect(c.onHold).toBeNull();
  });

  it('uses the latest clarification received', () => {
    const c = derive('foia', '2024-01-08', [
      ev('clarification-sought', '2024-01-10'), ev('clarification-received', '2024-01-15'),
      ev('clarification-sought', '2024-01-17'), ev('clarification-received', '2024-01-22'),
    ], '2024-01-25');
    expect(c.response.due).toBe('2024-02-19');
  });

  it('is on hold while clarification is awaited, showing the date as if it arrived today', () => {
    const c = derive('foia', '2024-01-08', [ev('clarification-sought', '2024-01-10')], '2024-01-20');
    expect(c.onHold).toBe('clarification');
    expect(c.response).toMatchObject({ due: '2024-02-16', status: 'pending' });
    expect(c.response.warning).toMatch(/^On hold: clarification sought Wed 10 Jan 2024/);
    expect(c.response.warning).not.toMatch(/3 months/);
    expect(isInTime(c)).toBeNull();
  });

  it('is not on hold once the request has been answered (e.g. refused) while clarification was outstanding', () => {
    const c = derive('foia', '2024-01-08', [ev('clarification-sought', '2024-01-10'), ev('responded', '2024-01-25')], '2024-06-01');
    expect(c.onHold).toBeNull();
    expect(c.response).toMatchObject({ from: '2024-01-08', due: '2024-02-05', status: 'met', warning: null });
  });

  it('notes after 3 months without a reply that the request can be closed (ICO view)', () => {
    const c = derive('foia', '2024-01-08', [ev('clarification-sought', '2024-01-10')], '2024-05-20');
    expect(c.response.status).toBe('pending');
    expect(c.response.warning).toMatch(/over 3 months/);
  });
});

describe('fees pause the clock (FOIA s9(2), s10(2))', () => {
  it('disregards the working days from the fees notice to the fee received', () => {
    const c = derive('foia', '2012-02-27', [ev('fees-notice', '2012-03-05'), ev('fee-received', '2012-03-09')], '2012-03-20');
    expect(c.response.due).toBe('2012-04-03');
    expect(c.response.steps).toContain('Paused Mon 5 Mar 2012 to Fri 9 Mar 2012 (s10(2) fees): 5 working days disregarded.');
    expect(c.onHold).toBeNull();
    expect(byKey(c, 'fee-payment')).toMatchObject({ due: '2012-06-04', status: 'met', metOn: '2012-03-09', basis: 'FOIA s9(2)' });
  });

  it('is on hold while the fee is unpaid, with the date as if it were paid today', () => {
    const c = derive('foia', '2012-02-27', [ev('fees-notice', '2012-03-05')], '2012-03-20');
    expect(c.onHold).toBe('fee');
    expect(c.response).toMatchObject({ due: '2012-04-13', status: 'pending' });
    expect(c.response.warning).toMatch(/^On hold: fee not yet received/);
    expect(byKey(c, 'fee-payment')?.status).toBe('pending');
  });

  it('lapses when the fee is not paid within 3 months beginning with the notice (s9(2))', () => {
    const c = derive('foia', '2012-02-27', [ev('fees-notice', '2012-03-05')], '2012-06-05');
    expect(c.onHold).toBeNull();
    expect(c.response.status).toBe('not-applicable');
    expect(c.response.warning).toMatch(/Fee not paid by Mon 4 Jun 2012: the authority need not comply/);
    expect(byKey(c, 'fee-payment')?.status).toBe('not-applicable');
    expect(isInTime(c)).toBeNull();
  });
});

describe('public interest extension (FOIA s10(3), s17(2); s45 Code paras 4.5-4.7)', () => {
  const pit = (estimate: string | null, extra: CaseEvent[] = [], notice = '2012-04-10') =>
    derive('foia', '2012-03-12', [ev('pit-extension', notice, { estimate }), ...extra], '2012-06-30');

  it('a timely s17(2) notice meets s10(1); the answer is due by 40 working days', () => {
    const c = pit('2012-05-04', [ev('responded', '2012-05-10')]);
    expect(c.response).toMatchObject({ status: 'met', completedBy: 'pit-extension', metOn: '2012-04-10' });
    expect(byKey(c, 'pit-extension')).toMatchObject({ due: '2012-05-11', status: 'met' });
    expect(byKey(c, 'pit-extension')?.steps).toContain('Estimated date in the s17(2) notice: Fri 4 May 2012.');
    expect(isInTime(c)).toBe(true);
  });

  it('warns when the estimate is beyond 40 working days', () => {
    expect(byKey(pit('2012-05-30'), 'pit-extension')?.warning).toMatch(/Estimated date Wed 30 May 2012 is beyond 40 working days/);
  });

  it('warns when no estimate was given, and when the answer came after the estimate', () => {
    expect(byKey(pit(null), 'pit-extension')?.warning).toMatch(/No estimated date/);
    expect(byKey(pit('2012-05-01', [ev('responded', '2012-05-10')]), 'pit-extension')?.warning).toBe('Responded after the estimated date.');
  });

  it('is not in time when the answer comes after 40 working days', () => {
    const c = pit('2012-05-04', [ev('responded', '2012-05-14')]);
    expect(byKey(c, 'pit-extension')?.status).toBe('missed');
    expect(isInTime(c)).toBe(false);
  });

  it('a notice after day 20 does not meet s10(1)', () => {
    const c = pit('2012-05-04', [ev('responded', '2012-05-10')], '2012-04-13');
    expect(c.response).toMatchObject({ status: 'missed', completedBy: 'responded' });
    expect(byKey(c, 'pit-extension')?.warning).toMatch(/after day 20/);
    expect(isInTime(c)).toBe(false);
  });
});

describe('internal review, ICO and Tribunal (s45 Code; ICO; FOIA s50; GRC r22, r12)', () => {
  const events = [ev('responded', '2012-04-12'), ev('review-requested', '2012-05-01'), ev('review-completed', '2012-05-25')];

  it('derives the request window (40), the review target (20) and maximum (40)', () => {
    const c = derive('foia', '2012-03-12', events, '2012-05-26');
    expect(byKey(c, 'review-request-window')).toMatchObject({ from: '2012-04-12', due: '2012-06-12', status: 'met', warning: null });
    expect(byKey(c, 'internal-review')).toMatchObject({ due: '2012-05-30', status: 'met', label: 'Internal review (target)' });
    expect(byKey(c, 'internal-review-max')).toMatchObject({ due: '2012-06-29', status: 'met' });
  });

  it('flags a review requested after 40 working days; an unused window simply expires', () => {
    const late = derive('foia', '2012-03-12', [ev('responded', '2012-04-12'), ev('review-requested', '2012-06-20')], '2012-06-21');
    expect(byKey(late, 'review-request-window')).toMatchObject({ status: 'missed' });
    expect(byKey(late, 'review-request-window')?.warning).toMatch(/may refuse/);
    const unused = derive('foia', '2012-03-12', [ev('responded', '2012-04-12')], '2012-07-01');
    expect(byKey(unused, 'review-request-window')?.status).toBe('not-applicable');
  });

  it('marks an overdue review as missed', () => {
    const c = derive('foia', '2012-03-12', [ev('responded', '2012-04-12'), ev('review-requested', '2012-05-01')], '2012-05-31');
    expect(byKey(c, 'internal-review')?.status).toBe('missed');
    expect(byKey(c, 'internal-review-max')?.status).toBe('pending');
  });

  it('gives six weeks to complain to the ICO after the review outcome, warning of undue delay', () => {
    const c = derive('foia', '2012-03-12', [...events, ev('ico-complaint', '2012-07-20')], '2012-08-01');
    expect(byKey(c, 'ico-complaint')).toMatchObject({ from: '2012-05-25', due: '2012-07-06', status: 'missed' });
    expect(byKey(c, 'ico-complaint')?.warning).toMatch(/s50\(2\)\(b\)/);
  });

  it('gives 28 days to appeal a decision notice, rolled to the next working day', () => {
    const c = derive('foia', '2024-01-08', [ev('ico-decision', '2024-08-03'), ev('tribunal-appeal', '2024-09-02')], '2024-09-03');
    expect(byKey(c, 'tribunal-appeal')).toMatchObject({ due: '2024-09-02', status: 'met' });
  });
});

describe('EIR (reg 5, 7, 11)', () => {
  it('a reg 7 extension notified within 20 working days makes the deadline 40', () => {
    const c = derive('eir', '2024-01-08', [ev('eir-extension', '2024-01-20'), ev('responded', '2024-03-01')], '2024-03-02');
    expect(c.response).toMatchObject({ clock: 'eir-extended', due: '2024-03-04', status: 'met', label: 'EIR response (extended)' });
    expect(byKey(c, 'eir-extension-notice')).toMatchObject({ due: '2024-02-05', status: 'met' });
    expect(isInTime(c)).toBe(true);
  });

  it('a late extension notice leaves the 20-day deadline in place (reg 7(3))', () => {
    const c = derive('eir', '2024-01-08', [ev('eir-extension', '2024-02-06')], '2024-02-07');
    expect(c.response).toMatchObject({ clock: 'eir-response', due: '2024-02-05', status: 'missed' });
    expect(c.response.warning).toMatch(/Extension notified after the original deadline/);
    expect(byKey(c, 'eir-extension-notice')?.status).toBe('missed');
  });

  it('with no response, the reg 11(2) window runs from the missed deadline', () => {
    const c = derive('eir', '2024-01-08', [], '2024-03-01');
    expect(byKey(c, 'review-request-window')).toMatchObject({ clock: 'eir-representations', from: '2024-02-05', status: 'pending' });
    expect(byKey(c, 'review-request-window')?.steps[0]).toBe('Day 0 Mon 5 Feb 2024 (response deadline passed).');
  });

  it('reconsideration is due 40 working days after the representations (reg 11(4)), not 20', () => {
    const c = derive('eir', '2024-01-08', [ev('responded', '2024-02-01'), ev('review-requested', '2024-02-10')], '2024-02-12');
    // Skips St Patrick's Day substitute 18 Mar (NI), Good Friday and Easter Monday: reg 2(1) all-UK.
    expect(byKey(c, 'eir-reconsideration')).toMatchObject({ due: '2024-04-10', status: 'pending' });
    expect(byKey(c, 'internal-review')).toBeUndefined();
  });
});

describe('FOISA (s10, s20, s21, s73: Scottish working days)', () => {
  it('counts the response and the review on the Scottish calendar', () => {
    const c = derive('foisa', '2024-03-25', [ev('responded', '2024-04-22'), ev('review-requested', '2024-08-19')], '2024-08-20');
    expect(c.response).toMatchObject({ clock: 'foisa-response', due: '2024-04-23', status: 'met', calendar: 'scotland' });
    // s20(5)(a): answered on day 19, so the 40 working days run from the 20th (23 Apr), not from the response.
    expect(byKey(c, 'review-request-window')).toMatchObject({ from: '2024-04-23', due: '2024-06-20', basis: 'FOISA s20(5), s73', calendar: 'scotland', label: 'Requirement for review window', status: 'missed' });
    expect(byKey(c, 'foisa-review')).toMatchObject({ due: '2024-09-16', status: 'pending' });
    expect(byKey(c, 'ico-complaint')).toBeUndefined();
  });

  it('uses FOISA s9(4) for the 3 months to pay a fee', () => {
    const c = derive('foisa', '2024-03-25', [ev('fees-notice', '2024-03-28')], '2024-04-01');
    expect(byKey(c, 'fee-payment')).toMatchObject({ basis: 'FOISA s9(4)', due: '2024-06-27' });
    expect(c.onHold).toBe('fee');
  });
});

describe('subject access (UK GDPR Art 12(3), 12A)', () => {
  it('one month, extended to three when notified within the first month', () => {
    expect(derive('sar', '2024-01-31', [], '2024-02-01').response).toMatchObject({ clock: 'sar-response', due: '2024-02-29' });
    const c = derive('sar', '2024-01-31', [ev('sar-extension', '2024-02-10')], '2024-02-11');
    expect(c.response).toMatchObject({ clock: 'sar-extended', due: '2024-04-30', status: 'pending' });
    expect(byKey(c, 'sar-extension-notice')).toMatchObject({ due: '2024-02-29', status: 'met' });
  });

  it('a late extension notice leaves the one-month deadline', () => {
    const c = derive('sar', '2024-01-31', [ev('sar-extension', '2024-03-05')], '2024-03-06');
    expect(c.response).toMatchObject({ clock: 'sar-response', due: '2024-02-29', status: 'missed' });
  });

  it('stops the clock while clarification is awaited instead of restarting it (Art 12A)', () => {
    const done = derive('sar', '2023-08-01', [ev('clarification-sought', '2023-08-07'), ev('clarification-received', '2023-08-11')], '2023-08-12');
    expect(done.response.due).toBe('2023-09-06');
    expect(done.onHold).toBeNull();
    const waiting = derive('sar', '2023-08-01', [ev('clarification-sought', '2023-08-07')], '2023-08-20');
    expect(waiting.onHold).toBe('clarification');
    expect(waiting.response.due).toBe('2023-09-15');
    expect(waiting.deadlines).toEqual([]);
  });
});

describe('eventLabel', () => {
  it('labels every event type', () => {
    const labels = CASE_EVENT_TYPES.map(eventLabel);
    expect(new Set(labels).size).toBe(CASE_EVENT_TYPES.length);
    expect(eventLabel('clarification-received')).toBe('Clarification received');
  });
});
