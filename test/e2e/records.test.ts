// Backups and checks in Settings: the warning when there is no backup, a backup made from the
// app, the last good backup shown, and a check of the case files with what it found. axe on each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCaseSession, type Session } from './session';
import { axeViolations, screenshot } from './browser';
import { ok } from '../helpers/core';
import { flipStored } from '../helpers/stored';

let s: Session;
beforeAll(async () => {
  s = await openCaseSession({ regime: 'foia', received: '2026-11-02', requester: { name: 'Ada Lovelace' }, summary: 'Engines' });
});
afterAll(async () => {
  await s?.close();
});

describe('Settings: backups and checks', () => {
  it('warns that there is no backup, makes one, shows it, and checks the case files', async () => {
    const { page, bridge } = s;
    await page.goto(`${bridge.url}#/settings`);
    await page.getByRole('heading', { name: 'Backups and checks' }).waitFor();
    expect(await page.getByTestId('last-backup').textContent()).toBe('No backup has been made yet.');
    await page.getByText('There is no backup of these case files yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/^Backed up 1 cases and 0 files to /).waitFor();
    await page.getByText(/^Last good backup: /).waitFor();
    expect(await page.getByText('There is no backup of these case files yet.').count()).toBe(0);
    const status = ok(await bridge.core.invoke('records:backupStatus', {}));
    expect(existsSync(status.last!.file)).toBe(true);

    await page.getByRole('button', { name: 'Check the case files' }).click();
    await page.getByText('No problems found.').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toMatch(/Checked 1 cases, 0 stored files and \d+ audit entries/);
    // The focus, taken from the button while it was disabled, is on the findings (not lost to the page).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('verify-result');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'records-backup-and-check');
  });

  it('names a damaged stored file found by the check', async () => {
    const { page, bridge, reference } = s;
    ok(await bridge.core.invoke('correspondence:import', { reference, role: 'evidence', files: [{ name: 'notes.txt', data: Buffer.from('engine notes').toString('base64') }] }));
    const db = new Database(join(bridge.core.dataDir, 'disclose.sqlite3'), { readonly: true });
    const sha = db.prepare('SELECT sha256 FROM blobs').pluck().get() as string;
    db.close();
    flipStored(bridge.core.dataDir, sha);
    await page.getByRole('button', { name: 'Check the case files' }).click();
    // The check reads every stored file and the whole database: given time on a busy machine (and
    // what it said instead, if it says something else).
    await expect.poll(async () => (await page.getByTestId('verify-result').textContent().catch(() => '')) ?? '', { timeout: 30_000 }).toContain('The check found 1 problem.');
    expect(await page.getByTestId('verify-result').textContent()).toContain(sha);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('verify-result');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves where automatic backups go, refusing a folder that does not exist', async () => {
    const { page } = s;
    await page.getByLabel('Backup folder').fill('/no/such/folder');
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await page.getByRole('link', { name: 'Choose a folder that exists' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
