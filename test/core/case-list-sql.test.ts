// The case list, its pages, the dashboard and the timeliness report come from what is stored of
// each case's derived dates, asked in SQL. Here they are held to the domain: the same register is
// read day after day, and every answer is compared with deriving each case afresh (cases:get on a
// core whose clock reads that day) and applying the domain's own filters, sorts and counts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { CaseListItem } from '../../src/shared/domain/cases';
import { isInTime } from '../../src/shared/domain/clocks/events';
import { caseListMatches, compareCases, CASE_SORT_KEYS } from '../../src/shared/domain/case-list';
import { CASE_FILTERS, dashboardCounts, matchesFilter, timelinessReport } from '../../src/shared/domain/reports';
import { CASE_STATUSES } from '../../src/shared/domain/status';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

type Ev = { type: string; date: string; estimate?: string; outcome?: string };
// Every stage a case can reach, across the regimes, with requesters named in other scripts.
const CASES: { regime: string; received: string; name: string; summary: string; events: Ev[] }[] = [
  { regime: 'foia', received: '2026-11-02', name: 'Zoë Ó Dónaill-Nguyễn', summary: 'Potholes on the A38', events: [] },
  { regime: 'foia', received: '2026-09-01', name: '王小明', summary: 'Gritting routes', events: [] },
  { regime: 'foia', received: '2026-10-20', name: 'alice', summary: 'Parking fines', events: [{ type: 'clarification-sought', date: '2026-10-22' }] },
  { regime: 'foia', received: '2026-10-26', name: 'Bob', summary: 'Consultants', events: [{ type: 'fees-notice', date: '2026-10-28' }] },
  { regime: 'foia', received: '2026-10-01', name: 'Carys', summary: 'Libraries closing', events: [{ type: 'pit-extension', date: '2026-10-20', estimate: '2026-11-25' }] },
  { regime: 'eir', received: '2026-10-12', name: 'Dafydd', summary: 'Flood defences', events: [{ type: 'eir-extension', date: '2026-11-02' }] },
  { regime: 'sar', received: '2026-11-10', name: 'Eilidh', summary: 'My records', events: [] },
  { regime: 'sar', received: '2026-11-03', name: 'Fatima', summary: 'My file', events: [{ type: 'id-requested', date: '2026-11-04' }] },
  { regime: 'foia', received: '2026-08-03', name: 'Gwen', summary: 'Salaries', events: [{ type: 'responded', date: '2026-08-20', outcome: 'granted' }] },
  { regime: 'foia', received: '2026-06-01', name: 'Huw', summary: 'Bins', events: [{ type: 'responded', date: '2026-07-20', outcome: 'refused' }] },
  { regime: 'foia', received: '2026-09-14', name: 'Iona', summary: 'Schools', events: [{ type: 'responded', date: '2026-10-01', outcome: 'part-granted' }, { type: 'review-requested', date: '2026-10-15' }] },
  { regime: 'foia', received: '2026-05-04', name: 'Jac', summary: 'Contracts', events: [{ type: 'responded', date: '2026-05-20', outcome: 'refused' }, { type: 'review-requested', date: '2026-06-01' }, { type: 'review-completed', date: '2026-06-20', outcome: 'upheld' }, { type: 'ico-complaint', date: '2026-07-01' }] },
  { regime: 'foia', received: '2026-02-02', name: 'Kay', summary: 'Potholes again', events: [{ type: 'responded', date: '2026-02-20', outcome: 'refused' }, { type: 'review-requested', date: '2026-03-01' }, { type: 'review-completed', date: '2026-03-20', outcome: 'upheld' }, { type: 'ico-complaint', date: '2026-04-01' }, { type: 'ico-decision', date: '2026-11-02' }] },
  { regime: 'foia', received: '2025-11-03', name: 'Llew', summary: 'Tribunal matter', events: [{ type: 'responded', date: '2025-11-20', outcome: 'refused' }, { type: 'review-requested', date: '2025-12-01' }, { type: 'review-completed', date: '2025-12-20', outcome: 'upheld' }, { type: 'ico-complaint', date: '2026-01-10' }, { type: 'ico-decision', date: '2026-06-01' }, { type: 'tribunal-appeal', date: '2026-06-20' }] },
  { regime: 'foia', received: '2024-01-08', name: 'Mair', summary: 'Closed long ago', events: [{ type: 'responded', date: '2024-01-20', outcome: 'granted' }, { type: 'closed', date: '2024-01-22' }] },
  { regime: 'foisa', received: '2026-11-09', name: 'Niamh', summary: 'Scottish ferries', events: [] },
  { regime: 'eisr', received: '2026-11-16', name: 'Osian', summary: 'Peat bogs', events: [] },
  { regime: 'eir', received: '2026-11-18', name: 'ZOË', summary: 'potholes near the school', events: [] },
];
const DAYS = ['2026-11-20', '2026-11-27', '2026-12-10', '2027-01-15', '2027-06-01'];

