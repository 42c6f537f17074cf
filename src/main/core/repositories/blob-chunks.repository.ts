// Stored files in the team database: content-addressed like the local store, in chunks of 1 MiB
// (a bytea value is best kept well below its 1 GB limit and read in pieces), checked against their
// SHA-256 when read back.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { sha256Hex, type HeldBytes } from '../blobs';

export const CHUNK_BYTES = 1 << 20;

export async function storeChunks(db: Kysely<DB>, sha256: string, bytes: Uint8Array): Promise<void> {
  for (let n = 0, at = 0; at < bytes.length || n === 0; n++, at += CHUNK_BYTES) {
    await db
      .insertInto('blob_chunks')
      .values({ sha256, n, data: Buffer.from(bytes.subarray(at, at + CHUNK_BYTES)) })
      .onConflict((oc) => oc.columns(['sha256', 'n']).doNothing())
      .execute();
  }
}

/** The bytes as the database holds them, or null when it holds none; the caller checks the hash. */
export async function fetchChunks(db: Kysely<DB>, sha256: string): Promise<Buffer | null> {
  const rows = await db.selectFrom('blob_chunks').select(['n', 'data']).where('sha256', '=', sha256).orderBy('n').execute();
  if (rows.length === 0) return null;
  return Buffer.concat(rows.map((r) => r.data));
}

/** Every file the database lists, with whether its chunks hash to its name (verification). */
export async function* allChunkedBlobs(db: Kysely<DB>): AsyncGenerator<{ sha256: string; state: 'ok' | 'missing' | { actual: string } }> {
  const shas = await db.selectFrom('blobs').select('sha256').orderBy('sha256').execute();
  for (const { sha256 } of shas) {
    const bytes = await fetchChunks(db, sha256);
    if (bytes === null) yield { sha256, state: 'missing' };
    else {
      const actual = sha256Hex(bytes);
      yield { sha256, state: actual === sha256 ? 'ok' : { actual } };
    }
  }
}

/**
 * A local register's small files (blob_bytes), read by hash; for BlobStore. A register not yet
 * upgraded (one a newer app refused to change) has no such table, and so holds none.
 */
export function heldBytes(sqlite: Database.Database): HeldBytes {
  let read: Database.Statement<[string], Buffer> | null | undefined;
  return (sha256) => {
    if (read === undefined) read = holdsFiles(sqlite) ? sqlite.prepare<[string], Buffer>('SELECT data FROM blob_bytes WHERE sha256 = ?').pluck() : null;
    return read?.get(sha256);
  };
}

/** Whether the register has the table of small files (one not yet upgraded has not). */
function holdsFiles(sqlite: Database.Database): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'blob_bytes'").get() !== undefined;
}

/** The small files a register's database holds itself, by hash (their bytes unread). */
export function heldShas(sqlite: Database.Database): Set<string> {
  return new Set(holdsFiles(sqlite) ? (sqlite.prepare('SELECT sha256 FROM blob_bytes').pluck().all() as string[]) : []);
}

/**
 * In a copy of a register (a backup's, never the register itself): the small files its database
 * holds whose bytes match their hash, each checked once. A damaged one is written again from
 * `intact`, its other copy (the folder's, checked), when it has one; else it is left out, so that
 * the backup takes the file from the folder, checked there, or refuses when it has none (a backup
 * never carries a damaged file on).
 */
export function checkedHeldCopies(copy: Database.Database, intact: (sha256: string) => Uint8Array | null): Set<string> {
  const held = new Set<string>();
  if (!holdsFiles(copy)) return held;
  const damaged: string[] = [];
  for (const row of copy.prepare('SELECT sha256, data FROM blob_bytes').iterate() as Iterable<{ sha256: string; data: Buffer }>) {
    if (sha256Hex(row.data) === row.sha256) held.add(row.sha256);
    else damaged.push(row.sha256);
  }
  const write = copy.prepare('UPDATE blob_bytes SET data = ? WHERE sha256 = ?');
  for (const sha of damaged) {
    const bytes = intact(sha);
    if (bytes && sha256Hex(bytes) === sha && write.run(bytes, sha).changes > 0) held.add(sha);
  }
  return held;
}
