// Content-addressed file store: each file's bytes are kept once, under their SHA-256, and checked
// against it on every read, so a damaged file is reported and never silently exported.
// A file is filed only when whole: written in full (a short write is an error, not a success),
// synced, read back and hashed, and only then renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DiscloseError } from '../../shared/errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file operations the store uses, injectable so that tests can make a disk fail. */
export type BlobFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'fsync' | 'closeSync' | 'readFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'mkdirSync' | 'readdirSync' | 'statSync'>;

const SHA = /^[0-9a-f]{64}$/;
/** Files written and synced together by putMany. */
const MANY_AT_ONCE = 32;

/** A file on its way into the store: written to `tmp`, then synced, checked and renamed to `path`. */
interface Landing {
  bytes: Uint8Array;
  sha: string;
  path: string;
  tmp: string;
  fd: number | null;
}

/** The officer-readable message for a full disk, shared by the blob store and the database. */
export function diskFullMessage(where: string): string {
  return `The disk holding your case files is full (${where}). Nothing was changed. Free some space on that disk and try again.`;
}

export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

export class BlobStore {
  /** On the team database: where a file not yet in this machine's cache is fetched from. */
  remote: ((sha256: string) => Promise<Uint8Array | null>) | null = null;

  constructor(
    readonly root: string,
    private readonly fs: BlobFs = nodeFs,
  ) {}

  /** The bytes, verified; on the team database fetched into the local cache first when missing. */
  async load(sha256: string, name = sha256): Promise<Uint8Array> {
    if (this.remote && this.check(sha256) !== 'ok') {
      const bytes = await this.remote(sha256);
      if (bytes !== null) {
        const actual = sha256Hex(bytes);
        if (actual !== sha256) {
          throw new DiscloseError('DB_CORRUPT', `The team database's copy of ${name} has been altered or damaged: its SHA-256 is ${actual}, not ${sha256}. It will not be used.`);
        }
        this.put(bytes);
      }
    }
    return this.get(sha256, name);
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
    const landing = this.landing(bytes, sha);
    if (!landing) return sha;
    try {
      this.write(landing);
      this.fs.fsyncSync(landing.fd!);
      this.file(landing);
    } catch (err) {
      this.abandon([landing], err);
    }
    return sha;
  }

  /**
   * Stores many files, each as put() does, with their syncs run together off the main thread (the
   * disk then commits them in a few flushes, not one each). Each content once, however often it
   * is given. Every file is durable when this resolves; on an error, the ones not yet filed are not.
   */
  async putMany(files: Iterable<{ bytes: Uint8Array; sha: string }>): Promise<void> {
    const unique = new Map<string, Uint8Array>();
    for (const f of files) unique.set(f.sha, f.bytes);
    const all = [...unique];
    const fsync = promisify(this.fs.fsync);
    // A few dozen open at a time: some systems allow a process only a couple of hundred open files.
    for (let at = 0; at < all.length; at += MANY_AT_ONCE) {
      const landings = all.slice(at, at + MANY_AT_ONCE).flatMap(([sha, bytes]) => this.landing(bytes, sha) ?? []);
      try {
        for (const l of landings) this.write(l);
        await Promise.all(landings.map((l) => fsync(l.fd!)));
        for (const l of landings) this.file(l);
      } catch (err) {
        this.abandon(landings, err);
      }
    }
  }

  /** Where the bytes will be written, or null when they are already stored whole. */
  private landing(bytes: Uint8Array, sha: string): Landing | null {
    const path = this.pathOf(sha);
    if (this.fs.existsSync(path) && this.verify(sha)) return null;
    return { bytes, sha, path, tmp: `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`, fd: null };
  }

  /** Written in full to its temporary name; a short write is an error, not a success. */
  private write(l: Landing): void {
    this.fs.mkdirSync(join(this.root, l.sha.slice(0, 2)), { recursive: true });
    l.fd = this.fs.openSync(l.tmp, 'w');
    let done = 0;
    while (done < l.bytes.length) {
      const n = this.fs.writeSync(l.fd, l.bytes, done, l.bytes.length - done);
      // Zero bytes written with bytes left over means the disk has stopped taking them.
      if (n <= 0) throw Object.assign(new Error(`short write: ${done} of ${l.bytes.length} bytes`), { code: 'ENOSPC' });
      done += n;
    }
  }

  /** Once synced: read back before filing, since what is under a hash's name must be exactly those bytes. */
  private file(l: Landing): void {
    this.fs.closeSync(l.fd!);
    l.fd = null;
    const back = this.fs.readFileSync(l.tmp);
    if (back.length !== l.bytes.length || sha256Hex(back) !== l.sha) {
      throw new DiscloseError('IO', `A file could not be stored whole in ${this.root} (${back.length} of ${l.bytes.length} bytes landed). Nothing was changed.`);
    }
    this.fs.renameSync(l.tmp, l.path);
  }

  /** Leaves nothing of the files not yet filed, and says why in words. */
  private abandon(landings: Landing[], err: unknown): never {
    for (const l of landings) {
      if (l.fd !== null) this.fs.closeSync(l.fd);
      l.fd = null;
      this.fs.rmSync(l.tmp, { force: true });
    }
    if (err instanceof DiscloseError) throw err;
    if (isDiskFull(err)) throw new DiscloseError('IO', diskFullMessage(this.root));
    throw new DiscloseError('IO', `Could not store a file in ${this.root}: ${(err as Error).message}`);
  }

  /** The bytes, verified against their hash; a missing or altered file is an error, never returned. */
  get(sha256: string, name = sha256): Uint8Array {
    let bytes: Buffer;
    try {
      bytes = this.fs.readFileSync(this.pathOf(sha256));
    } catch {
      throw new DiscloseError('IO', `The stored copy of ${name} is missing (${sha256.slice(0, 12)}…). Restore the data folder from a backup.`);
    }
    const actual = sha256Hex(bytes);
    if (actual !== sha256) {
      throw new DiscloseError('DB_CORRUPT', `The stored copy of ${name} has been altered or damaged: its SHA-256 is ${actual}, not ${sha256}. It will not be used.`);
    }
    return bytes;
  }

  /** 'ok', 'missing', or the hash the stored bytes actually have. */
  check(sha256: string): 'ok' | 'missing' | { actual: string } {
    let bytes: Buffer;
    try {
      bytes = this.fs.readFileSync(this.pathOf(sha256));
    } catch {
      return 'missing';
    }
    const actual = sha256Hex(bytes);
    return actual === sha256 ? 'ok' : { actual };
  }

  verify(sha256: string): boolean {
    return this.check(sha256) === 'ok';
  }

  /** Every file in the store: filed blobs by hash, and anything else (temp files, strays) by path. */
  list(): { blobs: { sha256: string; mtimeMs: number }[]; strays: { path: string; mtimeMs: number }[] } {
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
        const path = join(dir, name);
        const { mtimeMs } = this.fs.statSync(path);
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
