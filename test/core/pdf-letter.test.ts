import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterView } from '../../src/shared/domain/letters/view';
import { loadFontFiles, type FontFiles } from '../../src/main/core/pdf/fonts';
import { renderLetter } from '../../src/main/core/pdf/letter';

const REQUESTER = 'Zoë Ó Dónaill-Nguyễn 王';
const REQUEST =
  'Please provide, for each financial year from 2021/22 to 2025/26, the number of potholes reported ' +
  'to the council on roads in the Ward of St Mary’s, the number repaired within 28 days, the total ' +
  'spent on carriageway repairs in that ward, and any correspondence between the council and its ' +
  'highways contractor about the condition of Mill Lane and Church Street. Where the information is ' +
  'held electronically I would like it as a spreadsheet. I am aware of section 16 of the Act and would ' +
  'welcome advice if the request as worded would exceed the appropriate limit.';
const PARAGRAPHS = [
  'Thank you for your request for information, which we received on 10 April 2012. You asked:',
  'We are dealing with your request under the Freedom of Information Act 2000. We will respond ' +
    'promptly and in any event no later than 11 May 2012, which is twenty working days after the day ' +
    'we received it, as section 10(1) of the Act requires.',
  'If we need to charge a fee, or need more information from you to identify what you are asking ' +
    'for, we will write to you, and the time for compliance will pause until we hear back.',
];

function acknowledgement(overrides: Partial<LetterView> = {}): LetterView {
  return {
    title: 'Acknowledgement FOI/2026/0001',
    date: '2012-04-12',
    letterhead: {
      name: 'Borsetshire County Council',
      lines: ['Information Governance Team', 'County Hall, Market Street', 'Borchester BC1 1AA', 'foi@borsetshire.gov.example'],
    },
    recipient: [REQUESTER, 'Ambridge Residents’ Association', '3 The Green', 'Ambridge', 'Borsetshire AM1 2BB'],
    references: [
      { label: 'Our reference', value: 'FOI/2026/0001' },
      { label: 'Your reference', value: 'ZON-17' },
    ],
    subject: 'Freedom of Information request FOI/2026/0001',
    salutation: `Dear ${REQUESTER},`,
    blocks: [
      { kind: 'paragraph', text: PARAGRAPHS[0] as string },
      { kind: 'quote', text: REQUEST },
      { kind: 'paragraph', text: PARAGRAPHS[1] as string },
      { kind: 'heading', text: 'What happens next' },
      { kind: 'paragraph', text: PARAGRAPHS[2] as string },
      {
        kind: 'list',
        items: [
          'You can ask for an internal review if you are unhappy with how we handle your request.',
          'After that you can complain to the Information Commissioner’s Office.',
        ],
      },
    ],
    closing: 'Yours sincerely,',
    signatory: { name: 'Siân Ellis-Brown', title: 'Information Governance Officer', authority: 'Borsetshire County Council' },
    ...overrides,
  };
}

