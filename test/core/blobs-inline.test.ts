// Small stored files kept inside the local register (src/main/core/blobs.ts, INLINE_MAX_BYTES):
// written by the transaction that lists them, read and checked as the folder's files are, larger
// files and files stored before kept in the folder, nothing of a failed write kept, and the bytes
// of a destroyed case overwritten in the database file rather than left in its free pages.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { onTeamDatabase } from '../helpers/team';
import { emailWithAttachment } from '../helpers/mail';
import { alterStored, storedShas, whereStored } from '../helpers/stored';
import { BlobStore, INLINE_MAX_BYTES, sha256Hex } from '../../src/main/core/blobs';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { openDatabase } from '../../src/main/core/db/connection';
import { ensureBlobs } from '../../src/main/core/repositories/correspondence.repository';
import { heldBytes } from '../../src/main/core/repositories/blob-chunks.repository';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const folderFiles = (dataDir: string) => {
  const dir = join(dataDir, 'blobs');
  return existsSync(dir) ? readdirSync(dir).flatMap((shard) => readdirSync(join(dir, shard)).filter((n) => /^[0-9a-f]{64}$/.test(n))) : [];
};

function email(n: number, attachment: Buffer): Buffer {
  return emailWithAttachment({
    from: 'Zoë Ó Dónaill-Nguyễn <zoe@example.org>',
    to: 'foi@council.example',
    subject: `Gritting routes ${n}`,
    messageId: `grit-${n}@example.org`,
    text: `Please send the gritting routes for ward ${n}. 王`,
    attachment: { name: `routes-${n}.bin`, type: 'application/octet-stream', bytes: attachment },
  });
}

/** A register holding one case answered in 2019: past its retention (three years) by 2026-11-20. */
async function pastRetention() {
  const core = await testCore({ today: '2026-11-20' });
  ok(await core.invoke('settings:update', AUTHORITY));
  const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2019-01-07', requester: { name: 'Person Old' } }));
  ok(await core.invoke('cases:addEvent', { reference: c.reference, type: 'responded', date: '2019-01-20' }));
  return { core, c };
}

