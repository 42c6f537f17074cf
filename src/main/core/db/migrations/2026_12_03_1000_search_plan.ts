// Search on the team database planned by how common the words searched really are.
//
// `disclose_search` let PostgreSQL plan each search, and PostgreSQL estimates a search of several
// words by multiplying their frequencies: common words together, and above all a phrase of them
// ("freedom of information act", in one document in ten), are estimated rare, so it gathered every
// match from the GIN index and read each one's row (a phrase needs the row's positions): over a
// second for 50,000 matches, 120 ms for two common words. A common word also ranked its newest
// 1,000 matches, where the local register shows the newest first (search-fts.repository.ts).
//
// Now the function asks ANALYZE's own sample (pg_stats' most common elements of `terms`, refreshed
// by autovacuum as the index grows) what share of the documents each word is in, and:
// - ranks the newest 1,000 visible matches when every word is in at most `common` documents (the
//   local register's rule, COMMON_WORD), else returns the newest matches first;
// - when even the rarest word is common enough that the matches wanted should lie among the newest
//   `walk` documents, walks the documents newest first and tests each (50 matches of the phrase
//   above are found within its newest 600 documents), at most `walk` of them;
// - otherwise, or for what the walk did not find (a phrase of common words that is itself rare),
//   uses the GIN index below what was walked: first a slice of the newest documents expected to
//   hold the matches twice over (PostgreSQL intersects it with the GIN index), then the rest. A
//   last word searched as a prefix and common ("dezezadi council", the last word a prefix) is not
//   gathered from the index when the whole words beside it are much rarer: they are, and the
//   prefix is tested on their documents.
// Every step returns exactly the matches its documents hold, so statistics only choose the way
// (and, as on the local register, whether a query of common words is ranked). Visibility is the
// same rule as before (disclose_sees_case), asked only of the matches considered, newest first.
// The SQLite step is nothing: the local register searches with FTS5.
import { sql, type Kysely } from 'kysely';

export async function up(): Promise<void> {}

