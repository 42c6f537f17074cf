// Automatic backups from the desktop app: asked for at start, on a timer and on close; the core
// decides whether one is due (records:backupNow), and failures are logged, never thrown.
import { describe, expect, it } from 'vitest';
import { backupOnClose, scheduleBackups } from '../../src/main/electron/backups';

function fakeTimers() {
  const fns: (() => void)[] = [];
  return { setInterval: ((fn: () => void) => (fns.push(fn), fns.length)) as unknown as typeof setInterval, clearInterval: (() => fns.splice(0)) as unknown as typeof clearInterval, tick: () => fns.forEach((f) => f()), count: () => fns.length };
}

describe('automatic backups', () => {
  it('asks at once and on every tick, logs a backup written, and stops', async () => {
    const calls: string[] = [];
    const logs: string[] = [];
    const invoke = async (_c: 'records:backupNow', input: { reason: 'schedule' | 'close' }) => (calls.push(input.reason), { ok: true as const, value: calls.length === 1 ? { path: 'x' } : null });
    const t = fakeTimers();
    const stop = scheduleBackups(invoke, { info: (m) => logs.push(m), warn: (m) => logs.push(`WARN ${m}`) }, 1000, t);
    t.tick();
    t.tick();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['schedule', 'schedule', 'schedule']);
    expect(logs).toEqual(['Automatic backup (schedule) written']);
    stop();
    expect(t.count()).toBe(0);
  });

  it('backs up on close and logs a refusal or an exception without throwing', async () => {
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(`WARN ${m}`) };
    await backupOnClose(async () => ({ ok: false as const, error: { code: 'IO' as const, message: 'The backup folder is not there' } }), log);
    await backupOnClose(async () => {
      throw new Error('core gone');
    }, log);
    expect(logs).toEqual(['WARN Automatic backup (close) failed: The backup folder is not there', 'WARN Automatic backup (close) failed: core gone']);
  });
});
