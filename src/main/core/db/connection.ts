// Opening the case-file database: refuse what is not ours, then WAL, foreign keys, migrations.
// A data folder that cannot be written (a read-only mount, a locked-down share) opens read-only:
// cases can be read, and every write is refused with the reason.
import { openSync, readSync, closeSync, statSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import type { DB } from './schema';
import { DiscloseSqliteDialect } from './driver';
import { APPLICATION_ID, migrate, pendingMigrations } from './migrate';

export { APPLICATION_ID } from './migrate';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** How long a write waits for another process's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 15_000;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  /** Why writes are refused, when the data folder cannot be written; null when it can. */
  readOnlyReason: string | null;
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

/** Whether the folder accepts a new file: permissions alone do not tell (root, read-only mounts). */
export function folderWriteProblem(dir: string): string | null {
  const probe = join(dir, `.write-check-${process.pid}.tmp`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC') return null; // full, not read-only: writes will say so themselves
    return `the data folder ${dir} cannot be written (${code === 'EROFS' ? 'it is on a read-only disk' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code})`;
  }
}

function openReadOnly(file: string, reason: string): Database.Database {
  if (!existsSync(file)) throw new DiscloseError('IO', `There is no case file database in ${dirname(file)}, and ${reason}.`);
  // immutable: no -shm or -wal can be made beside it, and nothing else can be writing it.
  return new Database(`file:${encodeURI(file)}?immutable=1`, { readonly: true });
}

export async function openDatabase(file: string): Promise<OpenedDatabase> {
  assertSqliteFile(file);
  const readOnlyReason = folderWriteProblem(dirname(file));
  let sqlite: Database.Database;
  try {
    sqlite = readOnlyReason ? openReadOnly(file, readOnlyReason) : new Database(file);
    // First, so that everything after it (even switching a fresh file to WAL) waits its turn.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.length > 0)) {
      sqlite.close();
      throw new DiscloseError('DB_NOT_SQLITE', `${file} is an SQLite database, but not a Disclose one. Nothing was changed.`);
    }
    if (!readOnlyReason) {
      sqlite.pragma('journal_mode = WAL');
      // Case files are legal records: survive a power cut, not only an application crash.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
  } catch (err) {
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(sqlite) });
  try {
    if (readOnlyReason) {
      if (pendingMigrations(sqlite, file).length > 0) {
        throw new DiscloseError('IO', `${file} needs upgrading for this version of Disclose, but ${readOnlyReason}.`);
      }
    } else {
      await migrate(sqlite, db as Kysely<unknown>, file);
    }
  } catch (err) {
    await db.destroy();
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  return { sqlite, db, readOnlyReason };
}
