// The local register's index of adjacent words (search-pairs.repository.ts). A search through it
// must give exactly what FTS5 gives over the whole index: the same documents, newest first, with
// the same snippets, whatever the text (accents, other scripts, punctuation inside words), and a
// document is found whether or not its pairs have been written yet.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import type { DB } from '../../src/main/core/db/schema';
import { indexItem, replaceIndexedText } from '../../src/main/core/repositories/search.repository';
import { ftsQuery, newestQuery, searchLocal } from '../../src/main/core/repositories/search-fts.repository';
import { drainPairs, MOST_CANDIDATE_BYTES, MOST_CANDIDATES, PAIRED_BY_THE_WRITE, pairsOf, WHOLE_SNIPPET_CHARS, wordsOfText } from '../../src/main/core/repositories/search-pairs.repository';
import { runWrite } from '../../src/main/core/services/transaction';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { ok, testCore } from '../helpers/core';
import { random } from '../hostile/make-corpus-bytes';

async function register() {
  const sqlite = new Database(':memory:');
  const captured: string[] = [];
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(sqlite), log: (e) => void captured.push(e.query.sql) });
  await migrate(sqlite, db as Kysely<unknown>, 'test');
  sqlite.exec("INSERT INTO requesters (id, name, created_at) VALUES (1, 'A', '2026-01-01')");
  sqlite.exec("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (1, 'FOI/2026/0001', 'foia', '2026-01-01', 1, 'Roads', 'x', 'x')");
  const writer = { db, actor: 'test', now: () => new Date('2026-11-30T10:00:00Z'), today: () => '2026-11-30', calendars: async () => ({}) as never, dataDir: '/nowhere' };
  const write = (work: (db: Kysely<DB>) => Promise<void>) => runWrite(writer as never, async ({ db: trx }) => work(trx));
  return { sqlite, db, captured, write };
}

// Few words, so that phrases of them are both common and rare; spellings FTS5 folds together
// (accents, case, a decomposed é), words it splits (O'Brien, e-mail, FOI/2026/0001), other scripts.
const WORDS = [
  'information', 'council', 'request', 'the', 'of', 'freedom', 'Zoë', 'zoe', 'ZOË', 'Ó', 'Dónaill-Nguyễn', 'dónaill', 'nguyen',
  '王', '王室', "O'Brien", 'obrien', 'e-mail', 'email', 'FOI/2026/0001', 'cafe\u0301', 'café', 'CAFÉ', 'Straße', 'strasse', '½',
  'ﬁle', 'file', 'naïve', '—', '“quoted”', 'x_y', '٣', 'Ελλάδα', 'ελλαδα',
];

function text(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  return out.join(next() < 0.2 ? ', ' : ' ');
}

/** What FTS5 finds over the whole index, newest first, with its snippets (a long document's is
 * made from a window of its text, whichever way the search went: any text here). */
async function plain(db: Kysely<DB>, match: string, limit: number) {
  return (await newestQuery(match, limit).execute(db)).rows.map(({ rowid: _, snippet, ...r }) => ({ ...r, snippet: snippet ?? expect.any(String) }));
}

