// The local register's index of adjacent words (repositories/search-pairs.repository.ts): a phrase
// of two words each in nearly every document read both words' whole lists, however rarely they
// stand side by side. `search_pairs` holds each document's pairs of neighbouring words, one token a
// pair, without positions; `search_unpaired` the documents whose pairs are still to be written.
// Triggers on search_index queue every document added or changed and take out the pairs of one
// changed or removed, so every writer keeps the two in step by itself; the write puts the queued
// documents' pairs in before it commits. Here every document already indexed is queued; the app
// pairs them in the background once open (some 50 seconds for 645,000 documents), and searches as
// before meanwhile, so the upgrade itself takes a moment.
// The team database has no such table (its search is planned by disclose_search): nothing to do.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // contentless_delete: a document's pairs are removed by its rowid alone. The ascii tokenizer
    // with "_" as part of a word keeps each pair one token (unicode61's words never hold "_").
    sql`CREATE VIRTUAL TABLE search_pairs USING fts5(
      pairs, content = '', contentless_delete = 1, detail = none, tokenize = "ascii tokenchars '_'"
    )`,
    sql`CREATE TABLE search_unpaired (doc INTEGER PRIMARY KEY) STRICT`,
    sql`CREATE TRIGGER search_index_pairs_insert AFTER INSERT ON search_index BEGIN
          INSERT OR IGNORE INTO search_unpaired (doc) VALUES (NEW.rowid);
        END`,
    sql`CREATE TRIGGER search_index_pairs_delete AFTER DELETE ON search_index BEGIN
          DELETE FROM search_pairs WHERE rowid = OLD.rowid;
          DELETE FROM search_unpaired WHERE doc = OLD.rowid;
        END`,
    sql`CREATE TRIGGER search_index_pairs_update AFTER UPDATE ON search_index BEGIN
          DELETE FROM search_pairs WHERE rowid = OLD.rowid;
          DELETE FROM search_unpaired WHERE doc = OLD.rowid;
          INSERT OR IGNORE INTO search_unpaired (doc) VALUES (NEW.rowid);
        END`,
    sql`INSERT INTO search_unpaired (doc) SELECT rowid FROM search_index`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function postgres(): Promise<void> {}
