// The team database through the interface: a lead allocates a case and adds a note; an officer's
// save made from an older copy is refused with who changed what, keeping what they typed; the case
// list filters by officer and shows each officer's load. axe on each screen, and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openCore, type Core } from '../../src/main/core';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, screenshot } from './browser';
import { openBrowser } from './session';
import { AUTHORITY, ok } from '../helpers/core';
import { freshTeamSchema, urlFor } from '../helpers/team';

let bridge: Bridge;
let browser: Browser;
let page: Page;
let alice: Core;
let reference = '';
let leeUrl = '';

beforeAll(async () => {
  const { url: admin, schema } = await freshTeamSchema();
  await teamInit(admin);
  await addOfficer(admin, { login: 'lee', name: 'Lee Okafor', lead: true }, new Date());
  await addOfficer(admin, { login: 'alice', name: 'Alice Ng', lead: false }, new Date());
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-team-'));
  leeUrl = urlFor(admin, schema, 'lee');
  bridge = await startBridge({ dataDir: join(dir, 'lee'), rendererDir: 'out/renderer', saveDir: dir, database: leeUrl });
  ok(await bridge.core.invoke('settings:update', AUTHORITY));
  reference = ok(await bridge.core.invoke('cases:create', { regime: 'foia', received: '2026-11-16', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting routes' })).reference;
  ok(await bridge.core.invoke('cases:create', { regime: 'eir', received: '2026-11-18', requester: { name: 'Pat Public' }, summary: 'Flood maps' }));
  alice = await openCore({ dataDir: join(dir, 'alice'), database: urlFor(admin, schema, 'alice'), resourcesDir: 'resources' });
  ({ browser, page } = await openBrowser());
  await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}`);
  await page.getByTestId('due-date').waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await alice?.close();
  await bridge?.close();
});

describe('a team on the team database', () => {
  it('a lead allocates the case to an officer and leaves a note for her', async () => {
    await page.getByTestId('case-officer').getByText('Lee Okafor').waitFor();
    await page.locator('#allocate-to option[value="alice"]').waitFor({ state: 'attached' });
    await page.getByLabel('Allocate to').selectOption('alice');
    await page.getByRole('button', { name: 'Allocate' }).click();
    await page.getByTestId('team-done').getByText('Allocated to alice.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('team-done');
    await page.getByLabel('Add an internal note').fill('Highways say the data is ready on Friday.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('case-notes').getByText('Highways say the data is ready on Friday.').waitFor();
    expect(await page.getByTestId('case-officer').textContent()).toContain('Alice Ng');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-01-allocation');
    // Alice finds it under her own cases.
    expect(ok(await alice.invoke('cases:list', { mine: true })).map((c) => c.reference)).toEqual([reference]);
  });

  it('refuses a save made from an older copy, says who changed what, and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'Edit the request' }).click();
    await page.getByLabel('Summary').waitFor();
    // Meanwhile, Alice changes the case.
    const opened = ok(await alice.invoke('cases:get', { reference }));
    ok(await alice.invoke('cases:update', { reference, changes: { summary: 'Gritting routes and salt bins' }, ifVersion: opened.version }));
    await page.getByLabel('Summary').fill('Gritting routes, winter 2025–26');
    await page.getByRole('button', { name: /Save/ }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText(/changed by someone else/).waitFor();
    expect(await summary.textContent()).toMatch(/alice at \d\d:\d\d on \d{4}-\d\d-\d\d: Edited summary/);
    expect(await page.getByLabel('Summary').inputValue()).toBe('Gritting routes, winter 2025–26');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-02-conflict');
    await page.getByRole('button', { name: 'I have checked: save mine over theirs' }).click();
    await page.getByRole('button', { name: /Save/ }).click();
    await page.getByTestId('due-date').waitFor();
    expect(ok(await alice.invoke('cases:get', { reference })).summary).toBe('Gritting routes, winter 2025–26');
  });

  it('lists cases by officer and shows each officer’s load, at full width and at 320 px', async () => {
    await page.goto(`${bridge.url.split('#')[0]}#/cases`);
    await page.getByTestId('case-table').waitFor();
    await page.locator('#case-officer option[value="alice"]').waitFor({ state: 'attached' });
    await page.getByLabel('Officer', { exact: true }).selectOption('alice');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-table"] tbody tr').length === 1);
    expect(await page.getByTestId('case-table').textContent()).toContain(reference);
    await page.getByTestId('workload').waitFor();
    expect(await page.getByTestId('workload').textContent()).toMatch(/Alice Ng\s*1/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-03-workload');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('Settings says which register is in use, and tests a team database address before keeping it', async () => {
    await page.goto(`${bridge.url.split('#')[0]}#/settings`);
    await page.getByTestId('register-in-use').getByText(/team database/).waitFor();
    expect(await page.getByTestId('register-in-use').textContent()).toContain('as lee (a lead)');
    await page.getByLabel('Team database address').fill('postgres://lee:secret@db.example/disclose');
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.locator('.govuk-error-summary').getByText(/No password in the address/).waitFor();
    await page.getByLabel('Team database address').fill(leeUrl);
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.getByTestId('team-db-done').getByText(/Connected to .* as lee \(a lead\)\. It is ready/).waitFor();
    // Backups are IT's on the server; a lead checks the team database here.
    expect(await page.getByTestId('team-backups').textContent()).toContain('backed up by IT');
    await page.getByRole('button', { name: 'Check the team database' }).click();
    await page.getByTestId('verify-result').getByText('No problems found.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'team-04-settings');
  });
});
