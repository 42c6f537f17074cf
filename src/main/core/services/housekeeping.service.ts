// Housekeeping after a crash: half-written temp files, files in the store that no record refers
// to, and print files left behind. Anything younger than a grace period is left alone, because
// another window or command may be writing it right now (a blob is written before its row).
import type Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore } from '../blobs';
import { blobShas, settingsShas, unreferencedBlobs } from '../repositories/records.repository';

export const SWEEP_GRACE_MS = 10 * 60 * 1000;

export interface Leftovers {
  /** Temp files in the blob store (a write that never finished). */
  tempFiles: string[];
  /** Files in the blob store with no row in the blobs table. */
  orphanFiles: string[];
  /** Rows in the blobs table that no correspondence or attachment refers to. */
  unreferenced: string[];
  /** Files in the print folder. */
  printFiles: string[];
}

function pidAlive(name: string): boolean {
  const pid = Number(/\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1] ?? NaN);
  if (!Number.isInteger(pid) || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type Listing = ReturnType<BlobStore['list']>;

/** The files left over, from one walk of the store: the files a record names are not looked at. */
function leftoverFiles(sqlite: Database.Database, blobs: BlobStore, dataDir: string, olderThan: number): Omit<Leftovers, 'unreferenced'> & { listing: Listing } {
  // The Word template of a register set before it was listed as a stored file is in use too.
  const known = new Set([...blobShas(sqlite), ...settingsShas(sqlite)]);
  const listing = blobs.list(known);
  const printDir = join(dataDir, 'tmp');
  const printFiles = existsSync(printDir) ? readdirSync(printDir).map((n) => join(printDir, n)) : [];
  return {
    listing,
    tempFiles: listing.strays.filter((s) => s.mtimeMs < olderThan).map((s) => s.path),
    orphanFiles: listing.blobs.filter((f) => !known.has(f.sha256) && f.mtimeMs < olderThan).map((f) => f.sha256),
    printFiles: printFiles.filter((p) => statSync(p).mtimeMs < olderThan),
  };
}

/** What is left over, without changing anything; `olderThan` is a timestamp (ms) or Infinity for all. */
export function findLeftovers(sqlite: Database.Database, blobs: BlobStore, dataDir: string, olderThan = Infinity): Leftovers {
  const { tempFiles, orphanFiles, printFiles } = leftoverFiles(sqlite, blobs, dataDir, olderThan);
  return { tempFiles, orphanFiles, printFiles, unreferenced: unreferencedBlobs(sqlite) };
}

/** Run at start: clears temp files of processes that are gone, and stale orphans and print files. */
export function sweepOnOpen(sqlite: Database.Database, blobs: BlobStore, dataDir: string, now = Date.now()): { removed: number } {
  let removed = 0;
  try {
    // One walk of the store serves both sweeps (it runs at every open).
    const found = leftoverFiles(sqlite, blobs, dataDir, now - SWEEP_GRACE_MS);
    const { listing } = found;
    // A temp file whose writer has died is garbage at once, whatever its age.
    const deadTemps = listing.strays.filter((s) => s.path.endsWith('.tmp') && !pidAlive(s.path));
    const temps = new Set([...found.tempFiles.filter((p) => p.endsWith('.tmp')), ...deadTemps.map((s) => s.path)]);
    for (const p of temps) rmSync(p, { force: true });
    for (const sha of found.orphanFiles) blobs.remove(sha);
    for (const p of found.printFiles) rmSync(p, { force: true, recursive: true });
    removed = temps.size + found.orphanFiles.length + found.printFiles.length;
  } catch {
    // Housekeeping must never stop the case files from opening; verify reports what is left.
  }
  return { removed };
}
