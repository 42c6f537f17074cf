// Pure text layout for letters: word wrapping and pagination. No pdf-lib here, so the rules
// (where a line breaks, what moves to the next page) are tested with a fake `measure`.
// Coordinates are PDF points with the origin at the bottom left, as pdf-lib draws them.

export type FontKey = 'regular' | 'bold';

/** Width in points of `text` set in `font` at `size`. */
export type Measure = (text: string, font: FontKey, size: number) => number;

export interface PositionedLine {
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  text: string;
  font: FontKey;
  size: number;
  /** Footer text, drawn in grey. */
  muted?: boolean;
}

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const MM = 72 / 25.4;

/** A4 with 25 mm margins, the usual for UK public-sector correspondence. */
export const A4: PageGeometry = {
  width: 595.28,
  height: 841.89,
  margin: { top: 25 * MM, right: 25 * MM, bottom: 25 * MM, left: 25 * MM },
};

export interface LayoutBlock {
  text: string;
  font?: FontKey;
  size?: number;
  /** Line height as a multiple of the size. */
  lineHeight?: number;
  /** Points above the block; dropped at the top of a page, where it would only waste space. */
  spaceBefore?: number;
  indent?: number;
  rightIndent?: number;
  /** Narrower than the text column, e.g. the recipient block beside the references. */
  width?: number;
  /** 'right': every line flush with the right edge (letterhead, references). */
  align?: 'left' | 'right';
  /** A bullet drawn at the indent; the text hangs at indent + hang. */
  bullet?: string;
  hang?: number;
  /** Never end a page with this block (headings, the closing before the signature). */
  keepWithNext?: boolean;
  /** Second column: starts level with the previous block's top (plus this block's spaceBefore);
   * the pair moves as one. */
  beside?: boolean;
}

export interface FooterItem {
  text: string;
  align: 'left' | 'center' | 'right';
}

export interface LayoutOptions {
  page: PageGeometry;
  measure: Measure;
  footer?: (pageNumber: number, pageCount: number) => FooterItem[];
  footerSize?: number;
  /** Blocks up to this many lines move whole to the next page rather than split. Longer ones
   * (a long quoted request) split, or they would leave most of a page blank. */
  keepTogetherMaxLines?: number;
  /** Ascent and descent as fractions of the size; defaults are Noto Sans's. */
  ascent?: number;
  descent?: number;
}

const DEFAULT_SIZE = 11;
const DEFAULT_LINE_HEIGHT = 1.4;
/** Widows and orphans: a split block leaves at least this many lines on each page. */
const MIN_SPLIT_LINES = 2;
/** Sums of line heights drift in the last bits; a line that fits exactly must still fit. */
const EPSILON = 1e-6;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters after which an over-long word (URL, email address) breaks most legibly. */
const SOFT_BREAK_AFTER = new Set(['/', '.', '@', '-', '_', '?', '&', '=', '#', ',', ';', ':']);

/**
 * Widths of single graphemes and words, measured once each. Text from files can be anything (a
 * 20 MB minified export on one line): measuring a growing line again for every word or letter
 * would be quadratic, so widths are summed instead and only a finished line is measured whole.
 */
function widthCache(measure: (s: string) => number): (s: string) => number {
  const cache = new Map<string, number>();
  return (s) => {
    let w = cache.get(s);
    if (w === undefined) {
      w = measure(s);
      if (cache.size < 50_000) cache.set(s, w);
    }
    return w;
  };
}

/** Breaks a word wider than `maxWidth` into pieces that fit, at characters, never inside one. */
export function breakWord(word: string, maxWidth: number, measure: (s: string) => number): string[] {
  const width = widthCache(measure);
  const pieces: string[] = [];
  let piece: string[] = [];
  let pieceWidth = 0;
  const flush = (upTo: number) => {
    pieces.push(piece.slice(0, upTo).join(''));
    piece = piece.slice(upTo);
    pieceWidth = piece.reduce((sum, c) => sum + width(c), 0);
  };
  // One grapheme at a time, so memory stays bounded by a line whatever the length of the word.
  for (const { segment } of graphemes.segment(word)) {
    const w = width(segment);
    if (piece.length > 0 && pieceWidth + w > maxWidth) {
      // Prefer to cut after a '/' or '.' in the second half of the piece, like a browser would.
      let cut = piece.length;
      for (let i = piece.length - 1; i > piece.length / 2; i--) {
        if (SOFT_BREAK_AFTER.has(piece[i] ?? '')) {
          cut = i + 1;
          break;
        }
      }
      flush(cut);
    }
    piece.push(segment);
    pieceWidth += w;
  }
  if (piece.length > 0) flush(piece.length);
  return pieces;
}