/** The function's body (raw: regular expressions with backslashes). */
export const BODY = String.raw`
  DECLARE
    elems TEXT[];
    shares REAL[];
    total REAL;
    share REAL;
    commonest REAL := 0;
    rarest REAL := 1;
    rarest_word REAL := 1;
    commonest_prefix REAL := 0;
    words TEXT[] := '{}';
    conjunction BOOLEAN;
    ranked BOOLEAN;
    want INTEGER;
    ids INTEGER[] := '{}';
    more INTEGER[];
    walked INTEGER := 0;
    everything BOOLEAN := false;
    walked_first BOOLEAN := false;
    passes INTEGER := 0;
    density REAL;
    hi BIGINT;
    lo BIGINT;
    gin tsquery := q;
    also tsquery;
    w RECORD;
  BEGIN
    IF NOT pg_has_role(session_user, 'disclose_officer', 'member') OR lim IS NULL OR lim < 1 THEN RETURN; END IF;
    -- Any login may call it: its budgets stay within what the app asks.
    lim := least(lim, 1000);
    walk := least(greatest(coalesce(walk, 0), 0), 100000);
    common := least(greatest(coalesce(common, 0), 0), 1000000);
    SELECT st.most_common_elems::text::text[], st.most_common_elem_freqs, greatest(cl.reltuples, 0) INTO elems, shares, total
      FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
      LEFT JOIN pg_stats st ON st.schemaname = n.nspname AND st.tablename = cl.relname AND st.attname = 'terms'
      WHERE cl.oid = 'search_index'::regclass;
    -- Each lexeme of the query as tsquery prints it ('it''s', 'pot':*); a word missing from the
    -- sample is rarer than any in it (share 0), a prefix is in the words it begins.
    FOR w IN SELECT regexp_replace(m[1], '([''\\])\1', '\1', 'g') AS word, coalesce(m[2] LIKE '%*%', false) AS prefix
             FROM regexp_matches(q::text, '''((?:[^''\\]|''''|\\.)*)''(:[*A-D]*)?', 'g') AS m LOOP
      SELECT least(coalesce(sum(e.share), 0), 1) INTO share FROM unnest(elems, shares) AS e(lexeme, share)
        WHERE e.lexeme IS NOT NULL AND CASE WHEN w.prefix THEN starts_with(e.lexeme, w.word) ELSE e.lexeme = w.word END;
      commonest := greatest(commonest, share);
      rarest := least(rarest, share);
      IF w.prefix THEN
        commonest_prefix := greatest(commonest_prefix, share);
      ELSE
        words := words || w.word;
        rarest_word := least(rarest_word, share);
      END IF;
    END LOOP;
    ranked := commonest * total <= common;
    want := CASE WHEN ranked THEN greatest(lim, 1000) ELSE lim END;

    -- Dense matches: the newest documents, each tested, at most walk of them.
    IF walk > 0 AND rarest * least(walk, total) >= want THEN
      EXECUTE $w$
        SELECT coalesce(array_agg(s.rowid), '{}') FROM (
          SELECT s.rowid FROM (SELECT x.rowid, x.case_id, x.terms FROM search_index x ORDER BY x.rowid DESC LIMIT $3) AS s
          CROSS JOIN LATERAL (SELECT 1 FROM cases c WHERE c.id = s.case_id AND disclose_sees_case(c) LIMIT 1) AS v
          WHERE s.terms @@ $1 ORDER BY s.rowid DESC LIMIT $2) AS s $w$
        INTO ids USING q, want, walk;
      walked_first := true;
      IF cardinality(ids) < want THEN
        SELECT min(x.rowid), count(*) INTO hi, walked FROM (SELECT y.rowid FROM search_index y ORDER BY y.rowid DESC LIMIT walk) AS x;
        everything := walked < walk;
      END IF;
    END IF;

    IF cardinality(ids) < want AND NOT everything THEN
      -- A common prefix beside much rarer whole words (and nothing but AND and phrases): the index
      -- gives the documents of the words, and the whole query is tested on those.
      conjunction := regexp_replace(q::text, '''((?:[^''\\]|''''|\\.)*)''(:[*A-D]*)?', '', 'g') ~ '^[\s&()<>0-9-]*$';
      IF conjunction AND cardinality(words) > 0 AND rarest_word * 10 < commonest_prefix THEN
        SELECT string_agg('''' || replace(replace(x, '\', '\\'), '''', '''''') || '''', ' & ')::tsquery INTO gin FROM unnest(words) AS x;
        also := q;
      END IF;
      hi := coalesce(hi, (SELECT max(x.rowid) FROM search_index x) + 1);
      density := CASE WHEN walked > 0 THEN cardinality(ids)::real / walked ELSE rarest END;
      lo := CASE WHEN density > 0 THEN hi - ceil(2 * (want - cardinality(ids)) / density)::bigint ELSE 0 END;
      LOOP
        EXECUTE $g$
          SELECT coalesce(array_agg(s.rowid), '{}') FROM (
            SELECT s.rowid FROM (SELECT x.rowid, x.case_id FROM search_index x
                                 WHERE x.terms @@ $1 AND ($2::tsquery IS NULL OR ts_match_vq(x.terms, $2)) AND x.rowid >= $3 AND x.rowid < $4
                                 ORDER BY x.rowid DESC) AS s
            CROSS JOIN LATERAL (SELECT 1 FROM cases c WHERE c.id = s.case_id AND disclose_sees_case(c) LIMIT 1) AS v
            ORDER BY s.rowid DESC LIMIT $5) AS s $g$
          INTO more USING gin, also, greatest(lo, 0), hi, want - cardinality(ids);
        ids := ids || more;
        passes := passes + 1;
        EXIT WHEN cardinality(ids) >= want OR coalesce(lo, 0) <= 0;
        hi := lo;
        lo := 0;
      END LOOP;
    END IF;

    -- How the search went, for whoever asks (client_min_messages = debug1): the tests do.
    RAISE DEBUG 'disclose_search: ranked %, walked %, index passes %, by whole words %',
      ranked::text, walked_first::text, passes, (gin IS DISTINCT FROM q)::text;
    IF ranked THEN
      RETURN QUERY SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, ts_rank(s.terms, q)
        FROM search_index s WHERE s.rowid = ANY (ids) ORDER BY 7 DESC, 1 DESC LIMIT lim;
    ELSE
      RETURN QUERY SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, 0::real
        FROM search_index s WHERE s.rowid = ANY (ids) ORDER BY 1 DESC LIMIT lim;
    END IF;
  END`;

/** The team database: the function takes two more arguments (with defaults), so it is made anew;
 * only the team's officers may run it (team init grants it again, as every function it lists). */
export async function postgres(db: Kysely<any>): Promise<void> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = `SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`;
  const statements = [
    sql`DROP FUNCTION disclose_search(tsquery, integer)`,
    sql.raw(`CREATE FUNCTION disclose_search(q tsquery, lim INTEGER, common INTEGER DEFAULT 20000, walk INTEGER DEFAULT 10000)
        RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL)
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 50 ${pinned} AS $$${BODY}$$`),
    sql`REVOKE ALL ON FUNCTION disclose_search(tsquery, integer, integer, integer) FROM PUBLIC`,
    sql`DO $$ BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_officer') THEN
            GRANT EXECUTE ON FUNCTION disclose_search(tsquery, integer, integer, integer) TO disclose_officer;
          END IF;
        END $$`,
  ];
  for (const s of statements) await s.execute(db);
}
