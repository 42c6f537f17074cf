// A case of hundreds of messages (a mailbox imported): its correspondence is shown a hundred at a
// time, with how many there are, "Show the next" by keyboard moving the focus to the first of those
// shown, a search hit's item shown however far down it is, and axe clean. With every item in the
// page, 12,000 messages put some 900,000 elements in it (bench/README.md).
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

describe(`a case of ${ITEMS} items of correspondence`, () => {
  it('shows a hundred at a time, says how many, and shows the next by keyboard with the focus on the first of them', async () => {
    await page.goto(at('correspondence'));
    await expect.poll(() => page.getByTestId('shown-items').textContent()).toBe(`Showing 100 of ${ITEMS} items.`);
    expect(await items().count()).toBe(100);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show the next 100 items' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('shown-items').textContent()).toBe(`Showing 200 of ${ITEMS} items.`);
    expect(await items().count()).toBe(200);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`correspondence-${ids[100]}`);
    // The last page: 30 more, and then nothing more to show.
    await page.getByRole('button', { name: 'Show the next 30 items' }).click();
    await expect.poll(() => items().count()).toBe(ITEMS);
    expect(await page.getByTestId('shown-items').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`correspondence-${ids[200]}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows a search hit's item however far down the list it is, and gives it the focus", async () => {
    const target = ids[219]!;
    await page.goto(at('overview'));
    await page.goto(at('correspondence', `correspondence-${target}`));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`correspondence-${target}`);
    expect(await items().count()).toBe(220);
    await expect.poll(() => page.getByTestId('shown-items').textContent()).toBe(`Showing 220 of ${ITEMS} items.`);
  });
});
