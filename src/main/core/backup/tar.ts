// The backup container: a plain POSIX tar (ustar), so that any system's `tar -tf` can list it and
// `tar -xf` unpack it even without Disclose. Only regular files; names stay under 100 bytes.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 99) throw new Error(`tar name too long: ${name}`);
  h.write(name, 0, 'utf8');
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(mtime / 1000), 12), 136);
  h.write('        ', 148); // checksum is computed with its own field as spaces
  h.write('0', 156);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'latin1');
  return h;
}

/** Copied a piece at a time: 1 MiB. */
const PIECE = 1 << 20;

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (n <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    done += n;
  }
}

export class TarWriter {
  private readonly fd: number;
  constructor(file: string) {
    this.fd = openSync(file, 'wx');
  }
  add(name: string, bytes: Uint8Array, mtime = Date.now()): void {
    writeAll(this.fd, header(name, bytes.length, mtime));
    writeAll(this.fd, bytes);
    const pad = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
    if (pad) writeAll(this.fd, Buffer.alloc(pad));
  }
  /**
   * A file on disk as an entry, copied a piece at a time (a register's database may be larger than
   * a buffer can hold); returns its SHA-256 and size, of the bytes written.
   */
  addFile(name: string, path: string, mtime = Date.now()): { sha256: string; size: number } {
    const from = openSync(path, 'r');
    try {
      const size = fstatSync(from).size;
      writeAll(this.fd, header(name, size, mtime));
      const hash = createHash('sha256');
      const piece = Buffer.alloc(PIECE);
      for (let done = 0; done < size; ) {
        const n = readSync(from, piece, 0, Math.min(PIECE, size - done), done);
        if (n === 0) throw new Error(`${path} ended early while being copied`);
        hash.update(piece.subarray(0, n));
        writeAll(this.fd, piece.subarray(0, n));
        done += n;
      }
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) writeAll(this.fd, Buffer.alloc(pad));
      return { sha256: hash.digest('hex'), size };
    } finally {
      closeSync(from);
    }
  }
  /** Two zero blocks end the archive; synced before it is closed. */
  finish(): void {
    writeAll(this.fd, Buffer.alloc(BLOCK * 2));
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error('the file ends early (truncated)');
    done += n;
  }
  return buf;
}

/** One entry: its bytes read whole when asked, or copied to a file a piece at a time. */
export interface TarEntry {
  name: string;
  size: number;
  /** The entry's bytes, read whole (for entries that fit in memory). */
  readonly bytes: Buffer;
  /** Copies the entry to `path` (made anew, synced) a piece at a time; returns its SHA-256. */
  copyTo(path: string): string;
}

/** Reads entries one at a time (each file's bytes whole or copied in pieces, never the archive whole); an entry is read before the next is asked for. */
export function* readTar(file: string): Generator<TarEntry> {
  const fd = openSync(file, 'r');
  try {
    for (let pos = 0; ; ) {
      const h = readExactly(fd, BLOCK, pos);
      if (h.every((b) => b === 0)) return;
      const stored = parseInt(h.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
      h.write('        ', 148, 'latin1');
      let sum = 0;
      for (const b of h) sum += b;
      if (stored !== sum) throw new Error(`a damaged entry header at byte ${pos}`);
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(h.toString('latin1', 124, 136).replace(/\0.*$/, '').trim(), 8);
      const at = pos + BLOCK;
      yield {
        name,
        size,
        get bytes() {
          return readExactly(fd, size, at);
        },
        copyTo(path: string): string {
          const to = openSync(path, 'wx');
          try {
            const hash = createHash('sha256');
            for (let done = 0; done < size; ) {
              const piece = readExactly(fd, Math.min(PIECE, size - done), at + done);
              hash.update(piece);
              writeAll(to, piece);
              done += piece.length;
            }
            fsyncSync(to);
            return hash.digest('hex');
          } finally {
            closeSync(to);
          }
        },
      };
      pos = at + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    closeSync(fd);
  }
}
