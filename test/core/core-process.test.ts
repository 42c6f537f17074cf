// The core in its own process, over a message port: here both ends run in this process over a
// node:worker_threads MessageChannel, which copies every message by structured clone as
// Electron's utilityProcess port does. The real core serves; the host answers from "main".
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCore, serveCore, type Message, type Port, type RemoteCore } from '../../src/main/core-process/rpc';
import type { Host } from '../../src/main/core';
import { DiscloseError } from '../../src/shared/errors';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { makeOldFolder, MIGRATION_NAMES } from '../helpers/old-database';
import { UPGRADE_STEP } from '../../src/main/core';

const portOf = (p: MessagePort): Port => ({ post: (m) => p.postMessage(m), onMessage: (l) => p.on('message', (m: Message) => l(m)) });

const saveDir = tempDir();
const hostCalls: string[] = [];
const host: Host = {
  chooseSavePath: async ({ defaultName }) => {
    hostCalls.push(`save:${defaultName}`);
    return join(saveDir, defaultName);
  },
  printPdf: async () => {
    throw new DiscloseError('IO', 'No PDF viewer could open the letter.');
  },
  chooseFiles: async () => null,
  takeFiles: async (tokens) => {
    hostCalls.push(`take:${tokens.length}`);
    return [];
  },
};

let channel: MessageChannel;
let remote: RemoteCore;
let reference: string;

beforeAll(async () => {
  channel = new MessageChannel();
  void serveCore(portOf(channel.port1), (h) => testCore({ host: h }));
  remote = connectCore(portOf(channel.port2), host);
  await remote.ready;
  ok(await remote.invoke('settings:update', AUTHORITY));
  reference = (ok(await remote.invoke('cases:create', { regime: 'foia', received: '2026-11-19', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Social media policy' })) as { reference: string }).reference;
});

afterAll(async () => {
  await remote?.close(2000);
  channel?.port1.close();
});

describe('the core over a message port', () => {
  it('answers invoke with the same result envelope as the core itself, Unicode intact', async () => {
    const detail = ok(await remote.invoke('cases:get', { reference }));
    expect(JSON.stringify(detail)).toContain('Zoë Ó Dónaill-Nguyễn 王');
    const bad = await remote.invoke('cases:get', { reference: 'NOPE/1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await remote.invoke('no:such', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it("calls main's host for a save dialog and writes where main says", async () => {
    const saved = ok(await remote.invoke('letters:save', { reference, kind: 'acknowledgement' })) as { saved: boolean; path: string | null };
    expect(saved.saved).toBe(true);
    expect(hostCalls.some((c) => c.startsWith('save:'))).toBe(true);
    expect(saved.path && existsSync(saved.path)).toBe(true);
  });

  it("brings the host's error back as the core's error envelope", async () => {
    expect(await remote.invoke('letters:print', { reference, kind: 'acknowledgement' })).toMatchObject({ ok: false, error: { code: 'IO', message: 'No PDF viewer could open the letter.' } });
  });

  it('answers several calls at once, each with its own result', async () => {
    const [a, b, c] = await Promise.all([remote.invoke('app:info', {}), remote.invoke('cases:list', {}), remote.invoke('holidays:list', {})]);
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect((b as { value: unknown[] }).value).toHaveLength(1);
  });

  it('reports a core that cannot open, and answers every waiting call with an error when the process is lost', async () => {
    const failing = new MessageChannel();
    void serveCore(portOf(failing.port1), async () => {
      await new Promise((later) => setTimeout(later, 50));
      throw new DiscloseError('IO', 'Cannot create the data folder');
    });
    const r = connectCore(portOf(failing.port2), host);
    // A call made while it opened waits, then is told why it could not; so is any call after.
    const early = r.invoke('cases:list', {});
    await expect(r.ready).rejects.toThrow('Cannot create the data folder');
    expect(await early).toEqual({ ok: false, error: { code: 'IO', message: 'Cannot create the data folder' } });
    expect(await r.invoke('app:opening', {})).toMatchObject({ ok: false, error: { code: 'IO' } });
    const waiting = r.invoke('app:info', {});
    r.lost('exit code 9');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('exit code 9') } });
    expect(await r.invoke('app:info', {})).toMatchObject({ ok: false });
    failing.port1.close();
  });

  it('says what opening is doing while a register of an older version is upgraded, and answers app:opening at once meanwhile', async () => {
    const dir = tempDir();
    // A register as an older version left it: every later step is to run.
    const from = '2026_11_22_1800_correspondence';
    await makeOldFolder(dir, from, 50);
    const pending = MIGRATION_NAMES.length - MIGRATION_NAMES.indexOf(from) - 1;
    const upgrading = new MessageChannel();
    const seen: { step: string; done: number; total: number }[] = [];
    void serveCore(portOf(upgrading.port1), (h, onOpening) => testCore({ dataDir: dir, host: h, onOpening }));
    const r = connectCore(portOf(upgrading.port2), host, (p) => seen.push(p));
    // Asked before the core is open: answered by the core's process, not queued behind the upgrade.
    const early = await r.invoke('app:opening', {});
    expect(early).toMatchObject({ ok: true, value: { opening: true } });
    await r.ready;
    expect(seen.map((p) => [p.step, p.done, p.total])).toEqual(Array.from({ length: pending }, (_, i) => [UPGRADE_STEP, i, pending]));
    // Open: the core itself answers, and says opening is over.
    expect(await r.invoke('app:opening', {})).toEqual({ ok: true, value: { opening: false, step: '', done: 0, total: 0 } });
    expect((ok(await r.invoke('cases:list', {})) as unknown[]).length).toBe(50);
    await r.close(2000);
    upgrading.port1.close();

    // Closed while it upgrades (the window closed): the step under way finishes, then the core closes.
    const closing = new MessageChannel();
    const older = tempDir();
    await makeOldFolder(older, from, 20);
    void serveCore(portOf(closing.port1), (h, onOpening) => testCore({ dataDir: older, host: h, onOpening }));
    const c = connectCore(portOf(closing.port2), host);
    await c.close(30_000);
    await expect(c.ready).resolves.toBeUndefined();
    closing.port1.close();
    const reopened = await testCore({ dataDir: older });
    expect((ok(await reopened.invoke('cases:list', {})) as unknown[]).length).toBe(20);
    await reopened.close();

    // A register already up to date, or a new one: nothing is said.
    const fresh = new MessageChannel();
    const said: unknown[] = [];
    void serveCore(portOf(fresh.port1), (h, onOpening) => testCore({ dataDir: tempDir(), host: h, onOpening }));
    const f = connectCore(portOf(fresh.port2), host, (p) => said.push(p));
    await f.ready;
    expect(said).toEqual([]);
    await f.close(2000);
    fresh.port1.close();
    const again = new MessageChannel();
    const none: unknown[] = [];
    again.port2.on('message', (m: Message) => m.type === 'opening' && none.push(m));
    void serveCore(portOf(again.port1), (h, onOpening) => testCore({ dataDir: dir, host: h, onOpening }));
    const r2 = connectCore(portOf(again.port2), host);
    await r2.ready;
    expect(none).toEqual([]);
    await r2.close(2000);
    again.port1.close();
  });
});
