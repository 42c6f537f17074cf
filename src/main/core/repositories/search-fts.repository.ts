// Search on the local register: FTS5 over `search_index` (the table `search_fts`, by rowid). What
// a search reads is kept from growing with the register wherever FTS5 allows it:
//
// - FTS5 walks a word's documents from the newest down and stops at a LIMIT, so "the newest N
//   matches" costs N steps however common the word is. A three-letter prefix has its own list
//   (prefix='3'). A longer one FTS5 would gather by merging, in full and at every use, the lists
//   of every word it begins; so it is looked up in the index's vocabulary (`search_terms`, which
//   also says how many documents each word is in; FTS5 counts them by walking their lists, about
//   half the cost of one merge) and searched as those words ("a OR b" is walked like one word).
// - Ranking is what grew with the register. bm25 first counts, for each word, every document in
//   the register that contains it (its rarity), and ranking every match of a common word read
//   all of them again (seconds). So a search takes the newest SEARCH_CANDIDATES matches and ranks
//   only those, and only when every word is in at most COMMON_WORD documents (the vocabulary
//   says, or a walk of at most that many steps), so that bm25's counting stays as short. A word
//   that common weighs next to nothing in bm25 anyway (its rarity is about log(register /
//   documents)): a query of common words shows its newest matches first, in one pass.
// - A phrase whose words are common is looked up first in the index of adjacent words
//   (search-pairs.repository.ts): when few documents hold its pairs, only those are searched.
// - Snippets are made only for the hits returned (FTS5 reads their text from search_index); a
//   long document's from a window of its text (windowSnippet: FTS5's grows with the square of
//   the matches in a document).
// The team database follows the same rules (disclose_search, migration 2026_12_03_1000_search_plan),
// telling common words by the server's statistics.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SearchHit } from '../../../shared/domain/correspondence';
import { searchTerms, type SearchTerm } from '../../../shared/domain/search-query';
import { pairsOf, searchByPairs, WHOLE_SNIPPET_CHARS, windowSnippet, wordsOfText } from './search-pairs.repository';

/** How many of the newest matches are ranked (the team database's `disclose_search` too). */
export const SEARCH_CANDIDATES = 1000;
/** A word in more documents than this is common: its query is not ranked (see above; on both engines). */
export const COMMON_WORD = 20_000;
/** The most words a prefix is searched as; beyond, FTS5 gathers the prefix itself. */
const MOST_WORDS = 64;

export type Found = { reference: string; kind: SearchHit['kind']; item_id: number; title: string; snippet: string };

const snippetOrLater = sql.raw(`CASE WHEN length(s.body) <= ${WHOLE_SNIPPET_CHARS} THEN snippet(search_fts, -1, '[', ']', '…', 16) END AS snippet, s.rowid AS rowid`);

type Listed = Omit<Found, 'snippet'> & { snippet: string | null; rowid: number };

/** Each hit's snippet: FTS5's, or for a long document one from a window of its text. */
async function withSnippets(db: Kysely<DB>, rows: readonly Listed[], match: string, typed: readonly SearchTerm[]): Promise<Found[]> {
  const out: Found[] = [];
  for (const { rowid, snippet, ...r } of rows) out.push({ ...r, snippet: snippet ?? (await windowSnippet(db, rowid, match, typed.map((t) => t.text))) });
  return out;
}

/** One term as FTS5 reads it: a quoted string (nothing typed is syntax; several words are a
 * phrase), a prefix marked `*`. */
const ftsTerm = (t: SearchTerm) => `"${t.text}"${t.prefix ? '*' : ''}`;

/** The terms as an FTS5 query, all required. */
export function ftsQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length === 0 ? null : terms.map(ftsTerm).join(' ');
}

/**
 * What to walk to tell whether a term is common: each of its words (bm25 counts a phrase by
 * walking its words' documents, so one common word makes it costly); for a prefix, its first
 * three letters, whose own list is walked step by step and is never rarer than the prefix.
 */
function probesOf(t: SearchTerm): string[] {
  const words = t.text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w, i) => (t.prefix && i === words.length - 1 ? `"${[...w].slice(0, 3).join('')}"*` : `"${w}"`));
}

