// One status model, derived from the events and the derived clocks: every transition, with the law.
// The Kent request (received Mon 12 Mar 2012, FOIA response due Thu 12 Apr 2012, docs/law.md §3.1(a))
// is the running example.
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { deriveCaseClocks, type CaseEvent, type Regime } from '../../src/shared/domain/clocks/events';
import { caseStanding, standingText, CASE_STATUSES, type CaseStatus } from '../../src/shared/domain/status';
import { dashboardCounts, matchesFilter, timelinessReport } from '../../src/shared/domain/reports';
import { isInTime } from '../../src/shared/domain/clocks/events';

const ev = (type: CaseEvent['type'], date: string, extra: Partial<CaseEvent> = {}): CaseEvent => ({ type, date, ...extra });
function standing(regime: Regime, received: string, events: CaseEvent[], today: string) {
  const clocks = deriveCaseClocks(regime, received, events, calendars, today);
  return { ...caseStanding(events, clocks, calendars, today), clocks };
}
const KENT = '2012-03-12';

describe('awaiting the response', () => {
  it('open: within FOIA s10(1), days left count working days to the due date (Good Friday and Easter Monday skipped)', () => {
    const s = standing('foia', KENT, [], '2012-03-20');
    expect(s).toMatchObject({ status: 'open', deadline: { key: 'response', due: '2012-04-12' }, daysLeft: 15, onHold: null });
    expect(standingText(s)).toBe('Open');
  });

  it('open on the due date itself (s10(1) "not later than the twentieth working day"): 0 days left', () => {
    expect(standing('foia', KENT, [], '2012-04-12')).toMatchObject({ status: 'open', daysLeft: 0 });
  });

  it('open → overdue the working day after the s10(1) deadline passes unanswered', () => {
    expect(standing('foia', KENT, [], '2012-04-16')).toMatchObject({ status: 'overdue', daysLeft: -2, deadline: { due: '2012-04-12' } });
  });

  it('open → on-hold (clarification awaited, FOIA s1(3)): no deadline in force, so no days left', () => {
    const s = standing('foia', KENT, [ev('clarification-sought', '2012-03-14')], '2012-03-20');
    expect(s).toMatchObject({ status: 'on-hold', onHold: 'clarification', deadline: null, daysLeft: null });
    expect(standingText(s)).toBe('On hold: clarification awaited');
  });

  it('on-hold → open when the clarification arrives: the clock restarts from that day (s10(6)(b))', () => {
    const s = standing('foia', KENT, [ev('clarification-sought', '2012-03-14'), ev('clarification-received', '2012-03-20')], '2012-03-21');
    expect(s).toMatchObject({ status: 'open', deadline: { due: '2012-04-19' } });
  });

  it('open → on-hold (fee awaited, FOIA s9(2), s10(2)) → on-hold "need not comply" once three months pass unpaid (s9(2))', () => {
    expect(standing('foia', KENT, [ev('fees-notice', '2012-03-15')], '2012-03-20')).toMatchObject({ status: 'on-hold', onHold: 'fee', daysLeft: null });
    const lapsed = standing('foia', KENT, [ev('fees-notice', '2012-03-15')], '2012-07-01');
    expect(lapsed).toMatchObject({ status: 'on-hold', onHold: 'fee-unpaid', deadline: null, daysLeft: null });
  });

  it('on-hold for proof of identity under UK GDPR Art 12(6) and Art 12A(2)(b): the month has not begun', () => {
    expect(standing('sar', KENT, [ev('id-requested', '2012-03-13')], '2012-03-20')).toMatchObject({ status: 'on-hold', onHold: 'identity', daysLeft: null });
  });

  it('open → extended by a timely s17(2) notice (FOIA s10(3)): the estimated date is in force, and the case is not overdue', () => {
    const events = [ev('pit-extension', '2012-04-10', { estimate: '2012-05-10' })];
    const s = standing('foia', KENT, events, '2012-04-16');
    expect(s).toMatchObject({ status: 'extended', extendedTo: '2012-05-10', deadline: { key: 'pit-extension', due: '2012-05-10' } });
    expect(s.daysLeft).toBeGreaterThan(0);
    expect(standingText(s)).toBe('Extended to 10 May 2012');
    // The header, the list, the dashboard and the timeliness report agree: in time, not overdue.
    const item = { status: s.status, deadline: s.deadline };
    expect(matchesFilter(item, 'overdue', '2012-04-16')).toBe(false);
    expect(matchesFilter(item, 'extended', '2012-04-16')).toBe(true);
    expect(dashboardCounts([item], '2012-04-16')).toMatchObject({ overdue: 0, extended: 1, active: 1 });
  });

  it('extended → overdue once the estimated date passes without the answer (s10(3) "reasonable in the circumstances")', () => {
    const s = standing('foia', KENT, [ev('pit-extension', '2012-04-10', { estimate: '2012-05-10' })], '2012-05-14');
    expect(s).toMatchObject({ status: 'overdue', extendedTo: '2012-05-10', daysLeft: -2 });
  });

  it('a s17(2) notice after day 20 is no extension (s17(1)): the case is overdue', () => {
    expect(standing('foia', KENT, [ev('pit-extension', '2012-04-16', { estimate: '2012-05-10' })], '2012-04-17').status).toBe('overdue');
  });

  it('extended under EIR reg 7(1) to 40 working days when notified within the 20', () => {
    const s = standing('eir', KENT, [ev('eir-extension', '2012-04-02')], '2012-04-16');
    expect(s).toMatchObject({ status: 'extended', deadline: { due: s.clocks.response.due } });
    expect(s.clocks.response.clock).toBe('eir-extended');
  });

  it('extended under UK GDPR Art 12(3) by two further months when notified within the first', () => {
    const s = standing('sar', KENT, [ev('sar-extension', '2012-04-02')], '2012-04-16');
    expect(s.status).toBe('extended');
    expect(s.extendedTo).toBe(s.clocks.response.due);
    expect(s.extendedTo! > '2012-05-12').toBe(true);
  });
});

