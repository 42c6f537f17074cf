// Bounds on hostile input that need no core: one text rule and a sane date range in the schemas,
// linear word breaking for any text, HTML conversion within its limits, image sizes read from
// headers, text cut for a bundle, and terminal output with no escape sequences.
import { describe, expect, it } from 'vitest';
import { unsafeTextProblem } from '../../src/shared/ipc/fields';
import { CONTRACT } from '../../src/shared/ipc/features';
import { breakWord, wrapText } from '../../src/main/core/pdf/layout';
import { convertHtml, HTML_LIMITS } from '../../src/main/core/mail/html';
import { BUNDLE_LIMITS, boundedText, imageProblem, imageSize, pdfStreamProblem } from '../../src/main/core/bundle/limits';
import { terminalSafe } from '../../src/main/cli/terminal';
import { deflateBomb, jpegHeader, onePage, png, rawPdf, stream } from '../hostile/make-corpus-bytes';

const width = (s: string) => [...s].length * 5;

describe('one rule for text in the contract', () => {
  it('refuses NUL, control characters, bidi overrides and lone surrogates; keeps newlines and tabs in free text', () => {
    for (const bad of ['a\u0000b', 'a\u0007', '\u202e0001', 'x\u2066y', '\u0085', '\ud800']) expect(unsafeTextProblem(bad), JSON.stringify(bad)).not.toBeNull();
    expect(unsafeTextProblem('line one\nline two\tand a tab, Zoë 王')).toBeNull();
    expect(unsafeTextProblem('two\nlines', true)).not.toBeNull();
  });

  it('applies it to references, searches, names and free text alike', () => {
    expect(CONTRACT['cases:get'].input.safeParse({ reference: 'FOI/\u202e0001/6202' }).success).toBe(false);
    expect(CONTRACT['search:query'].input.safeParse({ query: 'a\u0000' }).success).toBe(false);
    expect(CONTRACT['cases:create'].input.safeParse({ regime: 'foia', received: '2026-11-02', requester: { name: 'A\u202eB' } }).success).toBe(false);
    expect(CONTRACT['correspondence:add'].input.safeParse({ reference: 'FOI/1', direction: 'in', channel: 'phone', sentAt: '2026-11-02', body: 'ok\nfine' }).success).toBe(true);
  });

  it('limits dates to 1990-2100, for plain dates and instants', () => {
    expect(CONTRACT['deadlines:compute'].input.safeParse({ clock: 'foi-response', from: '9999-12-31' }).success).toBe(false);
    expect(CONTRACT['deadlines:compute'].input.safeParse({ clock: 'foi-response', from: '1989-12-31' }).success).toBe(false);
    expect(CONTRACT['deadlines:compute'].input.safeParse({ clock: 'foi-response', from: '2026-11-02' }).success).toBe(true);
    expect(CONTRACT['correspondence:add'].input.safeParse({ reference: 'FOI/1', direction: 'in', channel: 'phone', sentAt: '9999-01-01T00:00:00Z' }).success).toBe(false);
  });

  it('decodes base64 inside validation: bad base64 is an issue, never an exception', () => {
    for (const data of ['A===', '====', 'QUJD=A']) {
      expect(() => CONTRACT['correspondence:import'].input.safeParse({ reference: 'FOI/1', files: [{ name: 'a.txt', data }] })).not.toThrow();
    }
    const r = CONTRACT['correspondence:import'].input.safeParse({ reference: 'FOI/1', files: [{ name: 'a\u202etxt.exe', data: 'QUJD' }] });
    // A file name comes from the sender: its overrides are stripped, not refused.
    expect(r.success && r.data.files[0]?.name).toBe('atxt.exe');
  });
});

describe('word breaking for any text', () => {
  it('breaks a long token into pieces that fit, by grapheme, losing nothing', () => {
    const token = `${'é'.normalize('NFD')}${'x'.repeat(200_000)}👩‍👩‍👧`;
    const pieces = breakWord(token, 100, width);
    expect(pieces.join('')).toBe(token);
    expect(pieces.every((p) => width(p) <= 100 || [...new Intl.Segmenter().segment(p)].length === 1)).toBe(true);
    expect(pieces.at(-1)).toContain('👩‍👩‍👧');
  });

  it('wraps a long line of short words and a long unbroken line without spreading arrays', () => {
    const words = 'a '.repeat(300_000);
    const lines = wrapText(words, 200, width);
    expect(lines.every((l) => width(l) <= 200)).toBe(true);
    expect(lines.join(' ').replace(/ /g, '')).toBe('a'.repeat(300_000));
    // Far more pieces than a call's arguments can take: push(...pieces) would overflow the stack.
    expect(wrapText('q'.repeat(2_000_000), 10, width).length).toBe(1_000_000);
  });
});

describe('HTML mail within bounds', () => {
  it('keeps the words of 100,000 nested elements, saying the layout was past the limit', () => {
    const r = convertHtml(`${'<div>'.repeat(100_000)}deep words${'</div>'.repeat(100_000)}`);
    expect(r.text).toContain('deep words');
    expect(r.notes.join(' ')).toContain(`nested more than ${HTML_LIMITS.maxDepth} deep`);
  });

  it('reads a 100,000-cell row cell by cell, separated', () => {
    const r = convertHtml(`<table><tr>${Array.from({ length: 100_000 }, (_, i) => `<td>c${i}</td>`).join('')}</tr></table>`);
    expect(r.text.startsWith('c0 | c1 | c2')).toBe(true);
    expect(r.text).toContain('c99999');
  });
});

describe('decoding limits for a bundle', () => {
  it('reads pixel sizes from PNG and JPEG headers, and refuses those past the limit by name', () => {
    expect(imageSize(png(300, 200))).toEqual({ width: 300, height: 200 });
    expect(imageSize(jpegHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(imageProblem(png(300, 200))).toBeNull();
    expect(imageProblem(png(30_000, 30_000, false))).toContain('30,000 x 30,000 pixels, over the limit of 100,000,000 pixels');
    expect(imageProblem(jpegHeader(65_000, 10))).toContain('65,000 x 10 pixels');
  });

  it('refuses a PDF whose object stream inflates past the limit, and passes an ordinary one', () => {
    const bomb = rawPdf([...onePage(), stream('', Buffer.from('BT ET')), stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateBomb(0.125))]);
    expect(pdfStreamProblem(bomb)).toContain(`more than ${BUNDLE_LIMITS.maxObjectStreamBytes / 1024 / 1024} MB`);
    expect(pdfStreamProblem(rawPdf([...onePage(), stream('', Buffer.from('BT ET'))]))).toBeNull();
  });

  it('cuts text at the character or line limit, and says where the rest is', () => {
    expect(boundedText('short')).toEqual({ text: 'short', cut: false });
    const lines = boundedText('row\n'.repeat(BUNDLE_LIMITS.maxTextLines + 10));
    expect(lines.cut).toBe(true);
    expect(lines.text.split('\n').length).toBeLessThan(BUNDLE_LIMITS.maxTextLines + 5);
    expect(boundedText('x'.repeat(BUNDLE_LIMITS.maxTextChars + 1)).text).toContain('the whole file is attached to this PDF');
  });
});

describe('terminal output', () => {
  it('shows escape sequences and overrides as visible escapes, keeping newlines and tabs', () => {
    expect(terminalSafe('a\x1b[2Jb\u202ec\n\td\u0007')).toBe('a\\u001b[2Jb\\u202ec\n\td\\u0007');
  });
});
