// The local register's index of adjacent words, for phrases.
//
// FTS5 finds a phrase by reading the positions of each of its words in every document holding
// them all. Two words that are each in nearly every document ("information council") therefore
// cost a read of both words' whole lists, however rarely they stand side by side: some 50–110 ms
// on a register of 645,000 documents, and more as it grows. `search_pairs` holds, for every
// document, each pair of words that stand side by side in one of its fields ("information_council"),
// one token per pair, without positions (detail=none): the documents holding a phrase of two words
// are exactly those holding its pair, and those holding a longer phrase are among those holding
// all of its pairs. A rare phrase of common words is thus a short list.
//
// The words are FTS5's own: a document's text is split by the same tokenizer as `search_fts`
// (unicode61, accents folded) in a temporary FTS5 table, and its words read back in order through
// fts5vocab. So a pair is never written in a way the main index would not match, whatever the text
// (accents, other scripts, punctuation inside words).
//
// Kept in step by triggers on search_index (migration 2026_12_05_0900_search_pairs): a document
// added or changed is queued in `search_unpaired`, and its pairs removed. A write that queued a
// few documents pairs them before it commits (drainPairsIfFew, from runWrite); a larger one (an
// import, an upgraded register) leaves them to the background, a batch a write (TextReader). A
// search reads the queue as well: a document not yet paired is always among the candidates, and
// while many are queued a phrase is searched as before, without the pairs.
//
// The temporary tables belong to the connection, which every caller shares: each use of them,
// from filling to emptying, holds the connection (withTemporaryTables), so that two never mix
// their rows.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { fixedRuns } from './runs';

/**
 * The longest document whose snippet FTS5 makes from its whole text. FTS5's snippet() takes time
 * that grows with the square of the matches in one document (16,000 of one word: 1.8 s; 320,000:
 * over a minute), so a longer document's snippet is made from a window of its text around the
 * first match (windowSnippet).
 */
export const WHOLE_SNIPPET_CHARS = 64 * 1024;

/** Documents split into words at once: at most 256 and 1 MB of text. A longer document goes alone,
 * its pairs made by SQLite itself (pairsInSql), so its words never sit in JavaScript's heap. */
const SPLIT_AT_ONCE = { docs: 256, chars: 1024 * 1024 };
/** Pairs held before they are written: at most 8,192 documents' or 16 MB of them. */
const WRITE_AT_ONCE = { docs: 8192, chars: 16 * 1024 * 1024 };
/** Pair rows written by one statement (runs.ts: a few fixed sizes). */
const PAIRS_AT_ONCE = 64;
/** The most documents a phrase's pairs may point to for the pairs to be used: each is checked
 * against the whole search in a small FTS5 table of its own (some 30 µs a document)… */
export const MOST_CANDIDATES = 512;
/** …and the most text they may hold together (octets): beyond, the search goes as before. */
export const MOST_CANDIDATE_BYTES = 4 * 1024 * 1024;

/** The tokenizer of search_fts (migration 2026_12_02_1000_search_rowid); pairs must be made of its words. */
const TOKENIZER = `'unicode61 remove_diacritics 2'`;

/**
 * Runs `work` holding the connection, so that nothing else uses the temporary tables between its
 * statements (see above): inside a transaction, which holds it already; else for the work's span
 * (Kysely hands the one connection to one holder at a time, and a search waits for a write's end
 * as it always did). A lock of its own beside Kysely's deadlocked: a search holding it waited for
 * the connection, while a write holding the connection waited for it.
 */
function withTemporaryTables<T>(db: Kysely<DB>, work: (held: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.connection().execute(work);
}

/**
 * The connection's temporary tables: `pair_words` splits text into words (contentless, its words
 * read through `pair_words_v`); `pair_check` holds a search's candidates, text and all, so that the
 * whole search and its snippets are made by FTS5 exactly as on search_fts.
 */
async function prepare(db: Kysely<DB>): Promise<void> {
  // Asked each time: a transaction that made them and was rolled back took them away again.
  const made = (await sql<{ n: number }>`SELECT count(*) AS n FROM temp.sqlite_master WHERE name IN ('pair_words', 'pair_words_v', 'pair_check')`.execute(db)).rows[0]!.n;
  if (made === 3) return;
  await sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.pair_words USING fts5(title, body, content = '', tokenize = ${TOKENIZER})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.pair_words_v USING fts5vocab(temp, pair_words, instance)`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.pair_check USING fts5(title, body, tokenize = ${TOKENIZER})`).execute(db);
}

