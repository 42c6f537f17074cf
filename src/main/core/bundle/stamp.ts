// The page stamp: the bundle's name and reference bottom left, "Page N of M" bottom right, and on a
// withheld item a marking across the top naming the exemptions. Drawn upright as the page is
// displayed, whatever its /Rotate and crop box, each piece on a small white ground so it reads
// over a scan. A copied page's own content is wrapped in q/Q first (pdf-lib's normalize), so a page
// that leaves the graphics state changed cannot move or scale the stamp.
//
// A page is readied for its stamp as soon as it is in (`reserve`), and written out then; its number
// and the bundle's length are known only at the end, when the stamp's own content stream, already
// named in the page's /Contents, is made (`stream`).
import { PDFContentStream, fill, popGraphicsState, pushGraphicsState, rectangle, rotateDegrees, setFillingRgbColor, translate, type PDFContext, type PDFOperator, type PDFPage, type PDFRef } from 'pdf-lib';
import { toRuns, type Face } from '../pdf/text';
import type { GlyphSet, Rgb } from './glyphs';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page as displayed: its width and height after /Rotate. */
export function displaySize(box: Box, rotation: number): { width: number; height: number } {
  return rotation === 90 || rotation === 270 ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
}

/** Where a point of the displayed page lies in the page's own space, and which way "right" points. */
export function toUserSpace(box: Box, rotation: number, dx: number, dy: number): { x: number; y: number; angle: number } {
  const { x, y, width: w, height: h } = box;
  switch (rotation) {
    case 90:
      return { x: x + w - dy, y: y + dx, angle: 90 };
    case 180:
      return { x: x + w - dx, y: y + h - dy, angle: 180 };
    case 270:
      return { x: x + dy, y: y + h - dx, angle: 270 };
    default:
      return { x: x + dx, y: y + dy, angle: 0 };
  }
}

/** /Rotate as 0, 90, 180 or 270 (it may be negative or over 360 in the wild). */
export function normaliseRotation(angle: number): number {
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

const INK: Rgb = [0.05, 0.05, 0.05];
const RED: Rgb = [0.6, 0, 0];
const PAD = 2.5;

export interface StampText {
  left: string;
  right: string;
  top?: string | null;
}

/** Where a page's stamp goes: its content stream, reserved, and the page's box and turn. */
export interface StampSite {
  ref: PDFRef;
  box: Box;
  rotation: number;
}

interface Piece {
  text: string;
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
  size: number;
  bold: boolean;
  color: Rgb;
}

export class Stamper {
  /**
   * The operators of a piece that reads the same on many pages (the bundle's name along the bottom,
   * a marking along the top), by where it goes: made once, not once a page; only "Page N of M"
   * differs from page to page. Operators are written out as they are, so one list serves every
   * stream that uses it.
   */
  private readonly same = new Map<string, PDFOperator[]>();

  constructor(
    private readonly glyphs: GlyphSet,
    private readonly chains: { regular: readonly Face[]; bold: readonly Face[] },
  ) {}

  private piece(ops: PDFOperator[], box: Box, rotation: number, p: Piece) {
    const runs = this.glyphs.set(p.text, p.bold ? this.chains.bold : this.chains.regular, p.size);
    const width = runs.reduce((w, r) => w + r.width, 0);
    const left = p.align === 'right' ? p.x - width : p.align === 'center' ? p.x - width / 2 : p.x;
    const at = toUserSpace(box, rotation, left, p.y);
    ops.push(pushGraphicsState(), translate(at.x, at.y), rotateDegrees(at.angle));
    ops.push(setFillingRgbColor(1, 1, 1), rectangle(-PAD, -p.size * 0.32 - PAD, width + 2 * PAD, p.size * 1.28 + 2 * PAD), fill(), popGraphicsState());
    ops.push(...this.glyphs.ops(null, runs, { x: at.x, y: at.y, size: p.size, color: p.color, angle: at.angle }));
  }

  /**
   * Readies a page: its content wrapped in q/Q, the fonts the stamp's texts need named in its
   * resources (`right` stands for every "Page N of M": the same characters in the same fonts), and
   * a reference to the stamp's content stream, which is written later, added to its /Contents.
   */
  reserve(page: PDFPage, s: StampText): StampSite {
    const box = page.getCropBox();
    const rotation = normaliseRotation(page.getRotation().angle);
    page.node.normalize();
    const runs = [...toRuns(s.left, this.chains.regular), ...toRuns(s.right, this.chains.bold), ...(s.top ? toRuns(s.top, this.chains.bold) : [])];
    for (const face of new Set(runs.map((r) => r.face))) this.glyphs.useFont(page, face);
    const ref = page.doc.context.nextRef();
    page.node.addContentStream(ref);
    return { ref, box, rotation };
  }

  /** The stamp of a reserved page: `left` and `right` along the bottom, `top` (a marking) centred along the top. */
  stream(context: PDFContext, site: StampSite, s: StampText): PDFContentStream {
    const { box, rotation } = site;
    const { width, height } = displaySize(box, rotation);
    const margin = Math.min(28, width * 0.05);
    const y = Math.min(14, height * 0.02);
    const ops: PDFOperator[] = [];
    const at = `${box.x} ${box.y} ${box.width} ${box.height} ${rotation}`;
    const once = (key: string, p: Piece) => {
      let made = this.same.get(key);
      if (!made) this.same.set(key, (made = []));
      if (made.length === 0) this.piece(made, box, rotation, p);
      ops.push(...made);
    };
    once(`${at} left ${s.left}`, { text: s.left, x: margin, y, align: 'left', size: 8, bold: false, color: INK });
    this.piece(ops, box, rotation, { text: s.right, x: width - margin, y, align: 'right', size: 9, bold: true, color: INK });
    if (s.top) once(`${at} top ${s.top}`, { text: s.top, x: width / 2, y: height - 16, align: 'center', size: 9, bold: true, color: RED });
    // Left uncompressed: a few hundred bytes a page, and deflating a thousand of them costs more than it saves.
    return PDFContentStream.of(context.obj({}), ops, false);
  }
}
