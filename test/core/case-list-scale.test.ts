// A register past SQLite's bound-variable limit (32,766): the list, its pages, the dashboard, the
// timeliness report, the statistics and a holiday proclaimed all work, because no query binds one
// variable per case. The cases are written straight into the tables (years of casework), then the
// core derives them all when first read.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { ok, tempDir, testCore } from '../helpers/core';
import { seedRegister } from '../helpers/seed-register';

const CASES = 33_000;
const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
}, 120_000);

describe(`a register of ${CASES.toLocaleString('en-GB')} cases`, () => {
  it('lists, pages, counts, reports and takes a holiday without a bound variable per case', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    await first.close();
    seedRegister(dataDir, CASES);
    const c = await testCore({ dataDir });
    open.push(c);
    const today = '2026-11-20';
    const dashboard = ok(await c.invoke('reports:dashboard', { today }));
    expect(dashboard.all).toBe(CASES);
    // Every seventh case is unanswered; those received before the last few weeks are overdue.
    expect(dashboard.active).toBe(Math.ceil(CASES / 7));
    expect(dashboard.overdue).toBeGreaterThan(4000);
    const page = ok(await c.invoke('cases:page', { today, filter: 'overdue', sort: 'daysLeft', limit: 50 }));
    expect(page).toMatchObject({ total: dashboard.overdue });
    expect(page.items).toHaveLength(50);
    const second = ok(await c.invoke('cases:page', { today, filter: 'overdue', sort: 'daysLeft', limit: 50, after: page.next! }));
    expect(second.items[0]!.deadline!.due >= page.items[49]!.deadline!.due).toBe(true);
    expect(ok(await c.invoke('cases:list', { today, text: 'REQUEST 32998' })).map((i) => i.reference)).toEqual(['FOI/2020/032998']);
    const timeliness = ok(await c.invoke('reports:timeliness', { from: '2020-01-01', to: '2026-12-31', today }));
    expect(timeliness.received).toBe(CASES);
    expect(timeliness.inTime + timeliness.late + timeliness.pending).toBe(CASES);
    const stats = ok(await c.invoke('reports:statistics', { from: '2025-01-01', to: '2025-12-31' }));
    expect(stats.received).toBeGreaterThan(4000);
    // A day proclaimed in 2020 moves only the unanswered cases whose counting spans it.
    const change = ok(await c.invoke('holidays:add', { date: '2020-06-09', region: 'england-and-wales', name: 'A day proclaimed' }));
    expect(change.affected.length).toBeGreaterThan(0);
    // Each due on or after the day, and a working day later for it.
    expect(change.affected.every((a) => a.reference.includes('/2020/') && a.from >= '2020-06-09' && a.to > a.from)).toBe(true);
  }, 300_000);
});
