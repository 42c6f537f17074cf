// The full-text index: one row per searchable thing (a case's summary and request, an item of
// correspondence, an attachment's text), replaced whenever the thing changes. FTS5 on the local
// register; a tsvector with a GIN index on the team database, with the same results.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SearchHit } from '../../../shared/domain/correspondence';
import { isPostgres } from '../db/engine';

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

export async function indexItem(db: Kysely<DB>, kind: IndexKind, itemId: number, caseId: number, rawTitle: string, rawBody: string): Promise<void> {
  const title = withoutNul(rawTitle);
  const body = withoutNul(rawBody);
  await db.deleteFrom('search_index').where('kind', '=', kind).where('item_id', '=', itemId).execute();
  if (isPostgres(db)) {
    await db.insertInto('search_index').values({ case_id: caseId, kind, item_id: itemId, title, body, terms: termsOf(title, body) }).execute();
  } else {
    await db.insertInto('search_index').values({ case_id: caseId, kind, item_id: itemId, title, body }).execute();
  }
}

/** The indexed text of one case, for anonymising it in place. */
export async function indexedTextOfCase(db: Kysely<DB>, caseId: number): Promise<{ rowid: number; title: string; body: string }[]> {
  return (await sql<{ rowid: number; title: string; body: string }>`SELECT rowid, title, body FROM search_index WHERE case_id = ${caseId}`.execute(db)).rows;
}

export async function replaceIndexedText(db: Kysely<DB>, rowid: number, title: string, body: string): Promise<void> {
  if (isPostgres(db)) await sql`UPDATE search_index SET title = ${title}, body = ${body}, terms = ${termsOf(title, body)} WHERE rowid = ${rowid}`.execute(db);
  else await sql`UPDATE search_index SET title = ${title}, body = ${body} WHERE rowid = ${rowid}`.execute(db);
}

/**
 * Each word the officer typed becomes a quoted FTS5 string (so punctuation, AND/OR/NEAR and
 * stray quotes are searched for, not parsed), all of them required; the last one may be a prefix.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').split(/\s+/).map((w) => w.replace(/"/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * The team database's query: the words typed, all required, the last one a prefix (as on the
 * local register); text with quotation marks goes to websearch_to_tsquery whole, so that a quoted
 * phrase is searched as a phrase.
 */
function tsQuery(text: string) {
  const folded = foldAccents(text.normalize('NFC'));
  // Quotation marks in pairs make a phrase; a stray one is just a character typed.
  const quotes = (folded.match(/"/g) ?? []).length;
  if (quotes >= 2 && quotes % 2 === 0) return sql`websearch_to_tsquery('simple', ${folded})`;
  const words = folded.split(/\s+/).map((w) => w.replace(/"/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return null;
  const last = words.pop()!;
  // The last word as the server splits it (a reference such as FOI/2026/0001 stays one token), the final token a prefix.
  const prefix = sql`to_tsquery('simple', regexp_replace(plainto_tsquery('simple', ${last})::text, '''$', ''':*'))`;
  return words.length > 0 ? sql`(websearch_to_tsquery('simple', ${words.join(' ')}) && ${prefix})` : prefix;
}

async function searchTeam(db: Kysely<DB>, text: string, limit: number): Promise<SearchHit[]> {
  const q = tsQuery(text);
  if (!q) return [];
  // The best matches first (disclose_search applies the same visibility as row-level security), then their snippets.
  const { rows } = await sql<{ reference: string; kind: IndexKind; item_id: number; title: string; snippet: string }>`
    SELECT c.reference AS reference, f.kind AS kind, f.item_id AS item_id, f.title AS title,
           ts_headline('simple', f.title || ' ' || f.body, typed.query, 'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…') AS snippet
    FROM (SELECT ${q} AS query) AS typed
    CROSS JOIN LATERAL disclose_search(typed.query, ${limit}) AS f
    JOIN cases AS c ON c.id = f.case_id
    ORDER BY f.rank DESC, f.rowid DESC`.execute(db);
  return rows.map((r) => ({ reference: r.reference, kind: r.kind, itemId: r.item_id, title: r.title, snippet: r.snippet.replace(/\s+/g, ' ').trim() }));
}

export async function searchIndex(db: Kysely<DB>, text: string, limit: number): Promise<SearchHit[]> {
  if (isPostgres(db)) return searchTeam(db, text, limit);
  const match = ftsQuery(text);
  if (!match) return [];
  const { rows } = await sql<{ reference: string; kind: IndexKind; item_id: number; title: string; snippet: string }>`
    SELECT c.reference AS reference, s.kind AS kind, s.item_id AS item_id, s.title AS title,
           snippet(search_index, -1, '[', ']', '…', 16) AS snippet
    FROM search_index AS s JOIN cases AS c ON c.id = s.case_id
    WHERE search_index MATCH ${match}
    ORDER BY rank
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ reference: r.reference, kind: r.kind, itemId: r.item_id, title: r.title, snippet: r.snippet.replace(/\s+/g, ' ').trim() }));
}

/** The text indexed for one thing (an attachment's extracted text), if any. */
export async function indexedBody(db: Kysely<DB>, kind: IndexKind, itemId: number): Promise<string | undefined> {
  const row = await db.selectFrom('search_index').select('body').where('kind', '=', kind).where('item_id', '=', itemId).executeTakeFirst();
  return row?.body;
}

/** Every entry of one case as indexed (a checked-out copy carries them both ways: an attachment's
 * extracted text lives only here). */
export async function indexEntriesOfCase(db: Kysely<DB>, caseId: number): Promise<{ kind: IndexKind; item_id: number; title: string; body: string }[]> {
  const rows = await db.selectFrom('search_index').select(['kind', 'item_id', 'title', 'body']).where('case_id', '=', caseId).execute();
  return rows.map((r) => ({ kind: r.kind as IndexKind, item_id: Number(r.item_id), title: r.title, body: r.body }));
}

/** Takes one thing out of the index (it was removed). */
export async function unindexItem(db: Kysely<DB>, kind: IndexKind, itemId: number): Promise<void> {
  await db.deleteFrom('search_index').where('kind', '=', kind).where('item_id', '=', itemId).execute();
}
