// Statements whose plans decided how their time grows with the register, found by running the
// app's commands on a register of 50,000 cases and reading their plans (bench/README.md): each is
// now written so that its plan reads what it returns, or each side once, whatever statistics the
// register holds; checked here by its plan and by its answers.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { memoryRegister } from '../helpers/memory-register';
import { staleCaseIds } from '../../src/main/core/repositories/derived.repository';
import { TEMPLATE_KEY, unreferencedBlobs } from '../../src/main/core/repositories/records.repository';
import { listRows, type ListQuery } from '../../src/main/core/repositories/case-list.repository';
import { copiesOfCase, marksOfCase } from '../../src/main/core/repositories/redaction.repository';
import { dropUnreferencedBlobs } from '../../src/main/core/repositories/retention.repository';

const register = () => memoryRegister('Zoë Ó Dónaill-Nguyễn 王');

const planOf = (sqlite: Database.Database, q: { sql: string; parameters: readonly unknown[] }) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[]).map((p) => p.detail);

describe('plans that do not grow with the register', () => {
  it('finds the cases to derive again through the two indexes, not by reading every case, under sampled statistics', async () => {
    const { sqlite, db, captured } = await register();
    const insert = sqlite.prepare("INSERT INTO cases (reference, regime, received_date, requester_id, summary, created_at, updated_at, derived_on, valid_until) VALUES (?, 'foia', '2025-01-02', 1, 'Roads', 'x', 'x', ?, ?)");
    sqlite.transaction(() => {
      for (let n = 1; n <= 5000; n++) {
        // Most derived yesterday and good for a while; a few never derived, derived "tomorrow" (a clock
        // set back), or past their valid-until; one both of the last two, counted once.
        const [on, until] = n % 997 === 0 ? [null, null] : n % 1009 === 0 ? ['2026-12-01', '2027-01-01'] : n % 1013 === 0 ? ['2026-11-01', '2026-11-20'] : n === 4999 ? ['2026-12-02', '2026-11-01'] : ['2026-11-29', '2027-03-01'];
        insert.run(`FOI/2025/${String(n).padStart(6, '0')}`, on, until);
      }
    })();
    const expected = (sqlite.prepare("SELECT id FROM cases WHERE derived_on IS NULL OR derived_on > '2026-11-30' OR valid_until < '2026-11-30' ORDER BY id").pluck().all() as number[]);
    expect(expected.length).toBe(5 + 4 + 4 + 1);
    for (const analyse of ['', 'PRAGMA analysis_limit = 400; ANALYZE', 'PRAGMA analysis_limit = 0; ANALYZE']) {
      if (analyse) sqlite.exec(analyse);
      captured.length = 0;
      expect(await staleCaseIds(db, '2026-11-30')).toEqual(expected);
      const plan = planOf(sqlite, captured[0]!);
      expect(plan.filter((d) => /^SCAN/.test(d))).toEqual([]);
      expect(plan).toEqual(expect.arrayContaining(['SEARCH cases USING COVERING INDEX cases_derived_on (derived_on=?)', 'SEARCH cases USING COVERING INDEX cases_derived_on (derived_on>?)', 'SEARCH cases USING COVERING INDEX cases_valid_until (valid_until<?)']));
    }
    await db.destroy();
  });

  it('lists the stored files nothing names by reading each side once, not every message for each file', async () => {
    const { sqlite, db, captured } = await register();
    sqlite.exec("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (1, 'FOI/2026/0001', 'foia', '2026-01-02', 1, 'Roads', 'x', 'x')");
    const sha = (c: string) => c.repeat(64);
    for (const c of 'abcdef') sqlite.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, 'x')").run(sha(c));
    sqlite.prepare("INSERT INTO correspondence (case_id, direction, channel, sent_at, source_sha256, created_at) VALUES (1, 'in', 'email', '2026-01-02', ?, 'x')").run(sha('a'));
    sqlite.prepare("INSERT INTO attachments (case_id, sha256, filename, original_filename, content_type, size, role, text_status, created_at) VALUES (1, ?, 'plan.pdf', 'plan.pdf', 'application/pdf', 1, 'correspondence', 'not-applicable', 'x')").run(sha('b'));
    // The letter template setting names a file, in capitals as a hand-edited setting might.
    sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").run(TEMPLATE_KEY, JSON.stringify({ sha256: sha('C'), filename: 'Letter.docx' }));
    // An email with no source file (typed in) names nothing.
    sqlite.exec("INSERT INTO correspondence (case_id, direction, channel, sent_at, created_at) VALUES (1, 'out', 'post', '2026-01-03', 'x')");
    const seen: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => (seen.push(source), prepare(source))) as typeof sqlite.prepare;
    expect(unreferencedBlobs(sqlite)).toEqual([sha('d'), sha('e'), sha('f')]);
    const statement = seen.find((s) => /FROM blobs/u.test(s))!;
    const plan = (prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).not.toMatch(/CORRELATED/u);
    expect(plan).toMatch(/SCAN correspondence USING COVERING INDEX correspondence_source/u);
    sqlite.prepare = prepare;
    // The same question where a write drops the files nothing names (check-in, anonymising,
    // destruction, a template replaced): one file asked alone, then all.
    captured.length = 0;
    expect(await dropUnreferencedBlobs(db, sha('d'))).toEqual([sha('d')]);
    expect(await dropUnreferencedBlobs(db, sha('a'))).toEqual([]);
    expect(await dropUnreferencedBlobs(db)).toEqual([sha('e'), sha('f')]);
    for (const q of captured.filter((c) => /FROM blobs/u.test(c.sql))) expect(planOf(sqlite, q).join(' | ')).not.toMatch(/CORRELATED[^|]*\| SCAN (a|c|attachments|correspondence)\b/u);
    expect(sqlite.prepare('SELECT sha256 FROM blobs ORDER BY 1').pluck().all()).toEqual([sha('a'), sha('b'), sha('c')]);
    await db.destroy();
  });

  it("reads an officer's cases, and one stage's, newest first in index order: not all of them sorted to show a page", async () => {
    const { sqlite, db, captured } = await register();
    const insert = sqlite.prepare("INSERT INTO cases (reference, regime, received_date, requester_id, summary, created_at, updated_at, officer, stage) VALUES (?, 'foia', ?, 1, 'Roads', 'x', 'x', ?, ?)");
    sqlite.transaction(() => {
      for (let n = 1; n <= 6000; n++) {
        const received = `20${String(20 + (n % 6)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
        insert.run(`FOI/2025/${String(n).padStart(6, '0')}`, received, n % 10 === 0 ? 'zoe' : 'alex', n % 5 === 0 ? 'open' : 'closed');
      }
    })();
    sqlite.exec('PRAGMA analysis_limit = 400; ANALYZE');
    const base: ListQuery = { today: '2026-11-30', endOfWeek: '2026-12-04', filter: 'all', words: [] };
    const cases: { q: ListQuery; index: string; where: string }[] = [
      { q: { ...base, officer: 'alex' }, index: 'cases_officer_received', where: "officer = 'alex'" },
      { q: { ...base, status: 'closed' as const }, index: 'cases_stage_received', where: "stage = 'closed'" },
    ];
    // The whole list, newest first, with the statistics of a register whose requesters were last
    // counted at a third of its cases, each with a request or so (a 50,000-case register's, as its
    // upgrade left them).
    sqlite.exec("PRAGMA analysis_limit = 0; ANALYZE; UPDATE sqlite_stat1 SET stat = '2000 3' WHERE idx = 'requesters_email'; UPDATE sqlite_stat1 SET stat = '6000 1' WHERE idx = 'cases_requester'; ANALYZE sqlite_schema");
    cases.push({ q: base, index: 'cases_received', where: '1 = 1' });
    for (const { q, index, where } of cases) {
      const expected = sqlite.prepare(`SELECT id FROM cases WHERE ${where} ORDER BY received_date DESC, id DESC`).pluck().all() as number[];
      captured.length = 0;
      const first = await listRows(db, q, { sort: 'received', dir: 'desc' }, { limit: 50 });
      const second = await listRows(db, q, { sort: 'received', dir: 'desc' }, { limit: 50, after: first.at(-1)!.keys });
      expect([...first, ...second].map((r) => r.id)).toEqual(expected.slice(0, 100));
      for (const statement of captured) {
        const plan = planOf(sqlite, statement);
        expect(plan.some((d) => d.includes(`USING INDEX ${index}`))).toBe(true);
        expect(plan.filter((d) => /TEMP B-TREE/u.test(d))).toEqual([]);
      }
    }
    await db.destroy();
  });

  it("finds a case's redactions and redacted copies by its case, not by reading every attachment of the register", async () => {
    const { sqlite, db, captured } = await register();
    sqlite.exec("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (1, 'FOI/2026/0001', 'foia', '2026-01-02', 1, 'Roads', 'x', 'x'), (2, 'FOI/2026/0002', 'foia', '2026-01-02', 1, 'Bins', 'x', 'x')");
    const blob = sqlite.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, 'x')");
    const attach = sqlite.prepare("INSERT INTO attachments (case_id, sha256, filename, original_filename, content_type, size, role, text_status, created_at) VALUES (?, ?, ?, ?, 'application/pdf', 1, 'correspondence', 'not-applicable', 'x')");
    sqlite.transaction(() => {
      for (let n = 1; n <= 5000; n++) {
        const sha = String(n).padStart(64, '0');
        blob.run(sha);
        attach.run(1 + (n % 2), sha, `file ${n}.pdf`, `file ${n}.pdf`);
      }
    })();
    sqlite.exec("PRAGMA analysis_limit = 400; ANALYZE");
    captured.length = 0;
    expect(await copiesOfCase(db, 1)).toEqual([]);
    expect(await marksOfCase(db, 1)).toEqual([]);
    const plans = captured.map((q) => planOf(sqlite, q).join(' | '));
    expect(plans).toEqual([expect.stringContaining('USING INDEX redacted_copies_case (case_id=?)'), expect.stringContaining('USING INDEX redaction_marks_case (case_id=?)')]);
    expect(plans.join(' | ')).not.toMatch(/SCAN attachments/u);
    await db.destroy();
  });
});
