// Pure page composition for the pages a bundle generates (cover, index, chronology, emails,
// schedules, manifest): paragraphs, tables whose header repeats on each page, rules and images,
// flowed onto A4. Words wrap with the letters' own wrapText; nothing here touches pdf-lib, so the
// rules are tested with a fake `measure`. Coordinates are PDF points from the bottom left.
import { A4, wrapText, type FontKey, type Measure, type PageGeometry } from '../pdf/layout';

export interface TextItem {
  kind: 'text';
  text: string;
  font?: FontKey;
  size?: number;
  spaceBefore?: number;
  indent?: number;
  /** Never end a page with this item (a heading). */
  keepWithNext?: boolean;
  muted?: boolean;
  align?: 'left' | 'center';
}

export interface Column {
  /** Share of the text width; the shares need not add up to 1. */
  share: number;
  align?: 'left' | 'right';
  /** The column's font where the row does not set one (labels in bold). */
  font?: FontKey;
}

export interface TableRow {
  cells: string[];
  font?: FontKey;
  muted?: boolean;
  /** One cell across the whole table (a section heading inside the index). */
  span?: boolean;
  /** A spanning row's indent, as a share of the table's width (to sit under the second column). */
  indent?: number;
  /** Defaults: a spanning row has 6 pt above it and stays with the next row. */
  spaceBefore?: number;
  keepWithNext?: boolean;
}

export interface TableItem {
  kind: 'table';
  columns: Column[];
  /** Repeated at the top of each page the table runs onto; null for a table without one. */
  header: string[] | null;
  rows: TableRow[];
  size?: number;
  spaceBefore?: number;
}

export interface ImageItem {
  kind: 'image';
  key: string;
  width: number;
  height: number;
  spaceBefore?: number;
  /** The most height it may take; default 60% of the text height (an image inside an email). */
  maxHeight?: number;
  /** How far a small image may be enlarged to fill the column; default 1 (never). */
  maxScale?: number;
}

export type FlowItem = TextItem | TableItem | ImageItem | { kind: 'rule'; spaceBefore?: number } | { kind: 'page-break' };

export type DrawOp =
  | { kind: 'text'; x: number; y: number; text: string; font: FontKey; size: number; muted: boolean }
  | { kind: 'rule'; x1: number; x2: number; y: number }
  | { kind: 'image'; key: string; x: number; y: number; width: number; height: number };

/** The generated pages leave the bottom 20 mm clear for the bundle's page stamp. */
export const BUNDLE_PAGE: PageGeometry = { ...A4, margin: { top: 56, right: 56, bottom: 64, left: 56 } };

const LINE = 1.35;
const CELL_GAP = 8;
const ROW_GAP = 3;

/** An indivisible piece of height: one line of text, one table row, a rule or an image. */
interface Unit {
  height: number;
  spaceBefore: number;
  /** Ops relative to the unit's top-left corner, y measured downwards. */
  ops: DrawOp[];
  keepWithNext: boolean;
  /** Repeated at the top of a page when a table carries over to it. */
  header?: Unit;
  pageBreak?: boolean;
}

function textUnits(item: TextItem, page: PageGeometry, measure: Measure): Unit[] {
  const font = item.font ?? 'regular';
  const size = item.size ?? 10.5;
  const left = page.margin.left + (item.indent ?? 0);
  const width = page.width - page.margin.right - left;
  const m = (s: string) => measure(s, font, size);
  const lines = wrapText(item.text, width, m);
  return lines.map((text, i) => ({
    height: size * LINE,
    spaceBefore: i === 0 ? (item.spaceBefore ?? 0) : 0,
    ops: text === '' ? [] : [{ kind: 'text', x: item.align === 'center' ? (page.width - m(text)) / 2 : left, y: size * 1.05, text, font, size, muted: item.muted ?? false }],
    // A heading stays with the next line; a short paragraph's first line stays with its second.
    keepWithNext: (item.keepWithNext ?? false) || (i === 0 && lines.length === 2),
  }));
}

