// The local register's index of adjacent words (search-pairs.repository.ts). A search through it
// must give exactly what FTS5 gives over the whole index: the same documents, newest first, with
// the same snippets, whatever the text (accents, other scripts, punctuation inside words), and a
// document is found whether or not its pairs have been written yet.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import type { DB } from '../../src/main/core/db/schema';
import { indexItem, replaceIndexedText, searchIndex } from '../../src/main/core/repositories/search.repository';
import { ftsQuery, newestQuery, searchLocal } from '../../src/main/core/repositories/search-fts.repository';
import { drainPairs, MOST_CANDIDATES, PAIRED_BY_THE_WRITE, pairsOf, wordsOfText } from '../../src/main/core/repositories/search-pairs.repository';
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

describe('the index of adjacent words', () => {
  it('splits text into the words of the main index, and pairs neighbours within one field only', async () => {
    const { db } = await register();
    expect(await wordsOfText(db, "Zoë O'Brien-Smith FOI/2026/0001 café")).toEqual(['zoe', 'o', 'brien', 'smith', 'foi', '2026', '0001', 'cafe']);
    expect(await wordsOfText(db, 'cafe\u0301 ZOË 王室')).toEqual(['cafe', 'zoe', '王室']);
    expect(pairsOf([['a', 'b', 'a', 'b'], ['c']])).toEqual(['a_b', 'b_a']);
    expect(pairsOf([['a'], ['b']])).toEqual([]);
    await db.destroy();
  });

  it('finds exactly what FTS5 finds over the whole index, with the same snippets (2,400 generated phrase searches, before and after pairing)', async () => {
    const { sqlite, db, write } = await register();
    const next = random(20261130);
    await write(async (trx) => {
      for (let i = 1; i <= 600; i++) await indexItem(trx, 'correspondence', i, 1, text(next, 3), text(next, 4 + Math.floor(next() * 20)));
    });
    // A write of more than PAIRED_BY_THE_WRITE documents leaves them to the background.
    const queued = () => sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get();
    expect(queued()).toBe(600);
    let viaPairs = 0;
    for (let n = 0; n < 2400; n++) {
      // The first 400 searches while every document is queued (searched as before), the rest once paired.
      if (n === 400) {
        expect(await drainPairs(db)).toBe(600);
        expect(queued()).toBe(0);
      }
      const words = 2 + Math.floor(next() * 3);
      const phrase = text(next, words).replace(/"/g, '');
      const typed = next() < 0.7 ? `"${phrase}"` : next() < 0.5 ? `${WORDS[Math.floor(next() * WORDS.length)]} "${phrase}"` : phrase;
      const match = ftsQuery(typed);
      if (!match) continue;
      const expected = (await newestQuery(match, 1000).execute(db)).rows;
      // common = 0: every word counts as common, so the search is not ranked and takes the pairs' way.
      const got = await searchLocal(db, typed, 1000, 0);
      expect(got, typed).toEqual(expected);
      if (n >= 400 && expected.length <= MOST_CANDIDATES) viaPairs++;
    }
    expect(viaPairs).toBeGreaterThan(1000);
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
    expect(await searchIndex(db, '"for the summer"', 10)).toHaveLength(1);
    await db.destroy();
  });

  it('pairs what is queued in runs bounded by their text, a long document on its own', async () => {
    const { sqlite, db } = await register();
    const long = Array.from({ length: 700_000 }, (_, i) => (i % 2 ? 'road' : 'works')).join(' ');
    const insert = sqlite.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) VALUES (1, 'attachment', ?, 't', ?)");
    insert.run(1, long);
    insert.run(2, 'works road');
    insert.run(3, long);
    expect(await drainPairs(db)).toBe(3);
    expect(sqlite.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(0);
    expect(sqlite.prepare(`SELECT count(*) FROM search_pairs WHERE search_pairs MATCH '"road_works" AND "works_road"'`).pluck().get()).toBe(2);
    expect(await sql`SELECT 1`.execute(db)).toBeTruthy();
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
    expect(after.docs).toBeGreaterThan(PAIRED_BY_THE_WRITE);
    expect(after.queued).toBe(0);
    expect(after.paired).toBe(after.docs);

    const made = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting routes near the Ó Dónaill-Nguyễn farm' }));
    expect(counts().queued).toBe(0);
    const hits = ok(await core.invoke('search:query', { query: '"donaill nguyen farm"', limit: 10 }));
    expect(hits.map((h) => h.reference)).toEqual([made.reference]);
    await core.close();
  });
});
