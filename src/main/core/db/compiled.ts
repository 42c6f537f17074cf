// Inserts run thousands of times in one write (an import's rows and audit rows), compiled once.
// Kysely builds and compiles a statement's tree on every call: about 10 µs for a row of the
// correspondence table, a tenth of the main thread's time per message once the import's other
// costs were gone (bench/README.md). The statement for a table, its columns and what it returns
// is compiled by Kysely the first time, per engine, and its text reused with each row's values in
// the same order: the same SQL Kysely would write, with the same parameters.
import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { DB } from './schema';
import { isPostgres } from './engine';

const compiledSql = new Map<string, string>();

/** The statement's text and its parameters for `row`: Kysely's own, compiled once per shape and engine. */
export function compiledInsert<T extends keyof DB & string>(db: Kysely<DB>, table: T, row: Insertable<DB[T]>, returningId = false): { sql: string; parameters: unknown[] } {
  const entries = Object.entries(row as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const key = `${isPostgres(db) ? 'pg' : 'sqlite'}|${table}|${entries.map(([k]) => k).join(',')}|${returningId ? 'id' : ''}`;
  let sql = compiledSql.get(key);
  if (sql === undefined) {
    const insert = db.insertInto(table).values(row as never);
    sql = (returningId ? insert.returning('id' as never) : insert).compile().sql;
    compiledSql.set(key, sql);
  }
  return { sql, parameters: entries.map(([, v]) => v) };
}

/** Inserts `row` into `table` (columns whose value is undefined left out, as Kysely does). */
export async function insertRow<T extends keyof DB & string>(db: Kysely<DB>, table: T, row: Insertable<DB[T]>): Promise<void> {
  const { sql, parameters } = compiledInsert(db, table, row);
  await db.executeQuery(CompiledQuery.raw(sql, parameters));
}

/** As insertRow, returning the new row's id. */
export async function insertRowReturningId<T extends 'correspondence' | 'attachments'>(db: Kysely<DB>, table: T, row: Insertable<DB[T]>): Promise<number> {
  const { sql, parameters } = compiledInsert(db, table, row, true);
  const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(sql, parameters));
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error(`No id came back from the insert into ${table}`);
  return Number(id);
}
