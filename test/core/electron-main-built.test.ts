// The built Electron main process (out/main/index.js) loaded under Node with `electron` replaced
// by a recording stand-in (test/helpers/electron-stub.mjs): Electron itself cannot run here, so
// this checks the shell's wiring as built and bundled — the data folder, every IPC handler, the
// menu, the session's network rule, spelling, crash dumps, the window's options, the core's own
// process, the log, and `--cli`. What Electron then does with these calls is not tested here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/ipc/channels';
import { tempDir } from '../helpers/core';

const built = existsSync('out/main/index.js');

function runMain(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', './test/helpers/electron-stub-hooks.mjs', 'out/main/index.js', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('STUB-REPORT '));
  return { ...r, report: line ? JSON.parse(line.slice('STUB-REPORT '.length)) : null };
}

const roles = (items: { role?: string; submenu?: unknown }[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe.skipIf(!built)('the built main process, with electron stood in for', () => {
  it('wires the installed app: data folder, handlers, menu, no network, no dictionary downloads, local crash dumps, a locked-down window, the core in its own process', () => {
    const data = tempDir();
    const logs = tempDir();
    const { report, stderr } = runMain([], { STUB_PACKAGED: '1', DISCLOSE_DATA_DIR: data, STUB_LOGS: logs });
    expect(report, stderr).not.toBeNull();
    expect(report.setPath.userData).toBe(data);
    expect(report.handles).toEqual(expect.arrayContaining([...IPC_CHANNELS.map((c) => `disclose:${c}`), 'disclose-files:tickets']));
    expect(roles(report.menu)).not.toContain('toggleDevTools');
    expect(roles(report.menu)).not.toContain('reload');
    expect(report.webRequest).toEqual({ appAllowed: true, cdnBlocked: true });
    expect(report.spell[0]).toBe('download:http://127.0.0.1:9/no-dictionary-downloads/');
    expect(report.crash).toMatchObject({ uploadToServer: false });
    expect(report.permissions).toBe(2);
    expect(report.windowOptions.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(report.loaded).toBe('app://disclose/index.html');
    // V8's collector for long bundles, through Chromium's --js-flags (a utility process hands Node only its inspector and tracing options).
    expect(report.forks).toEqual([{ modulePath: expect.stringMatching(/out[\\/]main[\\/]core\.js$/), args: ['--data-dir', data, '--resources', expect.stringMatching(/resources$/)], options: { serviceName: 'Disclose core', execArgv: ['--js-flags=--expose-gc'] } }]);
    const log = readFileSync(join(logs, 'disclose.log'), 'utf8');
    expect(log).toMatch(/Disclose \S+ starting on /);
    // The probe of a dictionary download was blocked and logged without its address.
    expect(log).toContain('Blocked a network request (https:)');
    expect(log).not.toContain('gvt1.com');
  });

  it('shows its window while the core is still opening (an upgrade taking minutes), its calls waiting in the core\'s process', () => {
    const { report, stderr } = runMain([], { STUB_PACKAGED: '1', DISCLOSE_DATA_DIR: tempDir(), STUB_LOGS: tempDir(), STUB_CORE_OPENING: '1' });
    expect(report, stderr).not.toBeNull();
    expect(report.windows).toBe(1);
    expect(report.loaded).toBe('app://disclose/index.html');
    expect(report.handles).toEqual(expect.arrayContaining(['disclose:app:opening', 'disclose:settings:get']));
    expect(report.error).toBeUndefined();
  });

  it('keeps Reload and Developer Tools when run from the source tree', () => {
    const { report } = runMain([], { STUB_PACKAGED: '0', DISCLOSE_DATA_DIR: tempDir(), STUB_LOGS: tempDir() });
    expect(roles(report.menu)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('runs the command line inside the app with --cli: JSON out, exit 0; a refusal exits 1 with the error', () => {
    const data = tempDir();
    const list = runMain(['--cli', 'case', 'list', '--json', '--data-dir', data], { STUB_LOGS: tempDir() });
    expect([list.status, list.stdout.trim()]).toEqual([0, '[]']);
    const missing = runMain(['--cli', 'case', 'show', 'NOPE/1', '--json', '--data-dir', data], { STUB_LOGS: tempDir() });
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'NOT_FOUND', message: 'No case with reference NOPE/1.' } });
    expect(missing.report).toBeNull();
  });

  it('builds the preload with exactly the contract\'s channels: those go to main, any other is refused there', async () => {
    const invoked: string[] = [];
    let api: { invoke(channel: string, input: unknown): Promise<unknown> } | null = null;
    const electron = {
      contextBridge: { exposeInMainWorld: (_key: string, value: typeof api) => (api = value) },
      ipcRenderer: { invoke: async (channel: string) => (invoked.push(channel), { ok: true, value: null }) },
      webUtils: { getPathForFile: () => '' },
    };
    runInNewContext(readFileSync('out/preload/index.cjs', 'utf8'), { require: (m: string) => (m === 'electron' ? electron : undefined) });
    for (const channel of IPC_CHANNELS) await api!.invoke(channel, {});
    expect(invoked).toEqual(IPC_CHANNELS.map((c) => `disclose:${c}`));
    for (const stranger of ['no:such-channel', '__proto__', 'constructor', 'disclose:app:info']) {
      expect(await api!.invoke(stranger, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Unknown channel') } });
    }
    expect(invoked).toHaveLength(IPC_CHANNELS.length);
  });
});
