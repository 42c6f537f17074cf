// `npm start` where the Electron runtime cannot be downloaded: a clear message, then the same
// interface in the browser from 127.0.0.1, reachable only with the one-time launch address.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launch, screenshot } from './browser';

// Where Electron's runtime is already downloaded, npm start opens the desktop app instead.
const electronPresent = existsSync('node_modules/electron/dist');

let child: ChildProcess;
let browser: Browser;
let output = '';
let launchUrl = '';
let session: BrowserContext;

beforeAll(async () => {
  if (electronPresent) return;
  const dir = mkdtempSync(join(tmpdir(), 'disclose-fallback-'));
  child = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--no-open', '--data-dir', join(dir, 'data'), '--save-dir', join(dir, 'saved')], {
    // A mirror nobody answers on and an empty download cache: the runtime download fails as it does offline.
    env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(dir, 'cache'), force_no_cache: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const deadline = Date.now() + 30_000;
  while (!/\?token=/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The fallback did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  launchUrl = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)![1]!;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

describe.skipIf(electronPresent)('npm start without the Electron runtime', () => {
  it('says why the desktop app cannot start and how to get it', () => {
    expect(output).toContain('Disclose could not get the Electron runtime');
    expect(output).toMatch(/Reason: .+/);
    expect(output).toContain('opens in your web browser');
  });

  it('serves the same interface on 127.0.0.1 to the launch address, and the address works only once', async () => {
    session = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await session.newPage();
    await page.goto(launchUrl);
    await page.getByRole('heading', { level: 1, name: 'Set up Disclose' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'web-fallback-setup');

    // A second browser profile with the same address (or none) gets nothing: an empty 403,
    // which Chromium shows as its own error page.
    const otherContext = await browser.newContext({ viewport: { width: 1280, height: 600 } });
    const other = await otherContext.newPage();
    for (const url of [launchUrl, `${new URL(launchUrl).origin}/`]) {
      expect(String(await other.goto(url).catch((e: Error) => e))).toMatch(/ERR_HTTP_RESPONSE_CODE_FAILURE/);
      const direct = await otherContext.request.get(url, { maxRedirects: 0 });
      expect([direct.status(), await direct.text()]).toEqual([403, '']);
    }
    await screenshot(other, 'web-fallback-refused');
  });

  it('a page from another origin cannot call the API, even in the browser that holds the session', async () => {
    const origin = new URL(launchUrl).origin;
    // The session's own page can call it…
    const own = await session.newPage();
    await own.goto(`${origin}/`);
    expect(await own.evaluate(async () => (await window.api.invoke('app:info', {})).ok)).toBe(true);
    // …a page of another origin in the same browser profile cannot (a data: URL is an opaque origin).
    const foreign = await session.newPage();
    await foreign.goto('data:text/html,<title>elsewhere</title>');
    const outcome = await foreign.evaluate(async (target) => {
      try {
        const r = await fetch(`${target}/__disclose/api/cases:list`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' });
        return `status ${r.status}`;
      } catch (err) {
        return `blocked: ${(err as Error).message}`;
      }
    }, origin);
    expect(outcome).toMatch(/blocked|status 403/);
  });
});