type Words = Map<number, [string[], string[]]>;

/** The words of what pair_words holds, by document and field, in order; pair_words emptied. */
async function wordsHeld(db: Kysely<DB>): Promise<Words> {
  const { rows } = await sql<{ doc: number; col: string; offset: number; term: string }>`
    SELECT doc, col, "offset", term FROM temp.pair_words_v`.execute(db);
  const held: Words = new Map();
  for (const r of rows) {
    let fields = held.get(r.doc);
    if (!fields) held.set(r.doc, (fields = [[], []]));
    fields[r.col === 'title' ? 0 : 1][r.offset] = r.term;
  }
  await sql`INSERT INTO temp.pair_words (pair_words) VALUES ('delete-all')`.execute(db);
  return held;
}

/** The longest pair kept, in characters: a longer one (two words of hundreds of letters, from a
 * hostile or broken text) is left out of documents and searches alike, which only widens the
 * candidates a phrase is tested on. */
export const LONGEST_PAIR = 500;

/** Each pair of words side by side in one field, once ("a_b"; no word holds "_"). */
export function pairsOf(fields: readonly (readonly (string | undefined)[])[]): string[] {
  const pairs = new Set<string>();
  for (const field of fields) {
    for (let i = 1; i < field.length; i++) {
      const a = field[i - 1];
      const b = field[i];
      if (a === undefined || b === undefined) continue;
      // In characters, as SQLite counts them (pairsInSql): a UTF-16 length under the limit is
      // never over it in characters; only a longer one is counted by character.
      if (a.length + b.length >= LONGEST_PAIR && [...a].length + [...b].length >= LONGEST_PAIR) continue;
      pairs.add(`${a}_${b}`);
    }
  }
  return [...pairs];
}

/** The pairs of the one long document pair_words holds, made and written by SQLite (sorted in its
 * own temporary storage, not in JavaScript's heap; "," parts pairs as " " does); pair_words emptied. */
async function pairsInSql(db: Kysely<DB>): Promise<void> {
  await sql`
    INSERT INTO search_pairs (rowid, pairs)
    SELECT doc, group_concat(DISTINCT pair) FROM (
      SELECT doc, lag(term) OVER w || '_' || term AS pair, "offset" - lag("offset") OVER w AS gap
      FROM temp.pair_words_v WINDOW w AS (PARTITION BY doc, col ORDER BY "offset")
    ) WHERE gap = 1 AND length(pair) <= ${LONGEST_PAIR} GROUP BY doc`.execute(db);
  await sql`INSERT INTO temp.pair_words (pair_words) VALUES ('delete-all')`.execute(db);
}

async function writePairs(db: Kysely<DB>, rows: readonly { doc: number; pairs: string }[]): Promise<void> {
  for (const [at, size] of fixedRuns(rows.length, PAIRS_AT_ONCE)) {
    const run = rows.slice(at, at + size);
    await sql`INSERT INTO search_pairs (rowid, pairs) VALUES ${sql.join(run.map((r) => sql`(${r.doc}, ${r.pairs})`))}`.execute(db);
  }
}

/** How much to pair in one call: documents, and characters of their text. */
export interface PairBudget {
  docs: number;
  chars: number;
}

/** Pairs queued documents, oldest first, up to `most` (at least one document; all by default).
 * The pairs of many runs are written together: FTS5 writes out what it holds whenever a later
 * statement opens a savepoint (splitting the next run into words does), and a segment per run was
 * merged again and again. Returns how many documents were paired. */