describe('after the response', () => {
  it('open → responded (outcome recorded): no deadline in force, so never "overdue" once answered', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10', { outcome: 'part-granted' })], '2012-06-01');
    expect(s).toMatchObject({ status: 'responded', outcome: 'part-granted', deadline: null, daysLeft: null });
    expect(standingText(s)).toBe('Responded: granted in part');
  });

  it('overdue → responded late: still no days left (the lateness shows in the timeliness figures, not the status)', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-18', { outcome: 'granted' })], '2012-04-20');
    expect(s).toMatchObject({ status: 'responded', daysLeft: null });
    expect(isInTime(s.clocks)).toBe(false);
  });

  it('responded → under-review: the s45 Code target of 20 working days is the date in force', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('review-requested', '2012-05-01')], '2012-05-02');
    expect(s).toMatchObject({ status: 'under-review', deadline: { key: 'internal-review', due: '2012-05-30' } });
    expect(s.daysLeft).toBeGreaterThan(0);
    expect(standingText(s)).toBe('Under review: due 30 May 2012');
  });

  it('under-review for FOISA counts s21(1) on the Scottish calendar; SAR has no statutory review, so no date', () => {
    const foisa = standing('foisa', KENT, [ev('responded', '2012-04-10'), ev('review-requested', '2012-05-01')], '2012-05-02');
    expect(foisa.deadline?.key).toBe('foisa-review');
    const sar = standing('sar', KENT, [ev('responded', '2012-04-10'), ev('review-requested', '2012-05-01')], '2012-05-02');
    expect(sar).toMatchObject({ status: 'under-review', deadline: null, daysLeft: null });
  });

  it('under-review → responded with the review outcome (upheld, partly-upheld, overturned)', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10', { outcome: 'refused' }), ev('review-requested', '2012-05-01'), ev('review-completed', '2012-05-20', { outcome: 'upheld' })], '2012-05-21');
    expect(s).toMatchObject({ status: 'responded', outcome: 'refused', reviewOutcome: 'upheld', daysLeft: null });
    expect(standingText(s)).toBe('Review completed: original decision upheld');
  });

  it('responded → with-ico on a complaint (FOIA s50): the ICO sets its own timetable, so no date', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('review-completed', '2012-05-20'), ev('ico-complaint', '2012-06-01')], '2012-06-02');
    expect(s).toMatchObject({ status: 'with-ico', deadline: null, daysLeft: null });
  });

  it('with-ico after a decision notice: the 28-day appeal window (GRC r22(1)(b)) is the date in force, in calendar days', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('ico-complaint', '2012-06-01'), ev('ico-decision', '2012-09-03')], '2012-09-04');
    expect(s).toMatchObject({ status: 'with-ico', deadline: { key: 'tribunal-appeal', due: '2012-10-01' }, daysLeft: 27 });
  });

  it('with-ico → at-tribunal on an appeal (FOIA s57)', () => {
    const s = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('ico-decision', '2012-09-03'), ev('tribunal-appeal', '2012-09-20')], '2012-09-21');
    expect(s).toMatchObject({ status: 'at-tribunal', daysLeft: null });
  });

  it('FOISA: an application to the Commissioner (s47(1)) is with-ico (the regulator) too', () => {
    expect(standing('foisa', KENT, [ev('responded', '2012-04-10'), ev('review-completed', '2012-05-01'), ev('ico-complaint', '2012-06-01')], '2012-06-02').status).toBe('with-ico');
  });
});

