// The bundle through the interface: the Bundle tab shows what the open and closed bundles will
// hold, exports the open bundle with its progress and then the closed one, tells the officer what
// could not be reproduced, and passes axe on each screen. (docs/law.md §6.3-6.4)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, screenshot } from './browser';
import { openBrowser } from './session';
import { AUTHORITY, ok } from '../helpers/core';
import { textPdf } from '../helpers/bundle-case';

let bridge: Bridge;
let browser: Browser;
let page: Page;
let reference: string;

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');

beforeAll(async () => {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npm run build (npm test does it).');
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-bundle-'));
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: 'out/renderer', saveDir: dir, now: () => new Date('2026-11-20T10:00:00') });
  const core = bridge.core;
  ok(await core.invoke('settings:update', AUTHORITY));
  reference = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor', email: 'sam@example.org' }, summary: 'Tender prices for the library contract' })).reference;
  const request = ['From: Sam Okafor <sam@example.org>', 'To: foi@borsetshire.example.gov.uk', 'Subject: Library contract', 'Message-ID: <req@example.org>', 'Date: Mon, 2 Nov 2026 09:00:00 +0000', '', 'Please send the tender prices for the library contract.'].join('\r\n');
  ok(await core.invoke('correspondence:import', { reference, files: [{ name: 'request.eml', data: b64(request) }, { name: 'evaluation.pdf', data: b64(await textPdf('Tender evaluation report', 3)) }, { name: 'broken.pdf', data: b64('%PDF-1.7 this is not really a PDF') }] }));
  ok(await core.invoke('correspondence:import', { reference, role: 'withheld', files: [{ name: 'prices.pdf', data: b64(await textPdf('Bid prices', 2)) }] }));
  ok(await core.invoke('exemptions:apply', { reference, provision: 'FOIA s43(2)', item: 'prices.pdf', engagement: 'Commercial prejudice while the contract is renegotiated.', publicInterestFor: 'Transparency.', publicInterestAgainst: 'Value for money.', balance: 'Withhold for now.' }));
  ok(await core.invoke('letters:save', { reference, kind: 'acknowledgement' }));
  ({ browser, page } = await openBrowser(20_000));
  await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}`);
  await page.getByTestId('due-date').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

describe('the Bundle tab', () => {
  it('shows what the open and closed bundles will hold', async () => {
    await page.getByRole('tab', { name: 'Bundle' }).click();
    await page.getByTestId('bundle-contents').waitFor();
    expect(await page.getByTestId('bundle-contents').textContent()).toContain('Correspondence');
    expect(await page.getByTestId('bundle-closed').textContent()).toContain('prices.pdf, marked FOIA s43(2)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bundle-01-contents');
  });

  it('exports the open bundle, then says what could not be reproduced', async () => {
    await page.getByLabel('ICO reference (optional)').fill('IC-424242-Z9Y8');
    await page.getByRole('button', { name: 'Export the open bundle' }).click();
    await page.getByTestId('bundle-saved').waitFor();
    const file = bridge.saved.at(-1)!;
    expect(file).toMatch(/Open bundle\.pdf$/);
    expect(existsSync(file)).toBe(true);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const pages = pdfPages(file);
    expect(await page.getByTestId('bundle-saved').textContent()).toContain(`${pages} pages`);
    expect(await page.getByTestId('bundle-not-reproduced').textContent()).toContain('broken.pdf: the file is damaged and cannot be read as a PDF');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('IC-424242-Z9Y8');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).not.toContain('Bid prices');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bundle-02-open-saved');
  });

  it('exports the closed bundle, paginated C1…', async () => {
    await page.getByRole('button', { name: 'Export the closed bundle' }).click();
    await page.getByText('The closed bundle is saved').waitFor();
    const file = bridge.saved.at(-1)!;
    expect(file).toMatch(/Closed bundle\.pdf$/);
    const pages = pdfPages(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(`Page C${pages} of C${pages}`);
    expect(text).toContain('Bid prices');
    expect(text).toContain('WITHHELD from the requester: FOIA s43(2)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'bundle-03-closed-saved');
  });
});
