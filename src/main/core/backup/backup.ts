// A backup is one file: a tar holding manifest.json, a consistent copy of the database (SQLite's
// online backup API, so a running app and its -wal file are captured as of one instant) and every
// stored file, each listed in the manifest with its SHA-256, with the audit chain's head so that a
// history rewritten later (even with the hashes recomputed) no longer contains it.
import { existsSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { DiscloseError } from '../../../shared/errors';
import { BlobStore, diskFullMessage, fileDigest, isDiskFull } from '../blobs';
import { APP_VERSION, DATABASE_FILE } from '../constants';
import { TarWriter } from './tar';
import { checkedHeldCopies } from '../repositories/blob-chunks.repository';
import type { BackupResult } from '../../../shared/ipc/contract';

export const BACKUP_FORMAT = 'disclose-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  /** The schema changes the database has, by name: a restore refuses names it does not know. */
  migrations: string[];
  database: { file: string; sha256: string; size: number };
  blobs: { sha256: string; size: number }[];
  auditChainHead: { id: number; hash: string };
  cases: number;
}

/**
 * Copies the database as of one instant into `dir`: the copy's path (a single file, no WAL), and
 * the small files its database holds, checked (checkedHeldCopies). One whose copy in the database
 * is damaged, but which has an intact copy in the folder, is written whole into the backup's
 * database, so that a restore of it verifies clean.
 */
async function snapshot(sqlite: Database.Database, blobs: BlobStore, dir: string): Promise<{ path: string; held: Set<string> }> {
  const path = join(dir, DATABASE_FILE);
  await sqlite.backup(path);
  const c = new Database(path);
  try {
    c.pragma('journal_mode = DELETE');
    const check = c.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new DiscloseError('DB_CORRUPT', `The database copy failed SQLite's integrity check (${String(check)}); no backup was written. Run verify.`);
    const held = checkedHeldCopies(c, (sha) => {
      try {
        return blobs.get(sha);
      } catch {
        return null; // no intact copy: the backup refuses below, naming the file
      }
    });
    return { path, held };
  } finally {
    c.close();
  }
}

export async function writeBackup(sqlite: Database.Database, blobs: BlobStore, out: string, now: Date): Promise<BackupResult> {
  if (existsSync(out)) throw new DiscloseError('CONFLICT', `${out} already exists; choose a new name (a backup never overwrites a file).`);
  if (!existsSync(dirname(out))) throw new DiscloseError('IO', `The folder ${dirname(out)} does not exist.`);
  const work = mkdtempSync(join(dirname(out), `.${basename(out)}.`));
  const partial = join(work, 'backup.tar');
  let tar: TarWriter | null = null;
  try {
    // The small files the register keeps itself travel inside the database's copy, checked there.
    const { path: dbCopy, held } = await snapshot(sqlite, blobs, work);
    const copy = new Database(dbCopy, { readonly: true });
    let manifest: BackupManifest;
    try {
      // Hashed a piece at a time here, and copied so into the tar below: a register's database
      // (its small files inside) may be larger than a buffer can hold.
      const dbFile = await fileDigest(dbCopy);
      const head = (copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: '0'.repeat(64) };
      manifest = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        appVersion: APP_VERSION,
        createdAt: now.toISOString(),
        migrations: copy.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[],
        database: { file: DATABASE_FILE, sha256: dbFile.sha256, size: dbFile.size },
        blobs: copy.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as { sha256: string; size: number }[],
        auditChainHead: head,
        cases: copy.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      };
      tar = new TarWriter(partial);
      tar.add(MANIFEST_FILE, Buffer.from(JSON.stringify(manifest, null, 2)), now.getTime());
    } finally {
      copy.close();
    }
    const written = tar.addFile(DATABASE_FILE, dbCopy, now.getTime());
    if (written.sha256 !== manifest.database.sha256) throw new DiscloseError('IO', 'The database copy changed while it was being written into the backup.');
    for (const b of manifest.blobs) {
      if (held.has(b.sha256)) continue;
      // get() checks each file against its hash: a damaged file is never carried into a backup.
      tar.add(`blobs/${b.sha256.slice(0, 2)}/${b.sha256}`, blobs.get(b.sha256), now.getTime());
    }
    tar.finish();
    tar = null;
    renameSync(partial, out);
    return { file: out, size: statSync(out).size, createdAt: manifest.createdAt, cases: manifest.cases, blobs: manifest.blobs.length, auditChainHead: manifest.auditChainHead };
  } catch (err) {
    tar?.abort();
    if (err instanceof DiscloseError) throw new DiscloseError(err.code, `No backup was written: ${err.message}`);
    if (isDiskFull(err)) throw new DiscloseError('IO', `No backup was written: ${diskFullMessage(dirname(out))}`);
    throw new DiscloseError('IO', `No backup was written to ${out}: ${(err as Error).message}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
