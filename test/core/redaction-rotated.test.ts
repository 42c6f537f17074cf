// A page turned by /Rotate: marks are made on the page as it is shown, so the word found by search
// is the one destroyed in the copy, and the closed bundle's outline falls on that word as shown.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { findOccurrences } from '../../src/shared/domain/redaction';
import { openReader } from '../../src/main/core/redaction/reader';
import { produceRedactedCopy, widthOfText } from '../../src/main/core/redaction/copy';
import { verifyCopy } from '../../src/main/core/redaction/verify';
import { outlineMarks } from '../../src/main/core/redaction/bundle';
import { loadFontFiles } from '../../src/main/core/pdf/fonts';
import { tempDir } from '../helpers/core';

const canvasLib = createRequire(import.meta.url)('@napi-rs/canvas') as { loadImage(b: Buffer): Promise<{ width: number; height: number }>; createCanvas(w: number, h: number): { getContext(k: '2d'): CanvasRenderingContext2D } };

async function rotatedPdf(angle: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Rotated page naming Mr Okonkwo as the source.', { x: 72, y: 700, size: 14, font });
  page.drawText('Another line that stays in the copy.', { x: 72, y: 660, size: 14, font });
  page.setRotation(degrees(angle));
  return doc.save();
}

async function pixels(file: string) {
  const out = join(tempDir('disclose-rot-png-'), 'p');
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', file, out]);
  const img = await canvasLib.loadImage(readFileSync(`${out}.png`));
  const c = canvasLib.createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  g.drawImage(img as unknown as CanvasImageSource, 0, 0);
  return { width: img.width, height: img.height, data: g.getImageData(0, 0, img.width, img.height).data };
}

describe.each([90, 270])('a page rotated by %i degrees', (angle) => {
  it('loses the word found by search from the copy, and the closed bundle outlines it where it is shown', async () => {
    const dir = tempDir('disclose-rot-');
    const bytes = await rotatedPdf(angle);
    const reader = await openReader(bytes, 'resources');
    const g = await reader.geometry(1);
    await reader.close();
    expect(g.width).toBeCloseTo(841.89); // shown turned: landscape
    const widthOf = await widthOfText();
    const boxes = findOccurrences(g.runs, 'Okonkwo', widthOf);
    expect(boxes).toHaveLength(1);
    const marks = [{ page: 1, box: boxes[0]!, code: 's40(2)' }];
    const made = await produceRedactedCopy(bytes, marks, await loadFontFiles('resources'), 'resources');
    expect((await verifyCopy(made, marks, 1, widthOf, 'resources')).verified).toBe(true);
    writeFileSync(join(dir, 'copy.pdf'), made.bytes);
    const text = execFileSync('pdftotext', [join(dir, 'copy.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Okonkwo');
    expect(text).toContain('stays');

    writeFileSync(join(dir, 'outlined.pdf'), await outlineMarks(bytes, [{ id: 1, target: { kind: 'attachment', id: 1 }, page: 1, box: boxes[0]!, code: 's40(2)', matched: '', createdAt: '', createdBy: '' }]));
    const px = await pixels(join(dir, 'outlined.pdf'));
    expect(px.width).toBe(842);
    // Red outline pixels along the box's top edge as shown, none far from it.
    const red = (x: number, y: number) => {
      const i = (Math.round(y) * px.width + Math.round(x)) * 4;
      return px.data[i]! > 150 && px.data[i + 1]! < 90 && px.data[i + 2]! < 90;
    };
    const b = boxes[0]!;
    let onEdge = 0;
    for (let x = b.x + 2; x < b.x + b.w - 2; x++) if (red(x, b.y) || red(x, b.y + 1) || red(x, b.y - 1)) onEdge++;
    expect(onEdge / (b.w - 4)).toBeGreaterThan(0.8);
    expect(red(b.x + b.w / 2, b.y + 200)).toBe(false);
  }, 60_000);
});
