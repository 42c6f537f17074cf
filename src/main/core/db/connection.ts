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
import { optimizeStatistics } from './statistics';
import { APPLICATION_ID, migrate, pendingMigrations, type MigrationSteps } from './migrate';
import { diskFullMessage, isDiskFull } from '../blobs';

export { APPLICATION_ID } from './migrate';

// URI filenames let a database on a read-only disk be opened with ?immutable=1 (better-sqlite3
// reads this once, when its first connection is made; plain paths are unaffected).
process.env.SQLITE_USE_URI ??= '1';

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

/** Why the folder cannot take a new file, as the officer should read it; null when it can.
 * Permissions alone do not tell (root, read-only mounts), so a file is made and removed. */
export function folderWriteProblem(dir: string): string | null {
  const probe = join(dir, `.write-check-${process.pid}.tmp`);
  try {
    writeFileSync(probe, 'x');
    rmSync(probe, { force: true });
    return null;
  } catch (err) {
    rmSync(probe, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (isDiskFull(err)) return diskFullMessage(dir);
    return readOnlyMessage(dir, code === 'EROFS' ? 'it is on a read-only disk' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code);
  }
}

const readOnlyMessage = (dir: string, why: string) => `Nothing can be changed: the data folder ${dir} cannot be written (${why}). The case files can still be read.`;

function openReadOnly(file: string, reason: string): Database.Database {
  if (!existsSync(file)) throw new DiscloseError('IO', `There is no case file database in ${dirname(file)}. ${reason}`);
  try {
    const plain = new Database(file, { readonly: true, fileMustExist: true });
    try {
      plain.prepare('SELECT count(*) FROM sqlite_schema').get(); // a WAL database fails here without its -shm
      return plain;
    } catch (err) {
      plain.close();
      throw err;
    }
  } catch {
    // Immutable reading ignores a -wal file: only safe when there is none with data in it.
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) throw new DiscloseError('IO', reason);
    return new Database(`file:${encodeURI(file).replace(/\?/g, '%3f').replace(/#/g, '%23')}?immutable=1`, { readonly: true, fileMustExist: true });
  }
}

/**
 * Switches a new file to WAL (a file once switched stays so). Several processes opening a new
 * folder at once race for the switch, and SQLite answers the loser "database is locked" at once,
 * without waiting out the busy timeout: it tries again a moment later.
 */
function toWal(sqlite: Database.Database): void {
  for (let attempt = 1; ; attempt++) {
    try {
      if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') sqlite.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || attempt >= 50) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * attempt);
    }
  }
}

/**
 * The page size of a new register: 16 KB, not SQLite's 4 KB. A register keeps its small stored
 * files inside it (blobs.ts) and rows of a few KB each (an email's text and headers): with 4 KB
 * pages a 20 KB file takes five overflow pages and a message's row nearly a page of its own, so
 * that nearly every insert splits a page. SQLite's own measurements of blobs kept inside the
 * database against files beside it favour larger pages (sqlite.org/intern-v-extern-blob.html);
 * importing 10,000 emails took 0.5 s less processor time, 0.2 s of it on the main thread
 * (bench/README.md). A register made before keeps 4 KB pages: changing it means rewriting the file.
 */
export const PAGE_SIZE = 16_384;

/** The connection's page cache, in KB (per open connection; the app has one). */
const PAGE_CACHE_KB = 64 * 1024;

function connect(file: string, readOnlyReason: string | null): Database.Database {
  const sqlite = readOnlyReason ? openReadOnly(file, readOnlyReason) : new Database(file);
  try {
    // First, so that everything after it (even switching a fresh file to WAL) waits its turn.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tables = sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.length > 0)) {
      throw new DiscloseError('DB_NOT_SQLITE', `${file} is an SQLite database, but not a Disclose one. Nothing was changed.`);
    }
    if (!readOnlyReason) {
      // Before anything is written, or it is too late: a register made before keeps its size.
      if (tables.length === 0) sqlite.pragma(`page_size = ${PAGE_SIZE}`);
      toWal(sqlite);
      // Case files are legal records: survive a power cut, not only an application crash.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    // SQLite's default page cache is 2 MB: a register of years (hundreds of MB, most of it the
    // full-text index) would have every import and list read its pages back from the system
    // again and again, slower as the register grows. 64 MB holds the working set of one.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KB}`);
    return sqlite;
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

/**
 * Opens (creating or upgrading) the register in `file`. `onUpgrade` is told before each step of an
 * upgrade, how many of how many are done.
 */
export async function openDatabase(file: string, onUpgrade?: MigrationSteps): Promise<OpenedDatabase> {
  assertSqliteFile(file);
  let readOnlyReason = folderWriteProblem(dirname(file));
  let sqlite: Database.Database;
  try {
    try {
      sqlite = connect(file, readOnlyReason);
    } catch (err) {
      // A disk with no room left cannot even hold the shared-memory file WAL needs: read instead.
      if (readOnlyReason || !(isDiskFull(err) || String((err as { code?: string }).code).startsWith('SQLITE_IOERR'))) throw err;
      readOnlyReason = diskFullMessage(dirname(file));
      sqlite = connect(file, readOnlyReason);
    }
  } catch (err) {
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  const db = new Kysely<DB>({ dialect: new DiscloseSqliteDialect(sqlite) });
  try {
    if (readOnlyReason) {
      if (pendingMigrations(sqlite, file).length > 0) {
        throw new DiscloseError('IO', `${file} needs upgrading for this version of Disclose, and it cannot be: ${readOnlyReason}`);
      }
    } else {
      await migrate(sqlite, db as Kysely<unknown>, file, undefined, onUpgrade);
      // The planner's statistics (as SQLite advises for a connection held open): which index serves
      // a list's order depends on how the cases spread over the stages, unknowable without them.
      // Advisory: should another process take the register's write lock in the moment since the
      // upgrade check above held it, and keep it past the wait, the writes' next look takes them
      // (refreshStatistics). Anything else is the register's to report.
      await optimizeStatistics(db, 0).catch((err: unknown) => {
        if (!String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw err;
      });
    }
  } catch (err) {
    await db.destroy();
    if (err instanceof DiscloseError) throw err;
    translateSqliteError(file, err);
  }
  return { sqlite, db, readOnlyReason };
}

/** Changes whenever another connection commits to the file (SQLite's data_version). */
export function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}
