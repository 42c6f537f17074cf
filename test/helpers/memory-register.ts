// A local register in memory, migrated to the latest schema, with one requester: for tests of the
// repositories' statements and their plans. Every statement the register runs through Kysely is
// captured, with its parameters, for EXPLAIN QUERY PLAN.
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import type { DB } from '../../src/main/core/db/schema';

export async function memoryRegister(requester = 'A') {
  const sqlite = new Database(':memory:');
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(sqlite), log: (e) => void captured.push(e.query) });
  await migrate(sqlite, db as Kysely<unknown>, 'test');
  sqlite.prepare("INSERT INTO requesters (id, name, created_at) VALUES (1, ?, '2026-01-01')").run(requester);
  return { sqlite, db, captured };
}
