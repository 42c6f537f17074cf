import { describe, expect, it } from 'vitest';
import {
  A4,
  breakWord,
  layoutBlocks,
  wrapText,
  type LayoutBlock,
  type Measure,
  type PageGeometry,
  type PositionedLine,
} from '../../src/main/core/pdf/layout';

// Monospaced fake: every character is half the size wide (bold a little wider), so widths are
// easy to reason about: at size 10, 10 characters = 50 pt.
const measure: Measure = (text, font, size) => Array.from(text).length * size * (font === 'bold' ? 0.6 : 0.5);
const mono = (s: string) => Array.from(s).length * 5; // size 10, regular

// A small page: 100 pt of text height = 7 lines of 10 pt at 1.4 (14 pt each) with room to spare.
const SMALL: PageGeometry = { width: 200, height: 140, margin: { top: 20, right: 20, bottom: 20, left: 20 } };
const textOf = (page: PositionedLine[]) => page.map((l) => l.text);
const para = (n: number, tag: string): LayoutBlock => ({
  text: Array.from({ length: n }, (_, i) => `${tag}${i}`).join('\n'),
  size: 10,
});

describe('wrapText', () => {
  it('breaks between words at the last space that fits', () => {
    expect(wrapText('the quick brown fox jumps over', 50, mono)).toEqual(['the quick', 'brown fox', 'jumps over']);
  });

  it('keeps a line exactly as wide as the column on one line', () => {
    expect(wrapText('abcd efghi', 50, mono)).toEqual(['abcd efghi']);
  });

  it('collapses runs of spaces and tabs between words', () => {
    expect(wrapText('a   b\t\tc', 100, mono)).toEqual(['a b c']);
  });

  it('always breaks at an explicit newline and keeps blank lines', () => {
    expect(wrapText('Dear Sir\n\nThank you', 200, mono)).toEqual(['Dear Sir', '', 'Thank you']);
  });

  it('breaks a word longer than the column at character level', () => {
    const lines = wrapText(`see ${'x'.repeat(25)} now`, 50, mono);
    expect(lines).toEqual(['see', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx now']);
  });

  it('breaks a 200-character email address so no line is wider than the column', () => {
    const email = `${'firstname.lastname.'.repeat(10)}x@example.gov.uk`;
    const lines = wrapText(`Write to ${email} please`, 100, mono);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(100);
    expect(lines.join('').replace(/ /g, '')).toBe(`Writeto${email}please`);
  });

  it('prefers to break a long URL after a slash or dot', () => {
    const pieces = breakWord('https://www.example.gov.uk/foi/disclosure-log/2026', 70, mono);
    expect(pieces[0]).toBe('https://www.');
    expect(pieces.join('')).toBe('https://www.example.gov.uk/foi/disclosure-log/2026');
  });

  it('never splits a letter from its combining accent', () => {
    const word = 'e\u0301'.repeat(12);
    // The fake counts code points, so each "é" is 10 pt: 5 per piece at 50 pt.
    const pieces = breakWord(word, 50, mono);
    for (const p of pieces) expect(p.startsWith('\u0301')).toBe(false);
  });

  it('puts at least one character on a line even when the column is narrower than it', () => {
    expect(breakWord('abc', 1, mono)).toEqual(['a', 'b', 'c']);
  });
});

describe('layoutBlocks', () => {
  it('places the first baseline inside the top margin and steps down by the line height', () => {
    const [page] = layoutBlocks([{ text: 'one\ntwo', size: 10 }], { page: A4, measure });
    const [a, b] = page ?? [];
    expect(a?.x).toBeCloseTo(A4.margin.left);
    expect(a?.y).toBeLessThan(A4.height - A4.margin.top);
    expect(a?.y).toBeGreaterThan(A4.height - A4.margin.top - 14);
    expect((a?.y ?? 0) - (b?.y ?? 0)).toBeCloseTo(14);
  });

  it('sets right-aligned lines flush with the right margin', () => {
    const [page] = layoutBlocks([{ text: 'Council\nTown Hall', size: 10, align: 'right' }], { page: A4, measure });
    for (const l of page ?? []) expect(l.x + measure(l.text, l.font, l.size)).toBeCloseTo(A4.width - A4.margin.right);
  });

  it('hangs a bulleted item: the bullet at the indent, wrapped lines under the text', () => {
    const [page] = layoutBlocks(
      [{ text: 'aaaa bbbb cccc dddd', size: 10, indent: 10, bullet: '•', hang: 12 }],
      { page: { ...SMALL, width: 112 }, measure },
    );
    const [bullet, first, second] = page ?? [];
    expect(bullet).toMatchObject({ text: '•', x: 30 });
    expect(first).toMatchObject({ text: 'aaaa bbbb', x: 42 });
    expect(second).toMatchObject({ text: 'cccc dddd', x: 42 });
  });

  it('puts a beside block level with the top of the previous one, and continues below the taller', () => {
    const [page] = layoutBlocks(
      [
        { text: 'Name\nStreet\nTown', size: 10, width: 80 },
        { text: 'Ref: 1', size: 10, align: 'right', beside: true },
        { text: 'Subject', size: 10 },
      ],
      { page: A4, measure },
    );
    const y = (t: string) => page?.find((l) => l.text === t)?.y ?? NaN;
    expect(y('Ref: 1')).toBeCloseTo(y('Name'));
    expect(y('Town') - y('Subject')).toBeCloseTo(14);
  });

  it('moves a block that fits on a page to the next page whole rather than splitting it', () => {
    const pages = layoutBlocks([para(5, 'a'), para(4, 'b')], { page: SMALL, measure });
    expect(pages.map(textOf)).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4'],
      ['b0', 'b1', 'b2', 'b3'],
    ]);
  });

  it('drops the space before a block that starts a page', () => {
    const pages = layoutBlocks([para(6, 'a'), { ...para(2, 'b'), spaceBefore: 30 }], { page: SMALL, measure });
    expect(pages[1]?.[0]?.y).toBeCloseTo(pages[0]?.[0]?.y ?? NaN);
  });

  it('splits a block too long to keep whole, leaving no single line on either page', () => {
    const pages = layoutBlocks([para(3, 'a'), para(6, 'b')], { page: SMALL, measure, keepTogetherMaxLines: 3 });
    // 7 lines fit; 3 + 4 would leave 2 for page 2, which is allowed.
    expect(pages.map(textOf)).toEqual([
      ['a0', 'a1', 'a2', 'b0', 'b1', 'b2', 'b3'],
      ['b4', 'b5'],
    ]);
    const widow = layoutBlocks([para(2, 'a'), para(6, 'b')], { page: SMALL, measure, keepTogetherMaxLines: 3 });
    // 2 + 5 would leave b5 alone on page 2: one more line goes over with it.
    expect(widow.map(textOf)).toEqual([
      ['a0', 'a1', 'b0', 'b1', 'b2', 'b3'],
      ['b4', 'b5'],
    ]);
  });

  it('splits a block longer than a whole page across as many pages as it needs', () => {
    const pages = layoutBlocks([para(20, 'x')], { page: SMALL, measure });
    expect(pages.length).toBe(3);
    expect(pages.flatMap(textOf)).toEqual(Array.from({ length: 20 }, (_, i) => `x${i}`));
  });

  it('never leaves a heading as the last thing on a page', () => {
    const heading: LayoutBlock = { text: 'Heading', size: 10, font: 'bold', keepWithNext: true };
    const pages = layoutBlocks([para(6, 'a'), heading, para(2, 'b')], { page: SMALL, measure });
    expect(pages.map(textOf)).toEqual([['a0', 'a1', 'a2', 'a3', 'a4', 'a5'], ['Heading', 'b0', 'b1']]);
  });

  it('keeps a heading with the first two lines of a long section that will split', () => {
    const heading: LayoutBlock = { text: 'Heading', size: 10, font: 'bold', keepWithNext: true };
    const pages = layoutBlocks([para(5, 'a'), heading, para(12, 'b')], { page: SMALL, measure, keepTogetherMaxLines: 4 });
    expect(pages[0]?.at(-1)?.text).toBe('a4');
    expect(pages[1]?.[0]?.text).toBe('Heading');
  });

  it('keeps a chain of keep-with-next blocks (closing and signature) together', () => {
    const closing: LayoutBlock = { text: 'Yours sincerely,', size: 10, keepWithNext: true };
    const signature: LayoutBlock = { text: 'A Officer\nFOI Officer', size: 10, spaceBefore: 14 };
    const pages = layoutBlocks([para(4, 'a'), closing, signature], { page: SMALL, measure });
    expect(pages.map(textOf)).toEqual([['a0', 'a1', 'a2', 'a3'], ['Yours sincerely,', 'A Officer', 'FOI Officer']]);
  });

  it('gives up keep-with-next when the chain could not fit even on an empty page', () => {
    const intro: LayoutBlock = { ...para(3, 'b'), keepWithNext: true };
    const pages = layoutBlocks([para(1, 'a'), intro, para(7, 'c')], { page: SMALL, measure });
    expect(pages.map(textOf)).toEqual([['a0', 'b0', 'b1', 'b2'], ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']]);
  });

  it('fits lines that fill the page exactly, despite rounding (27 × 12.6 pt sums past 340.2)', () => {
    const exact: PageGeometry = { width: 300, height: 380.2, margin: { top: 20, right: 20, bottom: 20, left: 20 } };
    const pages = layoutBlocks([{ text: Array(27).fill('x').join('\n'), size: 9 }], { page: exact, measure });
    expect(pages.length).toBe(1);
  });

  it('adds footers knowing the page count, in the bottom margin', () => {
    const pages = layoutBlocks([para(20, 'x')], {
      page: SMALL,
      measure,
      footer: (n, count) => [
        ...(n > 1 ? [{ text: 'Ref 1', align: 'left' as const }] : []),
        { text: `Page ${n} of ${count}`, align: 'right' as const },
      ],
    });
    const footers = pages.map((p) => p.filter((l) => l.muted).map((l) => l.text));
    expect(footers).toEqual([['Page 1 of 3'], ['Ref 1', 'Page 2 of 3'], ['Ref 1', 'Page 3 of 3']]);
    for (const l of pages.flat().filter((x) => x.muted)) expect(l.y).toBeLessThan(SMALL.margin.bottom);
    const right = pages[0]?.find((l) => l.muted);
    expect((right?.x ?? 0) + measure(right?.text ?? '', 'regular', 9)).toBeCloseTo(SMALL.width - SMALL.margin.right);
  });

  it('keeps every line inside the margins', () => {
    const blocks: LayoutBlock[] = Array.from({ length: 30 }, (_, i) => ({
      text: `paragraph ${i} `.repeat(20),
      spaceBefore: 9,
      keepWithNext: i % 7 === 0,
    }));
    for (const page of layoutBlocks(blocks, { page: A4, measure })) {
      for (const l of page) {
        expect(l.x).toBeGreaterThanOrEqual(A4.margin.left - 1e-6);
        expect(l.x + measure(l.text, l.font, l.size)).toBeLessThanOrEqual(A4.width - A4.margin.right + 1e-6);
        expect(l.y).toBeGreaterThanOrEqual(A4.margin.bottom);
        expect(l.y).toBeLessThanOrEqual(A4.height - A4.margin.top);
      }
    }
  });
});
