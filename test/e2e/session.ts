// One browser on one bridge for a test file: a configured authority, a case, the page open on it.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBridge, type Bridge } from './bridge';
import { launch } from './browser';
import { AUTHORITY, ok } from '../helpers/core';
import type { Input } from '../../src/shared/ipc/contract';

export interface Session {
  bridge: Bridge;
  browser: Browser;
  page: Page;
  reference: string;
  close(): Promise<void>;
}

/** A browser with one page 1280 wide, British English, failing the test on any page error. */
export async function openBrowser(timeout = 10_000, height = 900): Promise<{ browser: Browser; page: Page }> {
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height }, locale: 'en-GB' });
  context.setDefaultTimeout(timeout);
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return { browser, page };
}

export async function openCaseSession(newCase: Input<'cases:create'>, timeout = 10_000): Promise<Session> {
  if (!existsSync('out/renderer/index.html')) throw new Error('Build the renderer first: npm run build (npm test does it).');
  const dir = mkdtempSync(join(tmpdir(), 'disclose-e2e-'));
  const bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: 'out/renderer', saveDir: dir });
  ok(await bridge.core.invoke('settings:update', AUTHORITY));
  const reference = ok(await bridge.core.invoke('cases:create', newCase)).reference;
  const { browser, page } = await openBrowser(timeout);
  await page.goto(`${bridge.url}#/case/${reference.split('/').map(encodeURIComponent).join('/')}`);
  await page.getByTestId('due-date').waitFor();
  return {
    bridge,
    browser,
    page,
    reference,
    close: async () => {
      await browser.close();
      await bridge.close();
    },
  };
}
