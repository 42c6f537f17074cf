// Redaction through the core on real PDFs built here (text, a vector drawing, a scanned page, text
// behind an image) and on an email as the bundle renders it: the copy's text, read back with
// pdftotext, lacks every marked word and keeps the unmarked ones; the pixels of every box are dark
// (pdftoppm); the copy is filed as disclosed, linked to its intact source; the open bundle lacks the
// marked words and the closed bundle shows them outlined; the response pack carries the copy.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Core } from '../../src/main/core';
import { sha256Hex } from '../../src/main/core/blobs';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { A4, boxOver, mixedPdf, type BuiltPdf, type Placed } from '../helpers/redaction-pdfs';

const canvasLib = createRequire(import.meta.url)('@napi-rs/canvas') as { loadImage(b: Buffer): Promise<{ width: number; height: number }>; createCanvas(w: number, h: number): { getContext(k: '2d'): CanvasRenderingContext2D } };

const REF = 'FOI/2026/0001';
let core: Core;
let files: string;
let pdf: BuiltPdf;
let sourceId: number;
let sourceSha: string;
const saved: string[] = [];

const text = (file: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const placed = (t: string, page: number): Placed => {
  const p = pdf.placed.find((x) => x.text === t && x.page === page);
  if (!p) throw new Error(`no ${t} on page ${page}`);
  return p;
};

/** Share of dark pixels inside a box (inset a little) of a page rendered by pdftoppm. */
async function darkShare(file: string, page: number, box: { x: number; y: number; w: number; h: number }): Promise<number> {
  const png = join(files, `page-${page}-${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', file, png]);
  const img = await canvasLib.loadImage(readFileSync(`${png}.png`));
  const c = canvasLib.createCanvas(img.width, img.height);
  const g = c.getContext('2d');
  g.drawImage(img as unknown as CanvasImageSource, 0, 0);
  const d = g.getImageData(Math.ceil(box.x) + 1, Math.ceil(box.y) + 1, Math.floor(box.w) - 2, Math.floor(box.h) - 2).data;
  let dark = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 3 * 64) dark++;
  return dark / (d.length / 4);
}

beforeAll(async () => {
  files = tempDir('disclose-redaction-files-');
  core = await testCore({
    host: {
      chooseSavePath: async ({ defaultName, slot }) => {
        const p = join(files, slot ? `${slot}-${defaultName}` : defaultName);
        saved.push(p);
        return p;
      },
      printPdf: async () => false,
      chooseFiles: async () => null,
    },
  });
  ok(await core.invoke('settings:update', AUTHORITY));
  ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Requester', email: 'sam@example.org' }, summary: 'Library refurbishment tenders' }));
  ok(await core.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s40(2)', engagement: 'Junior staff names' }));
  ok(await core.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s43(2)', engagement: 'Tender prices' }));
  ok(await core.invoke('exemptions:apply', { reference: REF, provision: 'FOIA s38(1)', engagement: 'Informant safety' }));
  pdf = await mixedPdf();
  const imported = ok(await core.invoke('correspondence:import', { reference: REF, role: 'disclosed', files: [{ name: 'tender evaluation.pdf', data: Buffer.from(pdf.bytes).toString('base64') }] }));
  sourceId = imported.added[0]!.id;
  sourceSha = sha256Hex(pdf.bytes);
}, 60_000);

describe('marks', () => {
  it('refuses an exemption not applied to the case, a box off the page and a page past the end', async () => {
    const target = { kind: 'attachment', id: sourceId } as const;
    expect(await core.invoke('redaction:mark', { reference: REF, target, page: 1, box: { x: 10, y: 10, w: 20, h: 20 }, code: 's42' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('s40(2), s43(2), s38(1)') } });
    expect(await core.invoke('redaction:mark', { reference: REF, target, page: 1, box: { x: 580, y: 10, w: 40, h: 20 }, code: 's40(2)' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('outside the page') } });
    expect(await core.invoke('redaction:mark', { reference: REF, target, page: 9, box: { x: 10, y: 10, w: 20, h: 20 }, code: 's40(2)' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('has 4') } });
    expect(ok(await core.invoke('redaction:list', { reference: REF })).marks).toEqual([]);
  });

  it('marks by search every occurrence of a name and of an email address, on the right page and words', async () => {
    const target = { kind: 'attachment', id: sourceId } as const;
    const names = ok(await core.invoke('redaction:search', { reference: REF, target, query: 'jane smith', code: 'FOIA s40(2)' }));
    expect(names).toHaveLength(2);
    expect(names.every((m) => m.page === 1 && m.code === 's40(2)' && m.matched === 'jane smith')).toBe(true);
    // Each box covers the words it found: "Jane" and "Smith" of lines 2 and 4.
    for (const [m, top] of [[names[0]!, 110], [names[1]!, 170]] as const) {
      const jane = pdf.placed.find((p) => p.text === 'Jane' && p.y === top)!;
      expect(m.box.x).toBeLessThanOrEqual(jane.x);
      expect(m.box.y).toBeLessThanOrEqual(top);
      expect(m.box.y + m.box.h).toBeGreaterThanOrEqual(top + 12);
    }
    const email = ok(await core.invoke('redaction:search', { reference: REF, target, query: 'jane.smith@borsetshire.gov.uk', code: 's40(2)' }));
    expect(email).toHaveLength(1);
    expect(await core.invoke('redaction:search', { reference: REF, target, query: 'Nobody Here', code: 's40(2)' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('marks boxes by hand on the vector drawing, the scan and the text behind an image; removes one; all audited', async () => {
    const target = { kind: 'attachment', id: sourceId } as const;
    ok(await core.invoke('redaction:mark', { reference: REF, target, page: 1, box: boxOver(placed('48,250', 1)), code: 's43(2)' }));
    ok(await core.invoke('redaction:mark', { reference: REF, target, page: 2, box: boxOver(placed('Okonkwo', 2)), code: 's40(2)' }));
    ok(await core.invoke('redaction:mark', { reference: REF, target, page: 2, box: { x: 100, y: 241.89, w: 150, h: 100 }, code: 's40(2)' })); // part of the drawing
    ok(await core.invoke('redaction:mark', { reference: REF, target, page: 3, box: { x: 100, y: 150, w: 200, h: 100 }, code: 's40(2)' }));
    ok(await core.invoke('redaction:mark', { reference: REF, target, page: 4, box: { x: 70, y: 295, w: 260, h: 20 }, code: 's38(1)' }));
    const extra = ok(await core.invoke('redaction:mark', { reference: REF, target, page: 4, box: { x: 10, y: 700, w: 50, h: 50 }, code: 's38(1)' }));
    ok(await core.invoke('redaction:remove', { reference: REF, id: extra.id }));
    const overview = ok(await core.invoke('redaction:list', { reference: REF }));
    expect(overview.marks).toHaveLength(8);
    expect(overview.schedule).toEqual([
      { document: 'tender evaluation.pdf', page: 1, codes: ['s40(2)', 's43(2)'], marks: 4 },
      { document: 'tender evaluation.pdf', page: 2, codes: ['s40(2)'], marks: 2 },
      { document: 'tender evaluation.pdf', page: 3, codes: ['s40(2)'], marks: 1 },
      { document: 'tender evaluation.pdf', page: 4, codes: ['s38(1)'], marks: 1 },
    ]);
    const audit = ok(await core.invoke('audit:list', { reference: REF })).map((a) => a.action);
    expect(audit.filter((a) => a === 'redaction.marked')).toHaveLength(8);
    expect(audit).toContain('redaction.removed');
  });
});

describe('the redacted copy', () => {
  let copyFile: string;
  let copyId: number;

  it('is produced, checked and filed as disclosed, linked to its source, which stays intact', async () => {
    const made = ok(await core.invoke('redaction:produce', { reference: REF, target: { kind: 'attachment', id: sourceId } }));
    expect(made).toMatchObject({ attachment: { role: 'disclosed', filename: 'tender evaluation (redacted).pdf' }, redactedPages: [1, 2, 3, 4], verified: true });
    expect(made.removed).toEqual(expect.arrayContaining(['1 form', '1 document JavaScript', '1 set of embedded files', '1 link']));
    copyId = made.attachment.id;
    const content = ok(await core.invoke('attachments:content', { id: copyId }));
    copyFile = join(files, 'copy.pdf');
    writeFileSync(copyFile, Buffer.from(content.dataBase64!, 'base64'));
    expect(sha256Hex(readFileSync(copyFile))).toBe(made.attachment.sha256);
    const source = ok(await core.invoke('attachments:content', { id: sourceId }));
    expect(sha256Hex(Buffer.from(source.dataBase64!, 'base64'))).toBe(sourceSha);
    const overview = ok(await core.invoke('redaction:list', { reference: REF }));
    expect(overview.copies).toEqual([expect.objectContaining({ attachmentId: copyId, source: { kind: 'attachment', id: sourceId }, pages: [1, 2, 3, 4], marks: 8, current: true })]);
    expect(ok(await core.invoke('audit:list', { reference: REF })).find((a) => a.action === 'redaction.produced')?.summary).toContain('checked');
  }, 60_000);

  it('holds no marked word and keeps the unmarked words, on the same page and others (pdftotext)', () => {
    const all = words(text(copyFile));
    for (const gone of ['Smith', 'jane.smith@borsetshire.gov.uk', '(jane.smith@borsetshire.gov.uk)', '48,250', 'Okonkwo', 'Gwendolyn', 'Prysor-Jones', 'informant']) expect(all).not.toContain(gone);
    const p1 = text(copyFile, 1);
    for (const kept of ['Evaluation', 'refurbishment', 'Prepared', 'winning', 'pounds', 'procurement', 'moderated', 'March.']) expect(words(p1)).toContain(kept);
    expect(words(text(copyFile, 2))).toEqual(expect.arrayContaining(['Site', 'plan:', 'belongs', 'Access', 'road', 'red']));
    expect(words(text(copyFile, 4))).toEqual(expect.arrayContaining(['Visible', 'heading', 'photograph']));
    // The original has them all (pdftotext finds even the text behind the image), so the test could fail.
    const original = join(files, 'original.pdf');
    writeFileSync(original, pdf.bytes);
    expect(words(text(original))).toEqual(expect.arrayContaining(['Smith', '48,250', 'Okonkwo', 'Gwendolyn', '(jane.smith@borsetshire.gov.uk)']));
  });

  it('has every box dark when drawn (pdftoppm), on text, drawing, scan and the image page', async () => {
    const marks = ok(await core.invoke('redaction:list', { reference: REF })).marks;
    for (const m of marks) expect(await darkShare(copyFile, m.page, m.box)).toBeGreaterThan(0.6);
    // Outside the boxes the page is not black: the scan's paper and the text around stay.
    expect(await darkShare(copyFile, 3, { x: 20, y: 500, w: 100, h: 100 })).toBeLessThan(0.05);
  });

  it('carries no metadata, form, script, embedded file or annotation (pdfinfo, qpdf)', () => {
    const info = execFileSync('pdfinfo', [copyFile], { encoding: 'utf8' });
    expect(info).not.toMatch(/Author|Jane|Title/);
    expect(info).toMatch(/Form:\s+none/);
    expect(info).toMatch(/JavaScript:\s+no/);
    const json = execFileSync('qpdf', ['--json', copyFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const key of ['/AcroForm', '/EmbeddedFiles', '/JavaScript', '/Annots', '/Author', '/Metadata']) expect(json).not.toContain(key);
  });
});

describe('bundles and the response pack', () => {
  it('the open bundle shows the copy and lacks the marked words; the closed one shows them outlined', async () => {
    const open = ok(await core.invoke('bundles:export', { reference: REF, kind: 'open' }));
    const openWords = words(text(open.path!));
    expect(openWords).toEqual(expect.arrayContaining(['refurbishment', 'Prepared', 'pounds']));
    for (const gone of ['Smith', '48,250', 'Okonkwo', 'Gwendolyn']) expect(openWords).not.toContain(gone);
    // The exemption schedule lists the redactions by document and page.
    const schedule = text(open.path!).replace(/\s+/g, ' ');
    expect(schedule).toContain('Redactions: passages withheld, by document and page');
    expect(schedule).toMatch(/tender evaluation\.pdf 1 s40\(2\), s43\(2\) 4/);
    const closed = ok(await core.invoke('bundles:export', { reference: REF, kind: 'closed' }));
    const closedText = text(closed.path!);
    for (const shown of ['Smith', '48,250', 'Okonkwo', 'Gwendolyn']) expect(words(closedText)).toContain(shown);
    expect(closedText).toContain('Redacted: s43(2)');
    expect(closedText).toContain('(redactions outlined)');
  }, 60_000);

  it('the response pack (PDF and ZIP) holds the letter and the copy, never the original', async () => {
    ok(await core.invoke('letters:setDraft', { reference: REF, kind: 'response', fields: { outcome: 'provided', informationProvided: 'The tender evaluation, redacted, is enclosed.' } }));
    ok(await core.invoke('letters:save', { reference: REF, kind: 'response' }));
    const pack = ok(await core.invoke('pack:export', { reference: REF, format: 'pdf' }));
    expect(pack.documents).toEqual([expect.objectContaining({ filename: 'tender evaluation (redacted).pdf', redacted: true })]);
    const packWords = words(text(pack.path!));
    expect(packWords).toContain('refurbishment');
    expect(packWords).not.toContain('Okonkwo');
    const zip = ok(await core.invoke('pack:export', { reference: REF, format: 'zip' }));
    const listing = execFileSync('unzip', ['-l', zip.path!], { encoding: 'utf8' });
    expect(listing).toContain('02 tender evaluation (redacted).pdf');
    expect(listing).not.toContain(' tender evaluation.pdf');
  }, 60_000);

  it('a mark added after the copy blocks the open bundle and the pack until produced again', async () => {
    ok(await core.invoke('redaction:mark', { reference: REF, target: { kind: 'attachment', id: sourceId }, page: 1, box: boxOver(placed('panel', 1)), code: 's40(2)' }));
    expect(await core.invoke('bundles:export', { reference: REF, kind: 'open' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Produce the redacted copy first') } });
    expect(await core.invoke('pack:export', { reference: REF, format: 'pdf' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('produce the redacted copy first') } });
  });
});

describe('an email, as rendered for the bundle', () => {
  it('is marked by search, produced and shown redacted in the open bundle', async () => {
    ok(await core.invoke('correspondence:add', { reference: REF, direction: 'in', channel: 'email', sentAt: '2026-11-03T09:00:00Z', from: 'Sam Requester <sam@example.org>', to: 'foi@borsetshire.example.gov.uk', subject: 'Follow-up', body: 'Please also send the notes by Jane Smith about the tender.\nMy neighbour Priya Raman said she saw the plans.' }));
    const item = ok(await core.invoke('correspondence:list', { reference: REF })).items.find((i) => i.subject === 'Follow-up')!;
    const target = { kind: 'email', id: item.id } as const;
    expect(ok(await core.invoke('redaction:search', { reference: REF, target, query: 'Priya Raman', code: 's40(2)' }))).toHaveLength(1);
    ok(await core.invoke('redaction:search', { reference: REF, target, query: 'sam@example.org', code: 's40(2)' }));
    const page = ok(await core.invoke('redaction:page', { reference: REF, target, page: 1 }));
    expect(page).toMatchObject({ width: A4.width, pages: 1 });
    expect(page.marks).toHaveLength(2);
    const made = ok(await core.invoke('redaction:produce', { reference: REF, target }));
    expect(made.verified).toBe(true);
    const copy = join(files, 'email-copy.pdf');
    writeFileSync(copy, Buffer.from(ok(await core.invoke('attachments:content', { id: made.attachment.id })).dataBase64!, 'base64'));
    const w = words(text(copy));
    expect(w).toEqual(expect.arrayContaining(['Please', 'neighbour', 'plans.']));
    expect(w).not.toContain('Priya');
    expect(w).not.toContain('Raman');
    expect(text(copy)).not.toContain('sam@example.org');
    // With the attachment produced again too, the open bundle shows the email by its copy.
    ok(await core.invoke('redaction:produce', { reference: REF, target: { kind: 'attachment', id: sourceId } }));
    const open = ok(await core.invoke('bundles:export', { reference: REF, kind: 'open' }));
    const openText = text(open.path!);
    expect(openText).toContain('neighbour');
    // (The requester's own address stays where the letters and cover give it.)
    for (const gone of ['Priya', 'Raman', 'panel']) expect(openText).not.toContain(gone);
  }, 90_000);
});
