// Text that any requester's name can be printed in: clean it, then split it into runs that each
// use the first font with glyphs for all of it (Noto Sans, then the CJK fallback). A character no
// font has becomes U+FFFD: a letter must still print when a name holds an emoji.
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

/** A font plus the code points it has glyphs for, looked up once per document. */
export interface Face {
  font: PDFFont;
  covers: ReadonlySet<number>;
}

/** Consecutive characters drawn with one font. */
export interface Run {
  text: string;
  face: Face;
}

export function faceOf(font: PDFFont): Face {
  return { font, covers: new Set(font.getCharacterSet()) };
}

const REPLACEMENT = '\uFFFD';

/** Line and paragraph separators that pasted text brings; all become '\n'. */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
/** Control characters other than tab and newline: pasted from email or Word, never meant to print. */
const CONTROLS = /\p{Cc}/gu;
/** Invisible format characters that have no glyph and would print as boxes: soft hyphen,
 * zero-width space, bidi marks and isolates, word joiner, byte order mark. */
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Half a surrogate pair (from a truncated string) cannot be encoded; mark where it was. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes text printable: one kind of newline, no control or invisible characters, and NFC so
 * that "e" + U+0301 (as macOS and some web forms send it) is the single glyph "é".
 * Stripping comes before NFC, so a control character between a letter and its accent goes too.
 */
export function normaliseText(input: string): string {
  return input
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, (c) => (c === '\n' || c === '\t' ? c : ''))
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, REPLACEMENT)
    .normalize('NFC');
}

/** Joiners, variation selectors and tag characters: a font may lack them and still draw the
 * character they modify, so they do not count against a font and are dropped when absent. */
function isIgnorable(cp: number): boolean {
  return (
    cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0020 && cp <= 0xe007f) || (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function codePoints(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0) as number);
}

/** Splits `text` (already normalised) into runs over the fonts of `chain`, first one first. */
export function toRuns(text: string, chain: readonly Face[]): Run[] {
  const primary = chain[0];
  if (!primary) throw new Error('toRuns needs at least one font');
  // Nearly every line is plain Latin: one pass over a Set, no segmentation.
  if (codePoints(text).every((cp) => primary.covers.has(cp))) return text === '' ? [] : [{ text, face: primary }];

  const runs: Run[] = [];
  const push = (piece: string, face: Face) => {
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += piece;
    else runs.push({ text: piece, face });
  };
  for (const { segment } of graphemes.segment(text)) {
    // A tab or newline reaching here is whitespace; fonts have no glyph for either.
    const cluster = segment === '\t' || segment === '\n' ? ' ' : segment;
    const cps = codePoints(cluster);
    // A cluster (base letter + combining marks, or an emoji sequence) stays in one font,
    // so an accent is never drawn from a different font than its letter.
    const face = chain.find((f) => cps.every((cp) => f.covers.has(cp) || isIgnorable(cp)));
    if (face) {
      const drawn = cps.filter((cp) => face.covers.has(cp));
      if (drawn.length > 0) push(String.fromCodePoint(...drawn), face);
      continue;
    }
    const withReplacement = chain.find((f) => f.covers.has(0xfffd));
    if (withReplacement) push(REPLACEMENT, withReplacement);
    else push('?', primary);
  }
  return runs;
}

/** Width of runs at `size`, as pdf-lib will advance when drawing them. */
export function measureRuns(runs: readonly Run[], size: number): number {
  return runs.reduce((w, run) => w + run.face.font.widthOfTextAtSize(run.text, size), 0);
}

export function textWidth(text: string, chain: readonly Face[], size: number): number {
  return measureRuns(toRuns(text, chain), size);
}

/** Draws runs one after another from (x, y), the baseline's left end. */
export function drawRuns(
  page: PDFPage,
  runs: readonly Run[],
  at: { x: number; y: number; size: number; color: RGB },
): void {
  let x = at.x;
  for (const run of runs) {
    page.drawText(run.text, { x, y: at.y, size: at.size, font: run.face.font, color: at.color });
    x += run.face.font.widthOfTextAtSize(run.text, at.size);
  }
}