let dir: string;
let fonts: FontFiles;
const resultsDir = join(process.cwd(), 'test-results');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'disclose-pdf-'));
  mkdirSync(resultsDir, { recursive: true });
  fonts = await loadFontFiles(join(process.cwd(), 'resources'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function renderToFile(name: string, view: LetterView): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await renderLetter(view, fonts);
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const pdftotext = (path: string, ...opts: string[]) => run('pdftotext', [...opts, '-enc', 'UTF-8', path, '-']);
/** Body text with footers removed and all whitespace collapsed, to compare wrapped paragraphs. */
function flowText(path: string): string {
  return pdftotext(path)
    .split('\n')
    .filter((l) => !/Page \d+ of \d+/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/**
 * Dark pixels inside each word's box on page 1. pdftotext reads the ToUnicode map, so it finds
 * text even when the embedded glyphs are broken; only rendering shows that they print.
 */
function inkPerWord(path: string): { word: string; ink: number }[] {
  const dpi = 100;
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', path]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PGM image');
  const width = Number(header[1]);
  const pixels = pgm.subarray(header[0].length);
  const bbox = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', path, '-']);
  const scale = dpi / 72;
  return Array.from(bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g), (m) => {
    const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map((v) => Math.round(Number(v) * scale)) as number[];
    let ink = 0;
    for (let y = y0 ?? 0; y < (y1 ?? 0); y++) {
      for (let x = x0 ?? 0; x < (x1 ?? 0); x++) if ((pixels[y * width + x] ?? 255) < 128) ink++;
    }
    return { word: m[5] ?? '', ink };
  });
}

describe('renderLetter (FOI acknowledgement)', () => {
  it('prints the name with its accents and CJK, the date, the reference and every paragraph', async () => {
    const { path } = await renderToFile('acknowledgement', acknowledgement());
    const layout = pdftotext(path, '-layout');
    expect(layout).toContain(REQUESTER);
    expect(layout).toContain(`Dear ${REQUESTER},`);
    expect(layout).toContain('Date: 12 April 2012');
    expect(layout).toContain('Our reference: FOI/2026/0001');
    const flow = flowText(path);
    for (const text of [...PARAGRAPHS, REQUEST, 'What happens next', 'Siân Ellis-Brown']) expect(flow).toContain(text);
    expect(flow).toContain('• You can ask for an internal review');
  });

  it('draws the glyphs of every word on page 1, the CJK fallback\'s 王 included', async () => {
    const { path } = await renderToFile('ink', acknowledgement());
    const words = inkPerWord(path);
    expect(words.length).toBeGreaterThan(100);
    expect(words.filter((w) => w.ink === 0)).toEqual([]);
    const wang = words.filter((w) => w.word.startsWith('王'));
    expect(wang.length).toBe(2); // the address block and the salutation
    for (const w of wang) expect(w.ink).toBeGreaterThan(20);
  });

  it('is a valid PDF with the title and A4 pages', async () => {
    const { path } = await renderToFile('valid', acknowledgement());
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
    const info = run('pdfinfo', [path]);
    expect(info).toMatch(/^Title:\s+Acknowledgement FOI\/2026\/0001$/m);
    expect(info).toMatch(/^Author:\s+Borsetshire County Council$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^CreationDate:.*2012/m);
  });

  it('embeds the three fonts as tagged subsets, not whole', async () => {
    const { path, bytes } = await renderToFile('fonts', acknowledgement());
    const fontsTable = run('pdffonts', [path]);
    for (const name of ['NotoSans-Regular', 'NotoSans-Bold', 'DroidSansFallback']) {
      expect(fontsTable).toMatch(new RegExp(`^[A-Z]{6}\\+${name}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`, 'm'));
    }
    expect(bytes.length).toBeLessThan(200_000); // the fallback alone is 4 MB whole
  });

  it('carries the end of the body over with the signature rather than leave it alone on a page', async () => {
    const { path } = await renderToFile('signature', acknowledgement());
    const pages = pdftotext(path, '-layout').split('\f').filter((p) => p.trim() !== '');
    const last = pages.at(-1) ?? '';
    expect(last).toContain('Yours sincerely,');
    expect(last.slice(0, last.indexOf('Yours sincerely,'))).toMatch(/\w/);
  });

  it('renders byte-identical output for the same view', async () => {
    const a = await renderLetter(acknowledgement(), fonts);
    const b = await renderLetter(acknowledgement(), fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('writes a PNG of page 1 to test-results/ for a person to look at', async () => {
    const { path } = await renderToFile('png', acknowledgement());
    const prefix = join(resultsDir, 'pdf-letter-acknowledgement');
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
    expect(run('file', [`${prefix}.png`])).toContain('PNG image');
  });
});

describe('renderLetter (long and awkward input)', () => {
  it('paginates a 60-paragraph letter with "Page N of M" on every page and the reference on continuations', async () => {
    const blocks = Array.from({ length: 60 }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `Paragraph ${i + 1}. The council holds the information you asked for in part, and we set out below what we hold and where it can be found.`,
    }));
    const { path } = await renderToFile('long', acknowledgement({ blocks }));
    const pages = pdftotext(path, '-layout').split('\f').filter((p) => p.trim() !== '');
    const count = pages.length;
    expect(count).toBeGreaterThan(2);
    expect(run('pdfinfo', [path])).toMatch(new RegExp(`^Pages:\\s+${count}$`, 'm'));
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${count}`);
      if (i > 0) expect(page).toContain('Our reference: FOI/2026/0001');
    });
    // The signature page also carries the end of the body, never the signature alone.
    expect(pages.at(-1)).toMatch(/Paragraph 60\.[\s\S]*Yours sincerely,/);
    const flow = flowText(path);
    for (const n of [1, 30, 60]) expect(flow).toContain(`Paragraph ${n}. The council holds`);
    expect(flow).toContain('Siân Ellis-Brown Information Governance Officer');
    expect(run('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
  });

  it('prints an emoji, control characters and a lone surrogate without throwing', async () => {
    const view = acknowledgement({
      recipient: ['Zoë 😀 Nguyễn 👨‍👩‍👧', 'Flat 2\u0007\u0000B'],
      blocks: [{ kind: 'paragraph', text: 'Line one\r\nline\ttwo \u200Bwith \uD83D stray \u001B[31mescape codes' }],
    });
    const { path } = await renderToFile('emoji', view);
    const flow = flowText(path);
    expect(flow).toContain('Zoë \uFFFD Nguyễn \uFFFD');
    expect(flow).toContain('Flat 2B');
    expect(flow).toContain('Line one line two with \uFFFD stray [31mescape codes');
  });

  it('prints a decomposed accent (e + U+0301) as é', async () => {
    const { path } = await renderToFile('nfc', acknowledgement({ salutation: 'Dear Rene\u0301e,' }));
    expect(flowText(path)).toContain('Dear Renée,');
  });

  it('breaks a 200-character email address inside the margins and prints all of it', async () => {
    const email = `${'requests.for.information.'.repeat(7)}team@example.gov.uk`;
    const { path } = await renderToFile('email', acknowledgement({
      blocks: [{ kind: 'paragraph', text: `Please reply to ${email} or by post.` }],
    }));
    expect(flowText(path).replace(/ /g, '')).toContain(`Pleasereplyto${email}orbypost.`);
    const bbox = run('pdftotext', ['-bbox', path, '-']);
    const right = Math.max(...Array.from(bbox.matchAll(/xMax="([\d.]+)"/g), (m) => Number(m[1])));
    expect(right).toBeLessThanOrEqual(595.28 - 70.86);
  });
});
