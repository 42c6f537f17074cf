// The window while the case files open: after an update of Disclose, the upgrade of a register of
// many years can take minutes. The core's process answers app:opening meanwhile (see
// core-process/rpc.ts, tested in test/core/core-process.test.ts); here the page's api is held at
// that moment (settings:get not answered yet, app:opening saying step 3 of 7), then let go.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { openBrowser } from './session';
import { axeViolations, screenshot } from './browser';
import { AUTHORITY, ok } from '../helpers/core';
import { UPGRADE_STEP } from '../../src/main/core';

let bridge: Bridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-opening-'));
  bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: 'out/renderer', saveDir: dir });
  ok(await bridge.core.invoke('settings:update', AUTHORITY));
  ({ browser, page } = await openBrowser());
});
afterAll(async () => {
  await browser?.close();
  await bridge?.close();
});

describe('opening the case files', () => {
  it('says which step of an upgrade it is on until the case files are open, then shows the cases', async () => {
    await page.context().addInitScript((step: string) => {
      const w = window as unknown as { api?: { invoke(c: string, i: unknown): Promise<unknown> }; openNow?: () => void; askedOpening?: number };
      let open = false;
      const waiting: (() => void)[] = [];
      w.askedOpening = 0;
      w.openNow = () => {
        open = true;
        for (const go of waiting.splice(0)) go();
      };
      Object.defineProperty(window, 'api', {
        configurable: true,
        set(real: { invoke(c: string, i: unknown): Promise<unknown> }) {
          const invoke = async (channel: string, input: unknown) => {
            if (channel === 'app:opening' && !open) {
              w.askedOpening!++;
              return { ok: true, value: { opening: true, step, done: 2, total: 7 } };
            }
            if (!open) await new Promise<void>((go) => waiting.push(go));
            return real.invoke(channel, input);
          };
          Object.defineProperty(window, 'api', { value: { ...real, invoke }, writable: true, configurable: true });
        },
      });
    }, UPGRADE_STEP);
    await page.goto(bridge.url);
    await page.getByRole('heading', { name: 'Opening the case files…' }).waitFor();
    const status = page.getByRole('status');
    await status.getByText(`${UPGRADE_STEP}: step 3 of 7.`).waitFor();
    // The advice is read once, outside the part announced at every step.
    expect(await status.textContent()).toBe(`${UPGRADE_STEP}: step 3 of 7.`);
    await page.getByText('Keep Disclose open until it is done').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'opening-01-upgrading');
    // At 320 px it reflows, with no sideways scrolling (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'opening-02-upgrading-320');
    await page.setViewportSize({ width: 1280, height: 900 });
    // It keeps asking while it waits (once a second).
    await page.waitForFunction(() => ((window as unknown as { askedOpening: number }).askedOpening ?? 0) >= 2);
    await page.evaluate(() => (window as unknown as { openNow(): void }).openNow());
    await page.getByRole('heading', { name: 'Cases' }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Opening the case files…' }).count()).toBe(0);
  });
});