describe('the index of adjacent words', () => {
  it('splits text into the words of the main index, and pairs neighbours within one field only', async () => {
    const { db } = await register();
    expect(await wordsOfText(db, "Zoë O'Brien-Smith FOI/2026/0001 café")).toEqual(['zoe', 'o', 'brien', 'smith', 'foi', '2026', '0001', 'cafe']);
    expect(await wordsOfText(db, 'cafe\u0301 ZOË 王室')).toEqual(['cafe', 'zoe', '王室']);
    expect(pairsOf([['a', 'b', 'a', 'b'], ['c']])).toEqual(['a_b', 'b_a']);
    expect(pairsOf([['a'], ['b']])).toEqual([]);
    await db.destroy();
  });

  it('finds exactly what FTS5 finds over the whole index, with the same snippets (3,000 generated phrase searches: all queued, all paired, some queued)', async () => {
    const { sqlite, db, write } = await register();
    const next = random(20261130);
    await write(async (trx) => {
      for (let i = 1; i <= 600; i++) await indexItem(trx, 'correspondence', i, 1, text(next, 3), text(next, 4 + Math.floor(next() * 20)));
    });
    // A write of more than PAIRED_BY_THE_WRITE documents leaves them to the background.
    const queued = () => sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get();
    expect(queued()).toBe(600);
    let viaPairs = 0;
    for (let n = 0; n < 3000; n++) {
      // The first 400 searches while every document is queued (searched as before), the next once
      // paired, the last 600 with 40 more documents queued beside the paired ones.
      if (n === 400) {
        expect(await drainPairs(db)).toBe(600);
        expect(queued()).toBe(0);
      }
      if (n === 2400) {
        const insert = sqlite.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (1, 'attachment', ?, ?, ?)");
        for (let i = 1; i <= 40; i++) insert.run(i, text(next, 2), text(next, 12));
        expect(queued()).toBe(40);
      }
      const words = 2 + Math.floor(next() * 3);
      const phrase = text(next, words).replace(/"/g, '');
      const typed = next() < 0.7 ? `"${phrase}"` : next() < 0.5 ? `${WORDS[Math.floor(next() * WORDS.length)]} "${phrase}"` : phrase;
      const match = ftsQuery(typed);
      if (!match) continue;
      const expected = await plain(db, match, 1000);
      // common = 0: every word counts as common, so the search is not ranked and takes the pairs' way.
      const got = await searchLocal(db, typed, 1000, 0);
      expect(got, typed).toEqual(expected);
      if (n >= 400 && expected.length <= MOST_CANDIDATES) viaPairs++;
    }
    expect(viaPairs).toBeGreaterThan(1500);
    await db.destroy();
  });

  it('uses the pairs for a rare phrase of common words, and walks the index as before for a common one', async () => {
    const { db, write, captured } = await register();
    await write(async (trx) => {
      for (let i = 1; i <= MOST_CANDIDATES + 100; i++) {
        await indexItem(trx, 'correspondence', i, 1, `Message ${i}`, i % 100 === 0 ? 'the information council met' : 'council minutes, then information about the council');
      }
    });
    await drainPairs(db);
    captured.length = 0;
    const rare = await searchLocal(db, '"information council"', 10, 0);
    expect(rare.map((r) => r.item_id)).toEqual([600, 500, 400, 300, 200, 100]);
    expect(rare[0]!.snippet).toBe('the [information council] met');
    expect(captured.some((q) => q.includes('temp.pair_check'))).toBe(true);
    expect(captured.some((q) => q.includes('FROM search_fts CROSS JOIN search_index'))).toBe(false);

    captured.length = 0;
    const common = await searchLocal(db, '"the council"', 10, 0);
    expect(common).toHaveLength(10);
    expect(captured.some((q) => q.includes('temp.pair_check'))).toBe(false);
    expect(captured.some((q) => q.includes('FROM search_fts CROSS JOIN search_index'))).toBe(true);
    await db.destroy();
  });

  it('finds a document whose pairs are not written yet, and forgets the pairs of one changed or removed', async () => {
    const { sqlite, db, write } = await register();
    await write(async (trx) => {
      await indexItem(trx, 'correspondence', 1, 1, 'Gritting', 'salt for the winter roads');
      await indexItem(trx, 'correspondence', 2, 1, 'Potholes', 'the winter roads are worse');
    });
    // Written outside a write (as an older version or another writer might): queued, not paired.
    sqlite.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (1, 'attachment', 9, 'plan.pdf', 'a plan for winter roads')").run();
    expect(sqlite.prepare('SELECT doc FROM search_unpaired').pluck().all()).toHaveLength(1);
    const ids = async (q: string) => (await searchLocal(db, q, 10, 0)).map((r) => `${r.kind}:${r.item_id}`);
    expect(await ids('"winter roads"')).toEqual(['attachment:9', 'correspondence:2', 'correspondence:1']);

    // Rewritten in place: its old pairs are gone, its new ones written by the next write.
    await write(async (trx) => replaceIndexedText(trx, Number(sqlite.prepare("SELECT rowid FROM search_index WHERE item_id = 1 AND kind = 'correspondence'").pluck().get()), 'Gritting', 'salt for the summer lanes'));
    expect(sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(0);
    expect(await ids('"winter roads"')).toEqual(['attachment:9', 'correspondence:2']);
    expect(await ids('"summer lanes"')).toEqual(['correspondence:1']);

    sqlite.prepare("DELETE FROM search_index WHERE kind = 'attachment'").run();
    expect(await ids('"winter roads"')).toEqual(['correspondence:2']);
    const pairRows = () => sqlite.prepare("SELECT rowid FROM search_pairs WHERE search_pairs MATCH '\"winter_roads\"'").pluck().all();
    expect(pairRows()).toHaveLength(1);
    await drainPairs(db);
    expect(await ids('"for the summer"')).toEqual(['correspondence:1']);
    // A bare word with punctuation typed last is a phrase whose last word is a prefix: not paired.
    expect(await ids("summer lanes O'Brie")).toEqual([]);
    await write(async (trx) => indexItem(trx, 'correspondence', 3, 1, "O'Briens", "A letter from Ms O'Brien about the summer lanes"));
    expect(await ids("summer lanes O'Brie")).toEqual(['correspondence:3']);
    await db.destroy();
  });

  it('pairs what is queued in runs bounded by their text, a long document alone and by SQLite itself', async () => {
    const { sqlite, db, captured } = await register();
    const long = Array.from({ length: 300_000 }, (_, i) => ['road', 'works', 'on', 'the', 'verge'][i % 5]).join(' ') + ' a rare end';
    const insert = sqlite.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (1, 'attachment', ?, ?, ?)");
    insert.run(1, 'Survey', long);
    insert.run(2, 'Note', 'works road');
    insert.run(3, 'Rare end', long);
    for (let i = 4; i <= 300; i++) insert.run(i, `Short ${i}`, `verge cutting week ${i}`);
    captured.length = 0;
    expect(await drainPairs(db)).toBe(300);
    expect(sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(0);
    // Runs: the long documents alone (their pairs made in SQL), the short ones together, at most
    // 256 a run: [1], [2], [3], [4–259], [260–300].
    expect(captured.filter((q) => q.includes('INSERT INTO temp.pair_words (rowid, title, body)')).length).toBe(5);
    expect(captured.filter((q) => q.includes('group_concat(DISTINCT pair)')).length).toBe(2);
    const holding = (pairs: string) => sqlite.prepare('SELECT rowid FROM search_pairs WHERE search_pairs MATCH ? ORDER BY rowid').pluck().all(pairs);
    expect(holding('"road_works" AND "verge_road" AND "rare_end"')).toEqual([1, 3]);
    expect(holding('"works_road"')).toEqual([2]);
    expect(holding('"rare_end"')).toEqual([1, 3]);
    expect(holding('"verge_cutting"')).toHaveLength(297);
    expect(holding('"rare_end"')).toEqual((await searchLocal(db, '"rare end"', 10, 0)).map((r) => (r.item_id === 1 ? 1 : 3)).sort());
    await db.destroy();
  });

  it('gives each of several searches at once, and a pairing beside them, its own temporary rows', async () => {
    const { sqlite, db, write } = await register();
    await write(async (trx) => {
      for (let i = 1; i <= 200; i++) await indexItem(trx, 'correspondence', i, 1, `Message ${i}`, i % 8 === 0 ? 'the winter roads were gritted' : 'roads in winter, and the winter of roads');
    });
    const insert = sqlite.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (1, 'attachment', ?, 'plan.pdf', 'a plan for winter roads')");
    for (let i = 1; i <= 30; i++) insert.run(i);
    const queries = ['"winter roads"', '"roads were gritted"', '"winter roads"', '"the winter of roads"', '"plan for winter"'];
    const expected = await Promise.all(queries.map((q) => plain(db, ftsQuery(q)!, 50)));
    const [drained, ...got] = await Promise.all([drainPairs(db), ...queries.map((q) => searchLocal(db, q, 50, 0))]);
    expect(drained).toBe(30);
    expect(got).toEqual(expected);
    expect(expected[0]!.length).toBe(50);
    // Every queued document was paired, none lost to another's rows.
    expect(sqlite.prepare(`SELECT count(*) FROM search_pairs WHERE search_pairs MATCH '"winter_roads"'`).pluck().get()).toBe(55);
    await db.destroy();
  });

  it('lets a search run beside a write that pairs what it indexes: each holds the connection in turn, neither waits on the other for ever', async () => {
    const { sqlite, db, write } = await register();
    await write(async (trx) => {
      for (let i = 1; i <= 20; i++) await indexItem(trx, 'correspondence', i, 1, `Message ${i}`, 'the winter roads were gritted');
    });
    const [, during, after] = await Promise.all([
      write(async (trx) => {
        for (let i = 21; i <= 60; i++) await indexItem(trx, 'correspondence', i, 1, `Message ${i}`, 'the winter roads were gritted again');
      }),
      searchLocal(db, '"winter roads"', 100, 0),
      searchLocal(db, '"gritted again"', 100, 0),
    ]);
    // Each search saw the register before or after the write, whole.
    expect([20, 60]).toContain(during.length);
    expect([0, 40]).toContain(after.length);
    expect(sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(0);
    expect((await searchLocal(db, '"gritted again"', 100, 0)).length).toBe(40);
    // Two words of 400 letters side by side make no pair (LONGEST_PAIR), in documents and searches alike.
    const long = `${'a'.repeat(400)} ${'b'.repeat(400)}`;
    await write(async (trx) => indexItem(trx, 'attachment', 7, 1, 'odd.txt', `${long} and winter roads`));
    expect((await searchLocal(db, `"${long}"`, 10, 0)).map((r) => r.item_id)).toEqual([7]);
    expect((await searchLocal(db, `"${long} and winter"`, 10, 0)).map((r) => r.item_id)).toEqual([7]);
    await db.destroy();
  });

  it("makes a long document's snippet from a window of its text around the first match (FTS5's own grows with the square of the matches)", async () => {
    const { db, write, captured } = await register();
    const long = `Survey notes. ${'verge cutting '.repeat(4000)}then the winter roads ${'winter roads, '.repeat(20_000)}end.`;
    expect(long.length).toBeGreaterThan(WHOLE_SNIPPET_CHARS);
    await write(async (trx) => {
      await indexItem(trx, 'attachment', 1, 1, 'survey.txt', long);
      await indexItem(trx, 'correspondence', 2, 1, 'Gritting', 'salt for the winter roads');
    });
    for (const common of [0, 20_000]) {
      // common 0: the pairs' way; 20,000: ranked, the plain way.
      captured.length = 0;
      const found = await searchLocal(db, '"winter roads"', 10, common);
      expect(found.map((r) => [r.item_id, r.snippet]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [1, expect.stringMatching(/^…\[winter roads\] \[winter roads\], \[winter roads\]/)],
        [2, 'salt for the [winter roads]'],
      ]);
      expect(captured.filter((q) => q.includes('INSERT INTO temp.pair_check (rowid, title, body) VALUES (1,'))).toHaveLength(1);
    }
    // A word typed that the window does not hold as typed (accents folded by the index): its start.
    expect((await searchLocal(db, 'cútting', 10)).map((r) => r.snippet)).toEqual([expect.stringContaining('verge [cutting] verge [cutting]')]);
    await db.destroy();
  });

  it('leaves out a document whose case is gone, as the main search does, and searches as before when the candidates hold too much text', async () => {
    const { sqlite, db, write } = await register();
    await write(async (trx) => {
      await indexItem(trx, 'correspondence', 1, 1, 'Gritting', 'salt for the winter roads');
      await indexItem(trx, 'correspondence', 2, 99, 'Orphan', 'salt for the winter roads'); // case 99 does not exist
    });
    const same = async (q: string) => expect(await searchLocal(db, q, 10, 0)).toEqual(await plain(db, ftsQuery(q)!, 10));
    await same('"winter roads"');
    expect((await searchLocal(db, '"winter roads"', 10, 0)).map((r) => r.item_id)).toEqual([1]);
    const big = `${'verge cutting '.repeat(Math.ceil(MOST_CANDIDATE_BYTES / 14))}winter roads`;
    await write(async (trx) => indexItem(trx, 'attachment', 5, 1, 'survey.txt', big));
    expect(sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(1); // too long to pair in the write
    await drainPairs(db);
    await same('"winter roads"');
    expect((await searchLocal(db, '"winter roads"', 10, 0)).map((r) => `${r.kind}:${r.item_id}`)).toEqual(['attachment:5', 'correspondence:1']);
    await db.destroy();
  });

  it('in the app: a large write leaves its documents to the background, which pairs them; a small one pairs its own', async () => {
    const core = await testCore();
    const file = `${core.dataDir}/${DATABASE_FILE}`;
    const counts = () => {
      const raw = new Database(file, { readonly: true });
      try {
        return { queued: raw.prepare('SELECT count(*) FROM search_unpaired').pluck().get(), paired: raw.prepare('SELECT count(*) FROM search_pairs').pluck().get(), docs: raw.prepare('SELECT count(*) FROM search_index').pluck().get() };
      } finally {
        raw.close();
      }
    };
    ok(await core.invoke('demo:generate', { cases: 40, seed: 'pairs' }));
    await core.textRead();
    const after = counts();
    expect(after.docs).toBeGreaterThan(PAIRED_BY_THE_WRITE.docs);
    expect(after.queued).toBe(0);
    expect(after.paired).toBe(after.docs);

    const made = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting routes near the Ó Dónaill-Nguyễn farm' }));
    expect(counts().queued).toBe(0);
    const hits = ok(await core.invoke('search:query', { query: '"donaill nguyen farm"', limit: 10 }));
    expect(hits.map((h) => h.reference)).toEqual([made.reference]);
    await core.close();
  });
});
