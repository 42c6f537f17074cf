// The local register's index of adjacent words (repositories/search-pairs.repository.ts): a phrase
// of two words each in nearly every document read both words' whole lists, however rarely they
// stand side by side. `search_pairs` holds each document's pairs of neighbouring words, one token a
// pair, without positions; `search_unpaired` the documents whose pairs are still to be written.
// Triggers on search_index queue every document added or changed and take out the pairs of one
// changed or removed, so every writer keeps the two in step by itself; the write puts the queued
// documents' pairs in before it commits. Here every document already indexed is queued; the app
// pairs them in the background once open (some 50 seconds for 645,000 documents), and searches as
// before meanwhile, so the upgrade itself takes a moment.
//
// The team database gets the same for its phrases: `search_index.pairs`, the pairs of neighbouring
// lexemes of `terms` (by their positions, so exactly those PostgreSQL's phrase operator sees
// side by side), a column the server derives itself (disclose_pairs), with a GIN index.
// disclose_search takes the pairs of the phrases searched (made by the same function from the
// typed words) and, when the statistics say few documents hold the rarest of them, tests only the
// documents that hold them all, newest first; otherwise it searches as before. A phrase of common
// words that is itself rare took 0.2–0.6 s in a register of 550,000 documents.
import { sql, type Kysely } from 'kysely';
import { BODY as PLANNED } from './2026_12_03_1000_search_plan';

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
    sql`CREATE TRIGGER search_index_pairs_update AFTER UPDATE OF title, body ON search_index BEGIN
          DELETE FROM search_pairs WHERE rowid = OLD.rowid;
          DELETE FROM search_unpaired WHERE doc = OLD.rowid;
          INSERT OR IGNORE INTO search_unpaired (doc) VALUES (NEW.rowid);
        END`,
    sql`INSERT INTO search_unpaired (doc) SELECT rowid FROM search_index`,
  ];
  for (const s of statements) await s.execute(db);
}

/** Anchors in the previous function (frozen in its migration), checked before anything is replaced. */
function replaced(text: string, anchor: string, by: string): string {
  if (!text.includes(anchor)) throw new Error(`disclose_search has changed: "${anchor.trim()}" not found`);
  return text.replace(anchor, by);
}

/** disclose_search as planned before, with the pairs' way first. */
const BODY = (() => {
  let body = replaced(PLANNED, '  DECLARE\n', `  DECLARE
    pair_elems INTEGER[];
    pair_shares REAL[];
    rarest_pair REAL := 1;
    holding INTEGER;
    by_pairs BOOLEAN := false;
`);
  body = replaced(body, '    -- Dense matches: the newest documents, each tested, at most walk of them.\n', String.raw`    -- A phrase: the documents holding every pair of its neighbouring words, when the rarest pair is
    -- in few of them (ANALYZE's sample of the pairs: a pair missing from it is rarer than any in it),
    -- and the index confirms there are at most 512; each is then tested against the whole query.
    -- An unranked search only: a ranked one's words are rare, and their lists short already.
    -- At most 64 pairs, of a one-dimensional array (a caller's own array is taken as given no further).
    phrase_pairs := CASE WHEN array_ndims(phrase_pairs) = 1
      THEN (SELECT coalesce(array_agg(p), '{}') FROM (SELECT p FROM unnest(phrase_pairs) AS p WHERE p IS NOT NULL LIMIT 64) AS x)
      ELSE '{}' END;
    IF NOT ranked AND cardinality(phrase_pairs) > 0 THEN
      SELECT st.most_common_elems::text::integer[], st.most_common_elem_freqs INTO pair_elems, pair_shares
        FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        LEFT JOIN pg_stats st ON st.schemaname = n.nspname AND st.tablename = cl.relname AND st.attname = 'pairs'
        WHERE cl.oid = 'search_index'::regclass;
      SELECT min(coalesce((SELECT e.share FROM unnest(pair_elems, pair_shares) AS e(elem, share) WHERE e.elem = p LIMIT 1), 0))
        INTO rarest_pair FROM unnest(phrase_pairs) AS p;
      IF rarest_pair * total <= 2048 THEN
        SELECT count(*) INTO holding FROM (SELECT 1 FROM search_index x WHERE x.pairs @> phrase_pairs LIMIT 513) AS h;
        IF holding <= 512 THEN
          EXECUTE $p$
            SELECT coalesce(array_agg(s.rowid), '{}') FROM (
              SELECT s.rowid FROM (SELECT x.rowid, x.case_id FROM search_index x WHERE x.pairs @> $1 AND x.terms @@ $2 ORDER BY x.rowid DESC) AS s
              CROSS JOIN LATERAL (SELECT 1 FROM cases c WHERE c.id = s.case_id AND disclose_sees_case(c) LIMIT 1) AS v
              ORDER BY s.rowid DESC LIMIT $3) AS s $p$
            INTO ids USING phrase_pairs, q, want;
          by_pairs := true;
          walk := 0;
          everything := true;
        END IF;
      END IF;
    END IF;

    -- Dense matches: the newest documents, each tested, at most walk of them.
`);
  body = replaced(body, "    RAISE DEBUG 'disclose_search: ranked %, walked %, index passes %, by whole words %',\n      ranked::text, walked_first::text, passes, (gin IS DISTINCT FROM q)::text;\n",
    "    RAISE DEBUG 'disclose_search: ranked %, walked %, index passes %, by whole words %, by pairs %',\n      ranked::text, walked_first::text, passes, (gin IS DISTINCT FROM q)::text, by_pairs::text;\n");
  return body;
})();

