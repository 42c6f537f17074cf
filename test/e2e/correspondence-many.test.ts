// A case of hundreds of messages (a mailbox imported): its correspondence is shown a page of a
// hundred at a time, saying which, with links to the first, previous, next and last pages that put
// the focus on the first item of each; a search hit's page is shown, not every item before it; and
// axe is clean. With every item in the page, 12,000 messages put some 900,000 elements in it
// (bench/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Bridge } from './bridge';
import { openCaseSession, type Session } from './session';
import { axeViolations } from './browser';
import { ok } from '../helpers/core';

const ITEMS = 230;
let bridge: Bridge;
let page: Page;
let reference: string;
let session: Session;
let ids: number[];

beforeAll(async () => {
  session = await openCaseSession({ regime: 'foia', received: '2025-07-01', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王', email: 'zoe@example.org' }, summary: 'A year of emails about Mill Lane' }, 15_000);
  ({ bridge, page, reference } = session);
  for (let n = 1; n <= ITEMS; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    ok(await bridge.core.invoke('correspondence:add', { reference, direction: n % 3 === 0 ? 'out' : 'in', channel: 'email', sentAt: `2025-08-${day}`, from: 'zoe@example.org', to: 'foi@example.gov.uk', subject: `Mill Lane, message ${n}`, body: `Message ${n} about the potholes.` }));
  }
  const list = ok(await bridge.core.invoke('correspondence:list', { reference }));
  ids = list.items.map((i) => i.id);
  expect(ids).toHaveLength(ITEMS);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const items = () => page.getByTestId('correspondence-item');
const at = (tab: string, focus?: string) => `${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}?tab=${tab}${focus ? `&focus=${focus}` : ''}`;

const pageText = () => page.getByTestId('page-items').textContent();
const focusedId = () => page.evaluate(() => document.activeElement?.id);

describe(`a case of ${ITEMS} items of correspondence`, () => {
  it('shows a page of a hundred, says which, and moves between pages by keyboard with the focus on the first item of each', async () => {
    await page.goto(at('correspondence'));
    await expect.poll(pageText).toBe(`Items 1 to 100 of ${ITEMS}`);
    expect(await items().count()).toBe(100);
    expect(await page.getByRole('link', { name: /^Previous/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Next 100 items' }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(pageText).toBe(`Items 101 to 200 of ${ITEMS}`);
    expect(await items().count()).toBe(100);
    await expect.poll(focusedId).toBe(`correspondence-${ids[100]}`);
    expect(await axeViolations(page)).toEqual([]);
    // The newest are on the last page, one step away.
    await page.getByRole('link', { name: 'Last items' }).first().click();
    await expect.poll(pageText).toBe(`Items 201 to 230 of ${ITEMS}`);
    expect(await items().count()).toBe(30);
    await expect.poll(focusedId).toBe(`correspondence-${ids[200]}`);
    expect(await page.getByRole('link', { name: /^Next/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'First items' }).first().click();
    await expect.poll(pageText).toBe(`Items 1 to 100 of ${ITEMS}`);
    await expect.poll(focusedId).toBe(`correspondence-${ids[0]}`);
  });

  it("shows the page that holds a search hit's item, not every item before it, and gives it the focus", async () => {
    const target = ids[219]!;
    await page.goto(at('overview'));
    await page.goto(at('correspondence', `correspondence-${target}`));
    await expect.poll(focusedId).toBe(`correspondence-${target}`);
    await expect.poll(pageText).toBe(`Items 201 to 230 of ${ITEMS}`);
    expect(await items().count()).toBe(30);
  });

  it('leaves the focus where the officer is when the list is read again after a change', async () => {
    await page.goto(at('overview'));
    await page.goto(at('correspondence', `correspondence-${ids[100]}`));
    await expect.poll(focusedId).toBe(`correspondence-${ids[100]}`);
    // Another item of the page marked as an event: the list is read again, and the focus does not go back.
    const other = ids[150]!;
    await page.locator(`#mark-${other}`).selectOption({ index: 1 });
    await page.locator(`#correspondence-${other}`).getByRole('button', { name: /Add to the timeline/ }).click();
    await expect.poll(() => page.getByTestId('correspondence-done').textContent()).toMatch(/Added to the timeline/u);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await focusedId()).not.toBe(`correspondence-${ids[100]}`);
  });

  it('leaves the focus on the tab when the officer comes back to the tab, and keeps the page', async () => {
    await page.goto(at('overview'));
    await page.goto(at('correspondence', `correspondence-${ids[100]}`));
    await expect.poll(focusedId).toBe(`correspondence-${ids[100]}`);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('tab', { name: /^Correspondence/ }).click();
    await expect.poll(pageText).toBe(`Items 101 to 200 of ${ITEMS}`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    // The same item asked for again by a link (as a search hit again) takes the focus again.
    await page.goto(at('overview'));
    await page.goto(at('correspondence', `correspondence-${ids[100]}`));
    await expect.poll(focusedId).toBe(`correspondence-${ids[100]}`);
  });

  it('pages by links, which a case open only to read (its form controls disabled) leaves working', async () => {
    await page.goto(at('correspondence'));
    await expect.poll(pageText).toBe(`Items 1 to 100 of ${ITEMS}`);
    const nav = page.getByRole('navigation', { name: 'Pages of items', exact: true });
    expect(await nav.getByRole('link').count()).toBe(2);
    expect(await nav.locator('button, input, select').count()).toBe(0);
  });
});
