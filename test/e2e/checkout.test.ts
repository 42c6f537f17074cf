// Taking team cases offline, through the interface, on a real team database: a colleague sees a
// checked-out case read-only ("Checked out by … since … until …", no control that would change it),
// with the risk shown when it falls due within two working days; the officer's copy opened with the
// server out of reach works offline; a lead sees a copy that came back after a release beside the
// live case. axe on each screen, and at 320 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { axeViolations, screenshot } from './browser';
import { openBrowser } from './session';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, makeTeam, type Team } from '../helpers/checkout';

// Today, for the app: the case received on 2 November is due on 30 November, two working days on.
const now = () => new Date('2026-11-26T10:00:00Z');
let team: Team;
let browser: Browser;
let page: Page;
const bridges: Bridge[] = [];
const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-checkout-'));
const REF = 'FOI/2026/0001';
const caseUrl = (b: Bridge, ref = REF) => `${b.url.split('#')[0]}#/case/${ref.split('/').map(encodeURIComponent).join('/')}`;

async function bridge(name: string, opts: { database?: string; dataDir?: string }): Promise<Bridge> {
  const b = await startBridge({ dataDir: opts.dataDir ?? join(dir, name), rendererDir: 'out/renderer', saveDir: dir, now, ...(opts.database ? { database: opts.database } : {}) });
  bridges.push(b);
  return b;
}

beforeAll(async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema, now);
  const alice = await team.core('alice');
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting routes' }));
  ok(await alice.invoke('cases:create', { regime: 'eir', received: '2026-11-18', requester: { name: 'Pat Public' }, summary: 'Flood maps' }));
  await checkOut(team, 'alice', join(dir, 'alice-copies'), [REF], { until: '2026-12-04', today: '2026-11-26' });
  ({ browser, page } = await openBrowser());
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const b of bridges) await b.close();
  await team?.close();
});

describe('a case checked out, as the team sees it', () => {
  it('a colleague sees it read only: who has it, since and until when, and nothing that would change it', async () => {
    const bob = await bridge('bob', { database: team.url('bob') });
    await page.goto(caseUrl(bob));
    await page.getByTestId('due-date').waitFor();
    const notice = page.getByTestId('checkout-notice');
    await notice.getByText(/Checked out by Alice Ng \(alice\) since \d{1,2} \w+ \d{4}, \d\d:\d\d, until 4 December 2026/).waitFor();
    expect(await notice.textContent()).toContain('due within 2 working days while checked out');
    expect(await page.getByRole('button', { name: 'Edit the request' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add note' }).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Cost estimate' }).click();
    const firstControl = page.locator('#panel-costs').locator('button, input, select, textarea').first();
    expect(await firstControl.isDisabled()).toBe(true);
    await page.getByRole('tab', { name: 'Overview' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'checkout-01-read-only');
    // The case list marks it; another case is not.
    await page.goto(`${bob.url.split('#')[0]}#/cases`);
    await page.getByTestId('case-table').waitFor();
    const rows = page.getByTestId('case-table').locator('tbody tr');
    await rows.filter({ hasText: REF }).getByText('Checked out').waitFor();
    expect(await rows.filter({ hasText: 'FOI/2026/0001' }).textContent()).toContain('by Alice Ng until 4 December 2026');
    expect(await rows.filter({ hasText: 'EIR/2026/0001' }).textContent()).not.toContain('Checked out');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('its officer, with the team database out of reach, works on the copy: the app says it is offline and what is out', async () => {
    const copies = await bridge('alice-offline', { dataDir: join(dir, 'alice-copies') });
    await page.goto(caseUrl(copies));
    await page.getByTestId('due-date').waitFor();
    await page.getByTestId('checkout-banner').getByText('Working offline').waitFor();
    expect(await page.getByTestId('checkout-banner').textContent()).toMatch(/1 case checked out to this computer from .*FOI\/2026\/0001 is due within 2 working days while checked out/s);
    expect(await page.getByTestId('checkout-notice').textContent()).toContain('This is the copy checked out to this computer until 4 December 2026');
    await page.getByLabel('Add an internal note').fill('Drafted the response on the train.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('case-notes').getByText('Drafted the response on the train.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'checkout-02-offline');
    await page.goto(`${copies.url.split('#')[0]}#/offline`);
    await page.getByTestId('copies').getByText(REF).waitFor();
    expect(await page.getByTestId('copies').textContent()).toMatch(/Checked out\s*$|Checked out/);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a lead releases it; the copy comes back kept aside and is shown beside the live case', async () => {
    const lee = await bridge('lee', { database: team.url('lee') });
    await page.goto(`${lee.url.split('#')[0]}#/offline`);
    await page.getByTestId('team-leases').getByText(REF).waitFor();
    await page.getByLabel('Case', { exact: true }).selectOption(REF);
    await page.getByLabel('Why').fill('Alice is on leave');
    await page.getByRole('button', { name: 'Release' }).click();
    await page.getByTestId('checkout-done').getByText(`Released ${REF} from alice.`).waitFor();
    ok(await lee.core.invoke('cases:update', { reference: REF, changes: { summary: 'Gritting routes (covered by Lee)' } }));
    const back = await checkIn(team, 'alice', join(dir, 'alice-copies'), [REF]);
    expect(back.cases[0]!.outcome).toBe('kept-aside');
    await page.reload();
    await page.getByTestId('kept-aside').getByRole('link', { name: /FOI\/2026\/0001, from alice/ }).click();
    await page.getByTestId('kept-case_notes').getByRole('cell', { name: 'Drafted the response on the train.' }).waitFor();
    expect(await page.getByTestId('kept-cases').textContent()).toContain('Gritting routes (covered by Lee)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'checkout-03-kept-aside');
    await page.getByRole('button', { name: 'Mark as merged' }).click();
    await page.getByText(/Marked as merged/).first().waitFor();
  });
});
