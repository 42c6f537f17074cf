// Reads for verification and housekeeping, straight on the SQLite connection: they run where no
// Kysely query is wanted (at open, before the core exists) or stream every row (the audit chain).
import type Database from 'better-sqlite3';
import type { AuditContent, CorrespondenceContent } from '../db/integrity';
import { checkpointsSettled, checkpointUnderWay } from '../db/checkpoint';

export type AuditRow = AuditContent & { id: number; content_hash: string | null; hash: string | null; redacted_at: string | null };
export type CorrespondenceRow = CorrespondenceContent & { id: number; content_hash: string | null; reference: string };

/** Every audit row, oldest first, one at a time. */
export function auditRowsInOrder(sqlite: Database.Database): IterableIterator<AuditRow> {
  return sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
}

/** Every item of correspondence with its case's reference, or those of one case. */
export function correspondenceRows(sqlite: Database.Database, reference?: string): IterableIterator<CorrespondenceRow> {
  return sqlite
    .prepare(`SELECT c.*, cases.reference AS reference FROM correspondence c JOIN cases ON cases.id = c.case_id${reference ? ' WHERE cases.reference = ?' : ''} ORDER BY c.id`)
    .iterate(...(reference ? [reference] : [])) as IterableIterator<CorrespondenceRow>;
}

/** SQLite's own integrity check: the lines that are not "ok". */
export function integrityProblems(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

export function foreignKeyProblems(sqlite: Database.Database): { table: string; rowid: number; parent: string }[] {
  return sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

export function blobShas(sqlite: Database.Database): string[] {
  return sqlite.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[];
}

/** The setting that names a stored file rather than a case does: the authority's Word letter template. */
export const TEMPLATE_KEY = 'letters.docxTemplate';

/** The stored file the template setting names, if it names one (a damaged setting names none). */
export function templateShaOf(raw: string | undefined): string | null {
  try {
    const sha = raw ? (JSON.parse(raw) as { sha256?: unknown }).sha256 : null;
    return typeof sha === 'string' ? sha : null;
  } catch {
    return null;
  }
}

/** Stored files a setting names (the Word letter template): in use, whatever the cases hold. */
export function settingsShas(sqlite: Database.Database): string[] {
  const sha = templateShaOf(sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(TEMPLATE_KEY) as string | undefined);
  return sha ? [sha] : [];
}

/**
 * The stored files no message or attachment names, as a difference of sets, each side read once:
 * no index leads with the columns that name a stored file, so asking for each stored file whether
 * a message or an attachment names it (NOT EXISTS) read every message and attachment once per
 * stored file (95 s at 50,000 cases, 75,000 files). Both engines; the settings are asked apart.
 */
export const UNNAMED_BY_RECORDS = `SELECT sha256 FROM blobs
  EXCEPT SELECT source_sha256 FROM correspondence WHERE source_sha256 IS NOT NULL
  EXCEPT SELECT sha256 FROM attachments`;

/** Blob rows no correspondence, attachment or setting refers to. */
export function unreferencedBlobs(sqlite: Database.Database): string[] {
  const unnamed = sqlite.prepare(`${UNNAMED_BY_RECORDS} ORDER BY 1`).pluck().all() as string[];
  // Whatever the template setting holds, damaged or not, keeps the files it mentions (as LIKE did).
  const setting = ((sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(TEMPLATE_KEY) as string | undefined) ?? '').toLowerCase();
  return unnamed.filter((sha) => !setting.includes(sha.toLowerCase()));
}

export function countCases(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
}

/** Lets go of the pages the connection's cache holds that no statement is using (PRAGMA shrink_memory). */
export function emptyPageCache(sqlite: Database.Database | null): void {
  if (sqlite?.open) sqlite.pragma('shrink_memory');
}

/**
 * After a write that destroyed content has committed: the write-ahead log, which still holds the
 * pages as they were before it, is copied into the database and emptied, so the old pages are not
 * left in it while the app stays open. A checkpoint an import runs on a thread of its own
 * (db/checkpoint.ts) holds the log a moment: waited for, and tried again. Without waiting on
 * anything else: should another connection (a second window, the command line) be reading, the
 * log is left as it is, its old pages overwritten as it is reused, and emptied at a later erasing
 * write.
 */
export async function eraseLog(sqlite: Database.Database | null): Promise<void> {
  if (!sqlite) return;
  for (let attempt = 0; attempt < 5; attempt++) {
    await checkpointsSettled(sqlite);
    if (!sqlite.open) return;
    const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
    let busy = false;
    try {
      sqlite.pragma('busy_timeout = 0');
      busy = (sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]?.busy === 1;
    } catch {
      // A transaction of this connection is open (a write queued meanwhile): left, as above.
    } finally {
      sqlite.pragma(`busy_timeout = ${wait}`);
    }
    if (!busy || !checkpointUnderWay(sqlite)) return;
  }
}

/**
 * Runs the body of a write that destroys content (retention, anonymisation, the return of checked-out
 * copies) with SQLite's secure_delete on: what it deletes is overwritten with zeros, not left in the
 * database file's free pages, from where a later backup (a copy of every page) would carry it on.
 * Small stored files are kept inside the database, so this is where a destroyed file's bytes go.
 * Called inside the write (which holds the connection alone), never around it: two such writes
 * queued together would otherwise each see the other's setting, and one run without it.
 */
export async function erasingDeleted<T>(sqlite: Database.Database | null, work: () => Promise<T>): Promise<T> {
  if (!sqlite) return work(); // the team database: PostgreSQL's own storage and VACUUM
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    return await work();
  } finally {
    sqlite.pragma(`secure_delete = ${before === 1 ? 'ON' : before === 2 ? 'FAST' : 'OFF'}`);
  }
}
