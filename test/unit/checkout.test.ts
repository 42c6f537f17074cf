// The rules of check-out that need no database: how long a case may be out, when a case out is a
// risk, what a colleague is told; and how a copy's changes are worked out row by row (what
// changed offline, and only that), reconciled with the team database as it is, and compared for a
// lead when the copy was kept aside.
import { describe, expect, it } from 'vitest';
import { checkoutRisk, defaultUntil, leaseText, untilProblem } from '../../src/shared/domain/checkout';
import { createCalendar } from '../../src/shared/domain/calendar/calendar';
import { diffCase, reconcile, ReconcileError, shapeLocalCase, type CaseRows } from '../../src/main/core/db/case-copy';
import { compareCopy } from '../../src/main/core/services/checkout-compare';

const cal = createCalendar({ holidays: [{ date: '2026-12-25', region: 'england-and-wales', name: 'Christmas Day', kind: 'regular', source: 'shipped' }], publishedThrough: 2027 }, 'england-and-wales');

describe('how long a case is out, and when it is a risk', () => {
  it('goes out for 14 days unless said otherwise, from today to at most 90 days ahead', () => {
    expect(defaultUntil('2026-11-20')).toBe('2026-12-04');
    expect(untilProblem('2026-12-04', '2026-11-20')).toBeNull();
    expect(untilProblem('2026-11-19', '2026-11-20')).toMatch(/from today on/);
    expect(untilProblem('2027-02-18', '2026-11-20')).toBeNull();
    expect(untilProblem('2027-02-19', '2026-11-20')).toMatch(/at most 90 days/);
  });

  it('is a risk when its deadline is within two working days or past, or it is overdue back', () => {
    // Thursday 26 November: Friday and Monday are the two working days.
    expect(checkoutRisk('2026-11-30', '2026-12-10', '2026-11-26', cal)).toBe('due-soon');
    expect(checkoutRisk('2026-12-01', '2026-12-10', '2026-11-26', cal)).toBeNull();
    expect(checkoutRisk('2026-11-25', '2026-12-10', '2026-11-26', cal)).toBe('overdue');
    // Christmas is not a working day: Monday the 28th is two working days from Wednesday the 23rd.
    expect(checkoutRisk('2026-12-28', '2027-01-10', '2026-12-23', cal)).toBe('due-soon');
    expect(checkoutRisk('2026-12-29', '2027-01-10', '2026-12-23', cal)).toBeNull();
    expect(checkoutRisk(null, '2026-11-25', '2026-11-26', cal)).toBe('lease-overdue');
    expect(checkoutRisk(null, '2026-11-26', '2026-11-26', cal)).toBeNull();
  });

  it('tells a colleague who has it, since and until when; the holder reads "you"', () => {
    const l = { holder: 'alice', holderName: 'Alice Ng', since: '2026-11-20T09:05:00.000Z', until: '2026-12-04', device: 'LAPTOP-7' };
    expect(leaseText(l)).toBe('Checked out by Alice Ng (alice) since 20 November 2026, 09:05, until 4 December 2026 (to LAPTOP-7)');
    expect(leaseText(l, 'alice')).toMatch(/^Checked out by you since/);
  });
});

// A case as checked out (the team database's numbers) and the copy's rows (the copy's own numbers).
const base: CaseRows = {
  requesters: [{ id: 50, name: 'Pat', email: '' }],
  cases: [{ id: 7, reference: 'FOI/1', summary: 'Roads', requester_id: 50, version: 3 }],
  case_events: [
    { id: 70, case_id: 7, type: 'received', date: '2026-11-02', note: null },
    { id: 71, case_id: 7, type: 'acknowledged', date: '2026-11-03', note: null },
  ],
  correspondence: [],
  letter_fields: [{ case_id: 7, kind: 'response', fields: '{}' }],
  case_notes: [{ id: 90, case_id: 7, author: 'alice', at: 'x', text: 'Old' }],
};
const mapped = new Map([
  ['requesters:1', '50'],
  ['cases:1', '7'],
  ['case_events:1', '70'],
  ['case_events:2', '71'],
  ['case_notes:1', '90'],
]);
const columns = Object.fromEntries(['requesters', 'cases', 'case_events', 'correspondence', 'attachments', 'letters', 'cost_estimates', 'cost_lines', 'case_links', 'exemptions_applied', 'letter_fields', 'redaction_marks', 'redacted_copies', 'publications', 'case_notes'].map((t) => [t, new Set(['id', 'case_id', 'reference', 'summary', 'requester_id', 'version', 'name', 'email', 'type', 'date', 'note', 'event_id', 'subject', 'kind', 'fields', 'author', 'at', 'text'])])) as never;

