// Content-addressed file store: each file's bytes are kept once, under their SHA-256, and checked
// against it on every read, so a damaged file is reported and never silently exported.
// A file is filed only when whole: written in full (a short write is an error, not a success),
// synced, read back and hashed, and only then renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { DiscloseError } from '../../shared/errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file operations the store uses, injectable so that tests can make a disk fail. */
export type BlobFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'readFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'mkdirSync' | 'readdirSync' | 'statSync'>;

const SHA = /^[0-9a-f]{64}$/;

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

  /** Stores the bytes (once) and returns their hash. Durable before it returns: written, synced, checked, renamed. */
  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (this.fs.existsSync(path) && this.verify(sha)) return sha;
    const tmp = this.tempPath(sha);
    try {
      this.fs.mkdirSync(join(this.root, sha.slice(0, 2)), { recursive: true });
      this.writeWhole(tmp, bytes);
      this.fileAway(tmp, sha, bytes);
    } catch (err) {
      throw this.failure(tmp, err);
    }
    return sha;
  }

  private tempPath(sha: string): string {
    return `${this.pathOf(sha)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  }

  /** Read back before filing: what is under a hash's name must be exactly those bytes. */
  private fileAway(tmp: string, sha: string, bytes: Uint8Array): void {
    const back = this.fs.readFileSync(tmp);
    if (back.length !== bytes.length || sha256Hex(back) !== sha) {
      throw new DiscloseError('IO', `A file could not be stored whole in ${this.root} (${back.length} of ${bytes.length} bytes landed). Nothing was changed.`);
    }
    this.fs.renameSync(tmp, this.pathOf(sha));
  }

  /** The half-written file removed, and the error as the officer reads it. */
  private failure(tmp: string, err: unknown): DiscloseError {
    this.fs.rmSync(tmp, { force: true });
    if (err instanceof DiscloseError) return err;
    if (isDiskFull(err)) return new DiscloseError('IO', diskFullMessage(this.root));
    return new DiscloseError('IO', `Could not store a file in ${this.root}: ${(err as Error).message}`);
  }

  /**
   * Stores many files at once, each as put() stores one (written, synced, read back, renamed), but
   * with the syncs running side by side: thousands of files a minute where one by one they wait on
   * the disk in turn. Resolves to their hashes, in order, once every one is durable.
   */
  async putMany(files: readonly Uint8Array[], inFlight = 16): Promise<string[]> {
    const shas = files.map((bytes) => sha256Hex(bytes));
    const todo = new Map<string, Uint8Array>();
    files.forEach((bytes, i) => {
      const sha = shas[i]!;
      if (!todo.has(sha) && !(this.fs.existsSync(this.pathOf(sha)) && this.verify(sha))) todo.set(sha, bytes);
    });
    const jobs = [...todo];
    let next = 0;
    const one = async (): Promise<void> => {
      while (next < jobs.length) {
        const [sha, bytes] = jobs[next++]!;
        const tmp = this.tempPath(sha);
        try {
          this.fs.mkdirSync(join(this.root, sha.slice(0, 2)), { recursive: true });
          const file = await nodeFs.promises.open(tmp, 'w');
          try {
            await file.writeFile(bytes);
            await file.sync();
          } finally {
            await file.close();
          }
          this.fileAway(tmp, sha, bytes);
        } catch (err) {
          throw this.failure(tmp, err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, jobs.length) }, one));
    return shas;
  }

  private writeWhole(file: string, bytes: Uint8Array): void {
    const fd = this.fs.openSync(file, 'w');
    try {
      let done = 0;
      while (done < bytes.length) {
        const n = this.fs.writeSync(fd, bytes, done, bytes.length - done);
        // Zero bytes written with bytes left over means the disk has stopped taking them.
        if (n <= 0) throw Object.assign(new Error(`short write: ${done} of ${bytes.length} bytes`), { code: 'ENOSPC' });
        done += n;
      }
      this.fs.fsyncSync(fd);
    } finally {
      this.fs.closeSync(fd);
    }
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
