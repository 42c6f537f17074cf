// A register past SQLite's bound-variable limit (32,766): the list, its pages, the dashboard, the
// timeliness report, the statistics and a holiday proclaimed all work, because no query binds one
// variable per case. The cases are written straight into the tables (years of casework), then the
// core derives them all when first read.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/core';
import { ok, tempDir, testCore } from '../helpers/core';
import { DATABASE_FILE } from '../../src/main/core/constants';

const CASES = 33_000;
const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
}, 120_000);

function seed(dataDir: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  const now = '2026-11-20T10:00:00.000Z';
  const person = db.prepare('INSERT INTO requesters (name, email, address, organisation, created_at) VALUES (?, ?, \'\', \'\', ?)');
  const kase = db.prepare('INSERT INTO cases (reference, regime, received_date, requester_id, summary, request_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, \'\', ?, ?)');
  const event = db.prepare('INSERT INTO case_events (case_id, type, date, outcome, recorded_at) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let k = 0; k < CASES; k++) {
      const year = 2020 + (k % 7);
      const received = `${year}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`;
      const requester = Number(person.run(`Requester ${k}`, `r${k}@example.org`, now).lastInsertRowid);
      const id = Number(kase.run(`FOI/${year}/${String(k).padStart(6, '0')}`, k % 5 === 0 ? 'eir' : 'foia', received, requester, `Seeded request ${k}`, now, now).lastInsertRowid);
      event.run(id, 'received', received, null, now);
      // Most answered within a fortnight; every seventh never answered.
      if (k % 7 !== 0) event.run(id, 'responded', `${received.slice(0, 8)}${String(Math.min(28, 1 + (k % 27) + 10)).padStart(2, '0')}`, 'granted', now);
    }
  })();
  db.close();
}

describe(`a register of ${CASES.toLocaleString('en-GB')} cases`, () => {
  it('lists, pages, counts, reports and takes a holiday without a bound variable per case', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    await first.close();
    seed(dataDir);
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