function copy(): CaseRows {
  return {
    requesters: [{ id: 1, name: 'Pat', email: '' }],
    cases: [{ id: 1, reference: 'FOI/1', summary: 'Roads and bridges', requester_id: 1, version: 9 }],
    case_events: [
      { id: 1, case_id: 1, type: 'received', date: '2026-11-02', note: null },
      { id: 3, case_id: 1, type: 'clarification-sought', date: '2026-11-05', note: 'Which?' },
    ],
    correspondence: [{ id: 4, case_id: 1, event_id: 3, subject: 'Clarification' }],
    letter_fields: [{ case_id: 1, kind: 'response', fields: '{"a":"b"}' }],
    case_notes: [{ id: 1, case_id: 1, author: 'alice', at: 'x', text: 'Old' }],
  };
}

describe("a copy's changes", () => {
  it('are exactly what changed offline: new rows with placeholders for new rows they refer to, changed columns only, rows removed', () => {
    const change = diffCase(base, shapeLocalCase(copy(), mapped), columns);
    expect(change.inserts).toEqual([
      { table: 'case_events', localKey: '3', row: { id: 3, case_id: 7, type: 'clarification-sought', date: '2026-11-05', note: 'Which?' } },
      { table: 'correspondence', localKey: '4', row: { id: 4, case_id: 7, event_id: 'new:case_events:3', subject: 'Clarification' } },
    ]);
    // The version is each side's own: never compared.
    expect(change.updates).toEqual([
      { table: 'cases', serverKey: '7', where: { id: 7 }, set: { summary: 'Roads and bridges' }, was: { summary: 'Roads' } },
      { table: 'letter_fields', serverKey: '[7,"response"]', where: { case_id: 7, kind: 'response' }, set: { fields: '{"a":"b"}' }, was: { fields: '{}' } },
    ]);
    expect(change.deletes).toEqual([{ table: 'case_events', serverKey: '71', where: { id: 71 } }]);
  });

  it('an untouched copy changes nothing', () => {
    const same: CaseRows = { ...copy(), cases: [{ id: 1, reference: 'FOI/1', summary: 'Roads', requester_id: 1, version: 4 }] };
    same.case_events = [{ id: 1, case_id: 1, type: 'received', date: '2026-11-02', note: null }, { id: 2, case_id: 1, type: 'acknowledged', date: '2026-11-03', note: null }];
    same.correspondence = [];
    same.letter_fields = [{ case_id: 1, kind: 'response', fields: '{}' }];
    const change = diffCase(base, shapeLocalCase(same, mapped), columns);
    expect(change).toEqual({ inserts: [], updates: [], deletes: [] });
  });

  it('are reconciled with the team database as it is: a change it holds already is dropped; a row changed there since stops the check-in', () => {
    const change = diffCase(base, shapeLocalCase(copy(), mapped), columns);
    const already = reconcile(change, { ...base, cases: [{ ...base.cases![0]!, summary: 'Roads and bridges' }] }, 'FOI/1');
    expect(already.updates.map((u) => u.table)).toEqual(['letter_fields']);
    expect(() => reconcile(change, { ...base, cases: [{ ...base.cases![0]!, summary: 'Someone else' }] }, 'FOI/1')).toThrow(ReconcileError);
    expect(reconcile(change, { ...base, case_events: [base.case_events![0]!] }, 'FOI/1').deletes).toEqual([]);
  });

  it('are shown to a lead row by row: as checked out, on the laptop, live now', () => {
    const live: CaseRows = { ...base, cases: [{ ...base.cases![0]!, summary: 'Roads (online)' }], case_notes: [...base.case_notes!, { id: 91, case_id: 7, author: 'bob', at: 'y', text: 'Covering' }] };
    const sections = compareCopy(base, shapeLocalCase(copy(), mapped), live);
    const kase = sections.find((s) => s.table === 'cases')!;
    expect(kase.rows).toEqual([{ label: 'FOI/1', state: 'changed-both', fields: [{ column: 'summary', checkedOut: 'Roads', laptop: 'Roads and bridges', live: 'Roads (online)' }] }]);
    const events = sections.find((s) => s.table === 'case_events')!;
    expect(events.rows.map((r) => [r.label, r.state])).toEqual([
      ['clarification-sought, 2026-11-05', 'added-offline'],
      ['acknowledged, 2026-11-03', 'removed-offline'],
    ]);
    expect(sections.find((s) => s.table === 'correspondence')!.rows[0]!.fields).toContainEqual({ column: 'event_id', checkedOut: null, laptop: '(added offline)', live: null });
    expect(sections.find((s) => s.table === 'case_notes')!.rows).toEqual([expect.objectContaining({ label: 'Covering', state: 'added-on-server' })]);
  });
});
