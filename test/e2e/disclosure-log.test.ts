// The disclosure log: marked responses exported as a static site and a CSV that never carries the
// requester's identity, even where their name, email and address are written into the request
// itself; opened in Chromium and checked with axe (WCAG 2.2 AA).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import type { Core } from '../../src/main/core';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { axeViolations, launch, screenshot } from './browser';

const REQUESTER = { name: 'Zoë Ó Dónaill-Nguyễn', email: 'zoe.odonaill@example.org', address: '14 Lavender Close\nAmbridge\nBorsetshire BC4 7QQ', organisation: 'Ambridge Cycling Campaign' };
const TOKENS = ['Zoë', 'Dónaill-Nguyễn', 'zoe.odonaill', 'Lavender Close', 'BC4 7QQ', 'Ambridge Cycling Campaign'];

let core: Core;
let out = '';
let browser: Browser;

async function pdfWith(text: string): Promise<string> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save()).toString('base64');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

function textOfFile(file: string): string {
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return readFileSync(file, 'utf8');
}

beforeAll(async () => {
  out = join(tempDir('disclose-log-'), 'log');
  core = await testCore({
    today: '2026-06-30',
    host: {
      chooseSavePath: async ({ title, defaultName }) => (/disclosure log/i.test(title) ? out : join(tempDir(), defaultName)),
      printPdf: async () => false,
      chooseFiles: async () => null,
    },
  });
  ok(await core.invoke('settings:update', AUTHORITY));
  const make = async (reference: string, regime: 'foia' | 'sar', received: string) =>
    ok(await core.invoke('cases:create', {
      reference, regime, received, requester: REQUESTER, summary: 'Cycle lanes on the A-road',
      requestText: `I am ${REQUESTER.name} of ${REQUESTER.organisation}, 14 Lavender Close, Ambridge BC4 7QQ (${REQUESTER.email}). Please send the cycle lane budget for 2025.`,
    }));
  await make('FOI/2026/0001', 'foia', '2026-04-01');
  await make('FOI/2026/0002', 'foia', '2026-04-02');
  await make('SAR/2026/0001', 'sar', '2026-04-03');
  ok(await core.invoke('letters:setDraft', { reference: 'FOI/2026/0001', kind: 'response', fields: { outcome: 'provided', informationProvided: `The budget is £1.2m. Thank you, ${REQUESTER.name}.` } }));
  ok(await core.invoke('letters:save', { reference: 'FOI/2026/0001', kind: 'response' }));
  ok(await core.invoke('cases:addEvent', { reference: 'FOI/2026/0001', type: 'responded', date: '2026-04-20' }));
  ok(await core.invoke('correspondence:import', { reference: 'FOI/2026/0001', role: 'disclosed', files: [
    { name: 'budget.pdf', data: await pdfWith('Cycle lane budget 2025: 1.2m') },
    { name: 'email chain.pdf', data: await pdfWith(`From ${REQUESTER.email} to the council`) },
  ] }));
  ok(await core.invoke('cases:addEvent', { reference: 'FOI/2026/0002', type: 'responded', date: '2026-05-02' }));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await core?.close();
});

describe('disclosure log', () => {
  it('refuses a title or summary that names the requester, and any SAR', async () => {
    const named = await core.invoke('disclosure:publish', { reference: 'FOI/2026/0001', title: 'Cycle lanes', summary: `Asked by ${REQUESTER.organisation}` });
    expect(named).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { summary: expect.stringContaining('ambridge cycling campaign') } } });
    const sar = await core.invoke('disclosure:publish', { reference: 'SAR/2026/0001', title: 'Records', summary: 'Records held' });
    expect(sar).toMatchObject({ ok: false, error: { message: expect.stringContaining('never published') } });
  });

  it('exports a site and CSV with no trace of the requester in any file', async () => {
    ok(await core.invoke('disclosure:publish', { reference: 'FOI/2026/0001', title: 'Cycle lane budget 2025', summary: 'The budget for cycle lanes in 2025.', topic: 'Transport' }));
    ok(await core.invoke('disclosure:publish', { reference: 'FOI/2026/0002', title: 'Cycle lane plans', summary: 'Plans for new cycle lanes.', topic: 'Transport' }));
    const r = ok(await core.invoke('disclosure:export', { from: '2026-04-01', to: '2026-06-30' }));
    expect(r).toMatchObject({ out, requests: 2 });
    // The letter (re-set without the addressee) and the clean document; the email chain left out, with why.
    expect(r.files).toBe(2);
    expect(r.skipped).toEqual(expect.arrayContaining([
      expect.objectContaining({ reference: 'FOI/2026/0001', file: 'email chain.pdf', reason: expect.stringContaining('names the requester') }),
      expect.objectContaining({ reference: 'FOI/2026/0002', file: 'response letter' }),
    ]));
    const files = walk(out);
    expect(files.map((f) => relative(out, f)).sort()).toEqual(expect.arrayContaining(['index.html', 'disclosure-log.csv', 'style.css', 'filter.js', join('requests', 'foi-2026-0001.html')]));
    let scanned = 0;
    for (const f of files) {
      const text = textOfFile(f).normalize('NFC').toLowerCase();
      for (const t of TOKENS) expect({ file: relative(out, f), found: text.includes(t.normalize('NFC').toLowerCase()) ? t : null }).toEqual({ file: relative(out, f), found: null });
      scanned += 1;
    }
    expect(scanned).toBeGreaterThanOrEqual(7);
    const letter = textOfFile(files.find((f) => f.endsWith('-response.pdf'))!);
    expect(letter).toContain('The budget is £1.2m');
    expect(letter).toContain('Dear Requester');
    expect(readFileSync(join(out, 'disclosure-log.csv'), 'utf8')).toContain('Cycle lane budget 2025');
    // Exporting again into the same folder is refused rather than overwriting.
    expect(await core.invoke('disclosure:export', { from: '2026-04-01', to: '2026-06-30' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not empty') } });
  });

  it('reads well and passes axe in Chromium, and the filter works', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#topic', 'Transport');
    await page.fill('#from', '2026-05-01');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#shown')).toBe('1 request shown');
    await screenshot(page, 'disclosure-log-index');
    await page.goto(pathToFileURL(join(out, 'requests', 'foi-2026-0001.html')).href);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'disclosure-log-request');
    await page.setViewportSize({ width: 320, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});
