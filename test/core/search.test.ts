// Search through the core, on both engines: what is typed reads the same (words all required, a
// quoted phrase as a phrase, the last word a prefix from three letters, accents folded), a
// document replaced or destroyed leaves no hit behind, and ranking is bounded to the newest
// matches so that no search reads the whole register.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/core';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { SEARCH_CANDIDATES } from '../../src/main/core/repositories/search-fts.repository';
import { AUTHORITY, databaseArgsFor, ok, testCore } from '../helpers/core';
import { asAdmin, onTeamDatabase } from '../helpers/team';
import { random } from '../hostile/make-corpus-bytes';

let core: Core;
let ref: string;

beforeEach(async () => {
  core = await testCore({ today: '2026-11-20' });
  ok(await core.invoke('settings:update', AUTHORITY));
  ref = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org' }, summary: 'Mill Lane potholes' })).reference;
});
afterEach(async () => {
  await core.close();
  if (onTeamDatabase) return;
  // Whatever the test did, the local register's full-text index matches its documents exactly.
  const db = new Database(join(core.dataDir, DATABASE_FILE));
  db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();
  db.close();
});

async function note(subject: string, body: string, reference = ref): Promise<number> {
  const items = ok(await core.invoke('correspondence:add', { reference, direction: 'in', channel: 'phone', sentAt: '2026-11-03', from: 'Caller', subject, body }));
  return items.find((i) => i.subject === subject)!.id;
}

const search = async (query: string, limit?: number) => ok(await core.invoke('search:query', { query, ...(limit ? { limit } : {}) }));
const ids = async (query: string) => (await search(query)).filter((h) => h.kind === 'correspondence').map((h) => h.itemId).sort((a, b) => a - b);

/** Rows straight into the index for the case `ref`, as years of imports would leave it (the local file, or the team database as its owner). */
async function indexRows(rows: { itemId: number; title: string; body: string }[]): Promise<void> {
  if (onTeamDatabase) {
    const schema = new URL(databaseArgsFor(core.dataDir)[1]!).searchParams.get('schema')!;
    await asAdmin(async (c) => {
      for (const r of rows) {
        await c.query(
          "INSERT INTO search_index (case_id, kind, item_id, title, body, terms) SELECT id, 'attachment', $2, $3, $4, setweight(to_tsvector('simple', $3), 'A') || to_tsvector('simple', $4) FROM cases WHERE reference = $1",
          [ref, r.itemId, r.title, r.body],
        );
      }
    }, schema);
    return;
  }
  const db = new Database(join(core.dataDir, DATABASE_FILE));
  const insert = db.prepare("INSERT INTO search_index (case_id, kind, item_id, title, body) SELECT id, 'attachment', ?, ?, ? FROM cases WHERE reference = ?");
  db.transaction(() => rows.forEach((r) => insert.run(r.itemId, r.title, r.body, ref)))();
  db.close();
}

