// The full-text index kept by rowid. On the local register `search_index` was an FTS5 table holding
// the text itself and replaced by `kind`/`item_id`, columns FTS5 cannot index: every replacement
// read the whole index (an import got slower with every message), and the text was stored twice
// (in the messages and attachments, and again inside the index). Now `search_index` is a plain
// table holding each indexed document once, found by (kind, item_id) or case through ordinary
// indexes, and `search_fts` an external-content FTS5 table over it keyed by its rowid: the words
// and their positions only, the text read back from `search_index` for snippets. Triggers keep the
// two in step, so every writer (indexing, anonymising, destroying a case) keeps them so by itself.
// On the team database the index already was a table with its own rowid; here it gains the same
// indexes, and `disclose_search` ranks a bounded set of matches instead of every one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE search_index RENAME TO search_index_before`,
    // An INTEGER PRIMARY KEY, so that rowids survive VACUUM (the full-text index refers to them).
    sql`CREATE TABLE search_index (
      rowid INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      item_id INTEGER NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT ''
    ) STRICT`,
    // One document per thing indexed (the repository replaced them so; the newest is kept should
    // an older file hold two), in the order they were indexed.
    sql`INSERT INTO search_index (rowid, case_id, kind, item_id, title, body)
        SELECT rowid, CAST(case_id AS INTEGER), CAST(kind AS TEXT), CAST(item_id AS INTEGER), coalesce(title, ''), coalesce(body, '')
        FROM search_index_before
        WHERE rowid IN (SELECT max(rowid) FROM search_index_before GROUP BY kind, item_id)`,
    sql`DROP TABLE search_index_before`,
    sql`CREATE UNIQUE INDEX search_index_item ON search_index (kind, item_id)`,
    sql`CREATE INDEX search_index_case ON search_index (case_id)`,
    // The same tokenizer as before (accents folded). prefix='3' keeps a doclist for every
    // three-letter start of a word, so that a search ending "pot" reads one list instead of
    // merging those of every word beginning so; shorter endings are not searched as prefixes.
    sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      title, body,
      content = 'search_index', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
    )`,
    // The index's words and how many documents each is in: a prefix is searched as the words it
    // begins (FTS5 would otherwise merge all of their lists in full for every search).
    sql`CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_fts, 'row')`,
    // An external-content index forgets a document only when told its old text: every change to
    // search_index is passed on, by rowid, in the same statement.
    sql`CREATE TRIGGER search_index_fts_insert AFTER INSERT ON search_index BEGIN
          INSERT INTO search_fts (rowid, title, body) VALUES (NEW.rowid, NEW.title, NEW.body);
        END`,
    sql`CREATE TRIGGER search_index_fts_delete AFTER DELETE ON search_index BEGIN
          INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.rowid, OLD.title, OLD.body);
        END`,
    sql`CREATE TRIGGER search_index_fts_update AFTER UPDATE ON search_index BEGIN
          INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.rowid, OLD.title, OLD.body);
          INSERT INTO search_fts (rowid, title, body) VALUES (NEW.rowid, NEW.title, NEW.body);
        END`,
    sql`INSERT INTO search_fts (search_fts) VALUES ('rebuild')`,
  ];
  for (const s of statements) await s.execute(db);
}

/** The team database: replacing a document found it by (case_id, kind, item_id) without the case,
 * so by reading the whole index; now by a unique (kind, item_id), and a case's documents by case_id.
 * The text is stored once already (`terms` holds lexemes and positions, not a second copy). */
export async function postgres(db: Kysely<any>): Promise<void> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = sql.raw(`SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`);
  const statements = [
    sql`DELETE FROM search_index a USING search_index b WHERE a.kind = b.kind AND a.item_id = b.item_id AND a.rowid < b.rowid`,
    sql`DROP INDEX search_index_item`,
    sql`CREATE UNIQUE INDEX search_index_item ON search_index (kind, item_id)`,
    sql`CREATE INDEX search_index_case ON search_index (case_id)`,
    // The same function, ranking only the newest 1,000 visible matches (as the local register
    // does, repositories/search-fts.repository.ts): ts_rank reads each match's whole tsvector, so
    // ranking every match of a common word took as long as the index was large. The query is
    // planned for the words searched (EXECUTE), not once for any words: walking the index
    // newest first suits a common word, the GIN index a rare one, and a plan made without the
    // words took the first for every search (half a second for a word found nowhere).
    // Replaced in place, its grants kept; the same visibility rule applies inside as before.
    sql`CREATE OR REPLACE FUNCTION disclose_search(q tsquery, lim INTEGER)
        RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL)
        LANGUAGE plpgsql STABLE SECURITY DEFINER ${pinned} AS $$
        BEGIN
          IF NOT pg_has_role(session_user, 'disclose_officer', 'member') THEN RETURN; END IF;
          RETURN QUERY EXECUTE
            'SELECT m.rowid, m.case_id, m.kind, m.item_id, m.title, m.body, ts_rank(m.terms, $1)
             FROM (SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, s.terms
                   FROM search_index s JOIN cases c ON c.id = s.case_id
                   WHERE s.terms @@ $1 AND disclose_sees_case(c)
                   ORDER BY s.rowid DESC LIMIT greatest($2, 1000)) AS m
             ORDER BY ts_rank(m.terms, $1) DESC, m.rowid DESC LIMIT $2'
          USING q, lim;
        END $$`,
  ];
  for (const s of statements) await s.execute(db);
}

