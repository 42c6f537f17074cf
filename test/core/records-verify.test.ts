// Verification and tamper evidence: a clean folder verifies; a flipped byte in a stored file, an
// audit row edited behind the triggers' back, a correspondence body rewritten, a removed audit
// row and leftovers are each found and named; a history rewritten with recomputed hashes is
// exposed by the chain head a backup recorded.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ok, tempDir, testCore } from '../helpers/core';
import { heldBytes } from '../../src/main/core/repositories/blob-chunks.repository';
import { flipStored, loseStored } from '../helpers/stored';
import { populatedCore } from '../helpers/records';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { BlobStore, type BlobFs } from '../../src/main/core/blobs';
import { sweepOnOpen } from '../../src/main/core/services/housekeeping.service';
import { verifyRecords } from '../../src/main/core/services/verify.service';
import { auditContentHash, chainHash, CHAIN_START } from '../../src/main/core/db/integrity';

async function folder() {
  const dir = tempDir();
  const core = await populatedCore(dir);
  await core.close();
  return dir;
}

async function verifyDir(dir: string) {
  const core = await testCore({ dataDir: dir });
  const r = ok(await core.invoke('records:verify', {}));
  await core.close();
  return r;
}

/** What an attacker with a SQLite tool does: drop the triggers, change the row, put them back. */
function behindTheTriggers(dir: string, change: (db: Database.Database) => void) {
  const db = new Database(join(dir, DATABASE_FILE));
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  change(db);
  for (const t of triggers) db.exec(t.sql);
  db.close();
}

