// Search on the team database, planned by how common the words are (disclose_search, migration
// 2026_12_03_1000_search_plan): whichever way a search goes (the newest documents walked, the GIN
// index in one or two passes, the index asked for whole words only), it returns exactly what the
// plain definition returns, read as the same login through row-level security: the newest matches
// first when a word is common, else the best of the newest 1,000 matches. The register is small, so
// the thresholds are passed small: `common` documents make a word common, `walk` documents walked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { makeTeam, type Login, type Team } from '../helpers/checkout';

const DOCUMENTS = 2400;
const COMMON = 300;
const WALK = 400;
const LIMIT = 20;
/** Where the two words of a phrase, each common, stand side by side: old, middle and one among the newest. */
const RARE_PHRASE = [40, 41, 904, 1802, 1900, 2300];

/** Document i (its rowid order): every word's share of the register is known. */
function text(i: number): { title: string; body: string } {
  const parts = ['council letter', `number n${i}`];
  if (i % 2 === 0) parts.push('information request', 'parking');
  if (i % 3 === 0) parts.push('contracts');
  if (i % 5 === 0) parts.push('under the freedom of information act 2000');
  parts.push(i % 3 === 0 ? 'pothole' : 'potholes');
  if (i % 239 === 7) parts.push('zeppelin');
  // In the oldest documents and again in the ten newest only: the walk finds some, then none for a while.
  if (i <= 100 || i > DOCUMENTS - 10) parts.push('archive');
  if (RARE_PHRASE.includes(i)) parts.push('the information council');
  return { title: i === 246 ? 'zeppelin zeppelin' : `page ${i}`, body: parts.join('. ') };
}
/** Four documents in ten belong to a subject access case only alice (its officer) and lee (a lead) may see. */
const hidden = (i: number) => [1, 4, 5, 8].includes(i % 10);

let team: Team;

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  const alice = await team.core('alice');
  const open = ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat Public' }, summary: 'Road letters' }));
  const sar = ok(await alice.invoke('cases:create', { regime: 'sar', received: '2026-11-03', requester: { name: 'Sam Subject' }, summary: 'My letters' }));
  const [ids] = await team.sql<{ open: number; sar: number }>('admin', 'SELECT (SELECT id FROM cases WHERE reference = $1) AS open, (SELECT id FROM cases WHERE reference = $2) AS sar', [open.reference, sar.reference]);
  const docs = Array.from({ length: DOCUMENTS }, (_, k) => ({ i: k + 1, ...text(k + 1) }));
  // Statistics only when the test says (autovacuum would take them at a moment of its own).
  await team.sql('admin', 'ALTER TABLE search_index SET (autovacuum_enabled = false)');
  await team.sql(
    'admin',
    `INSERT INTO search_index (case_id, kind, item_id, title, body, terms)
     SELECT c, 'attachment', n, t, b, setweight(to_tsvector('simple', t), 'A') || to_tsvector('simple', b)
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS d(c, n, t, b) ORDER BY n`,
    [docs.map((d) => (hidden(d.i) ? ids!.sar : ids!.open)), docs.map((d) => d.i), docs.map((d) => d.title), docs.map((d) => d.body)],
  );
});
afterAll(async () => {
  await team?.close();
});

type Plan = { ranked: boolean; walked: boolean; passes: number; wholeWords: boolean };

/** disclose_search as `login`, with how it went (its debug notice). */
async function search(login: Login, query: string, o: { common?: number; walk?: number; limit?: number; pairs?: string } = {}): Promise<{ ids: number[]; plan: Plan; byPairs: boolean }> {
  const c = new pg.Client({ connectionString: team.url(login), options: `-c search_path=${team.schema} -c client_min_messages=debug1` });
  const notes: string[] = [];
  c.on('notice', (n) => notes.push(n.message ?? ''));
  await c.connect();
  try {
    // The pairs of the phrase's words as the app passes them (search.repository.ts, tsPairs).
    const pairs = o.pairs === undefined ? 'NULL::integer[]' : `disclose_pairs(to_tsvector('simple', $4))`;
    const { rows } = await c.query<{ item_id: number }>(`SELECT item_id FROM disclose_search(${query}, $1, $2, $3, ${pairs}) ORDER BY rank DESC, rowid DESC`, [o.limit ?? LIMIT, o.common ?? COMMON, o.walk ?? WALK, ...(o.pairs === undefined ? [] : [o.pairs])]);
    const m = notes.map((n) => /^disclose_search: ranked (\w+), walked (\w+), index passes (\d+), by whole words (\w+), by pairs (\w+)$/.exec(n)).find(Boolean);
    if (!m) throw new Error(`no plan reported: ${notes.join(' | ')}`);
    return { ids: rows.map((r) => r.item_id), plan: { ranked: m[1] === 'true', walked: m[2] === 'true', passes: Number(m[3]), wholeWords: m[4] === 'true' }, byPairs: m[5] === 'true' };
  } finally {
    await c.end();
  }
}

