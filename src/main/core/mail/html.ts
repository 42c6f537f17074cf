// A readable plain-text rendering of an HTML email body. It feeds search and the text shown in a
// case file, so it aims for what a person would copy out of the message, not for layout.
import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

// Cells are joined on one line with a visible separator, so a table reads row by row. Layout
// tables (one cell per row, as many newsletters use) therefore come out as plain lines.
// Only the nearest element before the cell is looked at (text between cells is whitespace), so a
// row of 100,000 cells costs 100,000 steps, not 100,000 squared.
type Sibling = { type: string; name?: string; prev?: Sibling | null } | null | undefined;
const tableCell: FormatCallback = (elem, walk, builder) => {
  let node = (elem as unknown as { prev?: Sibling }).prev;
  while (node && node.type !== 'tag') node = node.prev;
  if (node && (node.name === 'td' || node.name === 'th')) builder.addInline(' | ');
  walk(elem.children, builder);
};

// Keep an image's alt text (often the only words in a banner) but not its src: a cid: or tracking
// URL is noise in the text.
const imageAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.trim() : '';
  if (alt) builder.addInline(alt);
};

const block = (leading: number, trailing: number) => ({ leadingLineBreaks: leading, trailingLineBreaks: trailing });

/** Bounds on what one message body may cost to convert; each is named in the note when it cuts. */
export const HTML_LIMITS = { maxInputChars: 8 * 1024 * 1024, maxDepth: 200, maxChildNodes: 100_000 } as const;
const CUT = ' […] ';

const OPTIONS: HtmlToTextOptions = {
  limits: { maxDepth: HTML_LIMITS.maxDepth, maxChildNodes: HTML_LIMITS.maxChildNodes, ellipsis: CUT, maxInputLength: HTML_LIMITS.maxInputChars },
  wordwrap: false, // the viewer wraps; hard breaks would corrupt search phrases
  formatters: { tableCell, imageAlt },
  selectors: [
    { selector: 'a', options: { linkBrackets: ['(', ')'], hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    { selector: 'img', format: 'imageAlt' },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { ...block(2, 1), uppercase: false } })),
    { selector: 'table', format: 'block', options: block(1, 1) },
    { selector: 'tr', format: 'block', options: block(1, 1) },
    { selector: 'td', format: 'tableCell' },
    { selector: 'th', format: 'tableCell' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
  ],
};

export function htmlToText(html: string): string {
  return convertHtml(html).text;
}

/** Text out of HTML within HTML_LIMITS, with a note of what was cut; a failure keeps the bare text. */
export function convertHtml(html: string): { text: string; notes: string[] } {
  if (!html.trim()) return { text: '', notes: [] };
  const notes: string[] = [];
  let input = html;
  if (input.length > HTML_LIMITS.maxInputChars) {
    input = input.slice(0, HTML_LIMITS.maxInputChars);
    notes.push(`The HTML is longer than ${HTML_LIMITS.maxInputChars.toLocaleString('en-GB')} characters; only the start was converted to text.`);
  }
  let text: string;
  if (roughDepth(input) > HTML_LIMITS.maxDepth * 4) {
    // Building a tree 100,000 levels deep only to cut it at 200 costs seconds: the words are kept directly.
    notes.push(`The HTML is nested more than ${HTML_LIMITS.maxDepth} deep; its text is kept with the tags removed.`);
    return { text: tidy(stripTags(input)), notes };
  }
  try {
    text = convert(input, OPTIONS);
    if (text.includes(CUT.trim()) && !input.includes(CUT.trim())) {
      // Past the bounds the layout is lost, not the words: they are kept with the tags removed.
      text = stripTags(input);
      notes.push(`Parts of the HTML were nested more than ${HTML_LIMITS.maxDepth} deep or had more than ${HTML_LIMITS.maxChildNodes.toLocaleString('en-GB')} elements side by side; its text is kept with the tags removed.`);
    }
  } catch (error) {
    text = stripTags(input);
    notes.push(`The HTML could not be converted (${error instanceof Error ? error.message : String(error)}); its text is kept with the tags removed.`);
  }
  return { text: tidy(text), notes };
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'tr', 'th', 'option']);

/** Opening tags minus closing ones, at their deepest: a quick upper-bound look, no tree built. */
function roughDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-z][\w-]*)[^>]*?(\/?)>/giu)) {
    if (VOID.has((match[2] ?? '').toLowerCase()) || match[3]) continue;
    depth = match[1] ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** Whatever went wrong, keep the words: tags out, nothing interpreted, entities left as written. */
function stripTags(html: string): string {
  return html.replace(/<(script|style)\b[^>]*>[^]*?<\/\1\s*>/giu, ' ').replace(/<[^>]*>/gu, ' ').replace(/[ \t]{2,}/gu, ' ');
}

function tidy(text: string): string {
  return text
    .replace(/\u00a0/gu, ' ') // &nbsp; is layout, not meaning
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
