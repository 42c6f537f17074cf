// Draws composed pages into the bundle with the letters' fonts: Noto Sans with the CJK fallback,
// so a requester's name prints whatever its script.
import { PDFContentStream, rgb, type PDFDocument, type PDFImage, type PDFOperator } from 'pdf-lib';
import { embedFonts, type FontFiles } from '../pdf/fonts';
import type { FontKey, Measure } from '../pdf/layout';
import { faceOf, type Face } from '../pdf/text';
import { BUNDLE_PAGE, type DrawOp } from './compose';
import { GlyphSet, type Rgb } from './glyphs';

const INK: Rgb = [0.1, 0.1, 0.1];
const MUTED: Rgb = [0.38, 0.38, 0.38];
const RULE = rgb(0.7, 0.7, 0.7);

export interface Typesetter {
  chains: Record<FontKey, Face[]>;
  glyphs: GlyphSet;
  measure: Measure;
  /** Adds the pages at the end of the document, returns how many. */
  draw(pages: DrawOp[][], images: ReadonlyMap<string, PDFImage>): number;
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

// Parsing the fonts (the CJK fallback is 4 MB) costs about a second; a parsed font is only read
// afterwards (each document makes its own subset), so one parse serves every bundle in the process.
const parsed = new WeakMap<Uint8Array, FontkitFont>();
const remembering = (fontkit: Fontkit): Fontkit => ({
  create(data, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) parsed.set(data, (font = fontkit.create(data)));
    return font;
  },
});

/** embedFonts with parsed fonts reused: the document is seen through a view whose fontkit remembers. */
function embedRemembering(doc: PDFDocument, files: FontFiles) {
  const view = Object.create(doc) as PDFDocument;
  view.registerFontkit = (fontkit: Fontkit) => doc.registerFontkit(remembering(fontkit));
  return embedFonts(view, files);
}

export async function typesetter(doc: PDFDocument, files: FontFiles): Promise<Typesetter> {
  const fonts = await embedRemembering(doc, files);
  const regular = faceOf(fonts.regular);
  const fallback = faceOf(fonts.fallback);
  const chains: Record<FontKey, Face[]> = { regular: [regular, fallback], bold: [faceOf(fonts.bold), regular, fallback] };
  // Widths are summed from each character's advance, as the glyphs are set (see glyphs.ts).
  const glyphs = new GlyphSet();
  const measure: Measure = (text, font, size) => glyphs.width(text, chains[font], size);
  const draw = (pages: DrawOp[][], images: ReadonlyMap<string, PDFImage>) => {
    pages.forEach((ops) => {
      const size: [number, number] = [BUNDLE_PAGE.width, BUNDLE_PAGE.height];
      const page = doc.addPage(size);
      const text: PDFOperator[] = [];
      for (const op of ops) {
        if (op.kind === 'text') text.push(...glyphs.ops(page, glyphs.set(op.text, chains[op.font], op.size), { x: op.x, y: op.y, size: op.size, color: op.muted ? MUTED : INK }));
        else if (op.kind === 'rule') page.drawLine({ start: { x: op.x1, y: op.y }, end: { x: op.x2, y: op.y }, thickness: 0.6, color: RULE });
        else {
          const image = images.get(op.key);
          if (image) page.drawImage(image, { x: op.x, y: op.y, width: op.width, height: op.height });
        }
      }
      page.node.addContentStream(doc.context.register(PDFContentStream.of(doc.context.obj({}), text)));
    });
    return pages.length;
  };
  return { chains, glyphs, measure, draw };
}
