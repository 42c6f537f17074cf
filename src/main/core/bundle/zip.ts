// A ZIP file (APPNOTE 6.3.10) written entry by entry to disk, with Node's own deflate and CRC-32,
// so the native files of a bundle need no extra dependency. Names are UTF-8 (flag bit 11); ZIP64
// records are written when an entry, an offset or the count outgrows the classic format; every
// entry carries the date prepared, so the same case gives the same archive.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DiscloseError } from '../../../shared/errors';

export interface ZipEntry {
  /** Path inside the archive, '/' separated. */
  name: string;
  bytes: Uint8Array;
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

function dosDateTime(date: Date): { time: number; date: number } {
  const y = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** A name safe to unpack anywhere: no absolute path, no '..', no backslashes or control characters. */
export function zipPath(name: string): string {
  return name
    .replace(/\\/g, '/')
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/') || 'file';
}

interface Written {
  name: Buffer;
  crc: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipOptions {
  date: Date;
  /** 'always' writes ZIP64 records even for a small archive (tests use it to check that path). */
  zip64?: 'auto' | 'always';
  signal?: AbortSignal;
}

/** Writes the entries to `path` (beside it first, then renamed), returning the archive's size. */
export async function writeZip(path: string, entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, options: ZipOptions): Promise<number> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.disclose-tmp`);
  const fd = openSync(tmp, 'w');
  let position = 0;
  const write = (b: Uint8Array) => {
    for (let done = 0; done < b.length; ) done += writeSync(fd, b, done, b.length - done, position + done);
    position += b.length;
  };
  const { time, date } = dosDateTime(options.date);
  const always = options.zip64 === 'always';
  const written: Written[] = [];
  try {
    for await (const entry of entries) {
      if (options.signal?.aborted) throw new DiscloseError('CANCELLED', 'The export was cancelled; nothing was saved.');
      const name = Buffer.from(zipPath(entry.name), 'utf8');
      const deflated = deflateRawSync(entry.bytes, { level: 6 });
      const stored = deflated.length >= entry.bytes.length;
      const data = stored ? entry.bytes : deflated;
      const w: Written = { name, crc: crc32(entry.bytes), method: stored ? 0 : 8, compressed: data.length, size: entry.bytes.length, offset: position };
      const big = always || w.size >= MAX32 || w.compressed >= MAX32;
      const extra = big ? Buffer.alloc(20) : Buffer.alloc(0);
      if (big) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(16, 2);
        extra.writeBigUInt64LE(BigInt(w.size), 4);
        extra.writeBigUInt64LE(BigInt(w.compressed), 12);
      }
      const h = Buffer.alloc(30);
      h.writeUInt32LE(0x04034b50, 0);
      h.writeUInt16LE(big ? 45 : 20, 4);
      h.writeUInt16LE(0x0800, 6); // bit 11: names are UTF-8
      h.writeUInt16LE(w.method, 8);
      h.writeUInt16LE(time, 10);
      h.writeUInt16LE(date, 12);
      h.writeUInt32LE(w.crc, 14);
      h.writeUInt32LE(big ? MAX32 : w.compressed, 18);
      h.writeUInt32LE(big ? MAX32 : w.size, 22);
      h.writeUInt16LE(name.length, 26);
      h.writeUInt16LE(extra.length, 28);
      write(h);
      write(name);
      write(extra);
      write(data);
      written.push(w);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const cdStart = position;
    for (const w of written) {
      const big = always || w.size >= MAX32 || w.compressed >= MAX32 || w.offset >= MAX32;
      const extra = big ? Buffer.alloc(28) : Buffer.alloc(0);
      if (big) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(24, 2);
        extra.writeBigUInt64LE(BigInt(w.size), 4);
        extra.writeBigUInt64LE(BigInt(w.compressed), 12);
        extra.writeBigUInt64LE(BigInt(w.offset), 20);
      }
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
      c.writeUInt16LE(big ? 45 : 20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(w.method, 10);
      c.writeUInt16LE(time, 12);
      c.writeUInt16LE(date, 14);
      c.writeUInt32LE(w.crc, 16);
      c.writeUInt32LE(big ? MAX32 : w.compressed, 20);
      c.writeUInt32LE(big ? MAX32 : w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt16LE(extra.length, 30);
      c.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
      c.writeUInt32LE(big ? MAX32 : w.offset, 42);
      write(c);
      write(w.name);
      write(extra);
    }
    const cdSize = position - cdStart;
    const big = always || written.length >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
    if (big) {
      const z = Buffer.alloc(56);
      z.writeUInt32LE(0x06064b50, 0);
      z.writeBigUInt64LE(44n, 4);
      z.writeUInt16LE((3 << 8) | 45, 12);
      z.writeUInt16LE(45, 14);
      z.writeBigUInt64LE(BigInt(written.length), 24);
      z.writeBigUInt64LE(BigInt(written.length), 32);
      z.writeBigUInt64LE(BigInt(cdSize), 40);
      z.writeBigUInt64LE(BigInt(cdStart), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(position), 8);
      locator.writeUInt32LE(1, 16);
      write(z);
      write(locator);
    }
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(big ? MAX16 : written.length, 8);
    e.writeUInt16LE(big ? MAX16 : written.length, 10);
    e.writeUInt32LE(big ? MAX32 : cdSize, 12);
    e.writeUInt32LE(big ? MAX32 : cdStart, 16);
    write(e);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    return position;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    if (err instanceof DiscloseError) throw err;
    throw new DiscloseError('IO', `Could not write ${path}: ${(err as Error).message}`);
  }
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
