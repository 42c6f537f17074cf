// Redaction through the interface: mark a passage by drawing a box with the mouse and every
// occurrence of a name by search (the keyboard way), produce the redacted copy, see it checked and
// previewed; every screen passes axe. The copy is read back with pdftotext and drawn with pdftoppm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, screenshot } from './browser';
import { openBrowser } from './session';
import { AUTHORITY, ok } from '../helpers/core';
import { mixedPdf, type BuiltPdf } from '../helpers/redaction-pdfs';

let bridge: Bridge;
let browser: Browser;
let page: Page;
let reference: string;
let pdf: BuiltPdf;
let dir: string;

beforeAll(async () => {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npm run build (npm test does it).');
  dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-redaction-'));
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: 'out/renderer', saveDir: dir, now: () => new Date('2026-11-20T10:00:00') });
  const core = bridge.core;
  ok(await core.invoke('settings:update', AUTHORITY));
  reference = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor', email: 'sam@example.org' }, summary: 'Library tenders' })).reference;
  ok(await core.invoke('exemptions:apply', { reference, provision: 'FOIA s40(2)', engagement: 'Junior officer names' }));
  ok(await core.invoke('exemptions:apply', { reference, provision: 'FOIA s43(2)', engagement: 'Tender prices' }));
  pdf = await mixedPdf();
  ok(await core.invoke('correspondence:import', { reference, role: 'disclosed', files: [{ name: 'evaluation.pdf', data: Buffer.from(pdf.bytes).toString('base64') }] }));
  ({ browser, page } = await openBrowser(30_000, 1000));
  await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}`);
  await page.getByTestId('due-date').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('the Redaction tab', () => {
  it('shows the first page of the document to mark', async () => {
    await page.getByRole('tab', { name: 'Redaction' }).click();
    await page.getByRole('img', { name: 'Page 1 of 4 of evaluation.pdf' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'redaction-01-page');
  });

  it('marks every occurrence of a name by search, with the keyboard', async () => {
    await page.getByLabel('Find and mark').fill('Jane Smith');
    await page.getByLabel('Find and mark').press('Enter');
    await page.getByText('Marked 2 occurrences of "Jane Smith" as withheld under s40(2).').waitFor();
    await expect.poll(() => page.getByTestId('redaction-mark').count()).toBe(2);
    expect(await page.getByTestId('redaction-schedule').textContent()).toContain('evaluation.pdf');
  });

  it('marks the price by drawing a box over it with the mouse, under s43(2)', async () => {
    await page.getByLabel('Exemption relied on').selectOption('s43(2)');
    const price = pdf.placed.find((p) => p.text === '48,250' && p.page === 1)!;
    const area = page.getByTestId('redaction-page');
    // The mouse acts within the window: bring the top of the page into view first.
    await area.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const r = (await area.boundingBox())!;
    const s = r.width / 595.28;
    await page.mouse.move(r.x + (price.x - 2) * s, r.y + (price.y - 2) * s);
    await page.mouse.down();
    await page.mouse.move(r.x + (price.x + price.w / 2) * s, r.y + (price.y + 6) * s, { steps: 4 });
    await page.mouse.move(r.x + (price.x + price.w + 2) * s, r.y + (price.y + price.h + 4) * s, { steps: 4 });
    await page.mouse.up();
    await page.getByText('Marked an area of page 1 as withheld under s43(2).').waitFor();
    await expect.poll(() => page.getByTestId('redaction-mark').count()).toBe(3);
    const marks = await page.getByTestId('redaction-marks').textContent();
    expect(marks).toContain('s43(2)');
    expect(marks).toContain('"Jane Smith"');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'redaction-02-marked');
  });

  it('produces the redacted copy, says it was checked and previews it', async () => {
    await page.getByRole('button', { name: 'Produce the redacted copy' }).click();
    await page.getByText('Checked: no text under a box can be extracted. Pages flattened: 1.').waitFor();
    await page.getByTestId('redacted-copy').getByTestId('pdf-page').first().waitFor();
    await page.waitForTimeout(500); // let pdf.js finish drawing the previewed page
    await page.getByTestId('redacted-copy').scrollIntoViewIfNeeded();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'redaction-03-copy');
    const overview = ok(await bridge.core.invoke('redaction:list', { reference }));
    const copy = overview.copies[0]!;
    const content = ok(await bridge.core.invoke('attachments:content', { id: copy.attachmentId }));
    const file = join(dir, 'copy.pdf');
    writeFileSync(file, Buffer.from(content.dataBase64!, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.split(/\s+/)).toEqual(expect.arrayContaining(['Prepared', 'pounds', 'including', 'VAT.', 'moderated', 'Okonkwo']));
    expect(text).not.toContain('Jane Smith');
    expect(text).not.toContain('Smith');
    expect(text).not.toContain('48,250');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join('test-results', 'redaction-04-copy-page')]);
  });
});
