// Bounds on what a bundle decodes from a stored file, checked before anything is decoded, so a
// small hostile file cannot take the export's time or memory: a PNG's pixel count (read from its
// header; decoding it takes 4 bytes a pixel), a PDF's object and cross-reference streams (which
// pdf-lib inflates as it loads a file), its page count, and a text file's length. Each limit is
// named in the words an officer sees when it is hit.
import { inflateSync } from 'node:zlib';

export const BUNDLE_LIMITS = {
  /** About a 12,000 x 8,000 photo: far beyond a scan at 600 dpi, a tenth of what a bomb asks for. */
  maxImagePixels: 100_000_000,
  maxImageSide: 30_000,
  /** What one object or cross-reference stream may inflate to (a genuine one is a few MB at most). */
  maxObjectStreamBytes: 64 * 1024 * 1024,
  /** All of them together, for one PDF. */
  maxObjectStreamTotal: 256 * 1024 * 1024,
  maxPagesPerPdf: 10_000,
  /** Characters set as text from one file or message (about 100 pages); the rest is in the file. */
  maxTextChars: 300_000,
  /** Lines likewise: a 50,000-row table converted from HTML is short in characters but not in pages. */
  maxTextLines: 6_000,
} as const;

const n = (v: number) => v.toLocaleString('en-GB');

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame, or null when not found. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

/** Why an image is too large to reproduce, or null when it is within the limits. */
export function imageProblem(bytes: Uint8Array): string | null {
  const size = imageSize(bytes);
  if (!size) return null;
  const { width, height } = size;
  if (width > BUNDLE_LIMITS.maxImageSide || height > BUNDLE_LIMITS.maxImageSide || width * height > BUNDLE_LIMITS.maxImagePixels) {
    return `the image is ${n(width)} x ${n(height)} pixels, over the limit of ${n(BUNDLE_LIMITS.maxImagePixels)} pixels (${n(BUNDLE_LIMITS.maxImageSide)} a side) that a bundle reproduces`;
  }
  return null;
}

const latin1 = new TextDecoder('latin1');

/**
 * Inflates, within the limits, each stream pdf-lib would inflate on loading (object streams and
 * cross-reference streams; a dictionary with #-escaped names is counted as one, since it may hide
 * either). Returns why the PDF is refused, or null. A stream that is merely damaged is left for
 * pdf-lib to report.
 */
export function pdfStreamProblem(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buffer.indexOf('stream'); at >= 0; at = buffer.indexOf('stream', at + 6)) {
    if (buffer[at - 1] === 0x64 /* d of endstream */) continue;
    let dict = latin1.decode(buffer.subarray(Math.max(0, at - 1024), at));
    // A dictionary padded beyond the usual kilobyte is read back further, to its object header.
    if (!dict.includes('obj')) dict = latin1.decode(buffer.subarray(Math.max(0, at - 65_536), at));
    const start = dict.lastIndexOf('obj');
    const own = start >= 0 ? dict.slice(start) : dict;
    if (!/\/Type\s*\/(ObjStm|XRef)|#/u.test(own) || !/Flate|#/u.test(own)) continue;
    let dataStart = at + 6;
    if (buffer[dataStart] === 0x0d) dataStart++;
    if (buffer[dataStart] === 0x0a) dataStart++;
    const end = buffer.indexOf('endstream', dataStart);
    const data = buffer.subarray(dataStart, end < 0 ? buffer.length : end);
    try {
      total += inflateSync(data, { maxOutputLength: BUNDLE_LIMITS.maxObjectStreamBytes, finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is not an error here */ }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return `an object stream in it inflates to more than ${n(BUNDLE_LIMITS.maxObjectStreamBytes / 1024 / 1024)} MB, the limit for one`;
      }
      continue; // damaged: pdf-lib says so, or copes
    }
    if (total > BUNDLE_LIMITS.maxObjectStreamTotal) return `its object streams inflate to more than ${n(BUNDLE_LIMITS.maxObjectStreamTotal / 1024 / 1024)} MB in all, the limit for one PDF`;
  }
  return null;
}

/** Text cut to the limits, with a line saying so; the file itself goes along whole. */
export function boundedText(text: string, rest = 'the whole file is attached to this PDF'): { text: string; cut: boolean } {
  let end = Math.min(text.length, BUNDLE_LIMITS.maxTextChars);
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) {
    if (++lines === BUNDLE_LIMITS.maxTextLines) end = at;
  }
  if (end >= text.length) return { text, cut: false };
  const limit = `${n(BUNDLE_LIMITS.maxTextChars)} characters or ${n(BUNDLE_LIMITS.maxTextLines)} lines`;
  return {
    text: `${text.slice(0, end)}\n\n[Only the first ${limit} of this text are set out here (it has ${n(text.length)} characters); ${rest}.]`,
    cut: true,
  };
}
