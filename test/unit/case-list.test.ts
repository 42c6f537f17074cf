// The case list: search, filters, sorting with closed cases last, and the duplicate-request check.
import { describe, expect, it } from 'vitest';
import { calendars } from '../helpers/calendars';
import { caseListMatches, possibleDuplicates, sortCases, summarySimilarity, type DuplicateCandidate } from '../../src/shared/domain/case-list';
import type { CaseStatus } from '../../src/shared/domain/status';

const item = (reference: string, status: CaseStatus, daysLeft: number | null, extra: Partial<{ requesterName: string; summary: string; regime: 'foia' | 'eir' | 'sar'; due: string; calendar: 'all-uk' | 'calendar-months' }> = {}) => ({
  reference, status, daysLeft, requesterName: 'Zoë Ó Dónaill', summary: 'Social media guidance', regime: 'foia' as const, received: '2026-11-02', dueDate: '2026-11-30',
  deadline: daysLeft === null ? null : { key: 'response', label: 'Response', due: extra.due ?? '2026-11-30', calendar: extra.calendar ?? ('all-uk' as const) },
  ...extra,
});

describe('case list search and filters', () => {
  it('matches every typed word against reference, requester and summary, ignoring case', () => {
    const i = item('FOI/2026/0001', 'open', 3);
    expect(caseListMatches(i, { text: 'zoë SOCIAL' })).toBe(true);
    expect(caseListMatches(i, { text: '2026/0001' })).toBe(true);
    expect(caseListMatches(i, { text: 'social parking' })).toBe(false);
  });

  it('filters by regime and status; the officer filter waits for cases to carry an officer', () => {
    const i = item('EIR/2026/0001', 'extended', 3, { regime: 'eir' });
    expect(caseListMatches(i, { regime: 'eir', status: 'extended' })).toBe(true);
    expect(caseListMatches(i, { regime: 'foia' })).toBe(false);
    expect(caseListMatches(i, { status: 'overdue' })).toBe(false);
    expect(caseListMatches({ ...i, officer: 'Sam' }, { officer: 'Sam' })).toBe(true);
    expect(caseListMatches(i, { officer: 'Sam' })).toBe(false);
  });
});

describe('sorting by days left', () => {
  const rows = [item('A', 'closed', null), item('B', 'open', 5, { due: '2026-12-07' }), item('C', 'responded', null), item('D', 'overdue', -2, { due: '2026-11-26' })];
  it('puts cases with a deadline first, then those without, and closed cases last, either way round', () => {
    expect(sortCases(rows, 'daysLeft', 1).map((r) => r.reference)).toEqual(['D', 'B', 'C', 'A']);
    expect(sortCases(rows, 'daysLeft', -1).map((r) => r.reference)).toEqual(['B', 'D', 'C', 'A']);
  });
  it('orders cases on different calendars by the date in force: a subject access month ending first comes first', () => {
    // 8 working days (FOIA, all-UK) against 9 calendar days (UK GDPR Art 12(3), a calendar month): the earlier date leads.
    const mixed = [item('FOI', 'open', 8, { due: '2026-12-10' }), item('SAR', 'open', 9, { regime: 'sar', due: '2026-12-09', calendar: 'calendar-months' })];
    expect(sortCases(mixed, 'daysLeft', 1).map((r) => r.reference)).toEqual(['SAR', 'FOI']);
  });
  it('sorts other columns plainly', () => {
    expect(sortCases(rows, 'reference', -1).map((r) => r.reference)).toEqual(['D', 'C', 'B', 'A']);
  });
});

describe('duplicate request warning (same requester, similar summary, within 60 working days: SI 2004/3244 reg 5(2)(b))', () => {
  const base: DuplicateCandidate = { reference: 'FOI/2026/0010', requesterName: 'Zoë Ó Dónaill', requesterEmail: 'zoe@example.org', summary: 'Social media guidance for staff', received: '2026-11-20' };
  it('finds the same person asking for similar information within the window', () => {
    const earlier = { ...base, reference: 'FOI/2026/0003', summary: 'Staff social media guidance', received: '2026-10-01' };
    expect(possibleDuplicates(base, [earlier], calendars.allUk).map((d) => d.reference)).toEqual(['FOI/2026/0003']);
  });
  it('matches by email when the name is written differently', () => {
    const other = { ...base, reference: 'X', requesterName: 'Z. O Donaill' };
    expect(possibleDuplicates(base, [other], calendars.allUk)).toHaveLength(1);
  });
  it('ignores another requester, a different subject, the case itself, and anything beyond 60 working days', () => {
    expect(possibleDuplicates(base, [{ ...base, reference: 'X', requesterName: 'Someone', requesterEmail: 'x@example.org' }], calendars.allUk)).toEqual([]);
    expect(possibleDuplicates(base, [{ ...base, reference: 'X', summary: 'Parking permits issued in 2025' }], calendars.allUk)).toEqual([]);
    expect(possibleDuplicates(base, [base], calendars.allUk)).toEqual([]);
    expect(possibleDuplicates(base, [{ ...base, reference: 'X', received: '2026-07-01' }], calendars.allUk)).toEqual([]);
  });
  it('scores summaries by keywords in common', () => {
    expect(summarySimilarity('Social media guidance', 'guidance on social media')).toBe(1);
    expect(summarySimilarity('Parking permits', 'Social media')).toBe(0);
  });
});
