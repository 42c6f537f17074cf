// The whole path once, as an officer would take it: set up the authority, log a request, see its
// statutory due date with the working, edit it, export the acknowledgement letter. axe on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, launch, screenshot } from './browser';
import { fillDate } from './dates';

const RENDERER = 'out/renderer';
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build (npm test does it).');
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-'));
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: RENDERER, saveDir: dir });
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
});

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('walking skeleton: request to acknowledgement', () => {
  it('asks for the authority on first run, then shows the empty case list', async () => {
    await page.goto(bridge.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Disclose' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Saving with nothing filled in shows the error summary, linked to the fields.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await page.getByRole('link', { name: "Enter the authority's name" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '01-setup-errors');

    await page.getByLabel('Authority name').fill('Borsetshire County Council');
    await page.getByLabel('Postal address').fill('County Hall\nFelpersham\nBorsetshire BC1 1AA');
    await page.getByLabel('Information access email address').fill('foi@borsetshire.example.gov.uk');
    await page.getByLabel('No: £450 cost limit').check();
    await page.getByLabel('Signatory name').fill('Alex Morgan');
    await page.getByLabel('Signatory job title').fill('Information Governance Officer');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByText('No cases yet').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('logs a request and shows the statutory due date with its working (FOIA s10, Kent case §3.1(a))', async () => {
    await page.getByRole('button', { name: 'Log a new request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a new request' }).waitFor();
    await fillDate(page, 'Date received', '2012-03-12');
    // The due date appears before the request is saved: 20 working days on the all-UK calendar.
    await expect(page.getByTestId('due-preview').textContent()).resolves.toBe('12 April 2012');
    await page.getByLabel('Full name').fill('Zoë Ó Dónaill-Nguyễn 王');
    await page.getByLabel('Email address').fill('zoe@example.org');
    await page.getByLabel('Postal address (optional)').fill('12 Rue Street\nAmbridge\nBorsetshire BC2 2BB');
    await page.getByLabel('Summary').fill('Social media guidance for social workers');
    await page.getByLabel('Request text').fill('Please send me any guidance given to social workers on the use of Facebook.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '02-new-request');
    await page.getByRole('button', { name: 'Log request' }).click();

    await page.getByTestId('due-date').waitFor();
    await expect(page.getByTestId('due-date').textContent()).resolves.toBe('12 April 2012');
    const ref = `FOI/2012/0001`;
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(ref);
    await page.getByText('How this date was worked out').first().click();
    const explanation = await page.locator('#due-explanation').textContent();
    expect(explanation).toContain('Mon 19 Mar (St Patrick');
    expect(explanation).toContain('Day 20: Thu 12 Apr 2012.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '03-case-view');
  });

  it('edits the case and records the change in the audit trail', async () => {
    await page.getByRole('button', { name: 'Edit the request' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit the request' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Summary').fill('Facebook guidance for social workers');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('due-date').waitFor();
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByText('Edited summary').waitFor();
    await page.getByRole('tab', { name: 'Overview' }).click();
    const audit = await bridge.core.invoke('audit:list', { reference: 'FOI/2012/0001' });
    expect(audit.ok && audit.value.map((a) => a.action)).toEqual(['case.updated', 'case.created']);
  });

  it('records a clarification and shows the due date move, with its working (FOIA s1(3), s10(6)(b))', async () => {
    await page.getByLabel('What happened').selectOption('clarification-sought');
    await fillDate(page, 'Date it happened', '2012-03-13');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.getByText('On hold: waiting for clarification').waitFor();
    await page.getByLabel('What happened').selectOption('clarification-received');
    await fillDate(page, 'Date it happened', '2012-03-20');
    await page.getByRole('button', { name: 'Record event' }).click();
    await page.getByTestId('due-date').filter({ hasText: '19 April 2012' }).waitFor();
    const explanation = await page.locator('#due-explanation').textContent();
    expect(explanation).toContain('Day 0 Tue 20 Mar 2012 (clarification received).');
    expect(explanation).toContain('Day 20: Thu 19 Apr 2012.');
    await expect(page.getByTestId('deadlines').textContent()).resolves.toContain('19 April 2012');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '04-clarification-recorded');
  });

  it('exports the acknowledgement letter as a PDF that reads back correctly', async () => {
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('letter-preview').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page.getByTestId('letter-saved').waitFor();
    expect(bridge.saved).toHaveLength(1);
    const text = execFileSync('pdftotext', ['-layout', bridge.saved[0]!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zoë Ó Dónaill-Nguyễn 王');
    expect(text).toContain('19 April 2012');
    expect(text).toContain('FOI/2012/0001');
    expect(readFileSync(bridge.saved[0]!).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, '05-letter-saved');
  });

  it('lists the case with its due date and can be used from the keyboard alone', async () => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    // The dashboard counts the overdue case (received in 2012) and filters to it.
    await page.getByTestId('count-overdue').filter({ hasText: '1' }).waitFor();
    await page.getByRole('button', { name: /Overdue/ }).click();
    const table = page.getByTestId('case-table');
    await table.waitFor();
    const row = await table.locator('tbody tr').first().textContent();
    expect(row).toContain('FOI/2012/0001');
    expect(row).toContain('Zoë Ó Dónaill-Nguyễn 王');
    expect(row).toContain('19 April 2012');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '06-case-list');
    // After a fresh start the first Tab stop is the skip link; Enter on a case link opens it.
    await page.reload();
    await table.waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await table.getByRole('link', { name: 'FOI/2012/0001' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('due-date').waitFor();
  });
});

describe('a proclaimed bank holiday (docs/law.md §2.4, §8.3)', () => {
  it('is added in Settings and moves the open case, saying which', async () => {
    const created = await bridge.core.invoke('cases:create', { regime: 'foia', received: todayPlus(0), requester: { name: 'Ada' } });
    if (!created.ok) throw new Error(created.error.message);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Bank holidays' }).waitFor();
    const day = nextWeekday(created.value.received);
    await fillDate(page, 'Date', day);
    await page.getByRole('group', { name: 'Where is it a bank holiday?' }).getByLabel('Northern Ireland').check();
    await page.getByLabel('Name', { exact: true }).fill('Proclaimed day');
    await page.getByRole('button', { name: 'Add bank holiday' }).click();
    const banner = page.getByTestId('holiday-change');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(created.value.reference);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, '07-settings-holiday');
  });
});

function todayPlus(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The first Monday-to-Friday after `iso` that is not already a holiday-looking date (kept simple: +1..+7). */
function nextWeekday(iso: string): string {
  const d = new Date(`${iso}T12:00:00`);
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6 || (d.getMonth() === 11 && d.getDate() >= 25));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
