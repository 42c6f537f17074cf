// The Cases screen on a big register in Chromium, as an officer opens it: the time from asking for
// the screen to the first page of the table shown, and (once the reports below it have loaded) to
// the table re-sorted after a click on a column, each the median of five, timed inside the page
// (the bench's core shares this process, so its own clock would count the core's other work); a
// screenshot saved to test-results/case-list-scale.png.
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/list-screen.ts DATA_DIR [--today YYYY-MM-DD]
// (build first: npx electron-vite build)
import { startBridge } from '../test/e2e/bridge';
import { openBrowser } from '../test/e2e/session';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx bench/list-screen.ts DATA_DIR [--today YYYY-MM-DD]');
const at = process.argv.indexOf('--today');
const today = at > 0 ? process.argv[at + 1]! : new Date().toISOString().slice(0, 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** In the page: each time (since navigation began) the table's first row changed, with its reference. */
const WATCH = `
  window.__rows = [];
  new MutationObserver(() => {
    const link = document.querySelector('[data-testid="case-table"] tbody tr a');
    const ref = link ? link.textContent : null;
    const last = window.__rows[window.__rows.length - 1];
    if (ref && (!last || last[1] !== ref)) window.__rows.push([performance.now(), ref]);
  }).observe(document, { subtree: true, childList: true, characterData: true });`;
type Rows = [number, string][];
const rowsSeen = () => page.evaluate(() => (window as unknown as { __rows: Rows }).__rows);
let page: Awaited<ReturnType<typeof openBrowser>>['page'];

async function main(): Promise<void> {
  const bridge = await startBridge({ dataDir: dir!, rendererDir: 'out/renderer', saveDir: dir!, now: () => new Date(`${today}T10:00:00`) });
  const opened = await openBrowser(120_000);
  const browser = opened.browser;
  page = opened.page;
  await page.addInitScript(WATCH);
  const shown: number[] = [];
  const sorted: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      await page.goto(`${bridge.url}#/`);
      await page.getByTestId('case-table').locator('tbody tr').first().waitFor();
      if (i > 0) shown.push((await rowsSeen())[0]![0]);
      await page.waitForLoadState('networkidle');
      const clicked = await page.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Received'))!;
        const t = performance.now();
        button.click();
        return t;
      });
      await page.waitForFunction((t) => (window as unknown as { __rows: Rows }).__rows.some(([at]) => at > t), clicked);
      if (i > 0) sorted.push((await rowsSeen()).find(([t]) => t > clicked)![0] - clicked);
      await page.getByRole('button', { name: /^Received/ }).click();
      // The core idle again (the year's statistics below the list take it a second or two) before the next open.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(3000);
    }
    console.log(`Cases screen: first page shown ${median(shown).toFixed(0)} ms after navigation began, re-sorted ${median(sorted).toFixed(0)} ms after the click (medians of 5); rows in the DOM ${await page.getByTestId('case-table').locator('tbody tr').count()}`);
    await page.screenshot({ path: 'test-results/case-list-scale.png' });
    console.log('screenshot: test-results/case-list-scale.png (the window as the officer sees it)');
  } finally {
    await browser.close();
    await bridge.close();
  }
}

void main();