describe.skipIf(onTeamDatabase)('small stored files kept in the register', () => {
  it('keeps files up to the limit in the database and larger ones in the folder, each read back exactly and checked', async () => {
    const saved: string[] = [];
    const out = tempDir('disclose-saved-');
    const core = await testCore({
      host: {
        chooseSavePath: async ({ defaultName }) => {
          saved.push(join(out, `${saved.length}-${defaultName}`));
          return saved.at(-1)!;
        },
        printPdf: async () => true,
        chooseFiles: async () => [],
      },
    });
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' } }));
    const atLimit = randomBytes(INLINE_MAX_BYTES);
    const overLimit = randomBytes(INLINE_MAX_BYTES + 1);
    const small = Buffer.from('A phone note: Zoë asked about the gritting routes.');
    const r = ok(
      await core.invoke('correspondence:import', {
        reference: c.reference,
        role: 'evidence',
        files: [
          { name: 'at-limit.bin', data: b64(atLimit) },
          { name: 'over-limit.bin', data: b64(overLimit) },
          { name: 'note.txt', data: b64(small) },
        ],
      }),
    );
    expect(r.added).toHaveLength(3);
    expect(whereStored(core.dataDir, sha256Hex(atLimit))).toBe('database');
    expect(whereStored(core.dataDir, sha256Hex(small))).toBe('database');
    expect(whereStored(core.dataDir, sha256Hex(overLimit))).toBe('folder');
    expect(folderFiles(core.dataDir)).toEqual([sha256Hex(overLimit)]);

    // Read back through the app, byte for byte, from either place.
    const detail = ok(await core.invoke('cases:get', { reference: c.reference }));
    for (const [name, bytes] of [['at-limit.bin', atLimit], ['over-limit.bin', overLimit], ['note.txt', small]] as const) {
      const a = detail.attachments.find((x) => x.filename === name)!;
      ok(await core.invoke('attachments:save', { id: a.id }));
      expect(readFileSync(saved.at(-1)!).equals(bytes)).toBe(true);
    }
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, checked: { blobs: 3 } });

    // Damage inside the database is found as damage in the folder is: named, never exported.
    alterStored(core.dataDir, sha256Hex(small), 'A phone note: someone edited this.');
    const note = detail.attachments.find((x) => x.filename === 'note.txt')!;
    const refused = await core.invoke('attachments:save', { id: note.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringContaining('altered or damaged') } });
    const report = ok(await core.invoke('records:verify', {}));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: 'blob-altered', detail: expect.stringContaining(sha256Hex(small)) }]);
    await core.close();
  });

  it('an import of many emails writes no file for small ones: every message and attachment is in the database, each content once', async () => {
    const paths: string[] = [];
    const core = await testCore({ host: { chooseSavePath: async () => null, printPdf: async () => true, chooseFiles: async () => paths } });
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë' } }));
    const folder = tempDir('disclose-mail-');
    const shared = randomBytes(3000);
    const contents = new Set<string>();
    for (let n = 1; n <= 45; n++) {
      const attachment = n % 5 === 0 ? shared : randomBytes(500 + n * 40);
      const bytes = email(n, attachment);
      const path = join(folder, `message-${n}.eml`);
      writeFileSync(path, bytes);
      paths.push(path);
      contents.add(sha256Hex(bytes)).add(sha256Hex(attachment));
    }
    const r = ok(await core.invoke('correspondence:importChosen', { reference: c.reference }));
    expect(r.added).toHaveLength(45);
    expect(folderFiles(core.dataDir)).toEqual([]);
    expect(storedShas(core.dataDir)).toEqual([...contents].sort());
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, checked: { blobs: contents.size } });
    await core.close();
  });

  it('reads files stored in the folder before, and keeps a small one in the database too when it comes again', async () => {
    const core = await testCore();
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë' } }));
    const bytes = Buffer.from('Minutes of the highways committee, stored by an earlier version');
    ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'evidence', files: [{ name: 'minutes.txt', data: b64(bytes) }] }));
    // As an earlier version left it: the file in the folder, no copy in the database.
    const sha = sha256Hex(bytes);
    await core.close();
    const raw = new Database(join(core.dataDir, DATABASE_FILE));
    raw.prepare('DELETE FROM blob_bytes WHERE sha256 = ?').run(sha);
    raw.close();
    new BlobStore(join(core.dataDir, 'blobs')).put(bytes);
    expect(whereStored(core.dataDir, sha)).toBe('folder');

    const again = await testCore({ dataDir: core.dataDir });
    expect(ok(await again.invoke('records:verify', {}))).toMatchObject({ ok: true });
    const d = ok(await again.invoke('cases:create', { regime: 'eir', received: '2026-11-03', requester: { name: 'Sam' } }));
    ok(await again.invoke('correspondence:import', { reference: d.reference, role: 'evidence', files: [{ name: 'minutes again.txt', data: b64(bytes) }] }));
    expect(whereStored(again.dataDir, sha)).toBe('database');
    // Either copy serves: the folder's may go, and the file still reads and verifies.
    new BlobStore(join(again.dataDir, 'blobs')).remove(sha);
    expect(ok(await again.invoke('records:verify', {}))).toMatchObject({ ok: true });
    await again.close();
  });

  it('keeps nothing of a write that fails: the bytes go with the rows that list them', async () => {
    const dir = tempDir();
    const { db, sqlite } = await openDatabase(join(dir, DATABASE_FILE));
    const bytes = Buffer.from('listed in a transaction that fails');
    const sha = sha256Hex(bytes);
    await expect(
      db.transaction().execute(async (trx) => {
        await ensureBlobs(trx, [{ sha, bytes }], new Date().toISOString());
        expect(heldBytes(sqlite)(sha)?.equals(bytes)).toBe(true); // inside the transaction
        throw new Error('the write fails after listing its files');
      }),
    ).rejects.toThrow('the write fails');
    expect(heldBytes(sqlite)(sha)).toBeUndefined();
    expect(sqlite.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    // Listed again, the bytes are kept once, and the blobs row's removal takes them with it.
    await db.transaction().execute((trx) => ensureBlobs(trx, [{ sha, bytes }, { sha, bytes }], new Date().toISOString()));
    await db.transaction().execute((trx) => ensureBlobs(trx, [{ sha, bytes }], new Date().toISOString()));
    expect(sqlite.prepare('SELECT count(*) FROM blob_bytes').pluck().get()).toBe(1);
    await db.deleteFrom('blobs').where('sha256', '=', sha).execute();
    expect(heldBytes(sqlite)(sha)).toBeUndefined();
    await db.destroy();
  });

  it("overwrites a destroyed case's file in the database file and empties the log, so no later backup or copy of the folder carries it", async () => {
    const { core, c } = await pastRetention();
    // Not text, so not in the search index: only the stored file holds these bytes.
    const marker = Buffer.concat([Buffer.from([0, 1, 2, 0xfe]), Buffer.from('DESTROY-ME-'.repeat(400), 'latin1'), Buffer.from([0xff, 0])]);
    ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'evidence', files: [{ name: 'scan.bin', data: b64(marker) }] }));
    expect(whereStored(core.dataDir, sha256Hex(marker))).toBe('database');
    const r = ok(await core.invoke('retention:apply', { before: '2026-11-21', confirm: true }));
    expect(r).toMatchObject({ destroyed: [c.reference], blobsRemoved: 1 });
    const file = join(core.dataDir, DATABASE_FILE);
    // While the app is still open: the log, which held the pages as they were, has been emptied.
    const marked = (path: string) => existsSync(path) && readFileSync(path).includes(Buffer.from('DESTROY-ME-DESTROY-ME-', 'latin1'));
    expect([marked(file), marked(`${file}-wal`)]).toEqual([false, false]);
    await core.close();
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    expect(readFileSync(file).includes(Buffer.from('DESTROY-ME-DESTROY-ME-', 'latin1'))).toBe(false);
  });

  it('two erasing writes queued together both overwrite what they delete', async () => {
    const core = await testCore();
    ok(await core.invoke('settings:update', AUTHORITY));
    const marker = (tag: string) => Buffer.concat([Buffer.from([0, 1, 2, 0xfe]), Buffer.from(`${tag}-`.repeat(400), 'latin1'), Buffer.from([0xff, 0])]);
    const refs: string[] = [];
    for (const tag of ['AAAAMARK', 'BBBBMARK']) {
      // The requester's name is in the file: anonymising replaces the file, and the old bytes go.
      const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: `Person ${tag}` } }));
      ok(await core.invoke('correspondence:import', { reference: c.reference, files: [{ name: `${tag}.bin`, data: b64(marker(tag)) }] }));
      expect(whereStored(core.dataDir, sha256Hex(marker(tag)))).toBe('database');
      refs.push(c.reference);
    }
    const done = await Promise.all(refs.map((reference) => core.invoke('cases:anonymise', { reference })));
    for (const r of done) ok(r);
    await core.close();
    const file = readFileSync(join(core.dataDir, DATABASE_FILE));
    const left = (tag: string) => file.includes(Buffer.from(`${tag}-${tag}-${tag}-`, 'latin1'));
    expect([left('AAAAMARK'), left('BBBBMARK')]).toEqual([false, false]);
  });

  it('the same content imported again replaces a damaged copy kept in the database', async () => {
    const core = await testCore();
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë' } }));
    const d = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-03', requester: { name: 'Sam' } }));
    const bytes = Buffer.from('Minutes of the highways committee');
    ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'evidence', files: [{ name: 'minutes.txt', data: b64(bytes) }] }));
    alterStored(core.dataDir, sha256Hex(bytes), 'damaged');
    expect(ok(await core.invoke('records:verify', {})).ok).toBe(false);
    ok(await core.invoke('correspondence:import', { reference: d.reference, role: 'evidence', files: [{ name: 'minutes.txt', data: b64(bytes) }] }));
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    await core.close();
  });

  it('a damaged copy in one place gives way to an intact one in the other, and verification still reports it', async () => {
    const core = await testCore();
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' } }));
    const bytes = Buffer.from('Minutes of the highways committee, kept in both places');
    const sha = sha256Hex(bytes);
    const imported = ok(await core.invoke('correspondence:import', { reference: c.reference, role: 'evidence', files: [{ name: 'minutes.txt', data: b64(bytes) }] }));
    await core.close();
    // The same bytes in the folder too (as an earlier version, or a restore from a backup, leaves them).
    const folder = new BlobStore(join(core.dataDir, 'blobs'));
    folder.put(bytes);
    const opened = await openDatabase(join(core.dataDir, DATABASE_FILE));
    const store = new BlobStore(join(core.dataDir, 'blobs'), undefined, heldBytes(opened.sqlite));

    // The database's copy damaged: the folder's is read, and the damage is still reported.
    opened.sqlite.prepare('UPDATE blob_bytes SET data = ? WHERE sha256 = ?').run(Buffer.from('damaged'), sha);
    expect(Buffer.from(store.get(sha, 'minutes.txt')).equals(bytes)).toBe(true);
    expect(store.check(sha)).toEqual({ actual: sha256Hex(Buffer.from('damaged')), intactCopy: true });
    // Both damaged: nothing is returned.
    writeFileSync(folder.pathOf(sha), 'also damaged');
    expect(() => store.get(sha, 'minutes.txt')).toThrow(/minutes\.txt has been altered or damaged/);
    expect(store.check(sha)).toEqual({ actual: sha256Hex(Buffer.from('damaged')), intactCopy: false });
    // The database's copy intact and the folder's damaged: the database's is read, the folder's reported.
    opened.sqlite.prepare('UPDATE blob_bytes SET data = ? WHERE sha256 = ?').run(bytes, sha);
    expect(Buffer.from(store.get(sha)).equals(bytes)).toBe(true);
    expect(store.check(sha)).toEqual({ actual: sha256Hex(Buffer.from('also damaged')), intactCopy: true });
    // Through the app: the database's copy damaged again, the folder's put back intact.
    opened.sqlite.prepare('UPDATE blob_bytes SET data = ? WHERE sha256 = ?').run(Buffer.from('damaged'), sha);
    writeFileSync(folder.pathOf(sha), bytes);
    await opened.db.destroy();

    const again = await testCore({ dataDir: core.dataDir });
    const report = ok(await again.invoke('records:verify', {}));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ kind: 'blob-copy-damaged', detail: expect.stringMatching(new RegExp(`^stored file ${sha}: one of its two copies .* the other is intact, and is the one used$`)) }]);
    // The officer still opens the file, whole.
    const content = ok(await again.invoke('attachments:content', { id: imported.added[0]!.id }));
    expect(content.text ?? Buffer.from(content.dataBase64 ?? '', 'base64').toString()).toBe(bytes.toString());
    await again.close();
  });

  it('does not wait on another connection reading the register to empty the log after destroying content', async () => {
    const { core, c } = await pastRetention();
    // A second window or the command line, in the middle of a read.
    const reader = new Database(join(core.dataDir, DATABASE_FILE), { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM cases').get();
    const started = performance.now();
    expect(ok(await core.invoke('retention:apply', { before: '2026-11-21', confirm: true })).destroyed).toEqual([c.reference]);
    // Waiting would have taken the connection's whole busy timeout (15 s).
    expect(performance.now() - started).toBeLessThan(5000);
    reader.exec('COMMIT');
    reader.close();
    await core.close();
  });
});
