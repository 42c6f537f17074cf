// The case screen of a case holding many messages, in Chromium through the test bridge: the time
// from navigation to the overview shown, then from the click on the Correspondence tab to its list
// shown, and the elements in the page each time (what the browser lays out). Screenshots of both
// go to test-results/. A case of many messages: `disclose import REF FILE...` of bench/import.ts's
// emails into a case (10,000 there).
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/case-screen.ts DATA_DIR REF
// (build first: npx electron-vite build; the register must have the authority's settings.)
import { performance } from 'node:perf_hooks';
import { startBridge } from '../test/e2e/bridge';
import { openBrowser } from '../test/e2e/session';

const [dir, reference] = process.argv.slice(2);
if (!dir || !reference) throw new Error('usage: tsx bench/case-screen.ts DATA_DIR REF');

async function main(): Promise<void> {
  const bridge = await startBridge({ dataDir: dir!, rendererDir: 'out/renderer', saveDir: dir!, now: () => new Date('2026-11-30T10:00:00') });
  const { browser, page } = await openBrowser(120_000);
  const elements = () => page.evaluate(() => document.querySelectorAll('*').length);
  try {
    const t = performance.now();
    await page.goto(`${bridge.url}#/case/${reference!.split('/').map(encodeURIComponent).join('/')}`);
    await page.getByTestId('due-date').waitFor({ timeout: 120_000 });
    console.log(`overview shown ${(performance.now() - t).toFixed(0)} ms after navigation; ${await elements()} elements`);
    await page.screenshot({ path: 'test-results/case-screen-overview.png' });
    const c = performance.now();
    await page.getByRole('tab', { name: /Correspondence/ }).click();
    await page.getByTestId('correspondence-item').first().waitFor({ timeout: 120_000 });
    // Laid out: the next frame after the list is in the page.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    console.log(`correspondence shown ${(performance.now() - c).toFixed(0)} ms after the click; ${await page.getByTestId('correspondence-item').count()} items in the page, ${await elements()} elements, page ${await page.evaluate(() => document.body.scrollHeight)} px high`);
    await page.screenshot({ path: 'test-results/case-screen-correspondence.png' });
  } finally {
    await browser.close();
    await bridge.close();
  }
}

void main();