describe('verify', () => {
  it('a clean folder verifies, counting cases, stored files and audit rows', async () => {
    const r = await verifyDir(await folder());
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.checked.cases).toBe(2);
    expect(r.checked.blobs).toBeGreaterThanOrEqual(4); // the .eml, its two attachments, the PDF, the letter
    expect(r.checked.auditRows).toBeGreaterThanOrEqual(6);
  });

  it('names a stored file with one flipped byte, and one that is missing', async () => {
    const dir = await folder();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const [first, second] = db.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[];
    db.close();
    flipStored(dir, first!);
    loseStored(dir, second!);
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual({ kind: 'blob-altered', detail: expect.stringContaining(first!) });
    expect(r.problems).toContainEqual({ kind: 'blob-missing', detail: expect.stringContaining(second!) });
  });

  it('names the first audit row edited with the triggers dropped', async () => {
    const dir = await folder();
    behindTheTriggers(dir, (db) => db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id IN (3, 5)").run());
    const r = await verifyDir(dir);
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => p.kind === 'audit-content')).toEqual([{ kind: 'audit-content', detail: expect.stringMatching(/^audit row 3 \(.*\) has been altered/) }]);
  });

  it('names a removed audit row as a gap', async () => {
    const dir = await folder();
    behindTheTriggers(dir, (db) => db.prepare('DELETE FROM audit_log WHERE id = 4').run());
    const r = await verifyDir(dir);
    expect(r.problems).toContainEqual({ kind: 'audit-chain', detail: expect.stringMatching(/^audit row 5 .*rows 4–4 are missing/) });
  });

  it('a rewritten history with every hash recomputed verifies alone, but not against the chain head a backup recorded', async () => {
    const dir = await folder();
    const db0 = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const head = db0.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    db0.close();
    behindTheTriggers(dir, (db) => {
      db.prepare("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 2").run();
      let prev = CHAIN_START;
      for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Parameters<typeof auditContentHash>[0][]) {
        const content = auditContentHash(r);
        prev = chainHash(prev, content);
        db.prepare('UPDATE audit_log SET content_hash = ?, hash = ? WHERE id = ?').run(content, prev, r.id);
      }
    });
    expect((await verifyDir(dir)).ok).toBe(true);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const r = verifyRecords(db, new BlobStore(join(dir, 'blobs'), undefined, heldBytes(db)), dir, { expectHead: head });
    db.close();
    expect(r.problems).toEqual([{ kind: 'chain-head', detail: expect.stringContaining(`row ${head.id}`) }]);
  });

  it('names a correspondence body rewritten in the database (no trigger guards it; its hash does)', async () => {
    const dir = await folder();
    const db = new Database(join(dir, DATABASE_FILE));
    db.prepare("UPDATE correspondence SET body = 'We withdraw the request.' WHERE direction = 'in'").run();
    db.close();
    const r = await verifyDir(dir);
    expect(r.problems).toEqual([{ kind: 'correspondence-altered', detail: expect.stringMatching(/^FOI\/2026\/0001, correspondence item \d+ \("Request for information: potholes on Mill Lane"\)/) }]);
    // Nor does a bundle print the forged body beside the source's hash.
    const core = await testCore({ dataDir: dir, host: { chooseSavePath: async ({ defaultName }) => join(tempDir(), defaultName), printPdf: async () => true, chooseFiles: async () => [] } });
    const bundle = await core.invoke('bundles:export', { reference: 'FOI/2026/0001', kind: 'open' });
    await core.close();
    expect(bundle).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringMatching(/correspondence item \d+ .*altered since it was filed, so nothing was made/) } });
  });

  it('reports leftovers older than the grace period, and the next open sweeps them', async () => {
    const dir = await folder();
    const store = new BlobStore(join(dir, 'blobs'));
    const stray = store.put(Buffer.from('belongs to no record'));
    const tmp = `${store.pathOf(stray)}.999999.abcd.tmp`;
    writeFileSync(tmp, 'half');
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', 'letter.pdf'), '%PDF');
    const old = new Date(Date.now() - 3600_000);
    for (const p of [store.pathOf(stray), tmp, join(dir, 'tmp', 'letter.pdf')]) utimesSync(p, old, old);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const before = verifyRecords(db, new BlobStore(join(dir, 'blobs'), undefined, heldBytes(db)), dir);
    db.close();
    expect(before.problems.map((p) => p.kind).sort()).toEqual(['orphan-file', 'temp-file']);
    expect(before.problems.find((p) => p.kind === 'orphan-file')!.detail).toContain(stray);
    const after = await verifyDir(dir); // opening swept them
    expect(after.problems).toEqual([]);
    expect(store.check(stray)).toBe('missing');
  });

  it('looks, at each open, only at the stored files no record names: the others are not read, nor their dates', async () => {
    const dir = await folder();
    const root = join(dir, 'blobs');
    const named = Array.from({ length: 40 }, (_, i) => new BlobStore(root).put(Buffer.from(`filed ${i}, Zoë Ó Dónaill-Nguyễn 王`)));
    const db = new Database(join(dir, DATABASE_FILE));
    for (const sha of named) db.prepare("INSERT INTO blobs (sha256, size, created_at) VALUES (?, 1, 'x') ON CONFLICT DO NOTHING").run(sha);
    const stray = new BlobStore(root).put(Buffer.from('belongs to no record'));
    const old = new Date(Date.now() - 3600_000);
    utimesSync(new BlobStore(root).pathOf(stray), old, old);
    const looked: string[] = [];
    const counting: BlobFs = { ...fs, statSync: ((path: string, options?: fs.StatSyncOptions) => (looked.push(path), fs.statSync(path, options))) as BlobFs['statSync'] };
    expect(sweepOnOpen(db, new BlobStore(root, counting, heldBytes(db)), dir)).toEqual({ removed: 1 });
    // The shard folders, and the one file no record names; none of the 40 named.
    const files = looked.filter((p) => /[0-9a-f]{64}$/u.test(p));
    expect(files).toEqual([new BlobStore(root).pathOf(stray)]);
    expect(new BlobStore(root).check(stray)).toBe('missing');
    for (const sha of named) expect(new BlobStore(root).check(sha)).toBe('ok');
    db.close();
  });

  it('passes over a file gone between the folder being read and the file being looked at, as a temp file renamed into place is', () => {
    const root = join(tempDir(), 'blobs');
    const sha = new BlobStore(root).put(Buffer.from('filed'));
    const shard = sha.slice(0, 2);
    const gone = `${sha}.${process.pid}.abcd.tmp`;
    const racing: BlobFs = { ...fs, readdirSync: ((path: string) => [...fs.readdirSync(path), ...(path.endsWith(shard) ? [gone] : [])]) as BlobFs['readdirSync'] };
    expect(new BlobStore(root, racing).list()).toEqual({ blobs: [{ sha256: sha, mtimeMs: expect.any(Number) }], strays: [] });
  });
});
