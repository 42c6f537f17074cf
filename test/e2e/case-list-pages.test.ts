// The Cases screen on a register of thousands: it shows one page of 50 rows, sorted and filtered by
// the core, with Previous and Next by keyboard, the count of all, and axe clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, screenshot } from './browser';
import { openBrowser } from './session';
import { AUTHORITY, ok } from '../helpers/core';
import { seedRegister } from '../helpers/seed-register';
import { openCore } from '../../src/main/core';

const CASES = 5_000;
let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-'));
  const dataDir = join(dir, 'data');
  const made = await openCore({ dataDir, resourcesDir: 'resources' });
  ok(await made.invoke('settings:update', AUTHORITY));
  await made.close();
  seedRegister(dataDir, CASES);
  bridge = await startBridge({ dataDir, rendererDir: 'out/renderer', saveDir: dir, now: () => new Date('2026-11-20T10:00:00') });
  ({ browser, page } = await openBrowser(30_000));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

const rows = () => page.getByTestId('case-table').locator('tbody tr');

describe(`the Cases screen on ${CASES.toLocaleString('en-GB')} cases`, () => {
  it('shows a page of 50, pages forward and back by keyboard, and sorts in the core', async () => {
    await page.goto(`${bridge.url}#/`);
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await page.getByRole('button', { name: /All cases/ }).click();
    await page.getByTestId('case-table').waitFor();
    await expect.poll(() => page.getByTestId('page-count').textContent()).toBe(`Cases 1 to 50 of ${CASES.toLocaleString('en-GB')}`);
    expect(await rows().count()).toBe(50);
    const firstPage = await rows().first().textContent();
    await page.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('page-count').textContent()).toBe(`Cases 51 to 100 of ${CASES.toLocaleString('en-GB')}`);
    await expect.poll(() => rows().first().textContent()).not.toBe(firstPage);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => rows().first().textContent()).toBe(firstPage);
    // Sorted by reference in the core: the first page starts at the lowest reference of all.
    await page.getByRole('button', { name: /^Reference/ }).click();
    await expect.poll(() => rows().first().locator('a').textContent()).toBe('FOI/2020/000000');
    await page.getByRole('button', { name: /^Reference/ }).click();
    await expect.poll(() => rows().first().locator('a').textContent()).toBe('FOI/2026/004997');
    // A word from one summary finds that case alone.
    await page.getByLabel('Search cases').fill('request 4321');
    await expect.poll(() => page.getByTestId('page-count').textContent()).toBe('Cases 1 to 1 of 1');
    await page.getByLabel('Search cases').fill('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'case-list-pages');
  }, 120_000);
});
