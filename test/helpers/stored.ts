// A register's stored files as tests reach them: small files are kept in its database
// (blob_bytes), larger ones, and any stored before, in its folder (src/main/core/blobs.ts).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BlobStore } from '../../src/main/core/blobs';
import { DATABASE_FILE } from '../../src/main/core/constants';

function register(dataDir: string): Database.Database | null {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) return null;
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'blob_bytes'").get()) {
    db.close();
    return null;
  }
  return db;
}

/** Where a stored file is: 'database' (kept in the register), 'folder', or null when neither holds it. */
export function whereStored(dataDir: string, sha256: string): 'database' | 'folder' | null {
  const db = register(dataDir);
  try {
    if (db?.prepare('SELECT 1 FROM blob_bytes WHERE sha256 = ?').get(sha256)) return 'database';
  } finally {
    db?.close();
  }
  return existsSync(new BlobStore(join(dataDir, 'blobs')).pathOf(sha256)) ? 'folder' : null;
}

/** The bytes as stored, unchecked, wherever they are kept. */
export function readStored(dataDir: string, sha256: string): Buffer {
  const db = register(dataDir);
  try {
    const held = db?.prepare('SELECT data FROM blob_bytes WHERE sha256 = ?').pluck().get(sha256) as Buffer | undefined;
    if (held) return held;
  } finally {
    db?.close();
  }
  return readFileSync(new BlobStore(join(dataDir, 'blobs')).pathOf(sha256));
}

/** Replaces a stored file's bytes where they are kept, as damage on disk or a hand edit would. */
export function alterStored(dataDir: string, sha256: string, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  const db = register(dataDir);
  try {
    if (db && db.prepare('UPDATE blob_bytes SET data = ? WHERE sha256 = ?').run(data, sha256).changes > 0) return;
  } finally {
    db?.close();
  }
  writeFileSync(new BlobStore(join(dataDir, 'blobs')).pathOf(sha256), data);
}

/** Flips one bit of a stored file's byte at `at`. */
export function flipStored(dataDir: string, sha256: string, at = 0): void {
  const bytes = Buffer.from(readStored(dataDir, sha256));
  bytes[at] = bytes[at]! ^ 0x01;
  alterStored(dataDir, sha256, bytes);
}

/** Removes a stored file from wherever it is kept (the register then lists a file it lacks). */
export function loseStored(dataDir: string, sha256: string): void {
  const db = register(dataDir);
  try {
    if (db) {
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM blob_bytes WHERE sha256 = ?').run(sha256);
    }
  } finally {
    db?.close();
  }
  new BlobStore(join(dataDir, 'blobs')).remove(sha256);
}

/** Every stored file's hash, in the database and in the folder. */
export function storedShas(dataDir: string): string[] {
  const db = register(dataDir);
  let held: string[];
  try {
    held = (db?.prepare('SELECT sha256 FROM blob_bytes').pluck().all() as string[] | undefined) ?? [];
  } finally {
    db?.close();
  }
  const dir = join(dataDir, 'blobs');
  const files = existsSync(dir) ? readdirSync(dir).flatMap((shard) => readdirSync(join(dir, shard))) : [];
  return [...new Set([...held, ...files])].sort();
}
