// Redaction marks and the geometry that decides which words a mark destroys. A mark is a box in
// PDF points from the page's top-left corner (as the page is shown, rotation applied), carrying
// the exemption relied on. Pure: widths of text come in as a function, so the same rules serve
// producing the copy, marking by search and proving that nothing under a box survived.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type RedactionTarget = { kind: 'attachment'; id: number } | { kind: 'email'; id: number };

export interface RedactionMark {
  id: number;
  target: RedactionTarget;
  /** 1-based page of the document (for an email: of the email as rendered for the bundle). */
  page: number;
  box: Box;
  /** The exemption relied on, as applied to the case: "FOIA s40(2)". */
  code: string;
  /** The text searched for when the mark was made by search; '' for a box drawn by hand. */
  matched: string;
  createdAt: string;
  createdBy: string;
}

/** A run of text on a page as a PDF reader gives it, placed in the same top-left coordinates. */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  baseline: number;
  width: number;
  size: number;
  /** False for rotated or vertical text: then it is never split into words. */
  horizontal: boolean;
}

export interface Word {
  text: string;
  box: Box;
}

/** Relative advance of a piece of text (any unit): the runs' real width is shared out by it. */
export type WidthOf = (text: string) => number;

export const MIN_BOX = 1;

export function overlaps(a: Box, b: Box): boolean {
  const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return dx > 0 && dy > 0;
}

/** The part of a line of text that ink surely covers: used to decide whether a box hides a word. */
export function coreBox(x: number, width: number, baseline: number, size: number): Box {
  return { x, y: baseline - 0.7 * size, w: Math.max(width, 0.01), h: 0.85 * size };
}

/** Where a substring of a run lies, sharing the run's width out in proportion to `widthOf`. */
export function spanOf(run: TextRun, start: number, end: number, widthOf: WidthOf): { x: number; width: number } {
  const whole = widthOf(run.str);
  if (!run.horizontal || whole <= 0) return { x: run.x, width: run.width };
  const before = widthOf(run.str.slice(0, start));
  const part = widthOf(run.str.slice(start, end));
  return { x: run.x + (run.width * before) / whole, width: (run.width * part) / whole };
}

/** Every word of a run with the box its ink covers; a run that cannot be split is one word. */
export function wordsOf(run: TextRun, widthOf: WidthOf): Word[] {
  if (!run.horizontal) return run.str.trim() ? [{ text: run.str, box: coreBox(run.x, run.width, run.baseline, run.size) }] : [];
  const words: Word[] = [];
  for (const m of run.str.matchAll(/\S+/gu)) {
    const span = spanOf(run, m.index, m.index + m[0].length, widthOf);
    words.push({ text: m[0], box: coreBox(span.x, span.width, run.baseline, run.size) });
  }
  return words;
}

/** Words a set of boxes hides (`hidden`) and the rest (`kept`), for one page. */
export function partitionWords(runs: readonly TextRun[], boxes: readonly Box[], widthOf: WidthOf): { kept: Word[]; hidden: Word[] } {
  const kept: Word[] = [];
  const hidden: Word[] = [];
  for (const run of runs) {
    for (const w of wordsOf(run, widthOf)) (boxes.some((b) => overlaps(w.box, b)) ? hidden : kept).push(w);
  }
  return { kept, hidden };
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('en-GB');

/**
 * Boxes over every occurrence of `query` in a page's runs (case-insensitive), padded to cover the
 * glyphs' ascenders and descenders. An occurrence split across two runs is found in neither; a
 * name split across lines must be marked by hand.
 */
export function findOccurrences(runs: readonly TextRun[], query: string, widthOf: WidthOf): Box[] {
  const q = fold(query.trim());
  if (!q) return [];
  const boxes: Box[] = [];
  for (const run of runs) {
    const hay = fold(run.str);
    // Folding can change a string's length (rare ligatures); then the whole run is marked.
    const sameLength = hay.length === run.str.length;
    for (let at = hay.indexOf(q); at !== -1; at = hay.indexOf(q, at + q.length)) {
      if (!run.horizontal) {
        // A turned run is one box already (its exact extent): the whole run, a point round it.
        const core = coreBox(run.x, run.width, run.baseline, run.size);
        boxes.push(roundOut({ x: core.x - 1, y: core.y - 1, w: core.w + 2, h: core.h + 2 }));
        break;
      }
      const span = sameLength ? spanOf(run, at, at + q.length, widthOf) : { x: run.x, width: run.width };
      boxes.push(roundOut({ x: span.x - 1, y: run.baseline - 1.0 * run.size, w: span.width + 2, h: 1.35 * run.size }));
    }
  }
  return boxes;
}

/**
 * A box given on the page as shown, in the page's own (unturned) top-left coordinates, for a page
 * of unturned size `width` × `height` turned clockwise by `rotation` degrees when shown.
 */
export function unturnBox(b: Box, rotation: number, width: number, height: number): Box {
  const r = ((rotation % 360) + 360) % 360;
  const point = (u: number, v: number): [number, number] =>
    r === 90 ? [v, height - u] : r === 180 ? [width - u, height - v] : r === 270 ? [width - v, u] : [u, v];
  const [x0, y0] = point(b.x, b.y);
  const [x1, y1] = point(b.x + b.w, b.y + b.h);
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) };
}

