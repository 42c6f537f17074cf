// Restoring a backup: everything is unpacked beside the target and checked (every file against
// the manifest's SHA-256, the database opened, upgraded if older, and verified, its audit chain
// still holding the head the backup recorded) before the target is touched. A folder being
// replaced is set aside under a new name, never deleted.
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DiscloseError } from '../../../shared/errors';
import { BlobStore, sha256Hex } from '../blobs';
import { DATABASE_FILE } from '../constants';
import { openDatabase } from '../db/connection';
import { MIGRATIONS } from '../db/migrations';
import { verifyRecords, type VerifyReport } from '../services/verify.service';
import Database from 'better-sqlite3';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST_FILE, type BackupManifest } from './backup';
import { readTar } from './tar';
import { heldBytes, heldShas } from '../repositories/blob-chunks.repository';

export interface RestoreResult {
  dataDir: string;
  /** Where the folder that was replaced now is; null when the target was empty. */
  setAside: string | null;
  createdAt: string;
  checked: VerifyReport['checked'];
}

function parseManifest(bytes: Buffer, file: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(bytes.toString('utf8')) as BackupManifest;
  } catch {
    throw new DiscloseError('VALIDATION', `${file} is not a Disclose backup (its manifest cannot be read).`);
  }
  if (m.format !== BACKUP_FORMAT) throw new DiscloseError('VALIDATION', `${file} is not a Disclose backup.`);
  const unknown = (m.migrations ?? []).filter((n) => !(n in MIGRATIONS));
  if (m.formatVersion > BACKUP_FORMAT_VERSION || unknown.length > 0) {
    throw new DiscloseError('DB_NEWER', `${file} was made by a newer version of Disclose (${m.appVersion}); update Disclose to restore it. Nothing was changed.`);
  }
  return m;
}

/** Unpacks into `stage`, checking each file as it lands. */
function unpack(file: string, stage: string): BackupManifest {
  let manifest: BackupManifest | null = null;
  const seen = new Set<string>();
  const blobs = new BlobStore(join(stage, 'blobs'));
  try {
    for (const entry of readTar(file)) {
      if (!manifest) {
        if (entry.name !== MANIFEST_FILE) throw new DiscloseError('VALIDATION', `${file} is not a Disclose backup (no manifest first).`);
        manifest = parseManifest(entry.bytes, file);
      } else if (entry.name === DATABASE_FILE) {
        // Copied a piece at a time (it may be larger than a buffer can hold), checked as it goes.
        if (seen.has(DATABASE_FILE)) throw new DiscloseError('VALIDATION', `${file} holds two databases.`);
        if (entry.copyTo(join(stage, DATABASE_FILE)) !== manifest.database.sha256) throw new DiscloseError('DB_CORRUPT', `The database in ${file} does not match its SHA-256 in the manifest: the backup is damaged.`);
        seen.add(DATABASE_FILE);
      } else {
        const sha = /^blobs\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(entry.name)?.[1];
        if (!sha) throw new DiscloseError('VALIDATION', `${file} holds an unexpected entry ${entry.name}.`);
        if (sha256Hex(entry.bytes) !== sha) throw new DiscloseError('DB_CORRUPT', `Stored file ${sha} in ${file} does not match its SHA-256: the backup is damaged.`);
        blobs.put(entry.bytes);
        seen.add(sha);
      }
    }
  } catch (err) {
    if (err instanceof DiscloseError) throw err;
    throw new DiscloseError('VALIDATION', `${file} cannot be read as a Disclose backup: ${(err as Error).message}`);
  }
  if (!manifest) throw new DiscloseError('VALIDATION', `${file} is empty.`);
  if (!seen.has(DATABASE_FILE)) throw new DiscloseError('DB_CORRUPT', `${file} has no database in it.`);
  // Small files travel inside the database (blob_bytes), whose copy matched the manifest's hash;
  // verify checks each against its own below.
  const staged = new Database(join(stage, DATABASE_FILE), { readonly: true });
  let held: Set<string>;
  try {
    held = heldShas(staged);
  } catch (err) {
    throw new DiscloseError('VALIDATION', `${file} cannot be read as a Disclose backup: ${(err as Error).message}`);
  } finally {
    staged.close();
  }
  const missing = manifest.blobs.filter((b) => !seen.has(b.sha256) && !held.has(b.sha256));
  if (missing.length > 0) throw new DiscloseError('DB_CORRUPT', `${file} lacks ${missing.length} stored file(s) its manifest lists (first: ${missing[0]!.sha256}).`);
  return manifest;
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export async function restoreBackup(file: string, target: string, opts: { replace: boolean; now: Date }): Promise<RestoreResult> {
  const dataDir = resolve(target);
  if (!existsSync(file)) throw new DiscloseError('NOT_FOUND', `There is no file ${file}.`);
  if (!isEmptyFolder(dataDir) && !opts.replace) {
    throw new DiscloseError('CONFLICT', `${dataDir} is not empty. Restore into an empty folder, or add --replace to set the current one aside (it is kept, renamed) and restore in its place.`);
  }
  mkdirSync(dirname(dataDir), { recursive: true });
  const stamp = opts.now.toISOString().replace(/[:.]/g, '-');
  const stage = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${stamp}-${process.pid}`);
  mkdirSync(stage);
  try {
    const manifest = unpack(file, stage);
    const { sqlite, db } = await openDatabase(join(stage, DATABASE_FILE));
    let report: VerifyReport;
    try {
      report = verifyRecords(sqlite, new BlobStore(join(stage, 'blobs'), undefined, heldBytes(sqlite)), stage, { expectHead: manifest.auditChainHead });
    } finally {
      await db.destroy();
    }
    if (!report.ok) {
      throw new DiscloseError('DB_CORRUPT', `The restored case files did not verify, so nothing was changed: ${report.problems.map((p) => `${p.kind}: ${p.detail}`).join('; ')}`);
    }
    let setAside: string | null = null;
    if (!isEmptyFolder(dataDir)) {
      setAside = `${dataDir}.before-restore-${stamp}`;
      renameSync(dataDir, setAside);
    } else if (existsSync(dataDir)) {
      rmdirSync(dataDir);
    }
    renameSync(stage, dataDir);
    return { dataDir, setAside, createdAt: manifest.createdAt, checked: report.checked };
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw err;
  }
}
