// The full-text index: one row per searchable thing (a case's summary and request, an item of
// correspondence, an attachment's text) in `search_index`, replaced whenever the thing changes.
// On the local register an external-content FTS5 table (`search_fts`) indexes its rows by rowid,
// kept in step by triggers (migration 2026_12_02_1000_search_rowid), searched by
// search-fts.repository.ts; on the team database a tsvector column with a GIN index, searched
// through disclose_search. What is typed reads the same on both (domain/search-query).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SearchHit } from '../../../shared/domain/correspondence';
import { searchTerms } from '../../../shared/domain/search-query';
import { isPostgres } from '../db/engine';
import { COMMON_WORD, searchLocal, type Found } from './search-fts.repository';
import { SNIPPET_WINDOW, WHOLE_SNIPPET_CHARS } from './search-pairs.repository';
import { fixedRuns } from './runs';

export type IndexKind = SearchHit['kind'];

/** Letters without their accents (as FTS5's remove_diacritics does), for the team database's index and queries. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

const termsOf = (title: string, body: string) =>
  sql<string>`setweight(to_tsvector('simple', ${foldAccents(title)}), 'A') || to_tsvector('simple', ${foldAccents(body)})`;

/** NUL characters mean nothing in text, and PostgreSQL cannot store them: dropped before text is
 * stored (and hashed), on both engines alike. */
export const withoutNul = (s: string) => s.replaceAll('\u0000', '');

/** One thing's document, as indexItem is given it. */
interface Entry {
  kind: IndexKind;
  itemId: number;
  caseId: number;
  title: string;
  body: string;
}

/**
 * Documents held back until their write is about to commit (see deferIndexing), by transaction,
 * each thing once: the last document given for it.
 */
const held = new WeakMap<object, Map<string, Entry>>();

/**
 * From now on in this transaction, indexItem holds its documents back and the write puts them in
 * the index at its end (flushIndex), a few statements for hundreds of things. On the local register
 * this is what keeps a large write fast: FTS5 writes out the terms it holds whenever a later
 * statement of the same transaction opens a savepoint (any statement with a foreign key or a
 * trigger), so a document indexed between other rows became a small segment of its own, merged
 * again and again; written last, a whole batch's terms go out together. Every read or removal of
 * the index in this module puts what is held first, so the transaction sees its own documents.
 */
export function deferIndexing(db: Kysely<DB>): void {
  held.set(db, new Map());
}

/** Replaces the document of one thing: found by the unique (kind, item_id), so the cost does not
 * grow with the register; on the local register the triggers pass the change to FTS5 by rowid. */
export async function indexItem(db: Kysely<DB>, kind: IndexKind, itemId: number, caseId: number, rawTitle: string, rawBody: string): Promise<void> {
  const entry: Entry = { kind, itemId, caseId, title: withoutNul(rawTitle), body: withoutNul(rawBody) };
  const later = held.get(db);
  if (!later) return writeEntries(db, [entry]);
  const key = `${kind}:${itemId}`;
  later.delete(key); // in the order last given
  later.set(key, entry);
}

/** Puts the documents this transaction has held back into the index (nothing when none are held). */
export async function flushIndex(db: Kysely<DB>): Promise<void> {
  const later = held.get(db);
  if (!later || later.size === 0) return;
  const entries = [...later.values()];
  later.clear();
  await writeEntries(db, entries);
}

/** Things removed by one statement, at most (runs.ts: a few fixed sizes). */
const REMOVE_AT_ONCE = 512;
/** Documents added by one statement: at most 128, and a few MB of text. */
const ADD_AT_ONCE = { rows: 128, chars: 8 * 1024 * 1024 };

