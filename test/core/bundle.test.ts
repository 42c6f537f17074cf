// The bundles the ICO and the Tribunal ask for (docs/law.md §6.3-6.4), made from the Kent case of
// 2012 (test/fixtures/samples) with every awkward file a real case holds: one PDF, valid (qpdf --check),
// "Page N of M" on every page, indexed, bookmarked, with a manifest of SHA-256s; the withheld
// information in a closed bundle paginated C1…, marked by exemption and never in the open one; an
// owner-password PDF reproduced; a locked, a corrupt and an altered file listed as not reproduced
// with the reason; a ZIP of the native files with the same manifest; progress and cancelling; the CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Core } from '../../src/main/core';
import type { BundleExport } from '../../src/shared/ipc/contract';
import { writeZip } from '../../src/main/core/bundle/zip';
import { loadDecrypted } from '../../src/main/core/bundle/decrypt';
import { buildBundleCase, REF, textPdf, type BundleCase } from '../helpers/bundle-case';
import { databaseArgsFor, ok, tempDir } from '../helpers/core';

const PNG_DIR = 'test-results/bundle';
let kase: BundleCase;
let core: Core;
let open: BundleExport;
let closed: BundleExport;
let zip: BundleExport;
const saved: string[] = [];

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pageText = (file: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });
const allText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const flat = (s: string) => s.replace(/\s+/g, ' ');
const qpdfJson = (file: string, key: string) => JSON.parse(execFileSync('qpdf', ['--json=2', `--json-key=${key}`, file], { encoding: 'utf8' })) as Record<string, unknown>;
interface Outline { title: string; destpageposfrom1: number; kids: Outline[] }

beforeAll(async () => {
  kase = await buildBundleCase();
  core = await kase.open('2012-06-20', saved);
  open = ok(await core.invoke('bundles:export', { reference: REF, kind: 'open' }));
  closed = ok(await core.invoke('bundles:export', { reference: REF, kind: 'closed' }));
  zip = ok(await core.invoke('bundles:export', { reference: REF, kind: 'zip' }));
}, 120_000);

afterAll(async () => {
  await core?.close();
});