describe('search', () => {
  it('searches quoted words as a phrase, and bare words anywhere in the document', async () => {
    const inOrder = await note('Roads', 'The road works on the high street are late.');
    const apart = await note('Highways', 'Works started on the road by the school.');
    expect(await ids('road works')).toEqual([inOrder, apart]);
    expect(await ids('works road')).toEqual([inOrder, apart]);
    expect(await ids('"road works"')).toEqual([inOrder]);
    expect(await ids('"works road"')).toEqual([]);
    expect(await ids('"road works" school')).toEqual([]);
    expect(await ids('"works started" school')).toEqual([apart]);
    const [hit] = await search('"road works"');
    expect(hit!.snippet).toMatch(/\[road\]? ?\[?works\]/i);
    // An unpaired quotation mark is a character typed, not the start of a phrase.
    expect(await ids('"road works')).toEqual([inOrder, apart]);
  });

  it('takes the last word as the start of longer words only from three letters on; a quoted word exactly', async () => {
    const reply = await note('Re: the culvert', 'Thank you.');
    const repairs = await note('Culvert repairs', 'The repairs are booked.');
    expect(await ids('re')).toEqual([reply]);
    expect(await ids('rep')).toEqual([repairs]);
    expect(await ids('culvert rep')).toEqual([repairs]);
    expect(await ids('culv')).toEqual([reply, repairs]);
    expect(await ids('"rep"')).toEqual([]);
    // Only the last word: earlier ones are whole words.
    expect(await ids('rep culvert')).toEqual([]);
  });

  it('finds words with or without their accents, either way round', async () => {
    const cafe = await note('Licensing', 'The Café Nöel on the green, and the naïve cooperation.');
    expect(await ids('cafe')).toEqual([cafe]);
    expect(await ids('CAFÉ')).toEqual([cafe]);
    expect(await ids('noel naive')).toEqual([cafe]);
    expect((await search('Donaill')).map((h) => [h.reference, h.kind])).toEqual([[ref, 'case']]);
    expect((await search('dónaill')).map((h) => [h.reference, h.kind])).toEqual([[ref, 'case']]);
  });

  it("makes a long document's snippet from a window of its text around the first typed word (the engines' own grow with the square of a phrase's matches)", async () => {
    // Over 64 KB: the first "winter" is 56,014 characters in, so a window of 1,000 either side
    // cannot reach the document's opening words. (160,000 repeats, 2.3 MB: the team database's
    // ts_headline over the whole text took 27.6 s for the phrase; four searches here 0.15 s.)
    const body = `Survey notes. ${'verge cutting '.repeat(4000)}then the winter roads ${'winter roads, '.repeat(20_000)}end.`;
    await indexRows([{ itemId: 901, title: 'survey.txt', body }]);
    const snippet = async (q: string) => (await search(q)).find((h) => h.itemId === 901)?.snippet ?? '';
    const phrase = await snippet('"winter roads"');
    expect(phrase).toMatch(onTeamDatabase ? /^cutting verge cutting then the \[winter\] \[roads\] \[winter\] \[roads\],/ : /^…\[winter roads\] \[winter roads\], \[winter roads\]/);
    expect(phrase).not.toContain('Survey');
    // A word typed with an accent the text does not have: found as the index folds it, its window the first place it appears.
    expect(await snippet('cútting')).toMatch(/verge \[cutting\] verge \[cutting\]/);
    expect(await snippet('survey')).toMatch(/\[survey\]/i);
  });

  it('leaves no stale hit when a document is replaced', async () => {
    expect((await search('potholes')).map((h) => h.kind)).toEqual(['case']);
    for (const summary of ['Gritting routes', 'Gritting routes and salt', 'Street lighting']) {
      ok(await core.invoke('cases:update', { reference: ref, changes: { summary } }));
    }
    expect(await search('potholes')).toEqual([]);
    expect(await search('gritting')).toEqual([]);
    expect(await search('salt')).toEqual([]);
    expect((await search('lighting')).map((h) => [h.reference, h.kind, h.title])).toEqual([[ref, 'case', `${ref} Street lighting`]]);
  });

  it("forgets a destroyed case's documents", async () => {
    const old = ok(await core.invoke('cases:create', { regime: 'foia', received: '2019-01-07', requester: { name: 'Pat Old', email: 'pat@example.org' }, summary: 'Bandstand lease' })).reference;
    ok(await core.invoke('cases:addEvent', { reference: old, type: 'responded', date: '2019-01-20' }));
    await note('Bandstand', 'The bandstand lease and its zeppelin mooring.', old);
    ok(await core.invoke('correspondence:import', { reference: old, role: 'evidence', files: [{ name: 'lease.txt', data: Buffer.from('zeppelin lease text').toString('base64') }] }));
    expect((await search('zeppelin')).map((h) => h.kind).sort()).toEqual(['attachment', 'correspondence']);
    expect(ok(await core.invoke('retention:apply', { before: '2026-11-21', confirm: true })).destroyed).toEqual([old]);
    expect(await search('zeppelin')).toEqual([]);
    expect(await search('bandstand')).toEqual([]);
    expect((await search('potholes')).map((h) => h.reference)).toEqual([ref]);
  });

  it(`ranks the best of the newest ${SEARCH_CANDIDATES} matches, so that a common word never ranks the whole register`, async () => {
    // The best match for "lantern" (in its short title, four times) first, then more than the bound of weaker, newer ones.
    const weak = (i: number) => ({ itemId: 100_000 + i, title: `register page ${i}`, body: `A long page of the register that mentions a lantern once, among many other words: page ${i}.` });
    await indexRows([{ itemId: 1, title: 'lantern lantern lantern lantern', body: 'brass lantern' }]);
    expect((await search('lantern', 3))[0]).toMatchObject({ itemId: 1 });
    await indexRows(Array.from({ length: SEARCH_CANDIDATES }, (_, i) => weak(i)));
    // Now the old best is beyond the newest matches: they are ranked among themselves.
    const hits = await search('lantern', 500);
    expect(hits).toHaveLength(500);
    expect(hits.map((h) => h.itemId)).not.toContain(1);
    // A word only the old one has still finds it; a newer strong match is ranked first among the newest.
    expect((await search('lantern brass')).map((h) => h.itemId)).toEqual([1]);
    await indexRows([{ itemId: 2, title: 'lantern lantern lantern', body: 'lantern' }]);
    expect((await search('lantern', 3))[0]).toMatchObject({ itemId: 2 });
  });

  it('answers whatever is typed, never an error: quotes, brackets, operators, accents, scripts', async () => {
    await note('Roads', 'The road works on the high street: café, naïve, 王, FOI/2026/0001.');
    const pieces = ['"', '(', ')', '*', '^', ':', '+', '-', 'NEAR', 'OR', 'AND', 'NOT', 'road', 'roa', 'ro', 'works', 'café', 'naïv', '王', 'FOI/2026/00', "'", '\\', '{title}', '&', '|', '!', '<->', ' ', '  '];
    const next = random(18);
    for (let i = 0; i < 150; i++) {
      const query = Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join(next() < 0.5 ? ' ' : '');
      const r = await core.invoke('search:query', { query });
      expect(r.ok, `${query}: ${r.ok ? '' : r.error.message}`).toBe(true);
    }
    expect((await search('"road works" naïv')).length).toBe(1);
  });
});
