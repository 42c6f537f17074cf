// Makes the redacted copy. A page with marks is rebuilt from pixels: rendered at print resolution,
// each box filled black and labelled with its exemption, and only the words outside every box
// written back as invisible text so the page stays searchable. Nothing of the original page's
// content stream, fonts or images goes along, so nothing under a box can be lifted out. Pages
// without marks are copied as they are. Annotations, forms, embedded files, scripts and metadata
// are left behind: only pages are copied into a new document, each stripped first.
import { deflateSync } from 'node:zlib';
import {
  beginText, concatTransformationMatrix, degrees, drawObject, endText, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFRawStream, popGraphicsState, pushGraphicsState,
  setFontAndSize, setTextMatrix, setTextRenderingMode, showText, TextRenderingMode, type PDFFont, type PDFPage, type PDFRef,
} from 'pdf-lib';
import { StandardFonts } from 'pdf-lib';
import { DiscloseError } from '../../../shared/errors';
import { partitionWords, unturnBox, type Box, type WidthOf, type Word } from '../../../shared/domain/redaction';
import { fontkitWithLongLoca, type FontFiles } from '../pdf/fonts';
import { openPdf } from '../bundle/sources';
import { removeActiveContent } from '../bundle/active';
import { openReader, type NapiCanvas, type PageGeometry } from './reader';

/** Print resolution for flattened pages: crisp 10-point text on paper, a few hundred KB a page. */
export const REDACTION_DPI = 200;
/** A flattened page larger than this deflated (a photographed or scanned page) is kept as JPEG. */
const FLATE_LIMIT = 3_000_000;

export interface MarkToBurn {
  page: number;
  box: Box;
  code: string;
}

export interface RedactedCopy {
  bytes: Uint8Array;
  redactedPages: number[];
  /** For each flattened page (unturned): the words hidden, those kept as invisible text, the boxes. */
  pages: Map<number, { geometry: PageGeometry; hidden: Word[]; kept: Word[]; boxes: Box[] }>;
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
    const faces = new InvisibleFonts(out, fonts);
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
      // Rebuilt unturned, with the page's /Rotate kept: its text then runs along lines and is
      // split into words whichever way the page is shown. Marks are made as shown: turned back here.
      const geometry = await reader.geometry(i + 1, 'unturned');
      const boxes = onPage.map((m) => unturnBox(m.box, geometry.rotation, geometry.width, geometry.height));
      const { kept, hidden } = partitionWords(geometry.runs, boxes, widthOf);
      const canvas = await reader.render(i + 1, dpi, onPage.map((m, n) => ({ ...boxes[n]!, label: m.code })), 'unturned');
      const page = out.addPage([geometry.width, geometry.height]);
      if (geometry.rotation) page.setRotation(degrees(geometry.rotation));
      const image = await pageImage(out, canvas);
      // Skia's pixels live outside the JavaScript heap, where the collector does not see them:
      // give them back now rather than holding one full page per marked page until it runs.
      canvas.width = 1;
      canvas.height = 1;
      const name = page.node.newXObject('Im', image);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(geometry.width, 0, 0, geometry.height, 0, 0), drawObject(name), popGraphicsState());
      await writeInvisibleText(page, kept, faces, geometry.height);
      pages.set(i + 1, { geometry, hidden, kept, boxes });
    }
    // pdf-lib gives each new page an empty /Annots: none at all is plainer to check.
    for (const p of out.getPages()) p.node.delete(PDFName.of('Annots'));
    const bytes = await out.save({ useObjectStreams: false });
    return { bytes, redactedPages: [...byPage.keys()].sort((a, b) => a - b), pages, removed };
  } finally {
    await reader.close();
  }
}

/**
 * The rendered page as an image XObject: its RGB pixels deflated by Node's zlib (pdf-lib's own PNG
 * path decodes and re-deflates in JavaScript, seconds a page at print resolution); a page that
 * stays large (a photograph or a scan) goes as JPEG instead.
 */
async function pageImage(out: PDFDocument, canvas: NapiCanvas): Promise<PDFRef> {
  const rgba = canvas.data(); // opaque (painted white first), so premultiplied equals straight
  const pixels = rgba.length / 4;
  // Most pages are black text on white: one grey channel then, a third of the bytes.
  let grey = true;
  for (let i = 0; i < rgba.length && grey; i += 4) grey = rgba[i] === rgba[i + 1] && rgba[i] === rgba[i + 2];
  const channels = grey ? 1 : 3;
  const raw = Buffer.allocUnsafe(pixels * channels);
  if (grey) for (let i = 0, j = 0; j < pixels; i += 4, j++) raw[j] = rgba[i]!;
  else {
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      raw[j] = rgba[i]!;
      raw[j + 1] = rgba[i + 1]!;
      raw[j + 2] = rgba[i + 2]!;
    }
  }
  const deflated = deflateSync(raw, { level: 6 });
  const jpeg = deflated.length > FLATE_LIMIT ? await canvas.encode('jpeg', 90) : null;
  const bytes = jpeg ?? deflated;
  const dict = out.context.obj({
    Type: 'XObject', Subtype: 'Image', Width: canvas.width, Height: canvas.height, ColorSpace: jpeg || !grey ? 'DeviceRGB' : 'DeviceGray', BitsPerComponent: 8,
    Filter: jpeg ? 'DCTDecode' : 'FlateDecode', Length: bytes.length,
  });
  return out.context.register(PDFRawStream.of(dict, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)));
}

/** Noto Sans for the invisible text, and the CJK fallback embedded only if a word needs it. */
class InvisibleFonts {
  private regular: Promise<{ font: PDFFont; covered: Set<number> }> | null = null;
  private fallback: Promise<PDFFont> | null = null;
  constructor(private readonly doc: PDFDocument, private readonly files: FontFiles) {}
  async pick(text: string): Promise<PDFFont> {
    this.regular ??= (async () => {
      this.doc.registerFontkit(fontkitWithLongLoca);
      const font = await this.doc.embedFont(this.files.regular, { subset: true });
      return { font, covered: new Set(font.getCharacterSet()) };
    })();
    const { font, covered } = await this.regular;
    if ([...text].every((c) => covered.has(c.codePointAt(0)!))) return font;
    this.fallback ??= this.doc.embedFont(this.files.fallback, { subset: true });
    return this.fallback;
  }
}

/** Each kept word, invisible (text render mode 3), where it was and as wide as it was. */
async function writeInvisibleText(page: PDFPage, words: readonly Word[], fonts: InvisibleFonts, pageHeight: number): Promise<void> {
  if (words.length === 0) return;
  const keys = new Map<PDFFont, PDFName>();
  const keyOf = (f: PDFFont) => keys.get(f) ?? keys.set(f, page.node.newFontDictionary(f.name, f.ref)).get(f)!;
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const w of words) {
    const font = await fonts.pick(w.text);
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
