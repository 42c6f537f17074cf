// Backup and restore: one tar file with the database, every stored file and a manifest; restored
// into an empty folder every case reads back identical and verifies; replacing a folder sets the
// old one aside; a damaged backup, a newer version's backup and a non-empty target are refused
// with nothing changed. Automatic backups keep N generations and the status warns when old.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, tempDir, testCore } from '../helpers/core';
import { flipStored, readStored, storedShas, whereStored } from '../helpers/stored';
import { BlobStore, INLINE_MAX_BYTES } from '../../src/main/core/blobs';
import { populatedCore, readBack } from '../helpers/records';
import { restoreBackup } from '../../src/main/core/backup/restore';
import { readTar, TarWriter } from '../../src/main/core/backup/tar';
import { BACKUP_FILE } from '../../src/main/core/services/records.service';

/** A file too large to be kept in the register's database: it stays in the folder (blobs.ts). */
const LARGE = Buffer.concat([Buffer.from('Survey of culverts, scanned\n'), Buffer.alloc(INLINE_MAX_BYTES, 0x2e)]);

async function backedUp() {
  const dataDir = tempDir();
  const outDir = tempDir('disclose-backups-');
  const out = join(outDir, 'backup.tar');
  const core = await populatedCore(dataDir);
  const [first] = ok(await core.invoke('cases:list', {}));
  ok(await core.invoke('correspondence:import', { reference: first!.reference, files: [{ name: 'culverts.txt', data: LARGE.toString('base64') }] }));
  const before = await readBack(core);
  await core.close();
  const withOut = await testCore({ dataDir, host: { chooseSavePath: async () => out, printPdf: async () => true, chooseFiles: async () => [] } });
  const result = ok(await withOut.invoke('records:backupNow', { reason: 'manual' }));
  await withOut.close();
  return { dataDir, out, before, result: result! };
}

/** A copy of a backup with some entries changed, as damage or a newer version would. */
function rewritten(out: string, edit: (name: string, bytes: Buffer) => Buffer): string {
  const copy = join(tempDir(), 'edited.tar');
  const w = new TarWriter(copy);
  for (const e of readTar(out)) w.add(e.name, edit(e.name, e.bytes));
  w.finish();
  return copy;
}

const NOW = new Date('2026-11-21T09:00:00Z');

