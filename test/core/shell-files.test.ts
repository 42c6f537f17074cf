// Files by path (one-time tickets, never bytes), the Windows data folder move, and the temporary
// folder of letters sent to the PDF viewer.
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { FileTickets } from '../../src/main/electron/dropped-files';
import { defaultDataDir, legacyDataDir, moveLegacyData } from '../../src/main/core/paths';
import { sweepTemp } from '../../src/main/core/tempfiles';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';

const EML = ['From: Zoë Ó Dónaill <zoe@example.org>', 'To: foi@borsetshire.example.gov.uk', 'Subject: Social media policy', 'Message-ID: <req-1@example.org>', 'Date: Thu, 19 Nov 2026 09:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', 'Please send your social media policy.', ''].join('\r\n');

describe('file tickets', () => {
  const dir = tempDir();
  const file = join(dir, 'request.eml');
  writeFileSync(file, EML);

  it('issues a ticket only for an existing regular file', () => {
    const t = new FileTickets();
    expect(t.register(file)).toMatchObject({ name: 'request.eml', size: Buffer.byteLength(EML) });
    expect(t.register(dir)).toBeNull();
    expect(t.register(join(dir, 'missing.pdf'))).toBeNull();
    expect(t.register('')).toBeNull();
    expect(t.register(42)).toBeNull();
  });

  it('gives each path once, refuses made-up and expired tokens', () => {
    let now = 0;
    const t = new FileTickets(() => now);
    const a = t.register(file)!;
    expect(t.take([a.token])).toEqual([file]);
    expect(() => t.take([a.token])).toThrow(/not dropped in this window/);
    expect(() => t.take(['x'.repeat(32)])).toThrow(/not dropped in this window/);
    const b = t.register(file)!;
    now += 31 * 60_000;
    expect(() => t.take([b.token])).toThrow(/too long ago/);
  });

  it('lists files opened with the app once', () => {
    const t = new FileTickets();
    t.open(file);
    t.open(join(dir, 'missing.msg'));
    expect(t.drainOpened().map((x) => x.name)).toEqual(['request.eml']);
    expect(t.drainOpened()).toEqual([]);
  });
});

describe('importing by ticket through the core', () => {
  let core: Core;
  let reference: string;
  const tickets = new FileTickets();
  const dir = tempDir();
  beforeAll(async () => {
    core = await testCore({ host: { chooseSavePath: async () => null, printPdf: async () => false, chooseFiles: async () => null, takeFiles: (t) => tickets.take(t), openedFiles: () => tickets.drainOpened() } });
    ok(await core.invoke('settings:update', AUTHORITY));
    reference = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-19', requester: { name: 'Zoë Ó Dónaill' }, summary: 'Social media policy' })).reference;
  });
  afterAll(() => core?.close());

  it('reads the dropped file from its path and files it as an email', async () => {
    const path = join(dir, 'request.eml');
    writeFileSync(path, EML);
    const t = tickets.register(path)!;
    const out = ok(await core.invoke('correspondence:importFiles', { reference, tokens: [t.token] }));
    expect(out.added).toHaveLength(1);
    expect(out.added[0]).toMatchObject({ kind: 'email', subject: 'Social media policy' });
    const again = await core.invoke('correspondence:importFiles', { reference, tokens: [t.token] });
    expect(again.ok).toBe(false);
  });

  it('hands the files the system opened to the page once', async () => {
    const path = join(dir, 'reply.eml');
    writeFileSync(path, EML.replace('req-1', 'req-2'));
    tickets.open(path);
    expect(ok(await core.invoke('files:opened', {})).map((f) => f.name)).toEqual(['reply.eml']);
    expect(ok(await core.invoke('files:opened', {}))).toEqual([]);
  });

  it('is refused where the host has no tickets (the CLI, the browser fallback)', async () => {
    const plain = await testCore();
    try {
      ok(await plain.invoke('settings:update', AUTHORITY));
      const ref = ok(await plain.invoke('cases:create', { regime: 'foia', received: '2026-11-19', requester: { name: 'A' }, summary: 'x' })).reference;
      const r = await plain.invoke('correspondence:importFiles', { reference: ref, tokens: ['a'.repeat(32)] });
      expect(r.ok ? '' : r.error.message).toMatch(/only in the desktop app/);
    } finally {
      await plain.close();
    }
  });
});

