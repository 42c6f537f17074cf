// Kysely over one better-sqlite3 connection, with two differences from Kysely's own SQLite driver:
// - write transactions begin IMMEDIATE, so the write lock is taken (waiting up to busy_timeout)
//   before anything is read; a deferred transaction that reads and then writes fails at once with
//   "database is locked" under WAL when another process holds the lock, whatever the timeout;
// - prepared statements are kept and reused (bounded), because preparing one per query leaks
//   native memory in a long-running app.
import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult } from 'kysely';

/** How many distinct statements are kept prepared; the app issues far fewer distinct SQL texts. */
const STATEMENT_CACHE_SIZE = 500;

export class StatementCache {
  private readonly map = new Map<string, Database.Statement>();
  constructor(
    private readonly sqlite: Database.Database,
    private readonly limit = STATEMENT_CACHE_SIZE,
  ) {}

  get(sql: string): Database.Statement {
    let stmt = this.map.get(sql);
    if (stmt) {
      // Least recently used goes first: re-insert to mark as recent.
      this.map.delete(sql);
    } else {
      stmt = this.sqlite.prepare(sql);
      if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    }
    this.map.set(sql, stmt);
    return stmt;
  }

  get size(): number {
    return this.map.size;
  }
}

class CachedConnection implements DatabaseConnection {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly cache: StatementCache,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.cache.get(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return { insertId: BigInt(lastInsertRowid), numAffectedRows: BigInt(changes), rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not used by Disclose');
  }
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

class ImmediateDriver implements Driver {
  private readonly connection: CachedConnection;
  constructor(private readonly sqlite: Database.Database) {
    this.connection = new CachedConnection(sqlite, new StatementCache(sqlite));
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    // SQLite rolls back by itself on some errors (a full disk); a second ROLLBACK would then fail
    // with "no transaction is active" and hide the real cause.
    if (this.sqlite.inTransaction) await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async savepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`SAVEPOINT ${quoteName(name)}`));
  }
  async rollbackToSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${quoteName(name)}`));
  }
  async releaseSavepoint(c: DatabaseConnection, name: string): Promise<void> {
    await c.executeQuery(CompiledQuery.raw(`RELEASE ${quoteName(name)}`));
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }
}

export class DiscloseSqliteDialect implements Dialect {
  constructor(private readonly sqlite: Database.Database) {}
  createDriver(): Driver {
    return new ImmediateDriver(this.sqlite);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
