// Text set straight into content streams, with each character's glyph encoded once per font: a
// bundle writes the same few hundred characters thousands of times (stamps, index rows), and
// shaping every string through fontkit costs more than copying the pages. Glyphs are set at their
// advances with no kerning or ligatures, which is how widths are measured for layout too.
import {
  PDFHexString, PDFName, beginText, endText, moveText, popGraphicsState, pushGraphicsState, rotateDegrees, setFillingRgbColor,
  setFontAndSize, showText, translate, type PDFOperator, type PDFPage,
} from 'pdf-lib';
import { toRuns, type Face } from '../pdf/text';

export type Rgb = [number, number, number];

interface Glyph {
  hex: string;
  /** Advance at size 1000. */
  width: number;
}

export interface SetRun {
  face: Face;
  hex: string;
  width: number;
}

export class GlyphSet {
  private readonly cache = new Map<Face, Map<string, Glyph>>();
  private readonly keys = new Map<Face, PDFName>();

  private glyph(face: Face, ch: string): Glyph {
    let perFace = this.cache.get(face);
    if (!perFace) this.cache.set(face, (perFace = new Map()));
    let g = perFace.get(ch);
    if (!g) {
      // "<0123>": the subset's glyph id (encoding it also puts the glyph in the font's subset).
      const encoded = face.font.encodeText(ch).toString();
      perFace.set(ch, (g = { hex: encoded.slice(1, -1), width: face.font.widthOfTextAtSize(ch, 1000) }));
    }
    return g;
  }

  /** Width of `text` at `size` as it will be set. */
  width(text: string, chain: readonly Face[], size: number): number {
    return this.set(text, chain, size).reduce((w, r) => w + r.width, 0);
  }

  /** `text` as runs of glyphs, one per font of the chain it needs. */
  set(text: string, chain: readonly Face[], size: number): SetRun[] {
    return toRuns(text, chain).map((r) => {
      let hex = '';
      let width = 0;
      for (const ch of r.text) {
        const g = this.glyph(r.face, ch);
        hex += g.hex;
        width += g.width;
      }
      return { face: r.face, hex, width: (width * size) / 1000 };
    });
  }

  /** The name a face goes by in every page's /Font resources. */
  private key(face: Face): PDFName {
    let key = this.keys.get(face);
    if (!key) this.keys.set(face, (key = PDFName.of(`DsclF${this.keys.size + 1}`)));
    return key;
  }

  /** Names `face` in the page's resources, for text set on it now or later. */
  useFont(page: PDFPage, face: Face): void {
    page.node.setFontDictionary(this.key(face), face.font.ref);
  }

  /**
   * Operators drawing `runs` from (x, y), turned by `angle` degrees about that point. With a page,
   * the fonts are named in its resources; without, the caller has named them (useFont).
   */
  ops(page: PDFPage | null, runs: readonly SetRun[], at: { x: number; y: number; size: number; color: Rgb; angle?: number }): PDFOperator[] {
    const ops: PDFOperator[] = [pushGraphicsState(), translate(at.x, at.y)];
    if (at.angle) ops.push(rotateDegrees(at.angle));
    ops.push(setFillingRgbColor(...at.color), beginText());
    runs.forEach((r, i) => {
      if (page) this.useFont(page, r.face);
      if (i > 0) ops.push(moveText(runs[i - 1]!.width, 0));
      ops.push(setFontAndSize(this.key(r.face), at.size), showText(PDFHexString.of(r.hex)));
    });
    ops.push(endText(), popGraphicsState());
    return ops;
  }
}
