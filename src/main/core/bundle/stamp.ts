// The page stamp: the bundle's name and reference bottom left, "Page N of M" bottom right, and on a
// withheld item a marking across the top naming the exemptions. Drawn upright as the page is
// displayed, whatever its /Rotate and crop box, each piece on a small white ground so it reads
// over a scan. A copied page's own content is wrapped in q/Q first (pdf-lib's normalize), so a page
// that leaves the graphics state changed cannot move or scale the stamp.
import { PDFContentStream, fill, popGraphicsState, pushGraphicsState, rectangle, rotateDegrees, setFillingRgbColor, translate, type PDFOperator, type PDFPage } from 'pdf-lib';
import type { Face } from '../pdf/text';
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
  constructor(
    private readonly glyphs: GlyphSet,
    private readonly chains: { regular: readonly Face[]; bold: readonly Face[] },
  ) {}

  private piece(ops: PDFOperator[], page: PDFPage, box: Box, rotation: number, p: Piece) {
    const runs = this.glyphs.set(p.text, p.bold ? this.chains.bold : this.chains.regular, p.size);
    const width = runs.reduce((w, r) => w + r.width, 0);
    const left = p.align === 'right' ? p.x - width : p.align === 'center' ? p.x - width / 2 : p.x;
    const at = toUserSpace(box, rotation, left, p.y);
    ops.push(pushGraphicsState(), translate(at.x, at.y), rotateDegrees(at.angle));
    ops.push(setFillingRgbColor(1, 1, 1), rectangle(-PAD, -p.size * 0.32 - PAD, width + 2 * PAD, p.size * 1.28 + 2 * PAD), fill(), popGraphicsState());
    ops.push(...this.glyphs.ops(page, runs, { x: at.x, y: at.y, size: p.size, color: p.color, angle: at.angle }));
  }

  /** Stamps one page: `left` and `right` along the bottom, `top` (a marking) centred along the top. */
  stamp(page: PDFPage, s: { left: string; right: string; top?: string | null }): void {
    const box = page.getCropBox();
    const rotation = normaliseRotation(page.getRotation().angle);
    const { width, height } = displaySize(box, rotation);
    const margin = Math.min(28, width * 0.05);
    const y = Math.min(14, height * 0.02);
    page.node.normalize();
    const ops: PDFOperator[] = [];
    this.piece(ops, page, box, rotation, { text: s.left, x: margin, y, align: 'left', size: 8, bold: false, color: INK });
    this.piece(ops, page, box, rotation, { text: s.right, x: width - margin, y, align: 'right', size: 9, bold: true, color: INK });
    if (s.top) this.piece(ops, page, box, rotation, { text: s.top, x: width / 2, y: height - 16, align: 'center', size: 9, bold: true, color: RED });
    // Left uncompressed: a few hundred bytes a page, and deflating a thousand of them costs more than it saves.
    const context = page.doc.context;
    page.node.addContentStream(context.register(PDFContentStream.of(context.obj({}), ops, false)));
  }
}
