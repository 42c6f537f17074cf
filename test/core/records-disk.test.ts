// Full and read-only disks. A short write is an error, never a stored file: shown with an injected
// file system everywhere, and with a real 3 MB tmpfs where this machine lets the tests mount one
// (root); a read-only data folder opens for reading and says why writes are refused.
import { describe, expect, it, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { BlobStore, sha256Hex, type BlobFs } from '../../src/main/core/blobs';
import { tempDir } from '../helpers/core';

function cli(args: string[], dataDir: string, today = '2026-11-20') {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dataDir, '--today', today], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('disclose-mount-probe-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (r.status !== 0) return false;
  spawnSync('umount', [probe]);
  return true;
}
const MOUNTABLE = canMount();
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) spawnSync('umount', ['-l', m]);
});

function mountTmpfs(size: string): string {
  const dir = tempDir('disclose-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  mounted.push(dir);
  return dir;
}

/** A disk with `budget` bytes left: it takes what fits, then reports zero bytes written, as a nearly full one does. Counts the files opened. */
function nearlyFull(budget: number): { disk: { budget: number; opened: number }; fs: BlobFs } {
  const disk = { budget, opened: 0 };
  const take = (len: number) => {
    const n = Math.min(len, disk.budget);
    disk.budget -= n;
    return n;
  };
  const injected: BlobFs = {
    ...fs,
    openSync: ((...args: Parameters<typeof fs.openSync>) => {
      disk.opened++;
      return fs.openSync(...args);
    }) as BlobFs['openSync'],
    writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => fs.writeSync(fd, buf, off, take(len))) as BlobFs['writeSync'],
    open: ((path: string, flags: string, cb: (err: Error | null, fd: number) => void) => {
      disk.opened++;
      fs.open(path, flags, cb);
    }) as BlobFs['open'],
    write: ((fd: number, buf: Uint8Array, off: number, len: number, pos: null, cb: (err: Error | null, n: number) => void) => fs.write(fd, buf, off, take(len), pos, cb)) as BlobFs['write'],
  };
  return { disk, fs: injected };
}

describe('short writes (an injected disk that stops taking bytes)', () => {
  it('a write that lands only part of the bytes is refused, leaves no file, and says the disk is full', () => {
    const root = tempDir();
    const { disk, fs: failing } = nearlyFull(1000);
    const store = new BlobStore(root, failing);
    const bytes = randomBytes(5000);
    expect(() => store.put(bytes)).toThrow(/The disk holding your case files is full/);
    expect(store.check(sha256Hex(bytes))).toBe('missing');
    expect(store.list()).toEqual({ blobs: [], strays: [] });
    disk.budget = Infinity;
    expect(store.put(bytes)).toBe(sha256Hex(bytes));
    expect(store.check(sha256Hex(bytes))).toBe('ok');
  });

  it('many files stored together: a short write among them leaves no file half there; each content is written once', async () => {
    const root = tempDir();
    const { disk, fs: counting } = nearlyFull(6000);
    const store = new BlobStore(root, counting);
    const [a, b] = [randomBytes(5000), randomBytes(5000)];
    const files = [a, b, a].map((bytes) => ({ bytes, sha: sha256Hex(bytes) }));
    await expect(store.putMany(files)).rejects.toThrow(/The disk holding your case files is full/);
    // Written side by side: the one that got its bytes in whole is filed, the other is not there at all.
    const { blobs, strays } = store.list();
    expect(strays).toEqual([]);
    expect(blobs).toHaveLength(1);
    expect(store.check(blobs[0]!.sha256)).toBe('ok');
    disk.budget = Infinity;
    disk.opened = 0;
    await store.putMany(files);
    expect(disk.opened).toBe(1); // the one missing; the one already stored whole is checked, not written again
    expect(store.list().blobs.map((x) => x.sha256).sort()).toEqual([sha256Hex(a), sha256Hex(b)].sort());
    disk.opened = 0;
    await store.putMany([...files, ...files]);
    expect(disk.opened).toBe(0);
  });

  it('bytes that read back different from what was written are never filed under the hash', () => {
    const root = tempDir();
    const lying: BlobFs = { ...fs, readFileSync: ((p: string) => (String(p).endsWith('.tmp') ? Buffer.from('truncated') : fs.readFileSync(p))) as BlobFs['readFileSync'] };
    const store = new BlobStore(root, lying);
    expect(() => store.put(Buffer.from('the whole file'))).toThrow(/could not be stored whole.*9 of 14 bytes/);
    expect(store.list()).toEqual({ blobs: [], strays: [] });
  });
});