function tableUnits(item: TableItem, page: PageGeometry, measure: Measure): Unit[] {
  const size = item.size ?? 9;
  const total = page.width - page.margin.left - page.margin.right;
  const shares = item.columns.reduce((s, c) => s + c.share, 0);
  const widths = item.columns.map((c) => (c.share / shares) * total);
  const lefts = widths.map((_, i) => page.margin.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const row = (r: TableRow, spaceBefore: number, ruleBelow: boolean): Unit => {
    const ops: DrawOp[] = [];
    let lines = 1;
    const cells = r.span ? [r.cells.join(' ')] : r.cells;
    cells.forEach((cell, c) => {
      const font = r.font ?? (r.span ? undefined : item.columns[c]?.font) ?? 'regular';
      const m = (s: string) => measure(s, font, size);
      const indent = r.span ? (r.indent ?? 0) * total : 0;
      const width = r.span ? total - indent : (widths[c] ?? 0) - (c < cells.length - 1 ? CELL_GAP : 0);
      const wrapped = wrapText(cell, width, m);
      lines = Math.max(lines, wrapped.length);
      wrapped.forEach((text, i) => {
        const right = !r.span && item.columns[c]?.align === 'right';
        const x = right ? (lefts[c] ?? 0) + width - m(text) : (lefts[c] ?? 0) + indent;
        if (text !== '') ops.push({ kind: 'text', x, y: size * 1.05 + i * size * LINE, text, font, size, muted: r.muted ?? false });
      });
    });
    const height = lines * size * LINE + ROW_GAP;
    if (ruleBelow) ops.push({ kind: 'rule', x1: page.margin.left, x2: page.width - page.margin.right, y: height - 1 });
    return { height, spaceBefore, ops, keepWithNext: r.keepWithNext ?? r.span ?? false };
  };
  const header = item.header ? row({ cells: item.header, font: 'bold' }, 0, true) : undefined;
  const units = item.rows.map((r, i): Unit => ({
    ...row(r, i === 0 && !header ? (item.spaceBefore ?? 8) : (r.spaceBefore ?? (r.span ? 6 : 0)), false),
    ...(header ? { header } : {}),
  }));
  return header ? [{ ...header, spaceBefore: item.spaceBefore ?? 8, keepWithNext: true }, ...units] : units;
}

function itemUnits(item: FlowItem, page: PageGeometry, measure: Measure): Unit[] {
  const contentWidth = page.width - page.margin.left - page.margin.right;
  switch (item.kind) {
    case 'text':
      return textUnits(item, page, measure);
    case 'table':
      return tableUnits(item, page, measure);
    case 'rule':
      return [{ height: 6, spaceBefore: item.spaceBefore ?? 4, keepWithNext: false, ops: [{ kind: 'rule', x1: page.margin.left, x2: page.width - page.margin.right, y: 3 }] }];
    case 'image': {
      // Scaled down (never up beyond its own size) to the column and to its maximum height.
      const maxHeight = item.maxHeight ?? (page.height - page.margin.top - page.margin.bottom) * 0.6;
      const scale = Math.min(item.maxScale ?? 1, contentWidth / item.width, maxHeight / item.height);
      const width = item.width * scale;
      const height = item.height * scale;
      return [{ height, spaceBefore: item.spaceBefore ?? 6, keepWithNext: false, ops: [{ kind: 'image', key: item.key, x: page.margin.left, y: height, width, height }] }];
    }
    case 'page-break':
      return [{ height: 0, spaceBefore: 0, keepWithNext: false, ops: [], pageBreak: true }];
  }
}

/** Flows the items onto as many pages as they need; always at least one page. */
export function composePages(items: FlowItem[], measure: Measure, page: PageGeometry = BUNDLE_PAGE): DrawOp[][] {
  const units = items.flatMap((item) => itemUnits(item, page, measure));
  const capacity = page.height - page.margin.top - page.margin.bottom;
  const pages: DrawOp[][] = [[]];
  let cursor = 0;
  const place = (u: Unit) => {
    const top = page.height - page.margin.top - cursor;
    for (const op of u.ops) pages[pages.length - 1]!.push({ ...op, y: top - op.y });
    cursor += u.height;
  };
  const newPage = (u: Unit) => {
    pages.push([]);
    cursor = 0;
    if (u.header && u.header !== u) place(u.header);
  };
  units.forEach((u, i) => {
    if (u.pageBreak) {
      if (cursor > 0) newPage(u);
      return;
    }
    // What must fit with this unit: the chain of units kept with it, unless that chain is too long for any page.
    let need = u.height;
    for (let j = i; units[j]?.keepWithNext && units[j + 1] && !units[j + 1]!.pageBreak; j++) need += units[j + 1]!.spaceBefore + units[j + 1]!.height;
    if (need > capacity) need = u.height;
    if (cursor > 0 && cursor + u.spaceBefore + need > capacity + 1e-6) newPage(u);
    else if (cursor > 0) cursor += u.spaceBefore;
    place(u);
  });
  return pages;
}
