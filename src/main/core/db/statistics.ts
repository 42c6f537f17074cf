// The query planner's statistics on the local register (SQLite's sqlite_stat1), brought up to date
// by PRAGMA optimize, with one correction for the full-text indexes.
//
// FTS5 keeps each index in a shadow table `<name>_data` and removes merged segments from it with a
// statement of its own, `DELETE … WHERE id >= ? AND id <= ?`. An empty index holds two rows, and
// ANALYZE records "2" for it: for a table of fewer than ten rows the planner reads the whole table
// (under five) or from the first rowid to its end, rather than search the range by rowid. Every
// merge of the index then read all of it, until the statistics were next looked at: a new
// register's first large import, and writing 25,000 cases of years, spent 99% of their time so
// (870 GB read back through the system's cache). Every statement FTS5 runs on its shadow tables is
// by key, so their estimate is kept at no less than FTS_DATA_FLOOR rows: a larger count never
// misleads it. Reloading the statistics expires prepared statements, FTS5's own among them, so
// they are planned again with the raised estimate.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * The fewest rows the planner is told an FTS5 index's data table holds: ten times the ten rows from
 * which it searches a range of rowids from both ends. PRAGMA optimize (SQLite 3.46 and later)
 * analyses a table again once it holds ten times more or fewer rows than recorded, so this is
 * analysed again, and raised again, only while the index holds fewer than ten rows (a new
 * register's first documents), and replaced by the count analysed once it holds over a thousand.
 */
export const FTS_DATA_FLOOR = 100;

/**
 * PRAGMA optimize, looking at every table (0x10002, not only those this connection has queried),
 * reading at most `rowsPerIndex` rows of each index it analyses (0: all of them), and the FTS5 data
 * tables' estimates raised to the floor, in one transaction (so that no other connection sees, nor
 * a failure leaves, the estimate unraised); then the statistics reloaded when any was raised.
 */
export async function optimizeStatistics(db: Kysely<DB>, rowsPerIndex: number): Promise<void> {
  const raised = await db.transaction().execute(async (trx) => {
    await sql.raw(`PRAGMA analysis_limit = ${Math.max(0, Math.trunc(rowsPerIndex))}`).execute(trx);
    try {
      await sql`PRAGMA main.optimize = 0x10002`.execute(trx);
    } finally {
      await sql`PRAGMA analysis_limit = 0`.execute(trx);
    }
    const analysed = await sql`SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`.execute(trx);
    if (analysed.rows.length === 0) return 0;
    const updated = await sql`UPDATE main.sqlite_stat1 SET stat = ${String(FTS_DATA_FLOOR)}
      WHERE idx IS NULL AND CAST(stat AS INTEGER) < ${FTS_DATA_FLOOR}
        AND tbl IN (SELECT name || '_data' FROM main.sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%')`.execute(trx);
    return Number(updated.numAffectedRows ?? 0);
  });
  // The planner reads sqlite_stat1 when the schema is loaded: load it again (a moment).
  if (raised > 0) await sql`ANALYZE main.sqlite_schema`.execute(db);
}