describe.skipIf(!MOUNTABLE)('a real full disk (tmpfs)', () => {
  it('an import too big for the disk is refused whole, in words; verify is clean; the next command works once space is freed', () => {
    // Room for a new register (its 16 KB pages and their log, about 3 MB) and not for the file.
    const disk = mountTmpfs('6m');
    const data = join(disk, 'data');
    const files = tempDir();
    expect(cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Ann Example'], data).status).toBe(0);
    const big = join(files, 'big.bin');
    writeFileSync(big, randomBytes(8 * 1024 * 1024));
    const r = cli(['import', 'FOI/2026/0001', big, '--role', 'evidence'], data);
    expect(r.stdout).not.toMatch(/^added/m);
    expect(r.stdout).toMatch(/skipped .*big\.bin: The disk holding your case files is full/);
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|mjs):\d+/); // no stack trace
    const blobDir = join(data, 'blobs');
    const stored = existsSync(blobDir) ? readdirSync(blobDir, { recursive: true }).map(String) : [];
    expect(stored.filter((n) => n.endsWith('.tmp') || /[0-9a-f]{64}$/.test(n))).toEqual([]);
    expect(cli(['verify', '--json'], data).status).toBe(0);

    // Fill what is left, so that the database itself cannot grow.
    const filler = join(disk, 'filler');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { encoding: 'utf8' });
    let full: ReturnType<typeof cli> | undefined;
    for (let i = 0; i < 40 && !full; i++) {
      const r2 = cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-03', '--requester', `Filler ${i}`, '--text', randomBytes(30_000).toString('hex')], data);
      if (r2.status !== 0) full = r2;
    }
    expect(full?.status).toBe(1);
    expect(full?.stderr).toMatch(/^disclose: The disk holding your case files is full/);
    rmSync(filler);
    const next = cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-04', '--requester', 'Cat Example', '--json'], data);
    expect(next.status).toBe(0);
    const small = join(files, 'small.txt');
    writeFileSync(small, 'fits now');
    expect(cli(['import', 'FOI/2026/0001', small, '--role', 'evidence'], data).stdout).toMatch(/^added file/m);
    const v = cli(['verify', '--json'], data);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, problems: [] });
  }, 60_000);

  it('a read-only data folder opens for reading: case list works, a write says why it is refused, no stack trace', () => {
    const disk = mountTmpfs('8m');
    const data = join(disk, 'data');
    mkdirSync(data);
    expect(cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Ann Example'], data).status).toBe(0);
    // A second one on hold (clarification sought, FOIA s1(3)): its response is due 20 working days after whatever day it is read.
    expect(cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Ben Example'], data).status).toBe(0);
    expect(cli(['case', 'event', 'FOI/2026/0002', '--type', 'clarification-sought', '--date', '2026-11-04'], data).status).toBe(0);
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const list = cli(['case', 'list', '--json'], data);
    expect(list.stderr).toBe('');
    expect(JSON.parse(list.stdout)).toMatchObject([{ reference: 'FOI/2026/0002' }, { reference: 'FOI/2026/0001' }]);
    // Months on, the stored snapshot has expired and cannot be rewritten: each row shown is derived afresh.
    const later = cli(['case', 'list', '--json'], data, '2027-06-01');
    expect(later.stderr).toBe('');
    expect(JSON.parse(later.stdout)).toMatchObject([{ reference: 'FOI/2026/0002', status: 'on-hold' }, { reference: 'FOI/2026/0001', status: 'overdue' }]);
    // So are the statistics: the case on hold is still within time that day, whatever its snapshot said.
    const stats = cli(['report', 'statistics', '--from', '2026-01-01', '--to', '2027-12-31', '--json'], data, '2027-06-01');
    expect(stats.stderr).toBe('');
    expect(JSON.parse(stats.stdout)).toMatchObject({ received: 2, pending: 1, overdue: 1, explain: { pending: { cases: ['FOI/2026/0002'] }, overdue: { cases: ['FOI/2026/0001'] } } });
    const write = cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Bob', '--json'], data);
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(/Nothing can be changed: the data folder .* cannot be written \(it is on a read-only disk\)\. The case files can still be read\./);
    expect(JSON.parse(write.stdout)).toMatchObject({ error: { code: 'IO' } });
    expect(write.stderr).not.toMatch(/\n\s+at /);
    expect(cli(['verify', '--json'], data).status).toBe(0);
  }, 60_000);
});
