// Benchmark: storing the files of a large import, in the folder (each file written, synced, read
// back and renamed by the writer threads, as before) against inside the register (blob_bytes,
// written with their rows, one commit a batch), through the app's own code, in the same run.
//
//   npx tsx bench/store.ts [N]        (default N = 14834: the stored files of bench/import.ts 10000)
//
// The files are seeded random bytes whose sizes follow the import corpus's stored files (231 MB for
// 14,834: half under 9 KB, one in ten over 40 KB, the largest 185 KB). Each way stores them 200 to a
// batch, as the import does, with the blobs rows each batch lists, into a new register on disk.
// Timed: wall and processor time (all threads, user and system apart) from the first batch to the
// last commit. Three rounds, the ways alternating.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BlobStore, sha256Hex } from '../src/main/core/blobs';
import { openDatabase } from '../src/main/core/db/connection';
import { ensureBlobs } from '../src/main/core/repositories/correspondence.repository';

const N = Number(process.argv[2] ?? 14_834);
const BATCH = 200;

/** A seeded generator (mulberry32), so every run stores files of the same sizes. */
function sizes(n: number): number[] {
  let a = 18;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (lo: number, hi: number) => Math.round(lo + next() * (hi - lo));
  return Array.from({ length: n }, () => {
    const u = next();
    return u < 0.5 ? between(1_000, 9_000) : u < 0.9 ? between(9_000, 40_000) : u < 0.99 ? between(40_000, 97_000) : between(97_000, 185_000);
  });
}

type File = { sha: string; bytes: Uint8Array };

async function inFolder(dir: string, files: File[]) {
  const { db } = await openDatabase(join(dir, 'disclose.sqlite3'));
  const store = new BlobStore(join(dir, 'blobs')); // no register reader: every file to the folder
  const now = new Date().toISOString();
  for (let at = 0; at < files.length; at += BATCH) {
    const batch = files.slice(at, at + BATCH);
    await store.putMany(batch);
    await db.transaction().execute(async (trx) => {
      for (const f of batch) await trx.insertInto('blobs').values({ sha256: f.sha, size: f.bytes.length, created_at: now }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
    });
  }
  await db.destroy();
}

async function inRegister(dir: string, files: File[]) {
  const { db } = await openDatabase(join(dir, 'disclose.sqlite3'));
  const now = new Date().toISOString();
  for (let at = 0; at < files.length; at += BATCH) {
    const batch = files.slice(at, at + BATCH);
    await db.transaction().execute((trx) => ensureBlobs(trx, batch, now));
  }
  await db.destroy();
}

async function timed(name: string, work: () => Promise<void>) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await work();
  const wall = performance.now() - t;
  const u = process.cpuUsage(cpu);
  console.log(`${name.padEnd(22)} ${(wall / 1000).toFixed(2)} s wall, processor ${((u.user + u.system) / 1e6).toFixed(2)} s (user ${(u.user / 1e6).toFixed(2)}, system ${(u.system / 1e6).toFixed(2)})`);
  return wall;
}

async function main() {
  const files = sizes(N).map((size) => {
    const bytes = randomBytes(size);
    return { sha: sha256Hex(bytes), bytes };
  });
  const mb = files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024;
  console.log(`${N} files, ${mb.toFixed(0)} MB, ${BATCH} to a batch`);
  const root = resolve('bench/tmp/store');
  const ratios: number[] = [];
  for (let round = 1; round <= 3; round++) {
    const run = async (name: string, how: typeof inFolder) => {
      const dir = join(root, name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      return timed(`${name} (round ${round})`, () => how(dir, files));
    };
    const folder = await run('folder', inFolder);
    const register = await run('register', inRegister);
    ratios.push(folder / register);
  }
  console.log(`folder / register, wall time: ${ratios.map((r) => r.toFixed(1)).join(', ')}`);
  rmSync(root, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
