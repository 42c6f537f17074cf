// "Open with Disclose" on a saved email: the desktop shell holds the file as a one-time ticket and
// the app asks which case it belongs to. The browser has no preload, so the page is given the
// desktop's `fileTickets` capability by an init script; the tickets themselves are the shell's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseSession, type Session } from './session';
import { axeViolations, screenshot } from './browser';
import { ok } from '../helpers/core';

let s: Session;

beforeAll(async () => {
  s = await openCaseSession({ regime: 'foia', received: '2026-11-19', requester: { name: 'Zoë Ó Dónaill' }, summary: 'Social media policy' });
});
afterAll(async () => s?.close());

describe('files opened with the app', () => {
  it('asks which case an opened .eml belongs to, and files it there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'disclose-opened-'));
    const file = join(dir, 'request.eml');
    writeFileSync(file, ['From: Zoë <zoe@example.org>', 'To: foi@borsetshire.example.gov.uk', 'Subject: Opened from Outlook', 'Message-ID: <opened-1@example.org>', 'Date: Thu, 19 Nov 2026 09:00:00 +0000', '', 'Please send the policy.', ''].join('\r\n'));
    s.bridge.tickets.open(file);
    await s.page.context().addInitScript(() => {
      Object.defineProperty(window, 'api', {
        configurable: true,
        set(v) {
          Object.defineProperty(window, 'api', { value: { ...v, fileTickets: async (files: File[]) => files.map(() => null) }, writable: true, configurable: true });
        },
      });
    });
    await s.page.reload();
    const banner = s.page.getByTestId('opened-files');
    await banner.getByText('request.eml').waitFor();
    expect(await axeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'opened-files');
    await banner.getByLabel('Which case do they belong to?').selectOption(s.reference);
    await banner.getByRole('button', { name: 'Add to case' }).click();
    await banner.getByText(`Added 1 of 1 to ${s.reference}.`).waitFor();
    const items = ok(await s.bridge.core.invoke('correspondence:list', { reference: s.reference })).items;
    expect(items.map((i) => i.subject)).toContain('Opened from Outlook');
    // The ticket was used: the same file is not offered again.
    expect(ok(await s.bridge.core.invoke('files:opened', {}))).toEqual([]);
  });
});
