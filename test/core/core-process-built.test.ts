// The built core process (out/main/core.js, what Electron's utilityProcess runs) in a real child
// process under Node, with the parent port shimmed over Node's IPC: the app's work happens outside
// the process that serves the window, and progress and cancel are answered while it works.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCore, type Message, type RemoteCore } from '../../src/main/core-process/rpc';
import type { BundleProgress } from '../../src/shared/ipc/contract';
import { AUTHORITY, ok, tempDir } from '../helpers/core';
import { textPdf } from '../helpers/bundle-case';

const built = existsSync('out/main/core.js');
let child: ChildProcess;
let remote: RemoteCore;
let reference = '';
const saveDir = tempDir();

beforeAll(async () => {
  if (!built) return;
  child = fork(resolve('out/main/core.js'), ['--data-dir', join(tempDir(), 'data'), '--resources', resolve('resources')], {
    // With the collector a bundle asks for, as the app gives it (through Electron's --js-flags there:
    // electron/core-process.ts).
    execArgv: ['--expose-gc', '--import', resolve('test/helpers/parent-port-shim.mjs')],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  remote = connectCore(
    { post: (m) => child.send(m), onMessage: (listener) => child.on('message', (m) => listener(m as Message)) },
    {
      chooseSavePath: async ({ defaultName }) => join(saveDir, `${Date.now()}-${defaultName}`),
      printPdf: async () => true,
      chooseFiles: async () => null,
    },
  );
  child.on('exit', (code) => remote.lost(`exit code ${code}`));
  await remote.ready;
  ok(await remote.invoke('settings:update', AUTHORITY));
  reference = (ok(await remote.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill' }, summary: 'Bundle test' })) as { reference: string }).reference;
  // 40 documents of 10 pages: an export long enough to be asked about while it runs.
  const files = await Promise.all(Array.from({ length: 40 }, async (_, i) => ({ name: `doc-${String(i + 1).padStart(2, '0')}.pdf`, data: await textPdf(`Document ${i + 1}`, 10) })));
  const imported = ok(await remote.invoke('correspondence:import', { reference, files })) as { added: unknown[] };
  expect(imported.added).toHaveLength(40);
}, 120_000);

afterAll(async () => {
  await remote?.close(3000);
  child?.kill();
});

async function exportWhilePolling(jobId: string, onRunning?: () => Promise<unknown>) {
  const seen: BundleProgress['state'][] = [];
  let finished = false;
  const result = remote.invoke('bundles:export', { reference, kind: 'open', jobId }).finally(() => (finished = true));
  let acted = false;
  while (!finished) {
    const p = ok(await remote.invoke('bundles:progress', { jobId })) as BundleProgress;
    seen.push(p.state);
    if (p.state === 'running' && onRunning && !acted) {
      acted = true;
      await onRunning();
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { result: await result, seen };
}

describe.skipIf(!built)('the core in its own process (built out/main/core.js)', () => {
  it('answers progress while an export runs, then reports it done', { timeout: 120_000 }, async () => {
    const { result, seen } = await exportWhilePolling('job-progress');
    expect(result.ok).toBe(true);
    expect(seen).toContain('running');
    expect(ok(await remote.invoke('bundles:progress', { jobId: 'job-progress' }))).toMatchObject({ state: 'done' });
  });

  it('cancels a running export: nothing is saved and the error says so', { timeout: 120_000 }, async () => {
    const { result } = await exportWhilePolling('job-cancel', () => remote.invoke('bundles:cancel', { jobId: 'job-cancel' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(ok(await remote.invoke('bundles:progress', { jobId: 'job-cancel' }))).toMatchObject({ state: 'cancelled' });
  });

  it('closes its database when asked, before the app quits', async () => {
    expect(ok(await remote.invoke('cases:list', {}))).toHaveLength(1);
    await remote.close(3000);
    expect(await remote.invoke('cases:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
