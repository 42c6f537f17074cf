// Real PDFs to redact, built here: text pages, a vector drawing, a scanned page (an image with no
// text layer) and a page whose text hides behind an image. Positions are in points from the top
// left, as marks are, so a test can put a box exactly over a word it wrote.
import { createRequire } from 'node:module';
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';

const canvasLib = createRequire(import.meta.url)('@napi-rs/canvas') as {
  createCanvas(w: number, h: number): { getContext(k: '2d'): CanvasRenderingContext2D; toBuffer(t: 'image/png'): Buffer };
};

export const A4 = { width: 595.28, height: 841.89 };

export interface Placed {
  text: string;
  page: number;
  x: number;
  /** Top of the line's box (baseline minus the font size). */
  y: number;
  w: number;
  h: number;
}

export interface BuiltPdf {
  bytes: Uint8Array;
  placed: Placed[];
}

/** A box over a placed word with a little room round its glyphs. */
export const boxOver = (p: Placed) => ({ x: p.x - 1, y: p.y - 1, w: p.w + 2, h: p.h + 4 });

/** An image of a typed page, as a scanner would give it: pixels only. */
export function scanImage(lines: string[], width = 1240, height = 1754): Uint8Array {
  const canvas = canvasLib.createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#f4f1ea';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#202020';
  lines.forEach((_, i) => g.fillRect(100, 200 + i * 80, 700 + (i % 3) * 120, 36));
  return new Uint8Array(canvas.toBuffer('image/png'));
}

/**
 * Four pages: 1 text (with a name, an email address and a price), 2 a vector drawing with labels,
 * 3 a scanned page, 4 text behind an opaque image; plus an AcroForm field, a link, metadata, an
 * embedded file and document JavaScript, all of which the redacted copy must leave behind.
 */
export async function mixedPdf(): Promise<BuiltPdf> {
  const doc = await PDFDocument.create();
  doc.setTitle('Tender evaluation');
  doc.setAuthor('Jane Smith');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const placed: Placed[] = [];
  const write = (pageNo: number, text: string, x: number, top: number, size = 12) => {
    const page = doc.getPage(pageNo - 1);
    page.drawText(text, { x, y: A4.height - top - size, size, font, color: rgb(0, 0, 0) });
    let cursor = x;
    for (const word of text.split(' ')) {
      const w = font.widthOfTextAtSize(word, size);
      placed.push({ text: word, page: pageNo, x: cursor, y: top, w, h: size });
      cursor += w + font.widthOfTextAtSize(' ', size);
    }
  };
  for (let i = 0; i < 4; i++) doc.addPage([A4.width, A4.height]);
  write(1, 'Evaluation of tenders for the library refurbishment', 72, 72, 14);
  write(1, 'Prepared by Jane Smith (jane.smith@borsetshire.gov.uk)', 72, 110);
  write(1, 'The winning price was 48,250 pounds including VAT.', 72, 140);
  write(1, 'Questions go to Jane Smith in the procurement team.', 72, 170);
  write(1, 'Scores were moderated by the panel on 3 March.', 72, 200);

  const p2 = doc.getPage(1);
  p2.drawRectangle({ x: 100, y: 400, width: 300, height: 200, borderColor: rgb(0.1, 0.2, 0.7), borderWidth: 3, color: rgb(0.85, 0.9, 1) });
  p2.drawLine({ start: { x: 100, y: 400 }, end: { x: 400, y: 600 }, thickness: 4, color: rgb(0.8, 0.1, 0.1) });
  p2.drawCircle({ x: 480, y: 500, size: 50, color: rgb(0.1, 0.6, 0.2) });
  write(2, 'Site plan: plot 7 belongs to Mr Okonkwo', 72, 150);
  write(2, 'Access road shown in red', 72, 180);

  const scan = await doc.embedPng(scanImage(['a', 'b', 'c', 'd', 'e', 'f']));
  doc.getPage(2).drawImage(scan, { x: 0, y: 0, width: A4.width, height: A4.height });

  write(4, 'Visible heading above the photograph', 72, 72);
  write(4, 'Hidden informant Gwendolyn Prysor-Jones', 72, 300);
  const cover = await doc.embedPng(scanImage([], 400, 120));
  doc.getPage(3).drawImage(cover, { x: 60, y: A4.height - 340, width: 420, height: 90 });

  // Things that must not survive into a copy.
  const form = doc.getForm();
  form.createTextField('reviewer').addToPage(doc.getPage(0), { x: 72, y: 500, width: 200, height: 20 });
  form.getTextField('reviewer').setText('Jane Smith');
  const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 600, 200, 620], A: { S: 'URI', URI: PDFString.of('https://example.org/') } });
  doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([...(doc.getPage(0).node.Annots()?.asArray() ?? []), doc.context.register(link)]));
  await doc.attach(new TextEncoder().encode('Jane Smith, private notes'), 'notes.txt', { mimeType: 'text/plain' });
  doc.addJavaScript('hello', 'app.alert("hello")');
  return { bytes: await doc.save(), placed };
}

/** A plain text document of `pages` pages, each naming its page and the same officer. */
export async function longPdf(pages: number): Promise<BuiltPdf> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const placed: Placed[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([A4.width, A4.height]);
    for (let line = 0; line < 40; line++) {
      const text = line === 5 ? `Officer Jane Smith approved item ${n}` : `Page ${n} line ${line}: ordinary text of the record that stays.`;
      page.drawText(text, { x: 60, y: A4.height - 60 - line * 18 - 11, size: 11, font });
      if (line === 5) placed.push({ text: 'Jane Smith', page: n, x: 60 + font.widthOfTextAtSize('Officer ', 11), y: 60 + line * 18, w: font.widthOfTextAtSize('Jane Smith', 11), h: 11 });
    }
  }
  return { bytes: await doc.save(), placed };
}
