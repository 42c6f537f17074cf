// A large import's write-ahead log copied into the database on a thread of its own
// (src/main/core/db/checkpoint.ts): while it runs, the connection's own checkpoints are off; after
// each commit the thread copies the log into the database file; when the last import ends, the
// connection's setting is back. Seen from outside: the database file alone, without its log,
// holds what was committed. The time it saves is measured in bench/import.ts, not here.
import { describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkpointsOffThread, checkpointsSettled } from '../../src/main/core/db/checkpoint';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { emailWithAttachment } from '../helpers/mail';
import { onTeamDatabase } from '../helpers/team';

/** The rows of `table` in a copy of the database file alone: what checkpoints have copied into it (0 if not even the table). */
function inFileAlone(file: string, table: string): number {
  const copy = join(tempDir('disclose-alone-'), 'copy.sqlite3');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = ?").get(table)) return 0;
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function walDatabase(): { file: string; db: Database.Database } {
  const file = join(tempDir(), 'register.sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE letters (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { file, db };
}

const addLetters = (db: Database.Database, n: number) => {
  const insert = db.prepare('INSERT INTO letters (body) VALUES (?)');
  // 2,000 rows of 4 KB: 8 MB, past the thousand pages at which a connection checkpoints for itself.
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`Dear Zoë Ó Dónaill-Nguyễn 王, ${i} `.padEnd(4096, '.'));
  })();
};

describe('checkpoints off the connection\'s thread', () => {
  it('turns the connection\'s own off, copies the log on the thread after a commit, and puts the setting back when the last user ends', async () => {
    const { file, db } = walDatabase();
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      const first = checkpointsOffThread(db);
      const second = checkpointsOffThread(db);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

      addLetters(db, 2000);
      // The connection copied nothing itself: the file alone has no letters yet.
      expect(inFileAlone(file, 'letters')).toBe(0);
      first.afterCommit();
      second.afterCommit(); // asked while the first runs: one more after it, not two at once
      await checkpointsSettled(db);
      expect(inFileAlone(file, 'letters')).toBe(2000);

      first.end();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      first.end(); // a second end of the same user changes nothing
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      second.afterCommit();
      second.end();
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      await checkpointsSettled(db);
      // After its end, a user asks for nothing more.
      addLetters(db, 10);
      second.afterCommit();
      await checkpointsSettled(db);
      expect(inFileAlone(file, 'letters')).toBe(2000);
    } finally {
      db.close();
    }
  });

  it('leaves an in-memory or read-only database as it is', () => {
    const memory = new Database(':memory:');
    const { file, db } = walDatabase();
    db.close();
    const readOnly = new Database(file, { readonly: true });
    try {
      for (const d of [memory, readOnly]) {
        const before = d.pragma('wal_autocheckpoint', { simple: true });
        const log = checkpointsOffThread(d);
        log.afterCommit();
        log.end();
        expect(d.pragma('wal_autocheckpoint', { simple: true })).toBe(before);
      }
    } finally {
      memory.close();
      readOnly.close();
    }
  });
});

describe.skipIf(onTeamDatabase)('a large import', () => {
  it('has its log copied into the register\'s file by the thread as its batches commit', async () => {
    const dataDir = tempDir();
    const folder = tempDir('disclose-folder-');
    const files = Array.from({ length: 30 }, (_, n) => {
      const path = join(folder, `message-${n}.eml`);
      writeFileSync(path, emailWithAttachment({ from: 'Zoë Ó Dónaill-Nguyễn <zoe@example.org>', to: 'foi@council.example', subject: `Gritting routes ${n} 王`, messageId: `grit-${n}@example.org`, text: `Ward ${n}.`, attachment: { name: `routes-${n}.csv`, type: 'text/csv', bytes: Buffer.from(`Route,Miles\r\nA${n},3\r\n`) } }));
      return path;
    });
    const core = await testCore({ dataDir, host: { chooseFiles: async () => files, chooseSavePath: async () => null, printPdf: async () => true } });
    try {
      ok(await core.invoke('settings:update', AUTHORITY));
      const reference = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Priya Patel' }, summary: 'Gritting routes' })).reference;
      const before = inFileAlone(join(dataDir, DATABASE_FILE), 'correspondence');
      const outcome = ok(await core.invoke('correspondence:importChosen', { reference }));
      expect(outcome.added).toHaveLength(30);
      expect(before).toBe(0);
      // 30 small emails are far short of the thousand pages at which the connection would copy
      // them itself; the thread copies them after the batch's commit.
      const deadline = Date.now() + 20_000;
      while (inFileAlone(join(dataDir, DATABASE_FILE), 'correspondence') < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(inFileAlone(join(dataDir, DATABASE_FILE), 'correspondence')).toBe(30);
    } finally {
      await core.close();
    }
  });
});
