// The authority's Word letter template as a stored file: listed with the setting that names it, so
// that no sweep of files "no record uses" takes it, a backup carries it, verify finds nothing
// amiss, and on the team database every officer's computer reads it; replaced or cleared, the old
// one goes. On both engines.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { onTeamDatabase } from '../helpers/team';
import { storedShas, whereStored } from '../helpers/stored';
import { writeZip } from '../../src/main/core/bundle/zip';
import { BlobStore } from '../../src/main/core/blobs';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { heldBytes } from '../../src/main/core/repositories/blob-chunks.repository';
import { findLeftovers, sweepOnOpen, SWEEP_GRACE_MS } from '../../src/main/core/services/housekeeping.service';

async function template(dir: string, name: string, letterhead: string): Promise<string> {
  const path = join(dir, name);
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${letterhead}</w:t></w:r></w:p></w:body></w:document>`;
  await writeZip(path, [{ name: 'word/document.xml', bytes: Buffer.from(document) }], { date: new Date('2026-01-01T00:00:00Z') });
  return path;
}

describe('the Word letter template', () => {
  it('is kept as a stored file with its setting: swept by nothing, verified, read back, and gone when replaced or cleared', async () => {
    const files = tempDir('disclose-templates-');
    const out = tempDir('disclose-docx-');
    let chosen = '';
    const core = await testCore({ host: { chooseFiles: async () => [chosen], chooseSavePath: async ({ defaultName }) => join(out, defaultName), printPdf: async () => true } });
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting' }));

    chosen = await template(files, 'Borsetshire letterhead.docx', 'BORSETSHIRE LETTERHEAD');
    const first = ok(await core.invoke('letters:setDocxTemplate', { clear: false }));
    expect(first).toMatchObject({ name: 'Borsetshire letterhead.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    if (!onTeamDatabase) {
      expect(whereStored(core.dataDir, first.sha256!)).toBe('database');
      // Long after, the sweep at open takes nothing: the template is in use.
      const db = new Database(join(core.dataDir, DATABASE_FILE));
      const later = Date.now() + SWEEP_GRACE_MS * 2;
      const store = new BlobStore(join(core.dataDir, 'blobs'), undefined, heldBytes(db));
      expect(findLeftovers(db, store, core.dataDir, later)).toMatchObject({ orphanFiles: [], unreferenced: [] });
      db.close();
    } else {
      // Another computer has no copy of its own: the team database's is read.
      rmSync(join(core.dataDir, 'blobs'), { recursive: true, force: true });
    }
    const saved = ok(await core.invoke('letters:saveDocx', { reference: c.reference, kind: 'acknowledgement' }));
    expect(saved.saved).toBe(true);
    expect(existsSync(saved.path!)).toBe(true);

    // Replaced: the old template goes with its row, and verify still finds nothing amiss.
    chosen = await template(files, 'New letterhead.docx', 'NEW LETTERHEAD');
    const second = ok(await core.invoke('letters:setDocxTemplate', { clear: false }));
    expect(second.sha256).not.toBe(first.sha256);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [] });
    if (!onTeamDatabase) expect(storedShas(core.dataDir)).toEqual([second.sha256]);

    // Cleared: nothing of it is kept.
    expect(ok(await core.invoke('letters:setDocxTemplate', { clear: true }))).toEqual({ sha256: null, name: null });
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true, problems: [], checked: { blobs: 0 } });
    if (!onTeamDatabase) expect(storedShas(core.dataDir)).toEqual([]);
    await core.close();
  });

  it.skipIf(onTeamDatabase)('a template set before it was listed (its file alone in the folder) is not swept as a file no record uses', async () => {
    const core = await testCore();
    await core.close();
    const bytes = readFileSync(await template(tempDir(), 'old.docx', 'OLD LETTERHEAD'));
    const sha = new BlobStore(join(core.dataDir, 'blobs')).put(bytes);
    const db = new Database(join(core.dataDir, DATABASE_FILE));
    db.prepare("INSERT INTO meta (key, value) VALUES ('letters.docxTemplate', ?)").run(JSON.stringify({ sha256: sha, name: 'old.docx' }));
    const store = new BlobStore(join(core.dataDir, 'blobs'), undefined, heldBytes(db));
    expect(sweepOnOpen(db, store, core.dataDir, Date.now() + SWEEP_GRACE_MS * 2)).toEqual({ removed: 0 });
    db.close();
    expect(whereStored(core.dataDir, sha)).toBe('folder');
  });
});
