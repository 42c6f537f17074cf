// The FTS5 index: one row per searchable thing (a case's summary and request, an item of
// correspondence, an attachment's text), replaced whenever the thing changes.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SearchHit } from '../../../shared/domain/correspondence';

export type IndexKind = SearchHit['kind'];

export async function indexItem(db: Kysely<DB>, kind: IndexKind, itemId: number, caseId: number, title: string, body: string): Promise<void> {
  await db.deleteFrom('search_index').where('kind', '=', kind).where('item_id', '=', itemId).execute();
  await db.insertInto('search_index').values({ case_id: caseId, kind, item_id: itemId, title, body }).execute();
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

export async function searchIndex(db: Kysely<DB>, text: string, limit: number): Promise<SearchHit[]> {
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