async function writeEntries(db: Kysely<DB>, entries: readonly Entry[]): Promise<void> {
  const byKind = new Map<IndexKind, number[]>();
  for (const e of entries) {
    const ids = byKind.get(e.kind);
    if (ids) ids.push(e.itemId);
    else byKind.set(e.kind, [e.itemId]);
  }
  for (const [kind, ids] of byKind) {
    for (const [at, size] of fixedRuns(ids.length, REMOVE_AT_ONCE)) {
      await db.deleteFrom('search_index').where('kind', '=', kind).where('item_id', 'in', ids.slice(at, at + size)).execute();
    }
  }
  const team = isPostgres(db);
  const chars = (e: Entry) => e.title.length + e.body.length;
  const fits = (at: number, size: number) => entries.slice(at, at + size).reduce((n, e) => n + chars(e), 0) <= ADD_AT_ONCE.chars;
  for (const [at, size] of fixedRuns(entries.length, ADD_AT_ONCE.rows, fits)) {
    const values = entries.slice(at, at + size).map((e) => ({ case_id: e.caseId, kind: e.kind, item_id: e.itemId, title: e.title, body: e.body, ...(team ? { terms: termsOf(e.title, e.body) } : {}) }));
    await db.insertInto('search_index').values(values).execute();
  }
}

/** The indexed text of one case, for anonymising it in place. */
export async function indexedTextOfCase(db: Kysely<DB>, caseId: number): Promise<{ rowid: number; title: string; body: string }[]> {
  await flushIndex(db);
  return (await sql<{ rowid: number; title: string; body: string }>`SELECT rowid, title, body FROM search_index WHERE case_id = ${caseId}`.execute(db)).rows;
}

export async function replaceIndexedText(db: Kysely<DB>, rowid: number, title: string, body: string): Promise<void> {
  await flushIndex(db);
  if (isPostgres(db)) await sql`UPDATE search_index SET title = ${title}, body = ${body}, terms = ${termsOf(title, body)} WHERE rowid = ${rowid}`.execute(db);
  else await sql`UPDATE search_index SET title = ${title}, body = ${body} WHERE rowid = ${rowid}`.execute(db);
}

