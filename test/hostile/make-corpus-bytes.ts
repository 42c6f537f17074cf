// Building blocks for the hostile corpus: a deflate bomb made in well under a second, hand-made
// PDFs (objects written as text, with a correct cross-reference table), OLE compound files and
// PNGs, and a seeded random generator so every run makes the same files.
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/** A zlib stream that inflates to `gib` GiB of spaces: one compressed 64 MiB run, repeated. */
export function deflateBomb(gib: number): Buffer {
  const chunk = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const run = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const repeats = Math.round(gib * 16);
  const n = BigInt(repeats) * BigInt(chunk.length);
  const M = 65521n;
  // Adler-32 of n spaces, computed rather than by reading them all.
  const a = (1n + 32n * n) % M;
  const b = (n + 32n * ((n * (n + 1n)) / 2n)) % M;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(repeats).fill(run), Buffer.from([0x03, 0x00]), adler]);
}

/** A PDF from object bodies (object i+1 is bodies[i]); object 1 must be the catalog. */
export function rawPdf(bodies: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object body. */
export function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
}

/** The usual start of a one-page PDF: catalog, pages, page (contents as object 4). */
export const onePage = (catalogExtra = '', pageExtra = '') => [
  `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${pageExtra} >>`,
];

const ENDOFCHAIN = -2;
const FREESECT = -1;
const FATSECT = -3;

export interface DirEntry {
  name: string;
  type: 1 | 2 | 5;
  left?: number;
  right?: number;
  child?: number;
  start?: number;
  size?: number;
}

/** A version-3 OLE compound file: 512-byte sectors, sector 0 the FAT, directory from sector 1. */
export function compoundFile(opts: { fat: number[]; dir: DirEntry[]; extraSectors?: Buffer[]; header?: Partial<Record<'batCount' | 'dirStart' | 'sbatStart' | 'sbatCount' | 'xbatStart' | 'xbatCount', number>> }): Buffer {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  const h = { batCount: 1, dirStart: 1, sbatStart: ENDOFCHAIN, sbatCount: 0, xbatStart: ENDOFCHAIN, xbatCount: 0, ...opts.header };
  header.writeInt32LE(h.batCount, 0x2c);
  header.writeInt32LE(h.dirStart, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeInt32LE(h.sbatStart, 0x3c);
  header.writeInt32LE(h.sbatCount, 0x40);
  header.writeInt32LE(h.xbatStart, 0x44);
  header.writeInt32LE(h.xbatCount, 0x48);
  for (let i = 0; i < 109; i++) header.writeInt32LE(i === 0 ? 0 : FREESECT, 0x4c + i * 4);
  const fat = Buffer.alloc(512);
  for (let i = 0; i < 128; i++) fat.writeInt32LE(opts.fat[i] ?? (i === 0 ? FATSECT : FREESECT), i * 4);
  const dir = Buffer.alloc(512 * Math.max(1, Math.ceil(opts.dir.length / 4)));
  opts.dir.forEach((e, i) => {
    const at = i * 128;
    const name = Buffer.from(`${e.name}\0`, 'utf16le');
    name.copy(dir, at, 0, Math.min(64, name.length));
    dir.writeUInt16LE(Math.min(64, name.length), at + 0x40);
    dir[at + 0x42] = e.type;
    dir[at + 0x43] = 1;
    dir.writeInt32LE(e.left ?? -1, at + 0x44);
    dir.writeInt32LE(e.right ?? -1, at + 0x48);
    dir.writeInt32LE(e.child ?? -1, at + 0x4c);
    dir.writeInt32LE(e.start ?? ENDOFCHAIN, at + 0x74);
    dir.writeUInt32LE(e.size ?? 0, at + 0x78);
  });
  return Buffer.concat([header, fat, dir, ...(opts.extraSectors ?? [])]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A greyscale PNG of the given size whose pixels are all black; `pixels: false` leaves the image data out. */
export function png(width: number, height: number, pixels = true): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const data = pixels ? deflateSync(Buffer.alloc((width + 1) * height), { level: 9 }) : deflateSync(Buffer.alloc(16));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** The start of a JPEG that declares its size (no image data follows). */
export function jpegHeader(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, Buffer.from([0xff, 0xd9])]);
}

/** mulberry32: small, seeded, good enough for fuzzing. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