describe('the open bundle', () => {
  it('is one valid PDF (qpdf --check) with as many pages as it says, and its metadata', async () => {
    expect(open).toMatchObject({ saved: true, kind: 'open' });
    const check = execFileSync('qpdf', ['--check', open.path!], { encoding: 'utf8' });
    expect(check).toContain('No syntax or stream encoding errors found');
    const info = execFileSync('pdfinfo', [open.path!], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(open.pages);
    expect((await PDFDocument.load(readFileSync(open.path!))).getPageCount()).toBe(open.pages);
    expect(info).toMatch(/Title:\s+Open bundle: FOI\/12\/0385 \(ICO IC-12345-A1B2\)/);
    expect(info).toMatch(/Author:\s+Kent County Council/);
    // Dated as prepared, so the file does not change with the clock (docs/architecture.md, pdf/).
    expect(info).toMatch(/CreationDate:\s+Wed Jun 20 00:00:00 2012 UTC/);
    expect(sha(readFileSync(open.path!))).toBe(open.sha256);
  });

  it('stamps "Page N of M" and the bundle name on every page (pdftotext -f N -l N)', () => {
    for (let n = 1; n <= open.pages; n++) {
      const text = flat(pageText(open.path!, n));
      expect(text, `page ${n}`).toContain(`Page ${n} of ${open.pages}`);
      expect(text, `page ${n}`).toContain('Open bundle · FOI/12/0385');
    }
  });

  it('has a cover with the authority, the case, the requester, the ICO reference and the date prepared', () => {
    const cover = flat(pageText(open.path!, 1));
    for (const s of ['Kent County Council', 'OPEN BUNDLE', 'FOI/12/0385', 'Sandy Joyce', 'IC-12345-A1B2', '20 June 2012', `${open.pages} pages`]) expect(cover).toContain(s);
  });

  it('indexes every document with its page range, and each range starts where the index says', () => {
    const index = flat(pageText(open.path!, 2) + pageText(open.path!, 3));
    expect(index).toMatch(/A1 Chronology of events and deadlines 4/);
    const outlines = (qpdfJson(open.path!, 'outlines').outlines as Outline[]).flatMap((o) => [o, ...o.kids]);
    const startOf = (prefix: string) => outlines.find((o) => o.title.startsWith(prefix))!.destpageposfrom1;
    expect(flat(pageText(open.path!, startOf('A1')))).toContain('Chronology: FOI/12/0385');
    expect(flat(pageText(open.path!, startOf('D1')))).toContain('D1 Cost estimate');
    expect(flat(pageText(open.path!, startOf('E1')))).toContain('Schedule of exemptions');
    expect(flat(pageText(open.path!, startOf('G1')))).toContain('Record of searches, children and families teams');
    // The index states the same first pages as the bookmarks.
    for (const tab of ['B1', 'C1', 'D1', 'G1']) expect(index).toMatch(new RegExp(`${tab} .*? ${startOf(tab)}(–\\d+)? `));
  });

  it('bookmarks each section and each document in it', () => {
    const outlines = qpdfJson(open.path!, 'outlines').outlines as Outline[];
    expect(outlines.map((o) => o.title)).toEqual([
      'Cover', 'Index', 'A  Chronology', 'B  Correspondence', 'C  Letters sent', 'D  Cost estimate', 'E  Exemptions',
      'F  Information disclosed', 'G  Evidence and search records', 'H  Other documents', 'I  Information withheld', 'J  Manifest of source files',
    ]);
    const correspondence = outlines.find((o) => o.title === 'B  Correspondence')!;
    expect(correspondence.kids[0]!.title).toBe('B1  Email from Sandy Joyce: Freedom of Information request - Social Services and Facebook');
    expect(correspondence.kids.length).toBeGreaterThanOrEqual(8);
  });

  it('sets out the correspondence in date order, each email with its headers', () => {
    const text = flat(allText(open.path!));
    const order = ['12 March 2012, 09:15', '14 March 2012, 10:02', '2 April 2012, 12:00', '11 April 2012, 17:40', '18 May 2012, 12:20'];
    const at = order.map((d) => text.indexOf(`Date ${d}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('From Sandy Joyce <request-105000@example.org>');
    expect(text).toContain('Message-ID <kent-1@example.org>');
    expect(text).toContain('Please tell me if Kent County Council approves of Social Workers snooping');
    expect(text).toContain('Thank you for your email of 12th April.');
  });

  it('holds every letter, the s12 working with its sampling and aggregation and the s16 advice, and the exemption schedule', () => {
    const text = flat(allText(open.path!));
    expect(text).toContain('C1 Letter: Acknowledgement');
    expect(text).toContain('C2 Letter: Cost limit refusal');
    expect(text).toContain('no later than 12 April 2012');
    expect(text).toContain('Sample: 10 social workers asked to search their case files took 30 min (3 min each); Ten social workers timed in the Maidstone team, March 2012');
    expect(text).toContain('Total 28 h × £25 an hour = £700.00, which exceeds the £450 limit.');
    expect(text).toContain('FOI/12/0402, received 20 March 2012');
    expect(text).toContain('If you limit the request to the policy and guidance');
    expect(text).toContain('1. FOIA s43(2)');
    expect(text).toContain('Public interest in maintaining the exemption Protecting the council’s negotiating position and value for money.');
    expect(text).toContain('No public interest test: FOIA s40(2) is an absolute exemption (FOIA s2(3)).');
  });

  it('puts attachments in place: PDF pages copied, images placed, text set, other files listed and attached', () => {
    const text = flat(allText(open.path!));
    expect(text).toContain('Record of searches, children and families teams');
    expect(text).toContain('G2 photo.jpg');
    expect(text).toContain('Images in the message logo.png');
    expect(text).toContain('F1 home-office-social-networking-guidance.txt');
    expect(text).toContain('G6 timings.xlsx Not printed: a spreadsheet, which Disclose does not convert; the file is attached to this PDF');
    const attached = execFileSync('qpdf', ['--list-attachments', open.path!], { encoding: 'utf8' });
    expect(attached).toContain('G6 timings.xlsx');
  });

  it('reproduces an owner-password PDF (it prints), decrypted in the process', () => {
    const text = flat(allText(open.path!));
    expect(text).toContain('Social media policy for staff (owner password only)');
    expect(open.notReproduced.map((n) => n.document)).not.toContain('policy-owner-password.pdf');
  });

  it('lists what could not be reproduced, with the reason, in the index, on a sheet in its place, and in the manifest; an altered file is never exported', () => {
    expect(open.notReproduced).toEqual([
      { tab: 'G4', document: 'minutes-user-password.pdf', reason: 'encrypted: it needs a password to open; the original file is attached to this PDF' },
      { tab: 'G5', document: 'scan-corrupt.pdf', reason: 'the file is damaged and cannot be read as a PDF; the original file is attached to this PDF' },
      { tab: 'H2', document: 'phone-note.txt', reason: 'the stored copy has been altered or damaged since it was filed: its SHA-256 no longer matches' },
    ]);
    const text = flat(allText(open.path!));
    expect(text).toContain('Could not be reproduced: encrypted: it needs a password to open');
    expect(text).toContain('This document could not be reproduced: the file is damaged and cannot be read as a PDF');
    expect(text).toMatch(/phone-note\.txt \(document\) \d+ bytes Could not be reproduced: the stored copy has been altered/);
    const attached = execFileSync('qpdf', ['--list-attachments', open.path!], { encoding: 'utf8' });
    expect(attached).toContain('G4 minutes-user-password.pdf');
    expect(attached).toContain('G5 scan-corrupt.pdf');
    expect(attached).not.toContain('phone-note');
    expect(text).not.toContain('Someone edited this file');
  });

  it('gives each source file its SHA-256 in the manifest, as the file is stored', () => {
    const text = flat(allText(open.path!));
    for (const name of ['search-record.pdf', 'photo.jpg', 'ico-social-media-policy-2013.txt', 'timings.xlsx']) {
      const bytes = readFileSync(join(kase.files, name));
      expect(text, name).toContain(`SHA-256 ${sha(bytes)}`);
    }
    expect(text).toContain(`SHA-256 ${sha(readFileSync(join(kase.files, 'kent-1.eml')))}`);
  });

  it('keeps the withheld information out: a pointer to the closed bundle stands in its place', () => {
    const text = flat(allText(open.path!));
    expect(text).toContain('Information withheld: see the closed bundle, W1');
    expect(text).not.toContain('Tender prices: social media monitoring software');
    expect(text).not.toContain('Names and direct lines of the social workers');
    expect(text).not.toContain('Social work practice note (internal, draft)');
    expect(execFileSync('qpdf', ['--list-attachments', open.path!], { encoding: 'utf8' })).not.toMatch(/tender|staff-list|practice-note/);
  });

  it('is the same file when made again from the same case on the same day', async () => {
    const again = ok(await core.invoke('bundles:export', { reference: REF, kind: 'open' }));
    expect(again.sha256).toBe(open.sha256);
  });
});

describe('the closed bundle', () => {
  it('holds only the withheld items, paginated C1… with "Page Cn of Cm" on every page, and passes qpdf --check', () => {
    expect(execFileSync('qpdf', ['--check', closed.path!], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    for (let n = 1; n <= closed.pages; n++) {
      const text = flat(pageText(closed.path!, n));
      expect(text, `page C${n}`).toContain(`Page C${n} of C${closed.pages}`);
      expect(text).toContain('CLOSED bundle · FOI/12/0385 · not for disclosure to the requester');
    }
    const labels = qpdfJson(closed.path!, 'pagelabels').pagelabels as { label: Record<string, string> }[];
    expect(labels[0]!.label['/P']).toBe('u:C');
    const text = flat(allText(closed.path!));
    expect(text).toContain('Tender prices: social media monitoring software');
    expect(text).toContain('Names and direct lines of the social workers');
    expect(text).not.toContain('Record of searches');
  });

  it('marks every page of each withheld item with the exemptions applied to it', () => {
    const outlines = (qpdfJson(closed.path!, 'outlines').outlines as Outline[]).flatMap((o) => [o, ...o.kids]);
    const tender = outlines.find((o) => o.title.startsWith('W2'))!;
    expect(tender.title).toBe('W2  tender-prices.pdf');
    for (let n = tender.destpageposfrom1; n < tender.destpageposfrom1 + 3; n++) expect(flat(pageText(closed.path!, n))).toContain('WITHHELD from the requester: FOIA s43(2)');
    const index = flat(pageText(closed.path!, 2));
    expect(index).toContain('W3 staff-list.txt FOIA s40(2) (applied');
    expect(index).toContain('W2 tender-prices.pdf FOIA s43(2) C5–C7');
  });
});

describe('the ZIP of native files', () => {
  it('holds each file as stored, named by tab, with manifest.csv giving the same SHA-256s; never the withheld files', () => {
    const list = execFileSync('unzip', ['-Z1', zip.path!], { encoding: 'utf8' }).trim().split('\n');
    expect(list).toContain('B01 kent-1.eml');
    expect(list).toContain('G01 search-record.pdf');
    expect(list).toContain('manifest.csv');
    expect(list.join('\n')).not.toMatch(/tender|staff-list|practice-note|phone-note/);
    execFileSync('unzip', ['-tq', zip.path!]);
    const csv = execFileSync('unzip', ['-p', zip.path!, 'manifest.csv'], { encoding: 'utf8' });
    for (const name of ['G01 search-record.pdf', 'B01 kent-1.eml']) {
      const bytes = execFileSync('unzip', ['-p', zip.path!, name]);
      expect(csv).toContain(`${name},${bytes.length},${sha(bytes)},included`);
    }
    expect(csv).toMatch(/H2,phone-note\.txt,,\d+,[0-9a-f]{64},could not be reproduced,"?the stored copy has been altered/);
  });

  it('writes ZIP64 records when asked, and unzip and Python read them', async () => {
    const file = join(tempDir('disclose-zip64-'), 'z.zip');
    await writeZip(file, [{ name: 'a.txt', bytes: Buffer.from('hello '.repeat(100)) }, { name: 'ü/b.bin', bytes: new Uint8Array([1, 2, 3]) }], { date: new Date('2012-06-20T00:00:00Z'), zip64: 'always' });
    execFileSync('unzip', ['-tq', file]);
    const names = execFileSync('python3', ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);print(z.testzip(),[i.filename for i in z.infolist()],z.read("a.txt")[:6])', file], { encoding: 'utf8' });
    expect(names.trim()).toBe("None ['a.txt', 'ü/b.bin'] b'hello '");
  });
});

describe('owner-password PDFs (PDF 32000-1 §7.6.3; ISO 32000-2 Algorithm 2.B)', () => {
  it('opens RC4 40 and 128, AES-128 and AES-256 (R5 and R6) with the empty user password, and refuses one that needs a password', async () => {
    const dir = tempDir('disclose-crypt-');
    const plain = join(dir, 'plain.pdf');
    execFileSync('sh', ['-c', `cat > "${plain}"`], { input: Buffer.from(await textPdf('Encrypted original', 2)) });
    const variants: Record<string, string[]> = {
      'rc4-40': ['--allow-weak-crypto', '--encrypt', '', 'owner', '40', '--'],
      'rc4-128': ['--allow-weak-crypto', '--encrypt', '', 'owner', '128', '--use-aes=n', '--'],
      'aes-128': ['--encrypt', '', 'owner', '128', '--use-aes=y', '--'],
      'aes-256-r5': ['--encrypt', '', 'owner', '256', '--force-R5', '--'],
      'aes-256': ['--encrypt', '', 'owner', '256', '--'],
    };
    for (const [name, args] of Object.entries(variants)) {
      const file = join(dir, `${name}.pdf`);
      execFileSync('qpdf', [...args, plain, file]);
      const { doc, wasEncrypted } = await loadDecrypted(readFileSync(file));
      const out = await PDFDocument.create();
      for (const p of await out.copyPages(doc, doc.getPageIndices())) out.addPage(p);
      const copy = join(dir, `${name}-copy.pdf`);
      execFileSync('sh', ['-c', `cat > "${copy}"`], { input: Buffer.from(await out.save()) });
      expect(wasEncrypted, name).toBe(true);
      expect(flat(allText(copy)), name).toContain('Encrypted original');
    }
    const locked = join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', plain, locked]);
    await expect(loadDecrypted(readFileSync(locked))).rejects.toThrow('needs a password');
  });
});

describe('progress and cancelling', () => {
  it('reports progress while it runs, done at the end', async () => {
    const running = core.invoke('bundles:export', { reference: REF, kind: 'open', jobId: 'progress-test-1' });
    const seen = new Set<string>();
    let state = '';
    while (state !== 'done' && state !== 'failed') {
      const p = ok(await core.invoke('bundles:progress', { jobId: 'progress-test-1' }));
      state = p.state;
      seen.add(p.state);
      await new Promise((r) => setTimeout(r, 5));
    }
    ok(await running);
    expect(seen.has('running') || seen.has('done')).toBe(true);
    expect(ok(await core.invoke('bundles:progress', { jobId: 'progress-test-1' }))).toMatchObject({ state: 'done', step: 'Saved' });
    expect(ok(await core.invoke('bundles:progress', { jobId: 'no-such-job' })).state).toBe('unknown');
  });

  it('stops when cancelled and saves nothing', async () => {
    const exports = async () => ok(await core.invoke('audit:list', { reference: REF, limit: 1000 })).filter((e) => e.action === 'bundle.exported').length;
    const before = await exports();
    const running = core.invoke('bundles:export', { reference: REF, kind: 'open', jobId: 'cancel-test-1' });
    ok(await core.invoke('bundles:cancel', { jobId: 'cancel-test-1' }));
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The export was cancelled; nothing was saved.' } });
    expect(ok(await core.invoke('bundles:progress', { jobId: 'cancel-test-1' })).state).toBe('cancelled');
    expect(await exports()).toBe(before);
  });

  it('refuses a closed bundle for a case with nothing withheld', async () => {
    expect(await core.invoke('bundles:export', { reference: 'FOI/12/0402', kind: 'closed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('bundle command (the CLI contract)', () => {
  it('bundle REF --out FILE.pdf --closed FILE.pdf --zip FILE.zip --json', () => {
    const dir = tempDir('disclose-bundle-cli-');
    const args = ['scripts/cli.mjs', 'bundle', REF, '--out', join(dir, 'open.pdf'), '--closed', join(dir, 'closed.pdf'), '--zip', join(dir, 'native.zip'), '--json', '--today', '2012-06-20', '--data-dir', kase.dataDir, ...databaseArgsFor(kase.dataDir)];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.reference).toBe(REF);
    expect(out.open).toMatchObject({ saved: true, kind: 'open', path: join(dir, 'open.pdf'), pages: open.pages, sha256: open.sha256 });
    expect(out.closed).toMatchObject({ saved: true, kind: 'closed', path: join(dir, 'closed.pdf'), pages: closed.pages });
    expect(out.zip).toMatchObject({ saved: true, kind: 'zip', path: join(dir, 'native.zip') });
    expect(out.open.notReproduced.map((n: { tab: string }) => n.tab)).toEqual(['G4', 'G5', 'H2']);
    const text = spawnSync(process.execPath, ['scripts/cli.mjs', 'bundle', REF, '--out', join(dir, 'open2.pdf'), '--today', '2012-06-20', '--data-dir', kase.dataDir, ...databaseArgsFor(kase.dataDir)], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Open bundle: ${join(dir, 'open2.pdf')} (${open.pages} pages`);
    expect(text.stdout).toContain('G4 minutes-user-password.pdf: encrypted: it needs a password to open');
  }, 60_000);

  it('needs --out (usage, exit 2)', () => {
    const r = spawnSync(process.execPath, ['scripts/cli.mjs', 'bundle', REF, '--zip', 'x.zip', '--json', '--data-dir', kase.dataDir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toContain('--out is required');
  }, 60_000);
});

describe('pages to look at', () => {
  it('writes PNGs of the cover, index, chronology, an email, the cost working, the schedule, a rotated page, a sheet for a locked file, the manifest and a closed page', () => {
    mkdirSync(PNG_DIR, { recursive: true });
    const outlines = (qpdfJson(open.path!, 'outlines').outlines as Outline[]).flatMap((o) => [o, ...o.kids]);
    const start = (tab: string) => outlines.find((o) => o.title.startsWith(tab))!.destpageposfrom1;
    const pick: [string, number][] = [
      ['01-cover', 1], ['02-index', 2], ['03-chronology', start('A1')], ['04-email', start('B2')], ['05-costs', start('D1')], ['06-schedule', start('E1')],
      ['07-rotated', start('G2') - 1], ['08-not-reproduced', start('G4')], ['09-manifest', start('J1')],
    ];
    for (const [name, n] of pick) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(n), '-l', String(n), '-singlefile', open.path!, join(PNG_DIR, `open-${name}`)]);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '5', '-l', '5', '-singlefile', closed.path!, join(PNG_DIR, 'closed-05-marked')]);
    for (const [name] of pick) expect(existsSync(join(PNG_DIR, `open-${name}.png`))).toBe(true);
  });
});
