// Text extraction from filed PDFs: what an officer drops in must come back as text, or as a clear
// status (password-protected, unreadable) rather than an error that stops an import.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/main/core/pdf/extract';

const PHRASE = 'periwinkle abacus 4471';
let dir: string;
let plain: Uint8Array;

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Request from Zoë Ó Dónaill about Mill Lane', { x: 50, y: 780, size: 12, font });
  doc.addPage([595, 842]).drawText(`The distinctive phrase is ${PHRASE}.`, { x: 50, y: 780, size: 12, font });
  return doc.save();
}

/** qpdf (installed with the test tools) encrypts a copy of `bytes`; pdf-lib cannot encrypt. */
function encrypt(bytes: Uint8Array, userPassword: string, ownerPassword: string): Uint8Array {
  const input = join(dir, 'in.pdf');
  const output = join(dir, `out-${userPassword || 'owner-only'}.pdf`);
  writeFileSync(input, bytes);
  execFileSync('qpdf', ['--encrypt', userPassword, ownerPassword, '256', '--print=none', '--', input, output]);
  return readFileSync(output);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'disclose-pdf-extract-'));
  plain = await twoPagePdf();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extractPdfText', () => {
  it('reads the text of every page, accents included, and counts the pages', async () => {
    const result = await extractPdfText(plain);
    expect(result).toMatchObject({ status: 'ok', pages: 2, reason: null });
    expect(result.text).toContain('Zoë Ó Dónaill');
    expect(result.text).toContain(PHRASE);
    expect(result.text.indexOf('Mill Lane')).toBeLessThan(result.text.indexOf(PHRASE)); // page order kept
  });

  it('leaves the caller’s bytes usable (pdf.js would otherwise detach the buffer)', async () => {
    const bytes = plain.slice();
    await extractPdfText(bytes);
    expect(bytes.byteLength).toBe(plain.byteLength);
    expect((await extractPdfText(bytes)).status).toBe('ok');
  });

  it('reads bytes handed over as a Buffer view into a larger buffer', async () => {
    const view = Buffer.concat([Buffer.from('junk'), plain]).subarray(4);
    expect((await extractPdfText(view)).text).toContain(PHRASE);
  });

  it('reports a PDF that needs a password to open as encrypted, with no text', async () => {
    const result = await extractPdfText(encrypt(plain, 'user-secret', 'owner-secret'));
    expect(result).toMatchObject({ status: 'encrypted', text: '' });
    expect(result.reason).toMatch(/password/iu);
  });

  it('reads a PDF with only an owner password (printable, opens without asking)', async () => {
    const result = await extractPdfText(encrypt(plain, '', 'owner-secret'));
    expect(result.status).toBe('ok');
    expect(result.text).toContain(PHRASE);
  });

  it('reports garbage as unreadable with a reason, without throwing', async () => {
    const result = await extractPdfText(new TextEncoder().encode('this is not a PDF at all, just words'));
    expect(result.status).toBe('unreadable');
    expect(result.reason).toBeTruthy();
    expect(result.text).toBe('');
  });

  it('reports a PDF cut off halfway (an interrupted download) as unreadable', async () => {
    const result = await extractPdfText(plain.slice(0, Math.floor(plain.length / 2)));
    expect(result.status).toBe('unreadable');
    expect(result.reason).toBeTruthy();
  });

  it('reports an empty file as unreadable', async () => {
    expect(await extractPdfText(new Uint8Array())).toMatchObject({ status: 'unreadable', reason: 'The file is empty.' });
  });

  it('caps the pages read and the text kept, and says so in the reason', async () => {
    const firstPage = await extractPdfText(plain, { maxPages: 1, maxTextChars: 1_000_000 });
    expect(firstPage).toMatchObject({ status: 'ok', pages: 2, reason: 'Only the first 1 of 2 pages were read.' });
    expect(firstPage.text).toContain('Mill Lane');
    expect(firstPage.text).not.toContain(PHRASE);
    const short = await extractPdfText(plain, { maxPages: 2000, maxTextChars: 12 });
    expect(short).toMatchObject({ status: 'ok', text: 'Request from', reason: 'The text was cut at 12 characters.' });
  });

  it('says when a PDF has pages but no text layer, as a scan would', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage().drawRectangle({ x: 10, y: 10, width: 100, height: 100 });
    const result = await extractPdfText(await doc.save());
    expect(result).toMatchObject({ status: 'ok', text: '', pages: 1 });
    expect(result.reason).toMatch(/no text layer/iu);
  });
});
