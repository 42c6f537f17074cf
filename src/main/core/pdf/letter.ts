// Renders a letter view model as an A4 PDF in the plain style of UK public-sector letters:
// letterhead top right, addressee left with the references beside it, subject, body, signature.
// The same view gives the same bytes: no clock, no random ids, metadata set from the view.
import { PDFDocument, rgb } from 'pdf-lib';
import { formatLongDate } from '../../../shared/domain/dates';
import type { LetterBlock, LetterView } from '../../../shared/domain/letters/view';
import { embedFonts, type FontFiles } from './fonts';
import { A4, layoutBlocks, type FontKey, type LayoutBlock, type Measure } from './layout';
import { drawRuns, faceOf, normaliseText, textWidth, toRuns, type Face } from './text';

const CONTENT_WIDTH = A4.width - A4.margin.left - A4.margin.right;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

function bodyBlock(block: LetterBlock): LayoutBlock[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ text: normaliseText(block.text), spaceBefore: 9 }];
    case 'quote':
      // The request in the requester's words: set in from both sides, otherwise plain.
      return [{ text: normaliseText(block.text), spaceBefore: 9, indent: 24, rightIndent: 24 }];
    case 'heading':
      return [{ text: normaliseText(block.text), font: 'bold', spaceBefore: 16, keepWithNext: true }];
    case 'list':
      return block.items.map((item, i) => ({
        text: normaliseText(item),
        spaceBefore: i === 0 ? 9 : 4,
        indent: 12,
        bullet: '•',
        hang: 14,
      }));
    default: {
      const unknown: never = block;
      throw new Error(`Unknown letter block: ${JSON.stringify(unknown)}`);
    }
  }
}

/** The whole letter as layout blocks, top to bottom. */
export function letterBlocks(view: LetterView): LayoutBlock[] {
  const clean = (lines: string[]) => lines.map(normaliseText).join('\n');
  const references = [
    ...view.references.map((r) => `${r.label}: ${r.value}`),
    `Date: ${formatLongDate(view.date)}`,
  ];
  const body = view.blocks.flatMap(bodyBlock);
  // The signature never stands alone on a page: the last of the body goes over with it.
  const last = body[body.length - 1];
  if (last) body[body.length - 1] = { ...last, keepWithNext: true };
  return [
    { text: normaliseText(view.letterhead.name), font: 'bold', size: 15, lineHeight: 1.25, align: 'right' },
    { text: clean(view.letterhead.lines), size: 9.5, lineHeight: 1.35, spaceBefore: 3, align: 'right' },
    // The addressee sits where a window envelope shows it; the references share its top line.
    { text: clean(view.recipient), lineHeight: 1.3, spaceBefore: 30, width: CONTENT_WIDTH * 0.55 },
    { text: clean(references), size: 10, lineHeight: 1.4, align: 'right', width: CONTENT_WIDTH * 0.42, beside: true },
    { text: normaliseText(view.subject), font: 'bold', spaceBefore: 28 },
    { text: normaliseText(view.salutation), spaceBefore: 14 },
    ...body,
    { text: normaliseText(view.closing), spaceBefore: 16, keepWithNext: true },
    // The blank space above the name is where the officer signs.
    {
      text: clean([view.signatory.name, view.signatory.title, view.signatory.authority].filter((s) => s !== '')),
      spaceBefore: 40,
    },
  ];
}

/** ISO date at 00:00 UTC, so the PDF's dates do not depend on the machine's zone. */
function midnightUtc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export async function renderLetter(view: LetterView, fonts: FontFiles): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const embedded = await embedFonts(doc, fonts);
  const regular = faceOf(embedded.regular);
  const fallback = faceOf(embedded.fallback);
  const chains: Record<FontKey, Face[]> = {
    regular: [regular, fallback],
    bold: [faceOf(embedded.bold), regular, fallback],
  };

  // Wrapping measures the same words many times; fontkit layout is the slow part.
  const widths = new Map<string, number>();
  const measure: Measure = (text, font, size) => {
    const key = `${font}|${size}|${text}`;
    let w = widths.get(key);
    if (w === undefined) widths.set(key, (w = textWidth(text, chains[font], size)));
    return w;
  };

  const firstReference = view.references[0];
  const footerReference = firstReference ? normaliseText(`${firstReference.label}: ${firstReference.value}`) : undefined;
  const pages = layoutBlocks(letterBlocks(view), {
    page: A4,
    measure,
    footer: (n, count) => [
      // Continuation pages carry the reference, in case they are separated from page 1.
      ...(n > 1 && footerReference ? [{ text: footerReference, align: 'left' as const }] : []),
      { text: `Page ${n} of ${count}`, align: 'right' as const },
    ],
  });

  for (const lines of pages) {
    const page = doc.addPage([A4.width, A4.height]);
    for (const line of lines) {
      drawRuns(page, toRuns(line.text, chains[line.font]), {
        x: line.x,
        y: line.y,
        size: line.size,
        color: line.muted ? MUTED : INK,
      });
    }
  }

  const date = midnightUtc(view.date);
  doc.setTitle(normaliseText(view.title), { showInWindowTitleBar: true });
  doc.setAuthor(normaliseText(view.signatory.authority));
  doc.setSubject(normaliseText(view.subject));
  doc.setCreator('Disclose');
  doc.setProducer('Disclose');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage('en-GB');
  return doc.save();
}