export async function drainPairs(db: Kysely<DB>, most: PairBudget = { docs: Infinity, chars: Infinity }): Promise<number> {
  let done = 0;
  let chars = 0;
  for (let after = Number.MIN_SAFE_INTEGER; ; ) {
    const rows: { doc: number; pairs: string }[] = [];
    let held = 0;
    let more = true;
    while (held < WRITE_AT_ONCE.chars && rows.length < WRITE_AT_ONCE.docs && done < most.docs && chars < most.chars) {
      // Each document looked up by its rowid, in a subquery: given statistics taken while the index
      // was small, SQLite would plan a join as a read of the whole index for every queued document.
      const queued = (await sql<{ doc: number; chars: number }>`
        SELECT t.doc AS doc, coalesce((SELECT length(s.title) + length(s.body) FROM search_index AS s WHERE s.rowid = t.doc), 0) AS chars
        FROM search_unpaired AS t WHERE t.doc > ${after} ORDER BY t.doc LIMIT ${SPLIT_AT_ONCE.docs}`.execute(db)).rows;
      if (queued.length === 0) {
        more = false;
        break;
      }
      let taken = 1;
      let run = queued[0]!.chars;
      for (; taken < queued.length && run + queued[taken]!.chars <= SPLIT_AT_ONCE.chars; taken++) run += queued[taken]!.chars;
      const last = queued[taken - 1]!.doc;
      const from = after;
      const long = taken === 1 && run > SPLIT_AT_ONCE.chars;
      const made = await withTemporaryTables(db, async (held) => {
        await prepare(held);
        await sql`INSERT INTO temp.pair_words (rowid, title, body)
                  SELECT t.doc, (SELECT s.title FROM search_index AS s WHERE s.rowid = t.doc), (SELECT s.body FROM search_index AS s WHERE s.rowid = t.doc)
                  FROM search_unpaired AS t WHERE t.doc > ${from} AND t.doc <= ${last}`.execute(held);
        if (!long) return wordsHeld(held);
        await pairsInSql(held);
        return null;
      });
      for (const [doc, fields] of made ?? []) {
        const pairs = pairsOf(fields).join(' ');
        if (pairs === '') continue;
        rows.push({ doc, pairs });
        held += pairs.length;
      }
      done += taken;
      chars += run;
      after = last;
    }
    await writePairs(db, rows);
    await sql`DELETE FROM search_unpaired WHERE doc <= ${after}`.execute(db);
    if (!more || done >= most.docs || chars >= most.chars) return done;
  }
}

/** What a write pairs itself before it commits: what an officer's edit or a small import adds. A
 * larger write leaves its documents queued for the background (TextReader), so that an import of
 * thousands of emails is not kept waiting for them; they are found meanwhile. */
export const PAIRED_BY_THE_WRITE: PairBudget = { docs: 256, chars: 4 * 1024 * 1024 };

/** Pairs the queued documents when they are few and short; says whether any are left for the background. */
export async function drainPairsIfFew(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ n: number; chars: number }>`
    SELECT count(*) AS n, coalesce(sum((SELECT octet_length(s.title) + octet_length(s.body) FROM search_index AS s WHERE s.rowid = q.doc)), 0) AS chars
    FROM (SELECT doc FROM search_unpaired LIMIT ${PAIRED_BY_THE_WRITE.docs + 1}) AS q`.execute(db);
  const { n, chars } = rows[0]!;
  if (n === 0) return false;
  if (n > PAIRED_BY_THE_WRITE.docs || chars > PAIRED_BY_THE_WRITE.chars) return true;
  await drainPairs(db);
  return false;
}

