// The query planner's statistics on the local register (SQLite's sqlite_stat1), brought up to date
// by PRAGMA optimize, with one correction for the full-text indexes.
//
// FTS5 keeps each index in a shadow table `<name>_data` and removes merged segments from it with a
// statement of its own, `DELETE … WHERE id >= ? AND id <= ?`. An empty index holds two rows, and
// ANALYZE records "2" for it: with so few rows the planner prefers reading the whole table to a
// search by rowid, and FTS5 prepares its statement once per connection. Every merge of the index
// then read all of it: a new register's first large import, and writing 25,000 cases of years,
// spent 99% of their time so (870 GB read back through the system's cache). The planner searches
// by rowid once the table is taken for five rows or more, and every statement FTS5 runs on its
// shadow tables is a lookup by key, so their estimate is kept at no less than FTS_DATA_FLOOR rows.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** The fewest rows the planner is told an FTS5 index's data table holds. PRAGMA optimize analyses
 * it again only once it holds fewer than 1/25 of this (a new register's first few documents). */
export const FTS_DATA_FLOOR = 1000;

/**
 * PRAGMA optimize, looking at every table (0x10002, not only those this connection has queried),
 * reading at most `rowsPerIndex` rows of each index it analyses (0: all of them), then the FTS5
 * data tables' estimates raised to the floor, and the statistics reloaded when any was.
 */
export async function optimizeStatistics(db: Kysely<DB>, rowsPerIndex: number): Promise<void> {
  try {
    await sql.raw(`PRAGMA analysis_limit = ${Math.max(0, Math.trunc(rowsPerIndex))}`).execute(db);
    await sql`PRAGMA optimize = 0x10002`.execute(db);
  } finally {
    await sql`PRAGMA analysis_limit = 0`.execute(db).catch(() => undefined);
  }
  const analysed = await sql`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`.execute(db);
  if (analysed.rows.length === 0) return;
  const raised = await sql`UPDATE sqlite_stat1 SET stat = ${String(FTS_DATA_FLOOR)}
    WHERE idx IS NULL AND CAST(stat AS INTEGER) < ${FTS_DATA_FLOOR}
      AND tbl IN (SELECT name || '_data' FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%')`.execute(db);
  // The planner reads sqlite_stat1 when the schema is loaded: load it again (a moment).
  if (Number(raised.numAffectedRows ?? 0) > 0) await sql`ANALYZE sqlite_schema`.execute(db);
}