/** A box on whole hundredths of a point, never smaller than what it was made from. */
export function roundOut(b: Box): Box {
  const x = Math.floor(b.x * 100) / 100;
  const y = Math.floor(b.y * 100) / 100;
  return { x, y, w: Math.ceil((b.x + b.w - x) * 100) / 100, h: Math.ceil((b.y + b.h - y) * 100) / 100 };
}

/** A box inside the page, or why not. */
export function checkBox(b: Box, page: { width: number; height: number }): string | null {
  if (![b.x, b.y, b.w, b.h].every(Number.isFinite)) return 'The box must be four numbers: X,Y,W,H.';
  if (b.w < MIN_BOX || b.h < MIN_BOX) return `The box must be at least ${MIN_BOX} point wide and high.`;
  if (b.x < 0 || b.y < 0 || b.x + b.w > page.width + 0.5 || b.y + b.h > page.height + 0.5) {
    return `The box falls outside the page (${Math.round(page.width)} × ${Math.round(page.height)} points).`;
  }
  return null;
}

/** Counts of each word, for checking that a copy holds no more of a hidden word than was kept. */
export function wordCounts(words: readonly { text: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) {
    const k = fold(w.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** A row of the exemption schedule: one document's page, the exemptions relied on there. */
export interface RedactionScheduleRow {
  document: string;
  page: number;
  codes: string[];
  marks: number;
}

export function redactionSchedule(marks: readonly RedactionMark[], documentName: (t: RedactionTarget) => string): RedactionScheduleRow[] {
  const rows = new Map<string, RedactionScheduleRow>();
  for (const m of [...marks].sort((a, b) => a.target.kind.localeCompare(b.target.kind) || a.target.id - b.target.id || a.page - b.page)) {
    const key = `${m.target.kind}-${m.target.id}-${m.page}`;
    const row = rows.get(key) ?? { document: documentName(m.target), page: m.page, codes: [], marks: 0 };
    if (!row.codes.includes(m.code)) row.codes.push(m.code);
    row.marks++;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** "12,40.5,100,14" → a box; null when it is not four numbers. */
export function parseBox(text: string): Box | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null;
  const [x, y, w, h] = parts.map(Number) as [number, number, number, number];
  return { x, y, w, h };
}

/** A redacted copy filed on the case, linked to what it was made from. */
export interface RedactedCopyInfo {
  attachmentId: number;
  filename: string;
  sha256: string;
  source: RedactionTarget;
  pages: number[];
  marks: number;
  producedAt: string;
  /** False when the source's marks changed after this copy was made. */
  current: boolean;
}

/** A document that can be marked: a PDF attachment, or an email as the bundle renders it. */
export interface RedactableDocument {
  target: RedactionTarget;
  name: string;
}

export interface RedactionOverview {
  reference: string;
  /** The exemptions applied to the case, as a mark names them ("s40(2)"). */
  codes: string[];
  documents: RedactableDocument[];
  marks: RedactionMark[];
  schedule: RedactionScheduleRow[];
  copies: RedactedCopyInfo[];
}

export interface RedactionPage {
  target: RedactionTarget;
  page: number;
  pages: number;
  /** The page as shown, in points. */
  width: number;
  height: number;
  /** PNG of the page at `dpi`, for drawing boxes over. */
  imageBase64: string;
  dpi: number;
  marks: RedactionMark[];
}

export interface ProducedCopy {
  attachment: { id: number; sha256: string; role: 'disclosed'; filename: string };
  redactedPages: number[];
  verified: true;
  /** What the copy left behind of the original: "1 form", "2 links". */
  removed: string[];
}

/** The response pack as saved: the letter and each document sent, redacted ones by their copy. */
export interface PackResult {
  saved: boolean;
  path: string | null;
  format: 'pdf' | 'zip';
  letter: { kind: string; letterDate: string };
  documents: { filename: string; sha256: string; redacted: boolean }[];
  pages: number;
  size: number;
  sha256: string | null;
}
