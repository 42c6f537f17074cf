// Content-addressed file store: each file's bytes are kept once, under their SHA-256, and checked
// against it on every read, so a damaged file is reported and never silently exported.
// A file is filed only when whole: written in full (a short write is an error, not a success),
// synced, read back and hashed, and only then renamed into place.
//
// On a local register, a file of at most INLINE_MAX_BYTES is kept inside the database instead
// (table blob_bytes), written by the same transaction as the row that lists it (ensureBlobs in
// correspondence.repository.ts): one commit makes a whole batch durable, where each file in the
// folder costs the system its own create, sync and rename. Reads look there first, then in the
// folder (files stored before, and larger files); either way the bytes are checked against the hash,
// and a damaged copy in one place gives way to an intact one in the other.
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DiscloseError } from '../../shared/errors';
import { blobWriter } from './blob-writer';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The size and SHA-256 of a file, read a chunk at a time into one buffer (a finished bundle, a ZIP
 * of native files, a backup's database copy: any may be larger than a buffer can hold). A read
 * stream would hand over a new megabyte for each chunk: a bundle of 20,000 pages left some 50 MB of
 * them behind until the heap was next collected.
 */
export async function fileDigest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const handle = await nodeFs.promises.open(path, 'r');
  let size = 0;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** The file operations the store uses, injectable so that tests can make a disk fail. */
export type BlobFs = Pick<
  typeof nodeFs,
  // put() and the reads, on the calling thread
  | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'readFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'mkdirSync' | 'readdirSync' | 'statSync'
  // putMany(), in the thread pool
  | 'open' | 'write' | 'fsync' | 'close' | 'readFile' | 'rename' | 'mkdir' | 'rm'
>;

const SHA = /^[0-9a-f]{64}$/;

/**
 * Files up to this size are kept inside a local register's database. SQLite reads and writes
 * blobs of this order faster than the file system does separate files ("Internal Versus External
 * BLOBs", sqlite.org), and a register's emails, letters and most attachments are smaller: in the
 * import benchmark's corpus 99% of the stored files are under 100 KB. Scans and long reports stay
 * files, read without the database holding them whole.
 */
export const INLINE_MAX_BYTES = 256 * 1024;

/** Files written and synced together by putMany. */
const MANY_AT_ONCE = 32;
/** From this many files, putMany hands them to the writer thread; fewer cost the main thread little. */
const WRITER_FROM = 16;

/** Beside the file's place, named for this process, so a sweep can tell a dead writer's leftovers. */
const temporaryName = (path: string) => `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

/** Zero bytes written with bytes left over means the disk has stopped taking them. */
const shortWrite = (done: number, total: number) => Object.assign(new Error(`short write: ${done} of ${total} bytes`), { code: 'ENOSPC' });

/** The operations putMany uses, as promises; a write answers the bytes written. */
function promisedFs(fs: BlobFs) {
  return {
    readFile: promisify(fs.readFile),
    mkdir: promisify(fs.mkdir),
    open: promisify(fs.open),
    write: (fd: number, bytes: Uint8Array, offset: number) => new Promise<number>((resolve, reject) => fs.write(fd, bytes, offset, bytes.length - offset, null, (err, n) => (err ? reject(err) : resolve(n)))),
    fsync: promisify(fs.fsync),
    close: promisify(fs.close),
    rename: promisify(fs.rename),
    rm: promisify(fs.rm),
  };
}

/** The officer-readable message for a full disk, shared by the blob store and the database. */
export function diskFullMessage(where: string): string {
  return `The disk holding your case files is full (${where}). Nothing was changed. Free some space on that disk and try again.`;
}

export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** A local register's small files by hash, as its database holds them (not yet checked); undefined when it holds none. */
export type HeldBytes = (sha256: string) => Buffer | undefined;

export class BlobStore {
  /** On the team database: where a file not yet in this machine's cache is fetched from. */
  remote: ((sha256: string) => Promise<Uint8Array | null>) | null = null;
  private promised: ReturnType<typeof promisedFs> | undefined;

  constructor(
    readonly root: string,
    private readonly fs: BlobFs = nodeFs,
    /** The small files of the local register this folder belongs to (heldBytes); null for a team cache. */
    readonly inline: HeldBytes | null = null,
  ) {}

  /**
   * Whether a file of this size is kept in the register's database, written with the row that
   * lists it (ensureBlobs), rather than put in the folder first.
   */
  keepsInline(size: number): boolean {
    return this.inline !== null && size <= INLINE_MAX_BYTES;
  }

  /**
   * Readies one file for the row about to list it, and returns its hash: a larger file is stored in
   * the folder now (put), a small one kept in the register is left to that row's write (ensureBlobs).
   */
  putForRow(bytes: Uint8Array, known?: string): string {
    return this.keepsInline(bytes.length) ? (known ?? sha256Hex(bytes)) : this.put(bytes, known);
  }

  /** The bytes, verified; on the team database fetched into the local cache first when missing. */
  async load(sha256: string, name = sha256): Promise<Uint8Array> {
    if (this.remote && this.check(sha256) !== 'ok') {
      const bytes = await this.fetchRemote(sha256, name);
      if (bytes !== null) this.put(bytes);
    }
    return this.get(sha256, name);
  }

  /**
   * The bytes, verified, for one use: on the team database a file not in this computer's cache is
   * fetched and checked but not kept (the background reading of text should not fill every
   * officer's cache with files of cases they never open).
   */
  async loadUncached(sha256: string, name = sha256): Promise<Uint8Array> {
    if (!this.remote || this.check(sha256) === 'ok') return this.get(sha256, name);
    const bytes = await this.fetchRemote(sha256, name);
    if (bytes === null) throw new DiscloseError('IO', `The stored copy of ${name} is missing from the team database (${sha256.slice(0, 12)}…).`);
    return bytes;
  }

  /** The team database's copy, checked against its hash; null when it has none. */
  private async fetchRemote(sha256: string, name: string): Promise<Uint8Array | null> {
    const bytes = await this.remote!(sha256);
    if (bytes === null) return null;
    const actual = sha256Hex(bytes);
    if (actual !== sha256) {
      throw new DiscloseError('DB_CORRUPT', `The team database's copy of ${name} has been altered or damaged: its SHA-256 is ${actual}, not ${sha256}. It will not be used.`);
    }
    return bytes;
  }

  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new DiscloseError('INTERNAL', `Not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Stores the bytes (once) and returns their hash. Durable before it returns: written, synced,
   * checked, renamed. A caller that has just hashed these very bytes passes the hash, so they are
   * not hashed again before writing (the copy written is still read back and checked against it).
   */
  put(bytes: Uint8Array, known?: string): string {
    const sha = known ?? sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (this.fs.existsSync(path) && this.verify(sha)) return this.reused(path, sha);
    const tmp = temporaryName(path);
    try {
      this.fs.mkdirSync(join(this.root, sha.slice(0, 2)), { recursive: true });
      this.writeWhole(tmp, bytes);
      this.checkBack(this.fs.readFileSync(tmp), bytes, sha);
      this.fs.renameSync(tmp, path);
    } catch (err) {
      this.fs.rmSync(tmp, { force: true });
      throw this.failure(err);
    }
    return sha;
  }

  /**
   * Stores many files, each as put() does, all of it off the main thread and a few dozen at once
   * (their syncs then share the disk's flushes, and a main thread busy with the database is never
   * held up by the disk). Each content once, however often given. Every file is durable and whole
   * when this resolves; should one fail, it is not left half there, and the error says why.
   */
  async putMany(files: Iterable<{ bytes: Uint8Array; sha: string }>): Promise<void> {
    const unique = [...new Map([...files].map((f) => [f.sha, { sha: f.sha, bytes: f.bytes }])).values()];
    // Many files on the real disk go to the writer threads (blob-writer.ts), each stored by put().
    if (unique.length >= WRITER_FROM && this.fs === nodeFs) return blobWriter().put(this.root, unique);
    // A few dozen open at a time: some systems allow a process only a couple of hundred open files.
    for (let at = 0; at < unique.length; at += MANY_AT_ONCE) {
      const landed = await Promise.allSettled(unique.slice(at, at + MANY_AT_ONCE).map((f) => this.land(f.bytes, f.sha)));
      const failed = landed.find((r) => r.status === 'rejected');
      if (failed) throw this.failure(failed.reason);
    }
  }

  /** The store's file operations for putMany, as promises (made once). */
  private get io() {
    return (this.promised ??= promisedFs(this.fs));
  }

  /** put(), in the thread pool. */
  private async land(bytes: Uint8Array, sha: string): Promise<void> {
    const io = this.io;
    const path = this.pathOf(sha);
    const stored = await io.readFile(path).catch(() => null);
    if (stored && sha256Hex(stored) === sha) {
      this.reused(path, sha);
      return;
    }
    const tmp = temporaryName(path);
    let fd: number | null = null;
    try {
      await io.mkdir(join(this.root, sha.slice(0, 2)), { recursive: true });
      fd = await io.open(tmp, 'w');
      for (let done = 0; done < bytes.length; ) {
        const n = await io.write(fd, bytes, done);
        if (n <= 0) throw shortWrite(done, bytes.length);
        done += n;
      }
      await io.fsync(fd);
      await io.close(fd);
      fd = null;
      this.checkBack(await io.readFile(tmp), bytes, sha);
      await io.rename(tmp, path);
    } catch (err) {
      if (fd !== null) await io.close(fd).catch(() => undefined);
      await io.rm(tmp, { force: true });
      throw err;
    }
  }

  /**
   * A file already stored, about to be named by a new row: its time is brought to now, so the
   * sweep of files no row names (after ten minutes) cannot take it before that row commits.
   */
  private reused(path: string, sha: string): string {
    try {
      nodeFs.utimesSync(path, new Date(), new Date());
    } catch {
      // A read-only store cannot be swept either.
    }
    return sha;
  }

  private writeWhole(file: string, bytes: Uint8Array): void {
    const fd = this.fs.openSync(file, 'w');
    try {
      let done = 0;
      while (done < bytes.length) {
        const n = this.fs.writeSync(fd, bytes, done, bytes.length - done);
        if (n <= 0) throw shortWrite(done, bytes.length);
        done += n;
      }
      this.fs.fsyncSync(fd);
    } finally {
      this.fs.closeSync(fd);
    }
  }

  /** Read back before filing: what is under a hash's name must be exactly those bytes. */
  private checkBack(back: Uint8Array, bytes: Uint8Array, sha: string): void {
    if (back.length !== bytes.length || sha256Hex(back) !== sha) {
      throw new DiscloseError('IO', `A file could not be stored whole in ${this.root} (${back.length} of ${bytes.length} bytes landed). Nothing was changed.`);
    }
  }

  /** Why a file could not be stored, in words. */
  private failure(err: unknown): DiscloseError {
    if (err instanceof DiscloseError) return err;
    if (isDiskFull(err)) return new DiscloseError('IO', diskFullMessage(this.root));
    return new DiscloseError('IO', `Could not store a file in ${this.root}: ${(err as Error).message}`);
  }

  /**
   * The copies held of one file: the register's own (a small file), then the folder's. A file can
   * have both (stored in the folder before small files were kept in the register, or put back there
   * from a backup), and one damaged copy must not hide a good one. `intact` is the first copy whose
   * bytes match the hash, `damaged` the hash of the first that does not; `all` looks at both copies
   * even when the first is intact (verification), else the folder is read only when needed.
   */
  private copies(sha256: string, all: boolean): { intact?: Buffer; damaged?: string; found: boolean } {
    const out: { intact?: Buffer; damaged?: string; found: boolean } = { found: false };
    const look = (bytes: Buffer) => {
      out.found = true;
      const actual = sha256Hex(bytes);
      if (actual === sha256) out.intact ??= bytes;
      else out.damaged ??= actual;
    };
    const inline = this.inline?.(sha256);
    if (inline) look(inline);
    if (out.intact && !all) return out;
    let folder: Buffer | undefined;
    // A small file is seldom in the folder too: ask before reading (a failed read costs more).
    if (!inline || this.fs.existsSync(this.pathOf(sha256))) {
      try {
        folder = this.fs.readFileSync(this.pathOf(sha256));
      } catch {
        // none in the folder
      }
    }
    if (folder) look(folder);
    return out;
  }

  /** The bytes, verified against their hash; a missing or altered file is an error, never returned. */
  get(sha256: string, name = sha256): Uint8Array {
    const held = this.copies(sha256, false);
    if (held.intact) return held.intact;
    if (held.damaged !== undefined) {
      throw new DiscloseError('DB_CORRUPT', `The stored copy of ${name} has been altered or damaged: its SHA-256 is ${held.damaged}, not ${sha256}. It will not be used.`);
    }
    throw new DiscloseError('IO', `The stored copy of ${name} is missing (${sha256.slice(0, 12)}…). Restore the data folder from a backup.`);
  }

  /**
   * 'ok' when every copy held is intact; 'missing' when none is held; else the hash a damaged copy
   * actually has, and whether another copy is intact (which get() then gives).
   */
  check(sha256: string): 'ok' | 'missing' | { actual: string; intactCopy: boolean } {
    const held = this.copies(sha256, true);
    if (!held.found) return 'missing';
    return held.damaged === undefined ? 'ok' : { actual: held.damaged, intactCopy: held.intact !== undefined };
  }

  verify(sha256: string): boolean {
    return this.check(sha256) === 'ok';
  }

  /**
   * Every file in the folder (not those kept in the database): filed blobs by hash, and anything
   * else (temp files, strays) by path; with `known`, the filed blobs it names are left out.
   */
  list(known?: ReadonlySet<string>): { blobs: { sha256: string; mtimeMs: number }[]; strays: { path: string; mtimeMs: number }[] } {
    const blobs: { sha256: string; mtimeMs: number }[] = [];
    const strays: { path: string; mtimeMs: number }[] = [];
    if (!this.fs.existsSync(this.root)) return { blobs, strays };
    for (const shard of this.fs.readdirSync(this.root)) {
      const dir = join(this.root, shard);
      if (!this.fs.statSync(dir).isDirectory()) {
        strays.push({ path: dir, mtimeMs: this.fs.statSync(dir).mtimeMs });
        continue;
      }
      for (const name of this.fs.readdirSync(dir)) {
        // A file a record names is neither an orphan nor a stray: not looked at (a stat each, some
        // 200 ms at every open of a register of 75,000 files).
        if (known?.has(name) && name.startsWith(shard)) continue;
        const path = join(dir, name);
        // Gone since the folder was read (a temp file renamed into place, say): nothing left over.
        const mtimeMs = this.fs.statSync(path, { throwIfNoEntry: false })?.mtimeMs;
        if (mtimeMs === undefined) continue;
        if (SHA.test(name) && name.startsWith(shard)) blobs.push({ sha256: name, mtimeMs });
        else strays.push({ path, mtimeMs });
      }
    }
    return { blobs, strays };
  }

  remove(sha256: string): void {
    this.fs.rmSync(this.pathOf(sha256), { force: true });
  }
}
