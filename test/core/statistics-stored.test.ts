// The period statistics counted from what is stored of each case (statistics.service.ts: the facts
// columns of 2026_12_03_1100_statistics_facts, read by index) are exactly the domain's
// computeStatistics over every case's events and clocks derived afresh: each figure, its definition
// and its cases, in the same order, for a calendar year, a financial year, a quarter, a month and
// all years, for every regime and for all of them. The register is built through the core: seeded
// cases of every regime and stage (FOIA, EIR, EISR, FOISA, subject access; answered in time, late
// or within an extension, on hold, under review, with the Commissioner, at tribunal), some with a
// second review, a second response on the same day or an event voided, and exemptions applied (a
// provision applied to two items counts once). Categories: s45 Code of Practice (2018) paras 8.5-8.6
// and the Cabinet Office's quarterly FOI tables (see src/shared/domain/statistics.ts).
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { deriveCaseClocks, type Regime } from '../../src/shared/domain/clocks/events';
import { addCalendarDays } from '../../src/shared/domain/dates';
import { formatProvision } from '../../src/shared/domain/exemptions/catalogue';
import { computeStatistics, statisticsRows, type Statistics, type StatsCase } from '../../src/shared/domain/statistics';
import { calendars } from '../helpers/calendars';
import { AUTHORITY, databaseArgsFor, ok, tempDir, testCore } from '../helpers/core';
import { asAdmin, onTeamDatabase } from '../helpers/team';
import { SEEDED_REGIMES, seededCase } from '../helpers/seeded-cases';
import { random } from '../hostile/make-corpus-bytes';

const TODAY = '2026-11-20';
const CASES = 110;
const PERIODS = [
  ['2025-01-01', '2025-12-31'],
  ['2025-04-01', '2026-03-31'],
  ['2026-07-01', '2026-09-30'],
  ['2026-11-01', '2026-11-30'],
  ['2020-01-01', '2027-12-31'],
] as const;
/** Provisions each regime's cases cite (FOIA ss40, 43; EIR regs 12, 13; EISR regs 10, 11; FOISA ss33, 38; DPA 2018 Sch 2). */
const PROVISIONS: Record<Regime, string[]> = {
  foia: ['FOIA s40(2)', 'FOIA s43(2)', 'FOIA s21(1)'],
  eir: ['EIR reg 12(5)(e)', 'EIR reg 13(1)'],
  eisr: ['EISR reg 10(5)(e)', 'EISR reg 11(2)'],
  foisa: ['FOISA s38(1)(b)', 'FOISA s33(1)(b)'],
  sar: ['DPA Sch 2 para 19'],
};

async function build(c: Core): Promise<void> {
  for (let seed = 1; seed <= CASES; seed++) {
    const made = seededCase(seed);
    const r = random(10_000 + seed);
    const events = made.events.filter((e) => e.date <= TODAY);
    const responded = events.find((e) => e.type === 'responded');
    // A second response on the same day (the first recorded is the one counted), a second review later.
    if (responded && r() < 0.15) events.splice(events.indexOf(responded) + 1, 0, { type: 'responded', date: responded.date, outcome: 'not-held' });
    const review = events.find((e) => e.type === 'review-requested');
    if (review && r() < 0.3 && addCalendarDays(review.date, 200) <= TODAY) events.push({ type: 'review-requested', date: addCalendarDays(review.date, 200) });
    const ref = ok(await c.invoke('cases:create', { regime: made.regime, received: made.received, requester: { name: `Requester ${seed}`, email: `r${seed}@example.org` }, summary: `Seeded ${seed}` })).reference;
    for (const e of events) {
      ok(await c.invoke('cases:addEvent', { reference: ref, type: e.type, date: e.date, ...(e.estimate ? { estimate: e.estimate } : {}), ...(e.outcome ? { outcome: e.outcome as 'granted' } : {}) }));
    }
    if (events.length > 0 && r() < 0.2) {
      const recorded = ok(await c.invoke('cases:get', { reference: ref })).events.filter((e) => e.type !== 'received');
      ok(await c.invoke('cases:voidEvent', { reference: ref, eventId: recorded[Math.floor(r() * recorded.length)]!.id, reason: 'Recorded on the wrong case' }));
    }
    if (r() < 0.4) {
      const cited = PROVISIONS[made.regime];
      const provision = cited[Math.floor(r() * cited.length)]!;
      ok(await c.invoke('exemptions:apply', { reference: ref, provision, item: 'Appendix A' }));
      ok(await c.invoke('exemptions:apply', { reference: ref, provision, item: 'Appendix B' }));
      if (cited.length > 1 && r() < 0.5) ok(await c.invoke('exemptions:apply', { reference: ref, provision: cited[0] === provision ? cited[1]! : cited[0]!, item: '' }));
    }
  }
}