/** The pairs of neighbouring lexemes of a tsvector ("information council"), by position, each as
 * the first 32 bits of its MD5 (a small key of fixed size, however long the words: a GIN key may
 * not pass 2.7 kB; two pairs sharing a key only widen the candidates, each tested in full); with
 * `whole` false, not those of the last word (for a prefix still being typed, should a search
 * want one). */
const PAIRS = String.raw`
  WITH w AS (SELECT e.lexeme, p FROM unnest(t) AS e, unnest(e.positions) AS p)
  SELECT coalesce(array_agg(DISTINCT ('x' || left(md5(a.lexeme || ' ' || b.lexeme), 8))::bit(32)::integer), '{}')
  FROM w AS a JOIN w AS b ON b.p = a.p + 1
  WHERE whole OR b.p < (SELECT max(p) FROM w)`;

export async function postgres(db: Kysely<any>): Promise<void> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = `SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`;
  const statements = [
    sql.raw(`CREATE FUNCTION disclose_pairs(t tsvector, whole boolean DEFAULT true) RETURNS integer[]
        LANGUAGE sql IMMUTABLE PARALLEL SAFE ${pinned} AS $$${PAIRS}$$`),
    sql`ALTER TABLE search_index ADD COLUMN pairs INTEGER[] GENERATED ALWAYS AS (disclose_pairs(terms)) STORED`,
    sql`CREATE INDEX search_index_pairs ON search_index USING GIN (pairs)`,
    sql`DROP FUNCTION disclose_search(tsquery, integer, integer, integer)`,
    sql.raw(`CREATE FUNCTION disclose_search(q tsquery, lim INTEGER, common INTEGER DEFAULT 20000, walk INTEGER DEFAULT 10000, phrase_pairs INTEGER[] DEFAULT NULL)
        RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL)
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 50 ${pinned} AS $$${BODY}$$`),
    sql`REVOKE ALL ON FUNCTION disclose_search(tsquery, integer, integer, integer, integer[]) FROM PUBLIC`,
    sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_officer') THEN
            GRANT EXECUTE ON FUNCTION disclose_search(tsquery, integer, integer, integer, integer[]) TO disclose_officer;
            GRANT EXECUTE ON FUNCTION disclose_pairs(tsvector, boolean) TO disclose_officer;
          END IF;
        END $$`,
    sql`REVOKE ALL ON FUNCTION disclose_pairs(tsvector, boolean) FROM PUBLIC`,
  ];
  for (const s of statements) await s.execute(db);
}
