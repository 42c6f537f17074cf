// The local register's full-text index kept by rowid: replacing a document finds it through the
// unique (kind, item_id) index and tells FTS5 which rowid to forget, so that the work does not grow
// with the register (it read the whole index before); the index stays in step with the documents.
import { describe, expect, it } from 'vitest';
import { memoryRegister } from '../helpers/memory-register';
import { indexedBody, indexItem, searchIndex, unindexItem } from '../../src/main/core/repositories/search.repository';
import { runWrite } from '../../src/main/core/services/transaction';
import { STATISTICS_EVERY_WRITES } from '../../src/main/core/repositories/derived.repository';
import { searchLocal } from '../../src/main/core/repositories/search-fts.repository';
import { FTS_DATA_FLOOR, optimizeStatistics } from '../../src/main/core/db/statistics';
import { drainPairs } from '../../src/main/core/repositories/search-pairs.repository';

async function register() {
  const made = await memoryRegister();
  made.sqlite.exec("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (1, 'FOI/2026/0001', 'foia', '2026-01-01', 1, 'Roads', 'x', 'x')");
  return made;
}

describe('the full-text index on the local register', () => {
  it('replaces a document by rowid: found through (kind, item_id), one document per item, nothing scanned', async () => {
    const { sqlite, db, captured } = await register();
    for (let i = 1; i <= 300; i++) await indexItem(db, 'correspondence', i, 1, `Message ${i}`, `Road works on street ${i}, week ${i % 7}`);
    const documents = () => sqlite.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get();
    expect(documents()).toBe(300);

    captured.length = 0;
    await indexItem(db, 'correspondence', 150, 1, 'Gritting', 'Salt for the winter roads');
    expect(documents()).toBe(300);
    const plans = captured.map((q) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[]).map((p) => p.detail));
    expect(plans.flat()).toContain('SEARCH search_index USING INDEX search_index_item (kind=? AND item_id=?)');
    expect(plans.flat().filter((d) => /^SCAN/.test(d))).toEqual([]);

    // The old words are gone from the index, the new ones found; the index matches the documents.
    expect((await searchIndex(db, 'street 150', 10)).map((h) => h.itemId)).toEqual([]);
    expect((await searchIndex(db, 'salt', 10)).map((h) => [h.itemId, h.title])).toEqual([[150, 'Gritting']]);
    expect(() => sqlite.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    await db.destroy();
  });

  it("keeps the index in step whoever changes the documents (a case's destroyed, text rewritten in place)", async () => {
    const { sqlite, db } = await register();
    await indexItem(db, 'case', 1, 1, 'FOI/2026/0001 Roads', 'Zoë Ó Dónaill');
    await indexItem(db, 'attachment', 5, 1, 'plan.pdf', 'Drainage plan');
    sqlite.prepare("UPDATE search_index SET body = 'Requester 1' WHERE kind = 'case'").run();
    expect(await searchIndex(db, 'donaill', 10)).toEqual([]);
    expect((await searchIndex(db, 'requester', 10)).map((h) => h.kind)).toEqual(['case']);
    sqlite.prepare('DELETE FROM search_index WHERE case_id = 1').run();
    expect(await searchIndex(db, 'drainage', 10)).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(0);
    sqlite.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
    await db.destroy();
  });

  it('searches a prefix longer than three letters as the words of the index it begins', async () => {
    const { db, captured } = await register();
    await indexItem(db, 'correspondence', 1, 1, 'Culvert', 'The culvert under Mill Lane');
    await indexItem(db, 'correspondence', 2, 1, 'Culverts', 'Two culverts were cleared');
    await indexItem(db, 'correspondence', 3, 1, 'Cul-de-sac', 'The cul-de-sac cultivation plan');
    await indexItem(db, 'correspondence', 4, 1, 'Naïve', 'A naïve reading of the café licence');
    const found = async (q: string) => (await searchIndex(db, q, 10)).map((h) => h.itemId).sort();
    captured.length = 0;
    expect(await found('Culv')).toEqual([1, 2]);
    expect(captured.at(-1)!.parameters).toContain('("culvert" OR "culverts")');
    expect(await found('mill culv')).toEqual([1]);
    expect(await found('cul')).toEqual([1, 2, 3]);
    // Beyond ASCII the tokenizer's folding decides: FTS5 gathers the prefix itself.
    expect(await found('naïv')).toEqual([4]);
    expect(await found('naiv')).toEqual([4]);
    // A prefix no word begins finds nothing, without searching.
    captured.length = 0;
    expect(await found('culz')).toEqual([]);
    expect(captured).toHaveLength(1);
    // More words than are worth listing: FTS5 gathers the prefix, with the same result.
    for (let i = 0; i < 70; i++) await indexItem(db, 'attachment', 100 + i, 1, `zorb${String(i).padStart(2, '0')}`, 'Zorbing');
    captured.length = 0;
    expect(await found('zorb')).toHaveLength(10);
    expect(captured.at(-1)!.parameters).toContain('"zorb"*');
    await db.destroy();
  });

  it('ranks by bm25 unless a word is common, then shows the newest matches first', async () => {
    const { db } = await register();
    await indexItem(db, 'correspondence', 1, 1, 'Road road road', 'road');
    for (let i = 2; i <= 8; i++) await indexItem(db, 'correspondence', i, 1, `Note ${i}`, `A long note that mentions the road once among other words, number ${i}`);
    const order = async (query: string, common: number) => (await searchLocal(db, query, 3, common)).map((h) => h.item_id);
    // Told common by the vocabulary (a prefix), by walking its list (a word as typed, a three-letter prefix).
    for (const query of ['road', '"road"', 'roa']) {
      expect(await order(query, 100)).toEqual([1, 8, 7]);
      expect(await order(query, 5)).toEqual([8, 7, 6]);
    }
    await db.destroy();
  });

  it('holds a write\'s documents back and writes them together as it commits, as it was given them last; a write that fails leaves none', async () => {
    const { sqlite, db, captured } = await register();
    const writer = { db, readOnlyReason: null, dataDir: ':memory:', actor: 'Test', now: () => new Date('2026-11-30T10:00:00Z'), today: () => '2026-11-30', calendars: async () => ({}) as never };
    const segmentsBefore = sqlite.prepare('SELECT count(*) FROM search_fts_data').pluck().get() as number;
    captured.length = 0;
    await runWrite(writer, async (w) => {
      for (let i = 1; i <= 120; i++) {
        await indexItem(w.db, 'correspondence', i, 1, `Message ${i}`, `Hedge cutting on lane ${i}`);
        await w.audit({ action: 'test.indexed', caseId: null, summary: `Indexed ${i}` });
      }
      await indexItem(w.db, 'correspondence', 7, 1, 'Message 7', 'Potholes instead'); // the last given wins
      await indexItem(w.db, 'attachment', 9, 1, 'gone.pdf', 'Never indexed');
      await unindexItem(w.db, 'attachment', 9); // removed in the same write: what was held goes in first, then out
      expect(await indexedBody(w.db, 'correspondence', 120)).toBe('Hedge cutting on lane 120'); // the write reads its own documents
    });
    // The documents went in a few statements (runs of 64, 32, … rows), not one each between the audit rows.
    const inserts = captured.filter((q) => /^insert into "search_index"/.test(q.sql));
    expect(inserts.length).toBeLessThanOrEqual(8);
    expect(sqlite.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(120);
    expect((await searchIndex(db, 'potholes', 10)).map((h) => h.itemId)).toEqual([7]);
    expect((await searchIndex(db, 'lane 7', 10)).map((h) => h.itemId)).toEqual([]);
    expect((await searchIndex(db, 'hedge', 200)).length).toBe(119);
    expect(await searchIndex(db, 'never', 10)).toEqual([]);
    // A few segments for the whole write, not one for each document.
    expect((sqlite.prepare('SELECT count(*) FROM search_fts_data').pluck().get() as number) - segmentsBefore).toBeLessThan(20);
    sqlite.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();

    await expect(
      runWrite(writer, async (w) => {
        await indexItem(w.db, 'correspondence', 500, 1, 'Doomed', 'Rolled back');
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect(await searchIndex(db, 'doomed', 10)).toEqual([]);
    // Outside a write, a document goes in at once, as before.
    await indexItem(db, 'correspondence', 501, 1, 'Direct', 'Written straight away');
    expect((await searchIndex(db, 'straight', 10)).map((h) => h.itemId)).toEqual([501]);
    await db.destroy();
  });

  it("keeps FTS5's removal of merged segments a search by rowid, whatever ANALYZE made of an empty index (a first large import read the whole index at every merge)", async () => {
    const { sqlite, db } = await register();
    const writer = { db, readOnlyReason: null, dataDir: ':memory:', actor: 'Test', now: () => new Date('2026-11-30T10:00:00Z'), today: () => '2026-11-30', calendars: async () => ({}) as never };
    // FTS5's own statement: DELETE FROM <index>_data WHERE id >= ? AND id <= ? (sqlite.org fts5.c,
    // fts5DataDelete); the same WHERE read through a SELECT, which the planner plans alike.
    const plan = (table: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT block FROM ${table} WHERE id >= ? AND id <= ?`).all(1, 2) as { detail: string }[]).map((p) => p.detail).join('; ');
    const estimate = (table: string) => Number(sqlite.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx IS NULL').pluck().get(table));
    const indexes = ['search_fts_data', 'search_pairs_data'];

    // What SQLite's own analysis records of a new register's empty indexes, and what it plans then.
    sqlite.exec('ANALYZE');
    for (const t of indexes) {
      expect(estimate(t)).toBe(2);
      expect(plan(t)).toBe(`SCAN ${t}`);
    }
    // As the register is opened (connection.ts), and as writes look again (refreshStatistics).
    await optimizeStatistics(db, 0);
    for (const t of indexes) {
      expect(estimate(t)).toBe(FTS_DATA_FLOOR);
      expect(plan(t)).toBe(`SEARCH ${t} USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)`);
    }
    // Other tables keep the counts analysed, however small (the settings' one row).
    expect(estimate('settings')).toBe(1);
    // SQLite analyses a data table again while it holds under a tenth of the floor (a new
    // register's first documents): the writes that look again raise it again each time.
    sqlite.prepare("UPDATE sqlite_stat1 SET stat = '2' WHERE tbl = 'search_fts_data'").run();
    for (let i = 1; i <= STATISTICS_EVERY_WRITES + 1; i++) {
      await runWrite(writer, async (w) => indexItem(w.db, 'correspondence', i, 1, 'Hedges', `Lane ${i}`));
    }
    for (const t of indexes) {
      expect(estimate(t)).toBeGreaterThanOrEqual(FTS_DATA_FLOOR);
      expect(plan(t)).toBe(`SEARCH ${t} USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)`);
    }
    expect(estimate('settings')).toBe(1);
    // A count above the floor is left as it is; the index stays whole through many merges.
    await runWrite(writer, async (w) => {
      for (let i = 100; i < 3100; i++) await indexItem(w.db, 'correspondence', i, 1, `Message ${i}`, `Hedge cutting on lane ${i} ${'verge '.repeat(i % 50)}`);
    });
    while ((await db.transaction().execute((trx) => drainPairs(trx, { docs: 8192, chars: 64 * 1024 * 1024 }))) > 0);
    const rows = Number(sqlite.prepare('SELECT count(*) FROM search_fts_data').pluck().get());
    sqlite.prepare("UPDATE sqlite_stat1 SET stat = ? WHERE tbl = 'search_fts_data' AND idx IS NULL").run(String(FTS_DATA_FLOOR + rows));
    await optimizeStatistics(db, 400); // within ten times of the rows held: not analysed again
    expect(estimate('search_fts_data')).toBe(FTS_DATA_FLOOR + rows);
    sqlite.exec("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')");
    expect((await searchIndex(db, 'lane 2999', 10)).map((h) => h.itemId)).toEqual([2999]);
    await db.destroy();
  });

  it("keeps the planner's statistics in step with a register that grows while it is open (a search after a first large import read the whole index per match)", async () => {
    const { sqlite, db } = await register();
    const writer = { db, readOnlyReason: null, dataDir: ':memory:', actor: 'Test', now: () => new Date('2026-11-30T10:00:00Z'), today: () => '2026-11-30', calendars: async () => ({}) as never };
    // As the connection found it when opened: one document, statistics taken then.
    await indexItem(db, 'case', 1, 1, 'FOI/2026/0001', 'Roads');
    sqlite.exec('ANALYZE');
    const rowsSeen = () => Number(String(sqlite.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = 'search_index' AND idx = 'search_index_case'").pluck().get()).split(' ')[0]);
    const lookup = () => (sqlite.prepare('EXPLAIN QUERY PLAN SELECT s.title FROM json_each(?) AS j CROSS JOIN search_index AS s WHERE s.rowid = j.value').all('[1]') as { detail: string }[]).map((p) => p.detail);
    expect(rowsSeen()).toBe(1);
    expect(lookup()).toContain('SCAN s'); // a table of one row is read whole

    // The first write looks (nothing to do); the large second one is seen at the 17th.
    const small = (i: number) => runWrite(writer, async (w) => indexItem(w.db, 'correspondence', 9000 + i, 1, 'More', 'Verges'));
    await small(1);
    await runWrite(writer, async (w) => {
      for (let i = 1; i <= 3000; i++) await indexItem(w.db, 'correspondence', i, 1, `Message ${i}`, `Hedge cutting on lane ${i}`);
    });
    for (let i = 3; i <= STATISTICS_EVERY_WRITES; i++) await small(i);
    expect(rowsSeen()).toBeLessThan(10);
    await small(STATISTICS_EVERY_WRITES + 1);
    expect(rowsSeen()).toBeGreaterThan(3000);
    expect(lookup()).toContain('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    // The limit on rows read by an analysis is the connection's default again.
    expect(sqlite.pragma('analysis_limit', { simple: true })).toBe(0);
    await db.destroy();
  });
});