describe('closing, reopening and corrections', () => {
  it('any stage → closed; a later review request reopens it as under-review', () => {
    const closed = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('closed', '2012-04-11')], '2012-04-20');
    expect(closed).toMatchObject({ status: 'closed', daysLeft: null, outcome: null });
    const reopened = standing('foia', KENT, [ev('responded', '2012-04-10'), ev('closed', '2012-04-11'), ev('review-requested', '2012-05-01')], '2012-05-02');
    expect(reopened.status).toBe('under-review');
  });

  it('a voided "closed" entered by mistake is ignored: the case is under review again and the review date is back', () => {
    const events = [ev('responded', '2012-04-10'), ev('review-requested', '2012-05-01'), ev('closed', '2012-05-02', { voided: true })];
    const s = standing('foia', KENT, events, '2012-05-03');
    expect(s).toMatchObject({ status: 'under-review', deadline: { due: '2012-05-30' } });
  });

  it('a voided clarification drives no clock: the original due date comes back (s10(1))', () => {
    const s = standing('foia', KENT, [ev('clarification-sought', '2012-03-14', { voided: true })], '2012-03-20');
    expect(s).toMatchObject({ status: 'open', deadline: { due: '2012-04-12' } });
  });

  it('an unknown outcome string is not reported as an outcome', () => {
    expect(standing('foia', KENT, [ev('responded', '2012-04-10', { outcome: 'maybe' })], '2012-05-01').outcome).toBeNull();
  });

  it('every status in the model is reached by one of these cases', () => {
    const seen = new Set<CaseStatus>([
      standing('foia', KENT, [], '2012-03-20').status,
      standing('foia', KENT, [ev('clarification-sought', '2012-03-14')], '2012-03-20').status,
      standing('foia', KENT, [ev('pit-extension', '2012-04-10', { estimate: '2012-05-10' })], '2012-04-16').status,
      standing('foia', KENT, [], '2012-04-16').status,
      standing('foia', KENT, [ev('responded', '2012-04-10')], '2012-04-16').status,
      standing('foia', KENT, [ev('review-requested', '2012-05-01')], '2012-05-02').status,
      standing('foia', KENT, [ev('ico-complaint', '2012-06-01')], '2012-06-02').status,
      standing('foia', KENT, [ev('tribunal-appeal', '2012-09-20')], '2012-09-21').status,
      standing('foia', KENT, [ev('closed', '2012-04-11')], '2012-04-20').status,
    ]);
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('the timeliness report counts a timely PIT extension answered by its estimate as in time (§7)', () => {
    const clocks = deriveCaseClocks('foia', KENT, [ev('pit-extension', '2012-04-10', { estimate: '2012-05-10' }), ev('responded', '2012-05-08')], calendars, '2012-06-01');
    const r = timelinessReport([{ reference: 'FOI/2012/0001', received: KENT, inTime: isInTime(clocks) }], '2012-03-01', '2012-03-31');
    expect(r).toMatchObject({ inTime: 1, late: 0 });
  });
});