/** The same terms as a tsquery on the team database (accents folded as the index's were). */
export function tsQuery(text: string) {
  const terms = searchTerms(foldAccents(text.normalize('NFC')));
  if (terms.length === 0) return null;
  const parts = terms.map((t) => {
    if (t.phrase) return sql`phraseto_tsquery('simple', ${t.text})`;
    // The word as the server splits it (a reference such as FOI/2026/0001 stays one token), its final token a prefix.
    if (t.prefix) return sql`to_tsquery('simple', regexp_replace(plainto_tsquery('simple', ${t.text})::text, '''$', ''':*'))`;
    return sql`plainto_tsquery('simple', ${t.text})`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

const hit = (r: Found): SearchHit => ({ reference: r.reference, kind: r.kind, itemId: r.item_id, title: r.title, snippet: r.snippet.replace(/\s+/g, ' ').trim() });

/** The pairs of neighbouring words of the typed phrases, as the team database pairs its documents'
 * (disclose_pairs, by the same parser as phraseto_tsquery). Only phrases: the other terms are
 * searched as words anywhere in the document (plainto_tsquery), not side by side. */
function tsPairs(text: string) {
  const phrases = searchTerms(foldAccents(text.normalize('NFC'))).filter((t) => t.phrase);
  if (phrases.length === 0) return sql`NULL::integer[]`;
  return sql`(${sql.join(phrases.map((t) => sql`disclose_pairs(to_tsvector('simple', ${t.text}))`), sql` || `)})`;
}

/** Characters of a long document's start searched for that match: a case-blind scan of 1 MB takes some 20 ms. */
const SNIPPET_SCAN = 256 * 1024;

/**
 * A regular expression finding the first of the typed words in a text, case aside: the words as
 * typed and as the index folds them, letters and digits only (nothing in them to escape).
 */
function firstOf(text: string): string | null {
  const typed = [text.normalize('NFC'), foldAccents(text.normalize('NFC'))].flatMap((t) => searchTerms(t).flatMap((term) => term.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const words = [...new Set(typed)].slice(0, 32);
  return words.length > 0 ? `(?i)(${words.join('|')})` : null; // none: the window is the start
}

async function searchTeam(db: Kysely<DB>, text: string, limit: number): Promise<SearchHit[]> {
  const q = tsQuery(text);
  if (!q) return [];
  // The best matches first (disclose_search applies the same visibility as row-level security, and
  // ranks only when no word is in more than COMMON_WORD documents, as the local register does), then their snippets.
  const { rows } = await sql<Found>`
    SELECT c.reference AS reference, f.kind AS kind, f.item_id AS item_id, f.title AS title,
           ts_headline('simple', f.title || ' ' || CASE WHEN at.p IS NULL THEN f.body ELSE substr(f.body, greatest(1, at.p - ${SNIPPET_WINDOW}), least(at.p, ${SNIPPET_WINDOW + 1}) + ${SNIPPET_WINDOW}) END,
                       typed.query, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM (SELECT ${q} AS query) AS typed
    CROSS JOIN LATERAL disclose_search(typed.query, ${limit}, ${COMMON_WORD}, phrase_pairs => ${tsPairs(text)}) AS f
    JOIN cases AS c ON c.id = f.case_id
    -- A long document's snippet from a window of its text around the first place a typed word
    -- appears (case aside) in its first SNIPPET_SCAN characters, else its start: ts_headline reads
    -- the whole text, in time that grows with the square of a phrase's matches (80,000 repeats in
    -- 2 MB: 6 s). The first match as the text spells it, then where that spelling first is: the same
    -- place, found by plain search. Its size and those characters are read without the rest of the
    -- text (octet_length and left() take a slice of a stored value). OFFSET 0 keeps each subquery
    -- whole: flattened, its expression was pasted in three times, and the text searched thrice.
    CROSS JOIN LATERAL (SELECT CASE WHEN octet_length(f.body) > ${WHOLE_SNIPPET_CHARS}
      THEN coalesce(nullif(strpos(h.head, substring(h.head from ${firstOf(text)})), 0), 1) END AS p
      FROM (SELECT left(f.body, ${SNIPPET_SCAN}) AS head OFFSET 0) AS h OFFSET 0) AS at
    ORDER BY f.rank DESC, f.rowid DESC`.execute(db);
  return rows.map(hit);
}

export async function searchIndex(db: Kysely<DB>, text: string, limit: number): Promise<SearchHit[]> {
  await flushIndex(db);
  if (isPostgres(db)) return searchTeam(db, text, limit);
  return (await searchLocal(db, text, limit)).map(hit);
}

/** The text indexed for one thing (an attachment's extracted text), if any. */
export async function indexedBody(db: Kysely<DB>, kind: IndexKind, itemId: number): Promise<string | undefined> {
  await flushIndex(db);
  const row = await db.selectFrom('search_index').select('body').where('kind', '=', kind).where('item_id', '=', itemId).executeTakeFirst();
  return row?.body;
}

/** Every entry of one case as indexed (a checked-out copy carries them both ways: an attachment's
 * extracted text lives only here). */
export async function indexEntriesOfCase(db: Kysely<DB>, caseId: number): Promise<{ kind: IndexKind; item_id: number; title: string; body: string }[]> {
  await flushIndex(db);
  const rows = await db.selectFrom('search_index').select(['kind', 'item_id', 'title', 'body']).where('case_id', '=', caseId).execute();
  return rows.map((r) => ({ kind: r.kind as IndexKind, item_id: Number(r.item_id), title: r.title, body: r.body }));
}

/** Takes one thing out of the index (it was removed). */
export async function unindexItem(db: Kysely<DB>, kind: IndexKind, itemId: number): Promise<void> {
  await flushIndex(db);
  await db.deleteFrom('search_index').where('kind', '=', kind).where('item_id', '=', itemId).execute();
}
