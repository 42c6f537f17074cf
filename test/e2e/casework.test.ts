// A day's casework from the keyboard alone: record a mistaken event, void it and see the due date
// and the timeline come back; save letters as sent and see the case move; focus lands on the
// success banner after every save; axe clean on every screen at 1280 px and at 320 px (reflow,
// WCAG 1.4.10), with no sideways scrolling of the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, launch, screenshot } from './browser';
import { AUTHORITY, ok } from '../helpers/core';

let bridge: Bridge;
let browser: Browser;
let page: Page;
let reference: string;
let originalDue: string;

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const RECEIVED = isoDaysAgo(7);
const longDate = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** Presses Tab (at most `max` times) until the focused element matches: the keyboard's own route. */
async function tabTo(selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function focusedTestId(): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

async function typeDate(dayId: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  await tabTo(`#${dayId}`);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(Number(d)));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(Number(m)));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(y!);
}

async function chooseOption(selectId: string, value: string): Promise<void> {
  await tabTo(`#${selectId}`);
  // A closed select moves through its options with the arrow keys.
  for (let i = 0; i < 40; i++) {
    if ((await page.locator(`#${selectId}`).inputValue()) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`Option ${value} not reached in #${selectId}`);
}

beforeAll(async () => {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npm run build (npm test does it).');
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-'));
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: 'out/renderer', saveDir: dir });
  ok(await bridge.core.invoke('settings:update', AUTHORITY));
  const created = ok(await bridge.core.invoke('cases:create', {
    regime: 'foia', received: RECEIVED, requester: { name: 'Sam Okafor', email: 'sam@example.org' }, summary: 'Library contract prices',
    requestText: 'Please send the tender prices for the library contract.',
  }));
  reference = created.reference;
  originalDue = created.dueDate;
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}`);
  await page.getByTestId('due-date').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('corrections from the keyboard', () => {
  it('records a clarification by mistake: the case goes on hold, focus moves to the success banner', async () => {
    await expect(page.getByTestId('due-date').textContent()).resolves.toBe(longDate(originalDue));
    await chooseOption('event-type', 'clarification-sought');
    await typeDate('event-date', isoDaysAgo(6));
    await tabTo('#record-event-heading ~ form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByTestId('event-recorded').waitFor();
    expect(await focusedTestId()).toBe('event-recorded');
    await page.getByTestId('case-standing').filter({ hasText: 'On hold' }).waitFor();
    // The box is empty again: nothing is chosen for the next entry.
    expect(await page.locator('#event-type').inputValue()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'casework-01-mistaken-event');
  });

  it('voids it with a reason: struck through in the timeline, and the due date comes back', async () => {
    await tabTo('[data-testid=timeline] summary');
    await page.keyboard.press('Enter');
    await tabTo('textarea[id^=void-]');
    await page.keyboard.type('Recorded on the wrong case');
    await tabTo('.app-void-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByTestId('event-voided').waitFor();
    expect(await focusedTestId()).toBe('event-voided');
    await page.getByTestId('due-date').filter({ hasText: longDate(originalDue) }).waitFor();
    await page.getByTestId('case-standing').filter({ hasText: 'Open' }).waitFor();
    const timeline = page.getByTestId('timeline');
    expect(await timeline.locator('del').first().textContent()).toBe('Clarification sought');
    expect(await timeline.textContent()).toContain('Voided by e2e-officer');
    expect(await timeline.textContent()).toContain('Recorded on the wrong case');
    expect(await page.getByTestId('deadlines').textContent()).toContain(longDate(originalDue));
    const plan = ok(await bridge.core.invoke('cases:get', { reference }));
    expect(plan.events.find((e) => e.type === 'clarification-sought')).toMatchObject({ voided: true });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'casework-02-voided');
  });
});

describe('letters that move the case', () => {
  it('saves the acknowledgement as sent by email: acknowledged on the timeline, filed as an outgoing email', async () => {
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('letter-preview').waitFor();
    await tabTo('#letter-sent');
    await page.keyboard.press('Space');
    await page.getByRole('group', { name: 'Sent by' }).waitFor();
    expect(await page.getByLabel('Email', { exact: true }).isChecked()).toBe(true);
    await tabTo('button.govuk-button:not(.govuk-button--secondary)');
    await page.keyboard.press('Enter');
    await page.getByTestId('letter-saved').waitFor();
    expect(await focusedTestId()).toBe('letter-saved');
    expect(await page.getByTestId('letter-saved').textContent()).toContain('Recorded as sent by email');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'casework-03-letter-sent');
    const d = ok(await bridge.core.invoke('cases:get', { reference }));
    expect(d.events.filter((e) => !e.voided).map((e) => e.type)).toContain('acknowledged');
    expect(d.correspondence.find((c) => c.direction === 'out')).toMatchObject({ channel: 'email', markedAs: 'acknowledged' });
  });

  it('saves the response as sent: the case is responded, granted in full, with no deadline counting', async () => {
    await page.getByLabel('Letter', { exact: true }).selectOption('response');
    await page.getByLabel('Information provided in full').check();
    await page.getByLabel('Information provided (optional)').fill('The tender prices are in the enclosed schedule.');
    await page.getByRole('button', { name: 'Update the letter' }).click();
    await page.getByTestId('letter-saved').filter({ hasText: 'updated' }).waitFor();
    expect(await focusedTestId()).toBe('letter-saved');
    await page.getByLabel('Record it as sent when saved or printed').check();
    await page.getByLabel('Post', { exact: true }).check();
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page.getByTestId('letter-saved').filter({ hasText: 'Recorded as sent by post' }).waitFor();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByTestId('case-standing').filter({ hasText: 'Responded: granted in full' }).waitFor();
    expect(await page.getByTestId('timeline').textContent()).toContain('Outcome: Granted in full');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'casework-04-responded');
  });
});

describe('the case list', () => {
  it('searches and filters, and keeps the choices when coming back from a case', async () => {
    ok(await bridge.core.invoke('cases:create', { regime: 'eir', received: RECEIVED, requester: { name: 'Robin Green' }, summary: 'Air quality readings' }));
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('button', { name: /All cases/ }).click();
    await page.getByTestId('case-table').waitFor();
    await page.getByLabel('Regime').selectOption('foia');
    await page.getByLabel('Search cases').fill('library');
    const rows = page.getByTestId('case-table').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    expect(await rows.first().textContent()).toContain(reference);
    // Closed cases sort last by days left, and the column shows which way it sorts.
    await page.getByRole('button', { name: /Days left/ }).click();
    expect(await page.locator('th[aria-sort=ascending]').textContent()).toContain('Days left');
    await rows.first().getByRole('link', { name: reference }).click();
    await page.getByTestId('due-date').waitFor();
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByTestId('case-table').waitFor();
    expect(await page.getByLabel('Search cases').inputValue()).toBe('library');
    expect(await page.getByLabel('Regime').inputValue()).toBe('foia');
    expect(await page.locator('th[aria-sort=ascending]').textContent()).toContain('Days left');
    await expect(rows.count()).resolves.toBe(1);
    await page.getByLabel('Search cases').fill('');
    await page.getByLabel('Regime').selectOption('');
  });
});

const SCREENS: { name: string; open: () => Promise<void> }[] = [
  { name: 'cases', open: async () => { await page.goto(`${bridge.url}#/`); await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor(); await page.getByRole('button', { name: /All cases/ }).click(); await page.getByTestId('case-table').waitFor(); } },
  { name: 'new', open: async () => { await page.goto(`${bridge.url}#/new`); await page.getByRole('heading', { level: 1, name: 'Log a new request' }).waitFor(); } },
  { name: 'search', open: async () => { await page.goto(`${bridge.url}#/search?q=library`); await page.getByRole('heading', { level: 1 }).waitFor(); } },
  { name: 'settings', open: async () => { await page.goto(`${bridge.url}#/settings`); await page.getByRole('heading', { name: 'Bank holidays' }).waitFor(); } },
  ...['overview', 'correspondence', 'costs', 'exemptions', 'letters', 'bundle', 'audit'].map((tab) => ({
    name: `case-${tab}`,
    open: async () => {
      await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}?tab=${tab}`);
      await page.getByTestId('due-date').or(page.getByRole('tabpanel')).first().waitFor();
      await page.waitForLoadState('networkidle');
    },
  })),
  { name: 'not-found', open: async () => { await page.goto(`${bridge.url}#/case/NOPE/1`); await page.getByRole('heading', { name: 'Case not found' }).waitFor(); } },
];

describe('every screen at 1280 px and at 320 px', () => {
  for (const width of [1280, 320]) {
    it(`is axe clean at ${width} px${width === 320 ? ' and reflows with no sideways scrolling (WCAG 1.4.10)' : ''}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const s of SCREENS) {
        await s.open();
        expect({ screen: s.name, violations: await axeViolations(page) }).toEqual({ screen: s.name, violations: [] });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ screen: s.name, overflow }).toEqual({ screen: s.name, overflow: 0 });
        if (s.name === 'not-found') expect(await page.title()).toMatch(/^Error: /);
        if (width === 320 || ['cases', 'case-overview', 'case-letters'].includes(s.name)) await screenshot(page, `casework-${width}-${s.name}`);
      }
    }, 180_000);
  }
});
