// Opening the case-file database: refuse what is not ours, then WAL, foreign keys, migrations.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { DiscloseError } from '../../../shared/errors';
import type { DB } from './schema';
import { MIGRATIONS } from './migrations';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** PRAGMA application_id for Disclose databases ("DSCL"), so other SQLite files are recognised. */
export const APPLICATION_ID = 0x4453434c;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
}

function assertSqliteFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // a new database
  }
  if (size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== SQLITE_HEADER) {
      throw new DiscloseError('DB_NOT_SQLITE', `${file} is not a Disclose database (it is not an SQLite file). Nothing was changed.`);
    }
  } finally {
    closeSync(fd);
  }
}

function translateSqliteError(file: string, err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') {
    throw new DiscloseError('DB_NOT_SQLITE', `${file} is not a Disclose database (SQLite cannot read it). Nothing was changed.`);
  }
  if (code === 'SQLITE_CORRUPT') {
    throw new DiscloseError('DB_CORRUPT', `${file} is damaged (SQLite reports corruption). Restore it from a backup.`);
  }
  throw err;
}

export async function openDatabase(file: string): Promise<OpenedDatabase> {
  assertSqliteFile(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.length > 0)) {
      sqlite.close();
      throw new DiscloseError('DB_NOT_SQLITE', `${file} is an SQLite database, but not a Disclose one. Nothing was changed.`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Case files are legal records: survive a power cut, not only an application crash.
    sqlite.pragma('synchronous = FULL');
  } catch (err) {
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, file);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  } catch (err) {
    await db.destroy();
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  return { sqlite, db };
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

async function migrate(db: Kysely<DB>, file: string): Promise<void> {
  // A database written by a newer Disclose has migrations we do not know: refuse, change nothing.
  const known = new Set(Object.keys(MIGRATIONS));
  const hasTable = await db
    .selectFrom('sqlite_schema' as never)
    .select('name' as never)
    .where('name' as never, '=', 'kysely_migration' as never)
    .executeTakeFirst();
  if (hasTable) {
    const applied = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
    const unknown = applied.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new DiscloseError(
        'DB_NEWER',
        `${file} was written by a newer version of Disclose (it has changes this version does not know: ${unknown.join(', ')}). Update Disclose to open it; nothing was changed.`,
      );
    }
  }
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new DiscloseError('INTERNAL', `Could not upgrade the database${failed ? ` (${failed.migrationName})` : ''}: ${String((error as Error).message ?? error)}`);
  }
}