async function register(): Promise<string> {
  const dataDir = tempDir();
  const c = await testCore({ dataDir });
  ok(await c.invoke('settings:update', AUTHORITY));
  for (const k of CASES) {
    const { reference } = ok(await c.invoke('cases:create', { regime: k.regime, received: k.received, requester: { name: k.name }, summary: k.summary }));
    for (const e of k.events) ok(await c.invoke('cases:addEvent', { reference, ...e }));
  }
  await c.close();
  return dataDir;
}

/** Each case derived afresh for `today` (the case view derives it from its events every time). */
async function fresh(c: Core): Promise<CaseListItem[]> {
  const items: CaseListItem[] = [];
  for (const { reference } of ok(await c.invoke('cases:list', {}))) {
    const d = ok(await c.invoke('cases:get', { reference }));
    items.push({
      reference, regime: d.regime, requesterName: d.requester.name, summary: d.summary, received: d.received, dueDate: d.dueDate, daysLeft: d.daysLeft, status: d.status, deadline: d.deadline,
      standing: d.standing, outcome: d.outcome, onHold: d.clocks.onHold, provisional: d.clocks.response.provisional, inTime: isInTime(d.clocks), officer: d.officer,
    });
  }
  return items;
}

const refs = (items: readonly { reference: string }[]) => items.map((i) => i.reference).sort();

describe('the register read from its stored derivation agrees with deriving every case afresh', () => {
  it('on each of five days: every row, every filter and status, the word filter, the dashboard and the timeliness report', async () => {
    const dataDir = await register();
    const statuses = new Set<string>();
    for (const today of DAYS) {
      const c = await testCore({ dataDir, today });
      open.push(c);
      const expected = await fresh(c);
      const listed = ok(await c.invoke('cases:list', { today }));
      expect(listed.slice().sort((a, b) => a.reference.localeCompare(b.reference))).toEqual(expected.slice().sort((a, b) => a.reference.localeCompare(b.reference)));
      for (const i of expected) statuses.add(i.status);
      for (const filter of CASE_FILTERS) {
        expect([today, filter, refs(ok(await c.invoke('cases:list', { today, filter })))]).toEqual([today, filter, refs(expected.filter((i) => matchesFilter(i, filter, today)))]);
      }
      for (const status of CASE_STATUSES) {
        expect([today, status, refs(ok(await c.invoke('cases:list', { today, status })))]).toEqual([today, status, refs(expected.filter((i) => caseListMatches(i, { status })))]);
      }
      for (const text of ['zoë', 'ZOË potholes', '王', 'FOI/2026', 'ó dónaill', 'nothing-like-this']) {
        expect([text, refs(ok(await c.invoke('cases:list', { today, text })))]).toEqual([text, refs(expected.filter((i) => caseListMatches(i, { text })))]);
      }
      expect(ok(await c.invoke('reports:dashboard', { today }))).toEqual(dashboardCounts(expected, today));
      const report = ok(await c.invoke('reports:timeliness', { from: '2026-01-01', to: '2026-12-31', today }));
      const domain = timelinessReport(expected, '2026-01-01', '2026-12-31');
      expect({ ...report, lateReferences: report.lateReferences.slice().sort() }).toEqual({ ...domain, lateReferences: domain.lateReferences.slice().sort() });
    }
    // The days chosen walk the register through every status.
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
  }, 120_000);

  it('pages by keyset in every sort order, each way: the pages join up to the whole list, in the domain order, with no row twice', async () => {
    const dataDir = await register();
    const today = '2026-12-10';
    const c = await testCore({ dataDir, today });
    open.push(c);
    const expected = await fresh(c);
    for (const sort of CASE_SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const seen: CaseListItem[] = [];
        let after: string | undefined;
        for (let pages = 0; pages < 20; pages++) {
          const page = ok(await c.invoke('cases:page', { today, sort, dir, limit: 4, ...(after ? { after } : {}) }));
          expect(page.total).toBe(CASES.length);
          seen.push(...page.items);
          if (!page.next) break;
          after = page.next;
        }
        expect(refs(seen)).toEqual(refs(expected));
        const order = seen.map((i) => i.reference);
        expect(new Set(order).size).toBe(order.length);
        for (let i = 1; i < seen.length; i++) expect([sort, dir, compareCases(seen[i - 1]!, seen[i]!, sort, dir === 'asc' ? 1 : -1) <= 0]).toEqual([sort, dir, true]);
        expect(ok(await c.invoke('cases:list', { today, sort, dir })).map((i) => i.reference)).toEqual(order);
      }
    }
    // Filtered pages count only what the filter selects.
    const active = ok(await c.invoke('cases:page', { today, filter: 'active', limit: 2 }));
    expect(active.total).toBe(expected.filter((i) => matchesFilter(i, 'active', today)).length);
  }, 120_000);

  it('refuses a cursor it did not give, or one from another sort, with VALIDATION', async () => {
    const c = await testCore();
    open.push(c);
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-03', requester: { name: 'B' } }));
    const first = ok(await c.invoke('cases:page', { limit: 1, sort: 'reference' }));
    expect(first.next).not.toBeNull();
    expect(await c.invoke('cases:page', { limit: 1, sort: 'received', after: first.next! })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const after of ['x', Buffer.from('{"s":"reference","d":"asc","k":[{"a":1},2]}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      expect(await c.invoke('cases:page', { limit: 1, sort: 'reference', after })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });
});