/** Greedy word wrap. Explicit newlines always break; an empty line stays as a blank line. */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  const width = widthCache(measure);
  const space = measure(' ');
  for (const hardLine of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const match of hardLine.matchAll(/[^ \t]+/gu)) {
      const word = match[0];
      const w = word.length > 200 ? Infinity : width(word);
      // Near the edge the sum is checked against the whole line measured once (kerning across words).
      const sum = lineWidth + space + w;
      if (line !== '' && sum <= maxWidth && (sum < maxWidth * 0.97 || measure(`${line} ${word}`) <= maxWidth)) {
        line = `${line} ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line === '' && w <= maxWidth) {
        line = word;
        lineWidth = w;
        continue;
      }
      if (line !== '') out.push(line);
      if (w <= maxWidth) {
        line = word;
        lineWidth = w;
      } else {
        const pieces = breakWord(word, maxWidth, measure);
        line = pieces.pop() ?? '';
        lineWidth = measure(line);
        for (const piece of pieces) out.push(piece);
      }
    }
    out.push(line);
  }
  return out;
}

interface Item {
  x: number;
  /** Baseline below the row group's top. */
  dy: number;
  text: string;
  font: FontKey;
  size: number;
}

/** Indivisible unit of height: one line, or a side-by-side pair of blocks. */
interface Row {
  height: number;
  items: Item[];
}

interface Prepared {
  spaceBefore: number;
  rows: Row[];
  keepWithNext: boolean;
}

function prepare(block: LayoutBlock, opts: Required<Omit<LayoutOptions, 'footer'>>): Prepared {
  const { page, measure } = opts;
  const font = block.font ?? 'regular';
  const size = block.size ?? DEFAULT_SIZE;
  const lineHeight = size * (block.lineHeight ?? DEFAULT_LINE_HEIGHT);
  const columnLeft = page.margin.left + (block.indent ?? 0);
  const columnRight = page.width - page.margin.right - (block.rightIndent ?? 0);
  const hang = block.bullet === undefined ? 0 : (block.hang ?? size * 1.3);
  const width = Math.min(block.width ?? Infinity, columnRight - columnLeft) - hang;
  const m = (s: string) => measure(s, font, size);
  const lines = wrapText(block.text, width, m);
  const left = (line: string) => (block.align === 'right' ? columnRight - hang - m(line) : columnLeft);
  // Centre the font's ascent-to-descent box in the line box.
  const baseline = (lineHeight - size * (opts.ascent + opts.descent)) / 2 + size * opts.ascent;
  const rows = lines.map((text, i): Row => {
    const items: Item[] = [];
    if (i === 0 && block.bullet !== undefined) items.push({ x: columnLeft, dy: baseline, text: block.bullet, font, size });
    if (text !== '') items.push({ x: left(text) + hang, dy: baseline, text, font, size });
    return { height: lineHeight, items };
  });
  return { spaceBefore: block.spaceBefore ?? 0, rows, keepWithNext: block.keepWithNext ?? false };
}

/** Folds a `beside` block into the previous one as a single row group that never splits. */
function mergeBeside(prev: Prepared, next: Prepared): Prepared {
  const flatten = (p: Prepared, offset: number): Item[] => {
    let top = offset;
    const items: Item[] = [];
    for (const row of p.rows) {
      for (const it of row.items) items.push({ ...it, dy: it.dy + top });
      top += row.height;
    }
    return items;
  };
  const height = (p: Prepared) => p.rows.reduce((h, r) => h + r.height, 0);
  const offset = next.spaceBefore;
  return {
    spaceBefore: prev.spaceBefore,
    rows: [{ height: Math.max(height(prev), offset + height(next)), items: flatten(prev, 0).concat(flatten(next, offset)) }],
    keepWithNext: next.keepWithNext,
  };
}

const rowsHeight = (rows: Row[]) => rows.reduce((h, r) => h + r.height, 0);

/** Lays blocks out top to bottom onto as many pages as they need, then adds footers. */
export function layoutBlocks(blocks: LayoutBlock[], options: LayoutOptions): PositionedLine[][] {
  const opts = {
    keepTogetherMaxLines: 8,
    ascent: 1.069,
    descent: 0.293,
    footerSize: 9,
    ...options,
  };
  const { page } = opts;
  const prepared: Prepared[] = [];
  for (const block of blocks) {
    const p = prepare(block, opts);
    const prev = prepared[prepared.length - 1];
    if (block.beside && prev) prepared[prepared.length - 1] = mergeBeside(prev, p);
    else prepared.push(p);
  }

  const capacity = page.height - page.margin.top - page.margin.bottom;
  const keptWhole = (p: Prepared) => p.rows.length <= opts.keepTogetherMaxLines && rowsHeight(p.rows) <= capacity;
  // Height block i needs on the page it starts on: all of it if kept whole, else its first lines.
  const lead = (i: number): number => {
    const p = prepared[i];
    if (!p) return 0;
    if (!keptWhole(p)) return p.spaceBefore + rowsHeight(p.rows.slice(0, MIN_SPLIT_LINES));
    return p.spaceBefore + rowsHeight(p.rows) + (p.keepWithNext ? lead(i + 1) : 0);
  };

  const pages: PositionedLine[][] = [[]];
  let cursor = 0; // distance below the top margin
  const newPage = () => {
    pages.push([]);
    cursor = 0;
  };
  const place = (rows: Row[]) => {
    const current = pages[pages.length - 1] as PositionedLine[];
    for (const row of rows) {
      for (const it of row.items) {
        current.push({ x: it.x, y: page.height - page.margin.top - cursor - it.dy, text: it.text, font: it.font, size: it.size });
      }
      cursor += row.height;
    }
  };
  const room = () => capacity - cursor;

  prepared.forEach((p, i) => {
    if (cursor !== 0) {
      let need = rowsHeight(p.rows.slice(0, MIN_SPLIT_LINES));
      if (keptWhole(p)) {
        // This block and whatever must stay with it; a chain too long for any page is given
        // up, and then only the block itself has to fit.
        const chain = lead(i) - p.spaceBefore;
        need = chain <= capacity ? chain : rowsHeight(p.rows);
      }
      if (p.spaceBefore + need > room() + EPSILON) newPage();
      else cursor += p.spaceBefore;
    }

    let rows = p.rows;
    while (rows.length > 0) {
      let n = 0;
      let h = 0;
      while (n < rows.length && h + (rows[n] as Row).height <= room() + EPSILON) h += (rows[n++] as Row).height;
      if (n < rows.length) {
        // Leave no single line behind: pull lines back so the next page gets at least two.
        if (rows.length - n < MIN_SPLIT_LINES && n > MIN_SPLIT_LINES) n = Math.max(MIN_SPLIT_LINES, rows.length - MIN_SPLIT_LINES);
        if (n === 0 && cursor === 0) n = 1; // a row taller than the page: place it anyway
      }
      place(rows.slice(0, n));
      rows = rows.slice(n);
      if (rows.length > 0) newPage();
    }
  });

  if (opts.footer) {
    const size = opts.footerSize;
    // The footer sits in the bottom margin, about 12 mm up from the page edge.
    const y = page.margin.bottom / 2;
    pages.forEach((lines, index) => {
      for (const item of opts.footer?.(index + 1, pages.length) ?? []) {
        const w = opts.measure(item.text, 'regular', size);
        const x =
          item.align === 'left' ? page.margin.left
          : item.align === 'right' ? page.width - page.margin.right - w
          : (page.width - w) / 2;
        lines.push({ x, y, text: item.text, font: 'regular', size, muted: true });
      }
    });
  }
  return pages;
}