describe('backup and restore', () => {
  it('a backup is a tar any system can list: manifest, database (with the small files it keeps), every other stored file with its SHA-256', async () => {
    const { out, result, dataDir } = await backedUp();
    const names = execFileSync('tar', ['-tf', out], { encoding: 'utf8' }).trim().split('\n');
    expect(names[0]).toBe('manifest.json');
    expect(names[1]).toBe('disclose.sqlite3');
    const manifest = JSON.parse(readFileSync(out).subarray(512, 512 + 100_000).toString('utf8').split('\0')[0]!) as { blobs: { sha256: string; size: number }[]; auditChainHead: { id: number } };
    // Every file the manifest lists is in the tar, or kept by the database in it (small files).
    const inFolder = manifest.blobs.filter((b) => whereStored(dataDir, b.sha256) === 'folder');
    const inDatabase = manifest.blobs.filter((b) => whereStored(dataDir, b.sha256) === 'database');
    expect(inFolder.map((b) => b.size)).toEqual([LARGE.length]);
    expect(inDatabase.length).toBeGreaterThan(3);
    expect(inDatabase.every((b) => b.size <= INLINE_MAX_BYTES)).toBe(true);
    expect(inFolder.length + inDatabase.length).toBe(manifest.blobs.length);
    expect(names.slice(2).sort()).toEqual(inFolder.map((b) => `blobs/${b.sha256.slice(0, 2)}/${b.sha256}`).sort());
    expect(result).toMatchObject({ cases: 2, blobs: manifest.blobs.length, auditChainHead: manifest.auditChainHead });
  });

  it('carries no damaged file kept in the database into a backup', async () => {
    const { dataDir, out } = await backedUp();
    const [sha] = storedShas(dataDir).filter((s) => whereStored(dataDir, s) === 'database');
    flipStored(dataDir, sha!);
    const core = await testCore({ dataDir, host: { chooseSavePath: async () => `${out}.again`, printPdf: async () => true, chooseFiles: async () => [] } });
    const r = await core.invoke('records:backupNow', { reason: 'manual' });
    await core.close();
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringMatching(new RegExp(`No backup was written: .*altered or damaged.*not ${sha}`)) } });
    expect(existsSync(`${out}.again`)).toBe(false);
  });

  it('writes a file whose database copy is damaged whole into the backup from its intact copy in the folder, so that the restore verifies clean', async () => {
    const { dataDir, out } = await backedUp();
    const [sha] = storedShas(dataDir).filter((s) => whereStored(dataDir, s) === 'database');
    const bytes = readStored(dataDir, sha!);
    new BlobStore(join(dataDir, 'blobs')).put(bytes); // the same file in the folder too, intact
    flipStored(dataDir, sha!); // the database's copy damaged
    const again = `${out}.again`;
    const core = await testCore({ dataDir, host: { chooseSavePath: async () => again, printPdf: async () => true, chooseFiles: async () => [] } });
    // The register itself still says so: the backup mends its own copy only.
    expect(ok(await core.invoke('records:verify', {})).problems).toEqual([{ kind: 'blob-copy-damaged', detail: expect.stringContaining(`stored file ${sha}: one of its two copies`) }]);
    ok(await core.invoke('records:backupNow', { reason: 'manual' }));
    await core.close();

    const target = join(tempDir(), 'restored');
    const r = await restoreBackup(again, target, { replace: false, now: NOW });
    expect(r.checked.blobs).toBeGreaterThan(0);
    expect(whereStored(target, sha!)).toBe('database');
    expect(readStored(target, sha!).equals(bytes)).toBe(true);
    const restored = await testCore({ dataDir: target });
    expect(ok(await restored.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    await restored.close();
  });

  it('restores into an empty folder with every case identical, and the restored folder verifies', async () => {
    const { out, before } = await backedUp();
    const target = join(tempDir(), 'restored');
    const r = await restoreBackup(out, target, { replace: false, now: NOW });
    expect(r).toMatchObject({ dataDir: target, setAside: null, checked: { cases: 2 } });
    const core = await testCore({ dataDir: target });
    expect(await readBack(core)).toEqual(before);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    await core.close();
  });

  it('refuses a folder that is not empty unless told to replace it, and then sets the old one aside', async () => {
    const { out, dataDir } = await backedUp();
    const other = await populatedCore();
    ok(await other.invoke('cases:create', { regime: 'sar', received: '2026-11-10', requester: { name: 'Only in the old folder' } }));
    await other.close();
    await expect(restoreBackup(out, other.dataDir, { replace: false, now: NOW })).rejects.toThrow(/is not empty.*--replace/);
    const r = await restoreBackup(out, other.dataDir, { replace: true, now: NOW });
    expect(r.setAside).toMatch(/\.before-restore-/);
    const kept = await testCore({ dataDir: r.setAside! });
    expect(ok(await kept.invoke('cases:list', {}))).toHaveLength(3);
    await kept.close();
    const restored = await testCore({ dataDir: other.dataDir });
    expect(ok(await restored.invoke('cases:list', {}))).toHaveLength(2);
    await restored.close();
    expect(existsSync(dataDir)).toBe(true);
  });

  it('refuses a backup with a damaged stored file, changing nothing', async () => {
    const { out } = await backedUp();
    let flipped = false;
    const damaged = rewritten(out, (name, bytes) => {
      if (name.startsWith('blobs/') && !flipped) {
        bytes[0] = bytes[0]! ^ 0xff;
        flipped = true;
      }
      return bytes;
    });
    const target = join(tempDir(), 'never');
    await expect(restoreBackup(damaged, target, { replace: false, now: NOW })).rejects.toThrow(/does not match its SHA-256: the backup is damaged/);
    expect(existsSync(target)).toBe(false);
    const truncated = join(tempDir(), 'truncated.tar');
    writeFileSync(truncated, readFileSync(out).subarray(0, 5000));
    await expect(restoreBackup(truncated, target, { replace: false, now: NOW })).rejects.toThrow(/cannot be read as a Disclose backup.*truncated|damaged/);
    expect(existsSync(target)).toBe(false);
  });

  it('copies an entry larger than its pieces in and out of the tar a piece at a time, hash and bytes intact (a database past what a buffer holds)', () => {
    const dir = tempDir();
    const big = Buffer.alloc(3 * 1024 * 1024 + 777);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
    writeFileSync(join(dir, 'big.bin'), big);
    const w = new TarWriter(join(dir, 'x.tar'));
    const written = w.addFile('disclose.sqlite3', join(dir, 'big.bin'), NOW.getTime());
    w.add('after', Buffer.from('the next entry'), NOW.getTime());
    w.finish();
    expect(written).toEqual({ sha256: createHash('sha256').update(big).digest('hex'), size: big.length });
    expect(execFileSync('tar', ['-tvf', join(dir, 'x.tar')], { encoding: 'utf8' })).toMatch(new RegExp(`${big.length} .*disclose\\.sqlite3`));
    // Each entry read as it comes (its bytes are not kept once the next is asked for).
    const entries: unknown[] = [];
    for (const e of readTar(join(dir, 'x.tar'))) entries.push(e.name === 'disclose.sqlite3' ? { name: e.name, sha: e.copyTo(join(dir, 'back.bin')) } : { name: e.name, text: e.bytes.toString() });
    expect(entries).toEqual([
      { name: 'disclose.sqlite3', sha: written.sha256 },
      { name: 'after', text: 'the next entry' },
    ]);
    expect(readFileSync(join(dir, 'back.bin')).equals(big)).toBe(true);
  });

  it("refuses a newer version's backup clearly", async () => {
    const { out } = await backedUp();
    const newer = rewritten(out, (name, bytes) => {
      if (name !== 'manifest.json') return bytes;
      const m = JSON.parse(bytes.toString('utf8')) as { migrations: string[]; appVersion: string };
      m.migrations.push('2099_01_01_0000_from_the_future');
      m.appVersion = '9.0.0';
      return Buffer.from(JSON.stringify(m));
    });
    await expect(restoreBackup(newer, join(tempDir(), 'x'), { replace: false, now: NOW })).rejects.toMatchObject({ code: 'DB_NEWER', message: expect.stringMatching(/newer version of Disclose \(9\.0\.0\)/) });
  });
});