/** What the search means, as plain SQL over the rows `login` may read (row-level security). */
async function expected(login: Login, query: string, ranked: boolean, limit = LIMIT): Promise<number[]> {
  const rows = ranked
    ? await team.sql<{ item_id: number }>(login, `SELECT item_id FROM (SELECT rowid, item_id, terms FROM search_index WHERE terms @@ ${query} ORDER BY rowid DESC LIMIT 1000) AS m ORDER BY ts_rank(terms, ${query}) DESC, rowid DESC LIMIT $1`, [limit])
    : await team.sql<{ item_id: number }>(login, `SELECT item_id FROM search_index WHERE terms @@ ${query} ORDER BY rowid DESC LIMIT $1`, [limit]);
  return rows.map((r) => r.item_id);
}

/** The search as each login sees it equals its meaning; how it went for bob (who sees least). */
async function each(query: string, o: { common?: number; walk?: number; limit?: number } = {}): Promise<Plan> {
  const plans: Plan[] = [];
  for (const login of ['bob', 'alice', 'lee'] as const) {
    const got = await search(login, query, o);
    expect(got.ids, `${login}: ${query}`).toEqual(await expected(login, query, got.plan.ranked, o.limit));
    expect(got.ids.length).toBeGreaterThan(0);
    plans.push(got.plan);
  }
  // Whether a search is ranked depends on its words alone, not on who asks.
  expect(new Set(plans.map((p) => p.ranked)).size).toBe(1);
  return plans[0]!;
}

const phrase = (words: string) => `phraseto_tsquery('simple', '${words}')`;
const words = (q: string) => `to_tsquery('simple', '${q}')`;

