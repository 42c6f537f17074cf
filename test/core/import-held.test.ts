// An import asks, for each batch, which of its files the case already holds (heldInCase): by
// Message-ID, by the message's source file, by a direct file's content. The questions about
// messages are answered through the unique index each names, whatever the register's statistics
// say, so that the cost of a batch does not grow with the case: asked together (`message_id IN …
// OR source_sha256 IN …`), the planner read every message of the case, each row with its body and
// headers, at every batch once the statistics were sampled (the refresh's `analysis_limit`) or
// taken before a large import: 14 ms a batch at 10,000 messages.
import { describe, expect, it } from 'vitest';
import { memoryRegister } from '../helpers/memory-register';
import { heldInCase, heldQueries } from '../../src/main/core/repositories/correspondence.repository';
import { BATCH } from '../../src/main/core/services/import.service';

const sha = (n: number, kind: string) => `${kind}${String(n).padStart(8, '0')}`.padEnd(64, '0');

/** A register whose case 1 holds `messages` emails and `files` files added directly. */
async function register(messages: number, files: number) {
  const { sqlite, db } = await memoryRegister('Zoë Ó Dónaill-Nguyễn 王');
  for (const id of [1, 2]) sqlite.prepare("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (?, ?, 'foia', '2026-01-01', 1, 'Roads', 'x', 'x')").run(id, `FOI/2026/000${id}`);
  const blob = sqlite.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, 'x')");
  const message = sqlite.prepare("INSERT INTO correspondence (case_id, direction, channel, sent_at, subject, body, message_id, source_sha256, created_at) VALUES (?, 'in', 'email', '2026-01-02', ?, ?, ?, ?, 'x')");
  const file = sqlite.prepare("INSERT INTO attachments (case_id, sha256, filename, original_filename, content_type, size, role, text_status, created_at) VALUES (?, ?, ?, ?, 'application/pdf', 1, 'correspondence', 'not-applicable', 'x')");
  sqlite.transaction(() => {
    for (let n = 1; n <= messages; n++) {
      blob.run(sha(n, 'e'));
      message.run(1, `Gritting ${n}`, 'A long message body. '.repeat(200), `<m${n}@example.org>`, sha(n, 'e'));
    }
    for (let n = 1; n <= files; n++) {
      blob.run(sha(n, 'f'));
      file.run(1, sha(n, 'f'), `plan ${n}.pdf`, `plan ${n}.pdf`);
    }
  })();
  return { sqlite, db };
}

const batchOf = (from: number, count: number) => [
  ...Array.from({ length: count }, (_, i) => ({ kind: 'email' as const, sha: sha(from + i, 'e'), msg: { messageId: `<m${from + i}@example.org>` } })),
  ...Array.from({ length: count }, (_, i) => ({ kind: 'file' as const, part: { sha: sha(from + i, 'f') } })),
];

describe("what a case holds of an import's batch", () => {
  it("asks for the case's messages through their unique indexes, one per key, however the statistics misjudge the case", async () => {
    const { sqlite, db } = await register(3000, 0);
    // A batch's worth of each key (BATCH.files), as a large import asks.
    const n = Array.from({ length: BATCH.files }, (_, i) => 1 + i * 7);
    const keys = { ids: n.map((i) => `<m${i}@example.org>`), sources: n.map((i) => sha(i, 'e')), files: [] };
    const plans = () =>
      heldQueries(db, 1, keys).map(({ query }) => {
        const q = query.compile();
        return (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[]).map((p) => p.detail).join(' | ');
      });
    const expected = [
      'SEARCH correspondence USING INDEX correspondence_message (case_id=? AND message_id=?)',
      'SEARCH correspondence USING INDEX correspondence_source (case_id=? AND source_sha256=?)',
    ];
    // No statistics; a sample of them, as the writes' refresh takes (derived.repository.ts), which
    // puts a case at about 400 messages however many it holds; all of them; and statistics that
    // say a case holds a message or two, as taken before a large import.
    expect(plans()).toEqual(expected);
    sqlite.exec('PRAGMA analysis_limit = 400; ANALYZE');
    expect(sqlite.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'correspondence_case'").pluck().get()).toBe('3000 401 401');
    expect(plans()).toEqual(expected);
    sqlite.exec('PRAGMA analysis_limit = 0; ANALYZE');
    expect(plans()).toEqual(expected);
    sqlite.exec("UPDATE sqlite_stat1 SET stat = '3000 2 1' WHERE idx = 'correspondence_case'; ANALYZE sqlite_schema");
    expect(plans()).toEqual(expected);
    await db.destroy();
  });

  it("names, for each file already held, the case's message with its key, and the file added with the same content; nothing of another case", async () => {
    const { sqlite, db } = await register(5, 3);
    // Messages of another case: one with message 4's Message-ID, one from message 5's file.
    sqlite.exec(`INSERT INTO blobs (sha256, size, created_at) VALUES ('${sha(8, 'e')}', 1, 'x')`);
    sqlite.exec(`INSERT INTO correspondence (case_id, direction, channel, sent_at, subject, message_id, source_sha256, created_at) VALUES (2, 'in', 'email', '2026-01-03', 'Later copy', '<m4@example.org>', '${sha(8, 'e')}', 'x')`);
    sqlite.exec(`INSERT INTO correspondence (case_id, direction, channel, sent_at, subject, message_id, source_sha256, created_at) VALUES (2, 'in', 'email', '2026-01-03', 'Other case', '<m9@example.org>', '${sha(5, 'e')}', 'x')`);
    const held = await heldInCase(db, 1, [...batchOf(3, 4), { kind: 'email', sha: sha(9, 'e'), msg: { messageId: '<m9@example.org>' } }, { kind: 'skip' }]);
    expect(Object.fromEntries(held.messageIds)).toEqual({ '<m3@example.org>': 'Gritting 3', '<m4@example.org>': 'Gritting 4', '<m5@example.org>': 'Gritting 5' });
    expect(Object.fromEntries(held.sources)).toEqual({ [sha(3, 'e')]: 'Gritting 3', [sha(4, 'e')]: 'Gritting 4', [sha(5, 'e')]: 'Gritting 5' });
    expect(Object.fromEntries(held.files)).toEqual({ [sha(3, 'f')]: 'plan 3.pdf' });
    // A batch of files alone asks nothing of the messages, and a batch of nothing asks nothing.
    expect(heldQueries(db, 1, { ids: [], sources: [], files: [sha(1, 'f')] }).map(({ query }) => query.compile().sql)).toEqual([expect.stringMatching(/from "attachments"/)]);
    expect(heldQueries(db, 1, { ids: [], sources: [], files: [] })).toEqual([]);
    await db.destroy();
  });
});