/** Every case as the domain counts it, read back through the core and derived afresh for `today`. */
async function casesAsOf(c: Core, today: string): Promise<StatsCase[]> {
  const out: StatsCase[] = [];
  for (const item of ok(await c.invoke('cases:list', { today }))) {
    const d = ok(await c.invoke('cases:get', { reference: item.reference }));
    const exemptions = [...new Set(ok(await c.invoke('exemptions:list', { reference: item.reference })).map((a) => formatProvision(a.ref)))];
    out.push({ reference: d.reference, regime: d.regime, received: d.received, events: d.events, clocks: deriveCaseClocks(d.regime, d.received, d.events, calendars, today), exemptions });
  }
  return out;
}

/** Every period and regime, through the core, against the domain computing from the events. */
async function expectSameAsDomain(c: Core, today: string): Promise<Statistics> {
  const cases = await casesAsOf(c, today);
  for (const [from, to] of PERIODS) {
    for (const regime of [undefined, ...SEEDED_REGIMES]) {
      const got = ok(await c.invoke('reports:statistics', { from, to, ...(regime ? { regime } : {}) }));
      const want = computeStatistics(cases, { from, to, regime: regime ?? null }, today);
      expect({ from, to, regime, got }).toEqual({ from, to, regime, got: want });
      // In the same order too: the CSV's rows, the exemptions listed.
      expect(statisticsRows(got)).toEqual(statisticsRows(want));
      expect(Object.keys(got.exemptions)).toEqual(Object.keys(want.exemptions));
    }
  }
  return ok(await c.invoke('reports:statistics', { from: PERIODS[4][0], to: PERIODS[4][1] }));
}

/** SQL straight on the register's tables, past the core (on the team database as its administrator). */
async function onRegister(dataDir: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (onTeamDatabase) {
    const schema = new URL(databaseArgsFor(dataDir)[1]!).searchParams.get('schema')!;
    let n = 0;
    return asAdmin(async (pgc) => (await pgc.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[], schema);
  }
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    const statement = db.prepare(text);
    if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
    statement.run(...params);
    return [];
  } finally {
    db.close();
  }
}

describe('the period statistics from what is stored of each case', () => {
  const dataDir = tempDir();
  let c: Core;
  beforeAll(async () => {
    c = await testCore({ dataDir, today: TODAY });
    ok(await c.invoke('settings:update', AUTHORITY));
    await build(c);
  }, 240_000);
  afterAll(() => c.close(), 60_000);

  it('are the domain computing afresh from every case, for each period and regime', async () => {
    const all = await expectSameAsDomain(c, TODAY);
    // Every category is met, so that each is compared with something in it.
    expect(all.received).toBe(CASES);
    for (const n of [all.inTime, all.extendedInTime, all.late, all.pending + all.overdue, all.lateBy.upTo5 + all.lateBy.upTo20, all.lateBy.over20]) expect(n).toBeGreaterThan(0);
    for (const n of [all.reviews.received, all.reviews.answeredInTime, all.reviews.upheld, all.reviews.pending, all.ico.complaints, all.ico.decisions, all.tribunal.appeals]) expect(n).toBeGreaterThan(0);
    expect(Object.values(all.outcomes).filter((n) => n > 0).length).toBeGreaterThan(5);
    expect(Object.keys(all.exemptions).length).toBeGreaterThan(5);
  }, 120_000);

  it('a stored fact that drifts from the events is reported by the consistency check', async () => {
    const [late] = await onRegister(dataDir, "SELECT id, reference, late_days FROM cases WHERE answered = 'late' ORDER BY id LIMIT 1");
    await onRegister(dataDir, 'UPDATE cases SET late_days = ? WHERE id = ?', [Number(late!.late_days) + 30, late!.id]);
    expect((await c.derivedDrift()).map((d) => d.reference)).toEqual([late!.reference]);
    await onRegister(dataDir, 'UPDATE cases SET late_days = ? WHERE id = ?', [late!.late_days, late!.id]);
    expect(await c.derivedDrift()).toEqual([]);
  });

  it('on a later day (requests pending then overdue; snapshots expired) and after an upgrade that left the facts unset', async () => {
    await c.close();
    // As 2026_12_03_1100_statistics_facts leaves an existing register: no facts, every snapshot to derive again.
    await onRegister(dataDir, 'UPDATE cases SET derived_on = NULL, answered = NULL, late_days = NULL, response_outcome = NULL, review_in_time = NULL, review_result = NULL');
    const later = '2027-02-15';
    c = await testCore({ dataDir, today: later });
    await expectSameAsDomain(c, later);
    expect(await onRegister(dataDir, 'SELECT CAST(count(*) AS INTEGER) AS n FROM cases WHERE answered IS NULL OR derived_on IS NULL')).toEqual([{ n: 0 }]);
  }, 120_000);
});