describe('team database search, by how common the words are', () => {
  it('without statistics (a new register) ranks the newest matches from the index, as before', async () => {
    try {
      expect(await each(words('council'))).toMatchObject({ ranked: true, walked: false });
    } finally {
      await team.sql('admin', 'ANALYZE search_index');
    }
  });

  it('a common phrase: the newest documents walked, stopping at the matches wanted, newest first', async () => {
    expect(await each(phrase('freedom of information act'))).toEqual({ ranked: false, walked: true, passes: 0, wholeWords: false });
  });

  it('a rare phrase of common words: the walk finds too few within its bound, the index the rest', async () => {
    expect(await each(phrase('information council'))).toEqual({ ranked: false, walked: true, passes: 1, wholeWords: false });
    expect((await search('alice', phrase('information council'))).ids).toEqual([...RARE_PHRASE].reverse());
    // A phrase of the same words found nowhere: nothing, after the same bounded walk.
    expect((await search('bob', phrase('council information'))).ids).toEqual([]);
  });

  it('a phrase with its pairs: the documents holding every pair are tested, when few hold the rarest; else as before', async () => {
    for (const login of ['bob', 'alice', 'lee'] as const) {
      const rare = await search(login, phrase('information council'), { pairs: 'information council' });
      expect(rare).toMatchObject({ byPairs: true });
      expect(rare.plan).toMatchObject({ walked: false, passes: 0 });
      expect(rare.ids, login).toEqual(await expected(login, phrase('information council'), false));
      // Found nowhere: nothing, and nothing walked.
      expect(await search(login, phrase('council information'), { pairs: 'council information' })).toMatchObject({ ids: [], byPairs: true, plan: { walked: false } });
      // Beside another word: the pairs choose the documents, the whole query tests them.
      const beside = await search(login, `(${phrase('information council')} && ${words('parking')})`, { pairs: 'information council' });
      expect(beside).toMatchObject({ byPairs: true });
      expect(beside.ids).toEqual(await expected(login, `(${phrase('information council')} && ${words('parking')})`, false));
      if (login === 'lee') expect(beside.ids).toEqual(RARE_PHRASE.filter((i) => i % 2 === 0).reverse());
      // Pairs in half the register ("information request"): as before, walked.
      const common = await search(login, phrase('information request'), { pairs: 'information request' });
      expect(common).toMatchObject({ byPairs: false, plan: { walked: true } });
      expect(common.ids).toEqual(await expected(login, phrase('information request'), false));
    }
  });

  it('pairs each document by the positions of its lexemes, as the phrase operator reads them, in keys of fixed size', async () => {
    const [row] = await team.sql<Record<string, boolean | number>>(
      'admin',
      `SELECT (SELECT pairs FROM search_index WHERE item_id = 40) @> disclose_pairs(to_tsvector('simple', 'information council')) AS holds,
              (SELECT pairs FROM search_index WHERE item_id = 40) @> disclose_pairs(to_tsvector('simple', 'council information')) AS reversed,
              cardinality(disclose_pairs(to_tsvector('simple', 'Zoë''s freedom of information; the FOI/2026/0001 request'))) AS seven,
              disclose_pairs(to_tsvector('simple', 'Zoë''s freedom of information; the FOI/2026/0001 request'))
                @> disclose_pairs(to_tsvector('simple', 'information the FOI/2026/0001')) AS across_punctuation,
              disclose_pairs(to_tsvector('simple', 'freedom of informa'), false) = disclose_pairs(to_tsvector('simple', 'freedom of')) AS prefix_left_out`,
    );
    expect(row).toEqual({ holds: true, reversed: false, seven: 7, across_punctuation: true, prefix_left_out: true });
    // Two words of 1,400 characters side by side: a key of four bytes, as any other (a text key
    // of that pair was longer than a GIN index takes, and refused the write).
    const long = (seed: number) => Array.from({ length: 1400 }, (_, k) => String.fromCharCode(0x4e00 + ((seed * 7919 + k * 104729) % 20000))).join('');
    await team.sql('admin', `INSERT INTO search_index (case_id, kind, item_id, title, body, terms) SELECT case_id, 'attachment', 999999, 't', $1, to_tsvector('simple', $1) FROM search_index LIMIT 1`, [`${long(1)} ${long(2)}`]);
    await team.sql('admin', 'DELETE FROM search_index WHERE item_id = 999999');
  });

  it('matches that thin out after the newest: the walk, a slice of the index sized by what it found, then the rest', async () => {
    // (The index asked for "archive" alone, twenty times rarer than the common prefix beside it.)
    expect(await each(words('archive & council:*'), { limit: 10 })).toEqual({ ranked: false, walked: true, passes: 2, wholeWords: true });
    // Its officer finds enough among the newest.
    expect((await search('alice', words('archive & council:*'), { limit: 10 })).plan).toMatchObject({ walked: true, passes: 0 });
  });

  it('a rare word: the best of its newest matches from the index (a title counts most)', async () => {
    expect(await each(words('zeppelin'))).toEqual({ ranked: true, walked: false, passes: 1, wholeWords: false });
    expect((await search('bob', words('zeppelin'))).ids[0]).toBe(246);
    // Beside a common word typed last (a prefix): the index is asked for the rare word, the prefix tested on its documents.
    expect(await each(words('zeppelin & council:*'))).toEqual({ ranked: false, walked: false, passes: 1, wholeWords: true });
  });

  it('a prefix: common, walked; rare, ranked from the index', async () => {
    expect(await each(words('pothol:*'))).toMatchObject({ ranked: false, walked: true, passes: 0 });
    expect(await each(words('zepp:*'))).toMatchObject({ ranked: true, walked: false });
  });

  it('two common words: walked, newest first', async () => {
    expect(await each(words('parking & contracts:*'))).toEqual({ ranked: false, walked: true, passes: 0, wholeWords: false });
  });

  it('common words counted common only above the threshold: below it, the newest 1,000 ranked, gathered from a slice of the index', async () => {
    expect(await each(words('council'), { common: DOCUMENTS * 10, limit: 30 })).toEqual({ ranked: true, walked: false, passes: 1, wholeWords: false });
  });

  it('a walk over the whole register, and no walk at all: the same answers', async () => {
    for (const walk of [0, DOCUMENTS * 2]) {
      for (const query of [phrase('freedom of information act'), phrase('information council'), words('archive & council:*'), words('parking & contracts:*')]) await each(query, { walk });
    }
  });

  it('never shows a case the login may not see, on any path; its officer and a lead see it', async () => {
    for (const query of [phrase('freedom of information act'), phrase('information council'), words('archive & council:*'), words('zeppelin'), words('zeppelin & council:*'), words('council')]) {
      const bob = (await search('bob', query)).ids;
      expect(bob.filter(hidden), query).toEqual([]);
      expect((await search('alice', query)).ids.some(hidden), query).toBe(true);
      expect((await search('lee', query)).ids.some(hidden), query).toBe(true);
    }
    // Through the app as well.
    const found = async (login: Login) => ok(await (await team.core(login)).invoke('search:query', { query: '"information council"' })).map((h) => h.itemId).sort((a, b) => a - b);
    expect(await found('alice')).toEqual(RARE_PHRASE);
    expect(await found('bob')).toEqual(RARE_PHRASE.filter((i) => !hidden(i)));
  });
});