describe('data folder on Windows: the local profile, moved from the roaming one', () => {
  const env = { APPDATA: 'C:\\Users\\jo\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\jo\\AppData\\Local' };

  it('keeps the data in %LOCALAPPDATA%\\Disclose and knows the old %APPDATA% place', () => {
    expect(defaultDataDir(env, 'win32')).toBe(win32.join(env.LOCALAPPDATA, 'Disclose'));
    expect(legacyDataDir(env, 'win32')).toBe(win32.join(env.APPDATA, 'Disclose'));
    expect(legacyDataDir(env, 'linux')).toBeNull();
    expect(legacyDataDir({ ...env, DISCLOSE_DATA_DIR: 'D:\\x' }, 'win32')).toBeNull();
  });

  it('moves the whole folder once, leaves a note, and never overwrites a database already there', () => {
    const root = tempDir();
    const from = join(root, 'Roaming', 'Disclose');
    const to = join(root, 'Local', 'Disclose');
    mkdirSync(join(from, 'blobs'), { recursive: true });
    writeFileSync(join(from, 'disclose.sqlite3'), 'db');
    writeFileSync(join(from, 'blobs', 'abc'), 'blob');
    mkdirSync(join(root, 'Local'));
    expect(moveLegacyData(from, to)).toEqual({ moved: true, from });
    expect(readFileSync(join(to, 'blobs', 'abc'), 'utf8')).toBe('blob');
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(`${from}-MOVED.txt`, 'utf8')).toContain(to);
    expect(moveLegacyData(from, to)).toEqual({ moved: false, reason: 'nothing-to-move' });
    mkdirSync(from, { recursive: true });
    writeFileSync(join(from, 'disclose.sqlite3'), 'older');
    expect(moveLegacyData(from, to)).toEqual({ moved: false, reason: 'target-in-use' });
    expect(readFileSync(join(to, 'disclose.sqlite3'), 'utf8')).toBe('db');
  });
});

describe('temporary PDFs for printing', () => {
  it('writes the letter to <data>/tmp for the PDF viewer, audits it, and sweeps it once a day old when the core reopens', async () => {
    const dataDir = tempDir();
    const opened: string[] = [];
    const host = { chooseSavePath: async () => null, chooseFiles: async () => null, printPdf: async (file: string) => (opened.push(file), true) };
    const first = await testCore({ dataDir, host, today: '2026-11-20' });
    ok(await first.invoke('settings:update', AUTHORITY));
    const reference = ok(await first.invoke('cases:create', { regime: 'foia', received: '2026-11-19', requester: { name: 'Zoë' }, summary: 'Print me' })).reference;
    expect(ok(await first.invoke('letters:print', { reference, kind: 'acknowledgement' }))).toEqual({ printed: true });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.startsWith(join(dataDir, 'tmp'))).toBe(true);
    expect(readFileSync(opened[0]!).subarray(0, 5).toString()).toBe('%PDF-');
    const audit = ok(await first.invoke('audit:list', { reference, limit: 10 }));
    expect(audit.map((a) => a.summary)).toContain('Opened for printing the acknowledgement letter');
    await first.close();
    const dayOld = new Date('2026-11-19T09:00:00');
    utimesSync(opened[0]!, dayOld, dayOld);
    const second = await testCore({ dataDir, host, today: '2026-11-20' });
    expect(existsSync(opened[0]!)).toBe(false);
    await second.close();
  });

  it('sweeps files older than a day and keeps newer ones', () => {
    const dir = tempDir();
    const now = new Date('2026-11-20T10:00:00Z');
    writeFileSync(join(dir, 'old.pdf'), 'x');
    writeFileSync(join(dir, 'new.pdf'), 'y');
    const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
    utimesSync(join(dir, 'old.pdf'), twoDaysAgo, twoDaysAgo);
    utimesSync(join(dir, 'new.pdf'), now, now);
    expect(sweepTemp(dir, now)).toBe(1);
    expect(existsSync(join(dir, 'new.pdf'))).toBe(true);
    expect(sweepTemp(join(dir, 'missing'), now)).toBe(0);
  });
});
