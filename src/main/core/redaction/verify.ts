// The copy checked by reading it back, as anyone receiving it could: on every redacted page no
// word can be extracted from inside a box, no word hidden from the original is found more often
// than the original kept it outside the boxes, each box is dark when the copy is drawn, and the
// document carries no form, script, embedded file, annotation or metadata. A failure blocks filing.
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { overlaps, wordCounts, wordsOf, type Box, type WidthOf } from '../../../shared/domain/redaction';
import type { MarkToBurn, RedactedCopy } from './copy';
import { openReader, type NapiCanvas } from './reader';

export interface Verification {
  verified: boolean;
  problems: string[];
}

const CHECK_DPI = 72;
/** At least this share of a box's pixels must be near black (its label is white). */
const DARK_SHARE = 0.6;

function darkShare(canvas: NapiCanvas, b: Box, scale: number): number {
  // Inset by a pixel: a box's edge can be anti-aliased against the page when drawn at another resolution.
  const x0 = Math.ceil(b.x * scale) + 1;
  const y0 = Math.ceil(b.y * scale) + 1;
  const x1 = Math.floor((b.x + b.w) * scale) - 1;
  const y1 = Math.floor((b.y + b.h) * scale) - 1;
  if (x1 <= x0 || y1 <= y0) return 1; // too small to sample at this resolution
  const data = canvas.getContext('2d').getImageData(x0, y0, x1 - x0, y1 - y0).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i]! + data[i + 1]! + data[i + 2]!) / 3 < 64) dark++;
  return dark / (data.length / 4);
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
      const canvas = await reader.render(page, CHECK_DPI, []);
      for (const b of boxes) {
        const share = darkShare(canvas, b, CHECK_DPI / 72);
        if (share < DARK_SHARE) problems.push(`Page ${page}: a box at ${b.x},${b.y} is only ${Math.round(share * 100)}% dark in the copy.`);
      }
    }
  } finally {
    await reader.close();
  }
  return { verified: problems.length === 0, problems };
}
