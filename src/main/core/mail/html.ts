// A readable plain-text rendering of an HTML email body. It feeds search and the text shown in a
// case file, so it aims for what a person would copy out of the message, not for layout.
import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

// Cells are joined on one line with a visible separator, so a table reads row by row. Layout
// tables (one cell per row, as many newsletters use) therefore come out as plain lines.
const tableCell: FormatCallback = (elem, walk, builder) => {
  const siblings = elem.parent?.children ?? [];
  const before = siblings.slice(0, siblings.indexOf(elem));
  if (before.some((node) => node.type === 'tag' && (node.name === 'td' || node.name === 'th'))) builder.addInline(' | ');
  walk(elem.children, builder);
};

// Keep an image's alt text (often the only words in a banner) but not its src: a cid: or tracking
// URL is noise in the text.
const imageAlt: FormatCallback = (elem, _walk, builder) => {
  const alt = typeof elem.attribs?.alt === 'string' ? elem.attribs.alt.trim() : '';
  if (alt) builder.addInline(alt);
};

const block = (leading: number, trailing: number) => ({ leadingLineBreaks: leading, trailingLineBreaks: trailing });

const OPTIONS: HtmlToTextOptions = {
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
  if (!html.trim()) return '';
  const text = convert(html, OPTIONS);
  return text
    .replace(/\u00a0/gu, ' ') // &nbsp; is layout, not meaning
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
