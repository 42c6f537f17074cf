// The decisions an officer defends to the ICO, through the interface: a section 12 estimate with
// its total against the limit and s16 advice, the s12 refusal letter; an exemption whose refusal is
// held back until s17 is satisfied. axe on each screen. (docs/law.md §4, §5, §6.1)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { Bridge } from './bridge';
import { openCaseSession, type Session } from './session';
import { axeViolations, screenshot } from './browser';
import { ok } from '../helpers/core';

let bridge: Bridge;
let page: Page;
let reference: string;

let session: Session;
beforeAll(async () => {
  session = await openCaseSession({ regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor', address: '4 Mill Lane\nFelpersham' }, summary: 'Social worker Facebook guidance', requestText: 'All guidance issued to social workers about Facebook since 2005.' }, 10_000);
  ({ bridge, page, reference } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('section 12', () => {
  it('totals an estimate as it is typed and saves it with its working (reg 4(3), 4(4))', async () => {
    await page.getByRole('tab', { name: 'Cost estimate' }).click();
    await page.getByLabel('Activity, line 1').selectOption('locating');
    await page.getByLabel('What is counted, line 1').fill('case files');
    await page.getByLabel('Quantity, line 1').fill('40');
    await page.getByLabel('Minutes each, line 1').fill('30');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Activity, line 2').selectOption('extracting');
    await page.getByLabel('Quantity, line 2').fill('40');
    await page.getByLabel('Minutes each, line 2').fill('10');
    await expect(page.getByTestId('cost-total').textContent()).resolves.toContain('£666.67');
    await expect(page.getByTestId('cost-total').textContent()).resolves.toContain('exceeds the limit');
    await page.getByRole('button', { name: 'Save estimate' }).click();
    await page.getByTestId('cost-working').waitFor();
    await page.getByLabel('How the request could be narrowed').fill('We could search the guidance issued since 2015, which we estimate would take about 8 hours.');
    await page.getByRole('button', { name: 'Save advice' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decisions-01-estimate');
    const costs = ok(await bridge.core.invoke('costs:get', { reference }));
    expect(costs.comply?.totals).toMatchObject({ totalMinutes: 1600, costPence: 66667, limitPence: 45000, exceeds: true });
  });

  it('produces the s12 refusal with the working and the s16 advice (s17(5))', async () => {
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByLabel('Letter', { exact: true }).selectOption('s12-refusal');
    await page.getByTestId('letter-preview').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decisions-02-s12-letter');
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page.getByTestId('letter-saved').waitFor();
    const text = execFileSync('pdftotext', [bridge.saved.at(-1)!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('£450');
    expect(text).toContain('since 2015');
  });
});

describe('exemptions and the s17 check', () => {
  it('checks at save what the refusal letter will need: the subsection, the reasons and the public interest; records who decided and when', async () => {
    await page.getByRole('tab', { name: 'Exemptions' }).click();
    await page.getByLabel('Exemption, with its subsection').fill('FOIA s43');
    await page.getByLabel('Why the exemption is engaged').fill('Disclosure would be likely to prejudice the council’s negotiating position with suppliers.');
    await page.getByRole('button', { name: 'Apply exemption' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    // The error summary takes focus and links to each field (GOV.UK error summary pattern).
    await expect(page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).resolves.toBe(true);
    const problems = await summary.textContent();
    expect(problems).toMatch(/subsection/);
    expect(problems).toMatch(/public interest in disclosure/i);
    expect(await page.getByText('No exemption applied.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decisions-03-exemption-checked');

    await page.getByLabel('Exemption, with its subsection').fill('FOIA s43(2)');
    await page.getByLabel('Public interest in disclosure').fill('Transparency in the spending of public money.');
    await page.getByLabel('Public interest in maintaining the exemption').fill('Protecting value for money in current tenders.');
    await page.getByLabel('The balance, and the conclusion').fill('While tenders are live the public interest favours withholding.');
    await page.getByLabel('Decided by').fill('Alex Morgan');
    const decided = page.getByRole('group', { name: 'Decided on' });
    await decided.getByLabel('Day').fill('19');
    await decided.getByLabel('Month').fill('11');
    await decided.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Apply exemption' }).click();
    await page.getByTestId('exemption-applied').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('exemption-applied');
    await page.getByRole('button', { name: 'Remove FOIA s43(2)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decisions-04-exemptions');
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByLabel('Letter', { exact: true }).selectOption('refusal');
    await page.getByLabel('What is withheld').fill('The pricing schedules submitted by the two bidders in the current tender.');
    await page.getByRole('button', { name: 'Update the letter' }).click();
    await page.getByTestId('letter-preview').waitFor();
    expect(await page.getByTestId('letter-problems').count()).toBe(0);
    expect(await page.getByTestId('letter-preview').textContent()).toContain('43(2)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'decisions-05-refusal-ready');
    // The banner of the cost-limit letter saved above is still shown, and this letter may take the
    // same file name: wait for this save's own path, then for the file to hold this letter.
    const before = bridge.saved.length;
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => bridge.saved.length).toBe(before + 1);
    const pdfText = () => {
      try {
        return execFileSync('pdftotext', [bridge.saved.at(-1)!, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).replace(/\s+/g, ' ');
      } catch {
        return ''; // still being written
      }
    };
    await expect.poll(pdfText, { timeout: 15_000 }).toContain('Protecting value for money in current tenders.');
  });
});