/** Whether any document waits for its pairs. */
export async function hasUnpaired(db: Kysely<DB>): Promise<boolean> {
  return (await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_unpaired LIMIT 1)`.execute(db)).rows[0]!.n > 0;
}

/** The words of a typed term as the index splits it ("O'Brien-Smith" is three). */
export async function wordsOfText(db: Kysely<DB>, text: string): Promise<string[]> {
  return withTemporaryTables(db, async (held) => {
    await prepare(held);
    await sql`INSERT INTO temp.pair_words (rowid, title, body) VALUES (1, '', ${text})`.execute(held);
    const fields = (await wordsHeld(held)).get(1);
    return fields ? fields[1].filter((w): w is string => w !== undefined) : [];
  });
}

export type PairFound = { rowid: number; snippet: string | null };

/** Characters of a long document's text either side of its first match, for its snippet (both engines). */
export const SNIPPET_WINDOW = 1000;

/**
 * The snippet of a long document (longer than WHOLE_SNIPPET_CHARS), made by
 * FTS5 as any other but from a window of its text: around the first place one of the typed words
 * appears (as typed, case aside), else its start. Should the window not match, its first words.
 */
export async function windowSnippet(db: Kysely<DB>, rowid: number, match: string, typed: readonly string[]): Promise<string> {
  const row = (await sql<{ title: string; body: string }>`SELECT title, body FROM search_index WHERE rowid = ${rowid}`.execute(db)).rows[0];
  if (!row) return '';
  let at = -1;
  for (const word of typed.flatMap((t) => t.match(/[\p{L}\p{N}]+/gu) ?? [])) {
    const found = row.body.search(new RegExp(word, 'iu')); // letters and digits only: nothing to escape
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  const from = Math.max(0, at - SNIPPET_WINDOW);
  const window = row.body.slice(from, Math.max(at, 0) + SNIPPET_WINDOW + 1).replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/gu, '');
  return withTemporaryTables(db, async (held) => {
    await prepare(held);
    try {
      await sql`INSERT INTO temp.pair_check (rowid, title, body) VALUES (1, ${row.title}, ${window})`.execute(held);
      const { rows } = await sql<{ snippet: string }>`
        SELECT snippet(pair_check, -1, '[', ']', '…', 16) AS snippet FROM temp.pair_check WHERE pair_check MATCH ${match}`.execute(held);
      return rows[0]?.snippet ?? `${from > 0 ? '…' : ''}${window.slice(0, 120)}…`;
    } finally {
      await sql`DELETE FROM temp.pair_check`.execute(held);
    }
  });
}

/**
 * The newest `limit` documents matching `match` (an FTS5 query as search_fts takes it) among those
 * holding every pair in `pairs`, with their snippets; null when more than MOST_CANDIDATES documents
 * hold them, or their text is longer than MOST_CANDIDATE_BYTES (the caller searches as before). The
 * candidates whose case exists (as the main search joins it), and any document still queued, are
 * copied into pair_check and searched there: the answer is exactly what search_fts would give.
 */
export async function searchByPairs(db: Kysely<DB>, pairs: readonly string[], match: string, limit: number): Promise<PairFound[] | null> {
  const pairMatch = pairs.map((p) => `"${p}"`).join(' AND ');
  const { rows: candidates } = await sql<{ rowid: number }>`
    SELECT rowid FROM search_pairs WHERE search_pairs MATCH ${pairMatch} ORDER BY rowid DESC LIMIT ${MOST_CANDIDATES + 1}`.execute(db);
  const { rows: queued } = await sql<{ rowid: number }>`SELECT doc AS rowid FROM search_unpaired LIMIT ${MOST_CANDIDATES + 1}`.execute(db);
  if (candidates.length + queued.length > MOST_CANDIDATES) return null;
  const ids = JSON.stringify([...new Set([...candidates, ...queued].map((r) => r.rowid))]);
  // Looked up by rowid in subqueries, whatever the planner's statistics say of the tables' sizes.
  const { rows: sized } = await sql<{ rowid: number; bytes: number }>`
    SELECT d.rowid AS rowid, d.bytes AS bytes FROM (
      SELECT j.value AS rowid,
             (SELECT octet_length(s.title) + octet_length(s.body) FROM search_index AS s WHERE s.rowid = j.value) AS bytes,
             (SELECT c.id FROM cases AS c WHERE c.id = (SELECT s.case_id FROM search_index AS s WHERE s.rowid = j.value)) AS case_id
      FROM json_each(${ids}) AS j) AS d
    WHERE d.case_id IS NOT NULL`.execute(db);
  if (sized.reduce((n, r) => n + r.bytes, 0) > MOST_CANDIDATE_BYTES) return null;
  if (sized.length === 0) return [];
  const kept = JSON.stringify(sized.map((r) => r.rowid));
  return withTemporaryTables(db, async (held) => {
    await prepare(held);
    try {
      await sql`INSERT INTO temp.pair_check (rowid, title, body)
                SELECT j.value, (SELECT s.title FROM search_index AS s WHERE s.rowid = j.value), (SELECT s.body FROM search_index AS s WHERE s.rowid = j.value)
                FROM json_each(${kept}) AS j`.execute(held);
      const { rows } = await sql<PairFound>`
        SELECT rowid, CASE WHEN length(body) <= ${WHOLE_SNIPPET_CHARS} THEN snippet(pair_check, -1, '[', ']', '…', 16) END AS snippet
        FROM temp.pair_check WHERE pair_check MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}`.execute(held);
      return rows;
    } finally {
      await sql`DELETE FROM temp.pair_check`.execute(held);
    }
  });
}
