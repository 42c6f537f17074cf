// The copy checked by reading it back, as anyone receiving it could: on every redacted page no
// word can be extracted from inside a box, no word hidden from the original is found more often
// than the original kept it outside the boxes, each box is dark in the page image the copy holds, and the
// document carries no form, script, embedded file, annotation or metadata. A failure blocks filing.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import { overlaps, wordCounts, wordsOf, type Box, type WidthOf } from '../../../shared/domain/redaction';
import type { MarkToBurn, RedactedCopy } from './copy';
import { loadCanvas, openReader } from './reader';

export interface Verification {
  verified: boolean;
  problems: string[];
}

/** At least this share of a box's pixels must be near black (its label is white). */
const DARK_SHARE = 0.6;

interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/**
 * The one image a flattened page is drawn from, decoded from the copy's own bytes (zlib for the
 * deflated pixels, Skia for JPEG); null when the page holds anything else.
 */
function pageImage(page: PDFPage, resourcesDir: string): Pixels | null {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const entries = xobjects?.entries() ?? [];
  if (entries.length !== 1) return null;
  const stream = page.doc.context.lookup(entries[0]![1]);
  if (!(stream instanceof PDFRawStream)) return null;
  const num = (k: string) => (stream.dict.lookup(PDFName.of(k)) as PDFNumber | undefined)?.asNumber() ?? 0;
  const width = num('Width');
  const height = num('Height');
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const grey = stream.dict.lookup(PDFName.of('ColorSpace')) === PDFName.of('DeviceGray');
  if (filter === PDFName.of('FlateDecode')) return { width, height, channels: grey ? 1 : 3, data: inflateSync(stream.contents) };
  if (filter !== PDFName.of('DCTDecode')) return null;
  const lib = loadCanvas(resourcesDir);
  const img = new lib.Image();
  img.src = Buffer.from(stream.contents);
  const canvas = lib.createCanvas(width, height);
  canvas.getContext('2d').drawImage(img as unknown as CanvasImageSource, 0, 0);
  return { width, height, channels: 4, data: canvas.data() };
}

function darkShare(px: Pixels, b: Box, scale: number): number {
  // Inset by a pixel: the edge of a box is where rounding to pixels happens.
  const x0 = Math.max(0, Math.ceil(b.x * scale) + 1);
  const y0 = Math.max(0, Math.ceil(b.y * scale) + 1);
  const x1 = Math.min(px.width, Math.floor((b.x + b.w) * scale) - 1);
  const y1 = Math.min(px.height, Math.floor((b.y + b.h) * scale) - 1);
  if (x1 <= x0 || y1 <= y0) return 1; // thinner than two pixels: nothing inside to sample
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * px.width + x) * px.channels;
      const level = px.channels === 1 ? px.data[i]! : (px.data[i]! + px.data[i + 1]! + px.data[i + 2]!) / 3;
      if (level < 64) dark++;
    }
  }
  return dark / ((x1 - x0) * (y1 - y0));
}

/** Where a document could still carry something active or descriptive; each must be absent. */
function structureProblems(doc: PDFDocument): string[] {
  const problems: string[] = [];
  for (const key of ['AcroForm', 'Names', 'OpenAction', 'AA', 'Metadata', 'StructTreeRoot']) {
    if (doc.catalog.get(PDFName.of(key))) problems.push(`The copy still has a document-level ${key}.`);
  }
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict && info.keys().length > 0) problems.push('The copy still has document metadata.');
  doc.getPages().forEach((p, i) => {
    if (p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.size()) problems.push(`Page ${i + 1} of the copy still has annotations.`);
    if (p.node.get(PDFName.of('AA'))) problems.push(`Page ${i + 1} of the copy still has page actions.`);
  });
  return problems;
}

export async function verifyCopy(made: RedactedCopy, marks: readonly MarkToBurn[], sourcePages: number, widthOf: WidthOf, resourcesDir: string): Promise<Verification> {
  const problems: string[] = [];
  const doc = await PDFDocument.load(made.bytes, { updateMetadata: false });
  if (doc.getPageCount() !== sourcePages) problems.push(`The copy has ${doc.getPageCount()} pages; the original has ${sourcePages}.`);
  problems.push(...structureProblems(doc));
  const reader = await openReader(made.bytes, resourcesDir);
  try {
    for (const page of made.redactedPages) {
      const boxes = marks.filter((m) => m.page === page).map((m) => m.box);
      const before = made.pages.get(page);
      const after = await reader.geometry(page);
      const words = after.runs.flatMap((r) => wordsOf(r, widthOf));
      const under = words.filter((w) => boxes.some((b) => overlaps(w.box, b)));
      for (const w of under.slice(0, 5)) problems.push(`Page ${page}: "${w.text}" can still be extracted from inside a redaction box.`);
      if (before) {
        const keptCounts = wordCounts(before.kept);
        const found = wordCounts(words);
        for (const [word] of wordCounts(before.hidden)) {
          if ((found.get(word) ?? 0) > (keptCounts.get(word) ?? 0)) problems.push(`Page ${page}: the redacted word "${word}" can still be extracted.`);
        }
      }
      const pixels = pageImage(doc.getPage(page - 1), resourcesDir);
      if (!pixels) {
        problems.push(`Page ${page} of the copy is not a single image: it cannot be checked.`);
        continue;
      }
      // The page image is unturned (the page's /Rotate turns it when shown), as are its boxes.
      const unturned = before?.boxes ?? boxes;
      const imageWidth = before?.geometry.width ?? after.width;
      for (const b of unturned) {
        const share = darkShare(pixels, b, pixels.width / imageWidth);
        if (share < DARK_SHARE) problems.push(`Page ${page}: a box at ${b.x},${b.y} is only ${Math.round(share * 100)}% dark in the copy.`);
      }
    }
  } finally {
    await reader.close();
  }
  return { verified: problems.length === 0, problems };
}
