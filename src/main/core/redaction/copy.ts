// Makes the redacted copy. A page with marks is rebuilt from pixels: rendered at print resolution,
// each box filled black and labelled with its exemption, and only the words outside every box
// written back as invisible text so the page stays searchable. Nothing of the original page's
// content stream, fonts or images goes along, so nothing under a box can be lifted out. Pages
// without marks are copied as they are. Annotations, forms, embedded files, scripts and metadata
// are left behind: only pages are copied into a new document, each stripped first.
import {
  beginText, endText, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, popGraphicsState, pushGraphicsState,
  setFontAndSize, setTextMatrix, setTextRenderingMode, showText, TextRenderingMode, type PDFFont, type PDFPage,
} from 'pdf-lib';
import { StandardFonts } from 'pdf-lib';
import { DiscloseError } from '../../../shared/errors';
import { partitionWords, type Box, type WidthOf, type Word } from '../../../shared/domain/redaction';
import { embedFonts, type FontFiles } from '../pdf/fonts';
import { openPdf } from '../bundle/sources';
import { removeActiveContent } from '../bundle/active';
import { openReader, type PageGeometry } from './reader';

/** Print resolution for flattened pages: crisp 10-point text on paper, a few hundred KB a page. */
export const REDACTION_DPI = 200;
/** A flattened page larger than this as PNG (a photographed or scanned page) is kept as JPEG. */
const PNG_LIMIT = 1_500_000;

export interface MarkToBurn {
  page: number;
  box: Box;
  code: string;
}

export interface RedactedCopy {
  bytes: Uint8Array;
  redactedPages: number[];
  /** For each flattened page: the words hidden and the words kept as invisible text. */
  pages: Map<number, { geometry: PageGeometry; hidden: Word[]; kept: Word[] }>;
  /** What was left behind, in words ("2 links", "document JavaScript"). */
  removed: string[];
}

let helvetica: Promise<PDFFont> | null = null;
/** Widths to share a text run's measured width out among its words (Helvetica, as most readers guess). */
export async function widthOfText(): Promise<WidthOf> {
  helvetica ??= PDFDocument.create().then((d) => d.embedFont(StandardFonts.Helvetica));
  const font = await helvetica;
  return (text) => {
    let w = 0;
    for (const ch of text) {
      try {
        w += font.widthOfTextAtSize(ch, 1000);
      } catch {
        w += 556; // a character Helvetica cannot encode: an average width
      }
    }
    return w;
  };
}

const PAGE_KEYS_DROPPED = ['Annots', 'AA', 'Metadata', 'PieceInfo', 'Thumb', 'B'];

export async function produceRedactedCopy(source: Uint8Array, marks: readonly MarkToBurn[], fonts: FontFiles, resourcesDir: string, dpi = REDACTION_DPI): Promise<RedactedCopy> {
  const opened = await openPdf(source);
  if (opened.kind !== 'pdf') throw new DiscloseError('VALIDATION', `The document cannot be redacted: ${opened.reason}.`);
  const src = opened.doc;
  const removed = removeActiveContent(src);
  for (const p of src.getPages()) for (const k of PAGE_KEYS_DROPPED) p.node.delete(PDFName.of(k));
  const reader = await openReader(source, resourcesDir);
  try {
    if (reader.pages !== src.getPageCount()) throw new DiscloseError('VALIDATION', 'The PDF reads differently in two readers (damaged page tree); it cannot be redacted safely.');
    const byPage = new Map<number, MarkToBurn[]>();
    for (const m of marks) {
      if (m.page < 1 || m.page > reader.pages) throw new DiscloseError('VALIDATION', `A mark is on page ${m.page}, but the document has ${reader.pages} pages.`);
      byPage.set(m.page, [...(byPage.get(m.page) ?? []), m]);
    }
    const out = await PDFDocument.create({ updateMetadata: false });
    const faces = await embedFonts(out, fonts);
    const widthOf = await widthOfText();
    const unmarked = src.getPageIndices().filter((i) => !byPage.has(i + 1));
    const copied = new Map((await out.copyPages(src, unmarked)).map((p, n) => [unmarked[n]!, p]));
    const pages: RedactedCopy['pages'] = new Map();
    for (let i = 0; i < reader.pages; i++) {
      const onPage = byPage.get(i + 1);
      if (!onPage) {
        out.addPage(copied.get(i)!);
        continue;
      }
      const geometry = await reader.geometry(i + 1);
      const boxes = onPage.map((m) => m.box);
      const { kept, hidden } = partitionWords(geometry.runs, boxes, widthOf);
      const canvas = await reader.render(i + 1, dpi, onPage.map((m) => ({ ...m.box, label: m.code })));
      let image = await canvas.encode('png');
      const jpeg = image.length > PNG_LIMIT;
      if (jpeg) image = await canvas.encode('jpeg', 90);
      const embedded = jpeg ? await out.embedJpg(new Uint8Array(image)) : await out.embedPng(new Uint8Array(image));
      const page = out.addPage([geometry.width, geometry.height]);
      page.drawImage(embedded, { x: 0, y: 0, width: geometry.width, height: geometry.height });
      writeInvisibleText(page, kept, faces.regular, faces.fallback, geometry.height);
      pages.set(i + 1, { geometry, hidden, kept });
    }
    // pdf-lib gives each new page an empty /Annots: none at all is plainer to check.
    for (const p of out.getPages()) p.node.delete(PDFName.of('Annots'));
    const bytes = await out.save({ useObjectStreams: false });
    return { bytes, redactedPages: [...byPage.keys()].sort((a, b) => a - b), pages, removed };
  } finally {
    await reader.close();
  }
}

/** Each kept word, invisible (text render mode 3), where it was and as wide as it was. */
function writeInvisibleText(page: PDFPage, words: readonly Word[], regular: PDFFont, fallback: PDFFont, pageHeight: number): void {
  if (words.length === 0) return;
  const covered = new Set(regular.getCharacterSet());
  const keys = new Map<PDFFont, PDFName>();
  const keyOf = (f: PDFFont) => keys.get(f) ?? keys.set(f, page.node.newFontDictionary(f.name, f.ref)).get(f)!;
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const w of words) {
    const font = [...w.text].every((c) => covered.has(c.codePointAt(0)!)) ? regular : fallback;
    const size = w.box.h / 0.85;
    const natural = font.widthOfTextAtSize(w.text, size);
    const scale = natural > 0 ? Math.min(1000, Math.max(1, (100 * w.box.w) / natural)) : 100;
    const baseline = w.box.y + 0.7 * size;
    ops.push(
      setFontAndSize(keyOf(font), size),
      PDFOperator.of(PDFOperatorNames.SetTextHorizontalScaling, [PDFNumber.of(scale)]),
      setTextMatrix(1, 0, 0, 1, w.box.x, pageHeight - baseline),
      showText(font.encodeText(w.text)),
    );
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}