describe('automatic backups', () => {
  it('go to the chosen folder when due and on close, keep N generations, and the status warns when the last is old', async () => {
    const dataDir = tempDir();
    const folder = tempDir('disclose-auto-');
    writeFileSync(join(folder, 'someone-elses-file.tar'), 'not ours');
    let now = new Date('2026-11-20T10:00:00Z');
    const core = await testCore({ dataDir, now: () => now });
    expect(ok(await core.invoke('records:backupStatus', {}))).toMatchObject({ last: null, warning: 'There is no backup of these case files yet.' });
    ok(await core.invoke('records:configureBackups', { folder, everyHours: 24, keep: 2 }));
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = ok(await core.invoke('records:backupNow', { reason: 'schedule' }));
      made.push(r!.file);
      expect(ok(await core.invoke('records:backupNow', { reason: 'schedule' }))).toBeNull(); // not due again yet
      now = new Date(now.getTime() + 25 * 3600_000);
    }
    const closing = ok(await core.invoke('records:backupNow', { reason: 'close' }));
    const files = readdirSync(folder).sort();
    expect(files.filter((f) => BACKUP_FILE.test(f))).toHaveLength(2);
    expect(files).toContain('someone-elses-file.tar');
    expect(files).toContain(closing!.file.split('/').at(-1));
    now = new Date(now.getTime() + 5 * 24 * 3600_000);
    expect(ok(await core.invoke('records:backupStatus', {}))).toMatchObject({ last: { file: closing!.file }, ageHours: 120, warning: 'The last good backup is 5 days old.' });
    await core.close();
  });
});
