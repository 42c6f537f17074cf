// Content-addressed file store: each file's bytes are kept once, under their SHA-256, and checked
// against it on every read, so a damaged file is reported and never silently exported.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DiscloseError } from '../../shared/errors';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DiscloseError('INTERNAL', `Not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes (once) and returns their hash. Durable before it returns: written, synced, renamed. */
  put(bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    const path = this.pathOf(sha);
    if (existsSync(path) && this.verify(sha)) return sha;
    mkdirSync(join(this.root, sha.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw new DiscloseError('IO', `Could not store a file in ${this.root}: ${(err as Error).message}`);
    }
    return sha;
  }

  /** The bytes, verified against their hash; a missing or altered file is an error, never returned. */
  get(sha256: string, name = sha256): Uint8Array {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.pathOf(sha256));
    } catch {
      throw new DiscloseError('IO', `The stored copy of ${name} is missing (${sha256.slice(0, 12)}…). Restore the data folder from a backup.`);
    }
    const actual = sha256Hex(bytes);
    if (actual !== sha256) {
      throw new DiscloseError('DB_CORRUPT', `The stored copy of ${name} has been altered or damaged: its SHA-256 is ${actual}, not ${sha256}. It will not be used.`);
    }
    return bytes;
  }

  verify(sha256: string): boolean {
    try {
      return sha256Hex(readFileSync(this.pathOf(sha256))) === sha256;
    } catch {
      return false;
    }
  }
}
