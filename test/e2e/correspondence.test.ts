// Dragging several emails and files into a case: progress, each filed with its attachments, a
// duplicate recognised, search across the files. axe on each screen; screenshots to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { Bridge } from './bridge';
import { openCaseSession, type Session } from './session';
import { axeViolations, screenshot } from './browser';
import { ok } from '../helpers/core';
import { buildMsg, eml, msgSpecs } from '../fixtures/mail/make-fixtures';
import { PDFDocument, StandardFonts } from 'pdf-lib';

let bridge: Bridge;
let page: Page;
let reference: string;

let session: Session;
beforeAll(async () => {
  session = await openCaseSession({ regime: 'foia', received: '2025-07-01', requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org' }, summary: 'Mill Lane potholes' }, 15_000);
  ({ bridge, page, reference } = session);
});

afterAll(async () => {
  await session?.close();
});

async function drop(files: { name: string; type: string; bytes: Uint8Array }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: Buffer.from(f.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, payload);
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer });
}

describe('correspondence', () => {
  it('files several dropped emails and documents, with their attachments', async () => {
    await page.getByRole('tab', { name: /Correspondence/ }).click();
    await page.getByText('Nothing filed yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await drop([
      { name: 'request.eml', type: 'message/rfc822', bytes: new Uint8Array(eml.alternativeWithInlineAndPdf) },
      { name: 'documents.msg', type: 'application/vnd.ms-outlook', bytes: buildMsg(msgSpecs.withAttachments) },
      { name: 'ico-social-media-policy-2013.txt', type: 'text/plain', bytes: readFileSync('test/fixtures/samples/ico-social-media-policy-2013.txt') },
    ]);
    await page.getByTestId('import-result').waitFor();
    await expect(page.getByTestId('import-result').textContent()).resolves.toContain('Added 3 items');
    await page.getByTestId('correspondence-item').nth(1).waitFor();
    expect(await page.getByTestId('correspondence-item').count()).toBe(2);
    await page.getByRole('button', { name: /Preview chart\.png/ }).click();
    await page.getByRole('img', { name: 'Preview of chart.png' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'correspondence-01-imported');
    const detail = ok(await bridge.core.invoke('cases:get', { reference }));
    expect(detail.correspondence.flatMap((c) => c.attachments).length).toBeGreaterThanOrEqual(4);
  });

  it('draws a PDF attachment\'s pages in the preview, within the CSP', async () => {
    const csp: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    const doc = await PDFDocument.create({ updateMetadata: false });
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 2; i++) doc.addPage().drawText(`Highways committee minutes, page ${i}`, { x: 50, y: 700, size: 18, font });
    await drop([{ name: 'minutes.pdf', type: 'application/pdf', bytes: await doc.save() }]);
    await page.getByRole('button', { name: /Preview minutes\.pdf/ }).click();
    await page.getByRole('img', { name: 'Page 1 of 2 of minutes.pdf' }).waitFor();
    await page.waitForTimeout(500);
    expect(csp).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'correspondence-03-pdf-preview');
  });

  it('recognises a message dropped again', async () => {
    await drop([{ name: 'request-again.eml', type: 'message/rfc822', bytes: new Uint8Array(eml.alternativeWithInlineAndPdf) }]);
    await page.getByTestId('import-result').getByText('Not added').waitFor();
    expect(await page.getByTestId('correspondence-item').count()).toBe(2);
  });

  it('says how many files of a large import still wait for their text to be read, and shows them read once they are', async () => {
    const files = [];
    for (let n = 1; n <= 21; n++) {
      const doc = await PDFDocument.create();
      doc.addPage([595, 842]).drawText(`Gritting route ${n}: the bins are refilled weekly.`, { x: 60, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
      files.push({ name: `route-${n}.pdf`, data: Buffer.from(await doc.save()).toString('base64') });
    }
    ok(await bridge.core.invoke('correspondence:import', { reference, role: 'disclosed', files }));
    await bridge.core.textRead();
    // As if the app had closed before reading them: the files wait again.
    const raw = new Database(join(bridge.core.dataDir, 'disclose.sqlite3'));
    raw.exec("UPDATE attachments SET text_status = 'pending', text_note = 'Its text is still to be read for search.' WHERE filename LIKE 'route-%'");
    raw.close();
    await page.reload();
    await page.getByRole('tab', { name: /Correspondence/ }).click();
    // Nothing reads them in this session: the page says when they will be.
    await page.getByRole('status').getByText('The text of 21 files is still to be read for search.', { exact: false }).waitFor();
    expect(await page.getByText('Its text is still to be read for search.').count()).toBe(21);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'correspondence-04-text-being-read');
    // Read now: opened again, the case shows every file read.
    ok(await bridge.core.invoke('text:read', {}));
    await page.reload();
    await page.getByRole('tab', { name: /Correspondence/ }).click();
    await page.getByText('route-21.pdf', { exact: true }).first().waitFor();
    expect(await page.getByText('Its text is still to be read for search.').count()).toBe(0);
    expect(await page.getByText(/text of \d+ files/).count()).toBe(0);
  });

  it('finds the files by search and opens the case', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Search requests, correspondence and attachments').fill('social media policy');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByTestId('search-results').textContent()).toContain('ico-social-media-policy-2013.txt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'correspondence-02-search');
    // The hit opens the case at the item itself.
    await page.getByTestId('search-results').getByRole('link', { name: reference }).first().click();
    await page.getByRole('tab', { name: /Correspondence/, selected: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('attachment-'));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('ico-social-media-policy-2013.txt');
  });
});