async function isCommon(db: Kysely<DB>, probe: string, common: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ${probe} LIMIT ${common + 1})`.execute(db);
  return rows[0]!.n > common;
}

/**
 * The newest SEARCH_CANDIDATES matches with their bm25 score, the best `limit` of those, and for
 * these only the case and the snippet. The last step runs the match once more over the chosen
 * rowids' range, rather than once per hit. The joins' order is fixed (CROSS JOIN) so that SQLite
 * keeps the full-text table outermost.
 */
export function rankedQuery(match: string, limit: number) {
  return sql<Listed>`
    WITH candidates AS (
      SELECT rowid, bm25(search_fts) AS score FROM search_fts WHERE search_fts MATCH ${match}
      ORDER BY rowid DESC LIMIT ${Math.max(limit, SEARCH_CANDIDATES)}
    ), best AS (
      SELECT rowid, score FROM candidates ORDER BY score, rowid DESC LIMIT ${limit}
    )
    SELECT c.reference AS reference, s.kind AS kind, s.item_id AS item_id, s.title AS title, ${snippetOrLater}
    FROM search_fts CROSS JOIN best CROSS JOIN search_index AS s CROSS JOIN cases AS c
    WHERE search_fts MATCH ${match} AND search_fts.rowid BETWEEN (SELECT min(rowid) FROM best) AND (SELECT max(rowid) FROM best)
      AND best.rowid = search_fts.rowid AND s.rowid = best.rowid AND c.id = s.case_id
    ORDER BY best.score, best.rowid DESC`;
}

/** The newest `limit` matches with their snippets, in one pass of the match. */
export function newestQuery(match: string, limit: number) {
  return sql<Listed>`
    SELECT c.reference AS reference, s.kind AS kind, s.item_id AS item_id, s.title AS title, ${snippetOrLater}
    FROM search_fts CROSS JOIN search_index AS s CROSS JOIN cases AS c
    WHERE search_fts MATCH ${match} AND s.rowid = search_fts.rowid AND c.id = s.case_id
    ORDER BY search_fts.rowid DESC LIMIT ${limit}`;
}

/** One term ready to search: its FTS5 text, and how to tell whether it is common (its documents
 * when the vocabulary gave them, else what to walk); null when it matches nothing. */
type Planned = { fts: string; documents?: number; probes: string[] } | null;

async function plan(db: Kysely<DB>, t: SearchTerm): Promise<Planned> {
  // Plain ASCII letters and digits only: folded exactly as the tokenizer folds them (lower case).
  if (!t.prefix || t.text.length <= 3 || !/^[A-Za-z0-9]+$/.test(t.text)) return { fts: ftsTerm(t), probes: probesOf(t) };
  const from = t.text.toLowerCase();
  const to = from.slice(0, -1) + String.fromCharCode(from.charCodeAt(from.length - 1) + 1);
  const { rows } = await sql<{ term: string; doc: number }>`
    SELECT term, doc FROM search_terms WHERE term >= ${from} AND term < ${to} LIMIT ${MOST_WORDS + 1}`.execute(db);
  if (rows.length === 0) return null;
  if (rows.length > MOST_WORDS) return { fts: ftsTerm(t), probes: probesOf(t) };
  return { fts: `(${rows.map((r) => `"${r.term}"`).join(' OR ')})`, documents: rows.reduce((n, r) => n + r.doc, 0), probes: [] };
}

export async function searchLocal(db: Kysely<DB>, text: string, limit: number, common = COMMON_WORD): Promise<Found[]> {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  const planned: Planned[] = [];
  for (const t of terms) planned.push(await plan(db, t));
  if (planned.some((p) => p === null)) return [];
  const parts = planned as NonNullable<Planned>[];
  const match = parts.map((p) => p.fts).join(' AND ');
  let ranked = parts.every((p) => (p.documents ?? 0) <= common);
  for (const probe of new Set(parts.flatMap((p) => p.probes))) if (ranked && (await isCommon(db, probe, common))) ranked = false;
  if (!ranked) {
    const byPairs = await searchPhrasesByPairs(db, terms, match, limit);
    if (byPairs) return byPairs;
  }
  return withSnippets(db, (await (ranked ? rankedQuery(match, limit) : newestQuery(match, limit)).execute(db)).rows, match, terms);
}

/**
 * The newest matches of a search holding a phrase, from the documents that hold every pair of
 * neighbouring words of its phrases; null when it has no such pair or too many documents hold
 * them (then the phrase is common, and the newest matches come soon in a walk of the index).
 */
async function searchPhrasesByPairs(db: Kysely<DB>, terms: SearchTerm[], match: string, limit: number): Promise<Found[] | null> {
  const listed = await listByPairs(db, terms, match, limit);
  return listed && withSnippets(db, listed, match, terms);
}

async function listByPairs(db: Kysely<DB>, terms: SearchTerm[], match: string, limit: number): Promise<Listed[] | null> {
  const pairs = new Set<string>();
  for (const t of terms) {
    if ((t.text.match(/[\p{L}\p{N}]+/gu) ?? []).length < 2) continue;
    const words = await wordsOfText(db, t.text);
    // A prefix's last word is unfinished: only the whole words before it are pairs.
    for (const p of pairsOf([t.prefix ? words.slice(0, -1) : words])) pairs.add(p);
  }
  if (pairs.size === 0) return null;
  const found = await searchByPairs(db, [...pairs], match, limit);
  if (!found) return null;
  if (found.length === 0) return [];
  // Looked up by rowid and id in subqueries, whatever the planner's statistics say of the tables' sizes.
  const { rows } = await sql<Omit<Found, 'snippet'> & { rowid: number }>`
    SELECT d.rowid AS rowid, (SELECT c.reference FROM cases AS c WHERE c.id = d.case_id) AS reference, d.kind AS kind, d.item_id AS item_id, d.title AS title
    FROM (SELECT j.value AS rowid, (SELECT s.case_id FROM search_index AS s WHERE s.rowid = j.value) AS case_id,
                 (SELECT s.kind FROM search_index AS s WHERE s.rowid = j.value) AS kind,
                 (SELECT s.item_id FROM search_index AS s WHERE s.rowid = j.value) AS item_id,
                 (SELECT s.title FROM search_index AS s WHERE s.rowid = j.value) AS title
          FROM json_each(${JSON.stringify(found.map((f) => f.rowid))}) AS j) AS d
    WHERE d.case_id IS NOT NULL`.execute(db);
  const byRow = new Map(rows.map((r) => [r.rowid, r]));
  return found.flatMap((f) => {
    const r = byRow.get(f.rowid);
    return r ? [{ reference: r.reference, kind: r.kind, item_id: r.item_id, title: r.title, snippet: f.snippet, rowid: f.rowid }] : [];
  });
}
