// Statistics in the app: figures, SVG charts with their tables, click-through to the cases behind
// a figure; publishing a response in the disclosure log with the requester's name refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../helpers/core';
import { axeViolations, screenshot } from './browser';
import { openCaseSession, type Session } from './session';

let s: Session;

beforeAll(async () => {
  s = await openCaseSession({ regime: 'foia', received: '2026-03-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org' }, summary: 'Cycle lanes' });
  ok(await s.bridge.core.invoke('cases:addEvent', { reference: s.reference, type: 'responded', date: '2026-03-20' }));
});

afterAll(async () => {
  await s?.close();
});

describe('reports and the disclosure log in the app', () => {
  it('publishes in the officer’s words, refusing the requester’s name, with focus on the result', async () => {
    const { page } = s;
    await page.getByRole('tab', { name: 'Disclosure log' }).click();
    await page.getByLabel('Published title').fill('Cycle lanes');
    await page.getByLabel('Published summary of what was asked').fill('Asked by Zoë Ó Dónaill-Nguyễn 王');
    await page.getByRole('button', { name: 'Publish in the disclosure log' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    await page.getByLabel('Published summary of what was asked').fill('The cycle lane budget');
    await page.getByRole('button', { name: 'Publish in the disclosure log' }).click();
    await page.getByText('This response will appear in the disclosure log.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the statistics with charts, tables and the cases behind a figure', async () => {
    const { page, bridge } = s;
    await page.goto(`${bridge.url}#/`);
    const from = page.getByRole('group', { name: 'Received from', exact: true }).last();
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').fill('1');
    await from.getByLabel('Year').fill('2026');
    await page.getByTestId('statistics').waitFor();
    const figures = page.getByTestId('statistics');
    expect(await figures.locator('svg[role=img]').count()).toBe(2);
    await figures.getByRole('row', { name: /^In time 1/ }).getByText('How it is counted').click();
    await expect.poll(() => figures.getByRole('link', { name: s.reference }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'statistics');
  });
});
