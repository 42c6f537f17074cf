// Reads the entries of a ZIP archive held in memory (APPNOTE 6.3.10: stored and deflated entries),
// for the authority's own Word template. Bounded: an archive or an entry over the limits, an
// encrypted entry, or a damaged directory gives a clear error rather than a hang or a huge buffer.
import { inflateRawSync } from 'node:zlib';
import { DiscloseError } from '../../../shared/errors';
import type { ZipEntry } from '../bundle/zip';

export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;
const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

function bad(why: string): never {
  throw new DiscloseError('VALIDATION', `The Word template cannot be read: ${why}.`);
}

export function readZip(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length > MAX_TEMPLATE_BYTES) bad(`it is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record is in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('it is not a .docx (ZIP) file');
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) bad(`it has more than ${MAX_ENTRIES} parts`);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) bad('its directory is damaged');
    const flags = buf.readUInt16LE(offset + 8);
    const method = buf.readUInt16LE(offset + 10);
    const compressed = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const local = buf.readUInt32LE(offset + 42);
    const name = buf.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) bad(`${name} is encrypted`);
    if (size > MAX_ENTRY_BYTES) bad(`${name} is too large`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) bad(`${name} is damaged`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    if (data.length !== compressed) bad(`${name} is cut short`);
    let out: Buffer;
    if (method === 0) out = Buffer.from(data);
    else if (method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
      } catch {
        bad(`${name} cannot be decompressed`);
      }
    } else bad(`${name} uses an unsupported compression method (${method})`);
    if (out.length !== size) bad(`${name} has the wrong size`);
    if (!name.endsWith('/')) entries.push({ name, bytes: out });
  }
  return entries;
}
