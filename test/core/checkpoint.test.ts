// A large import's write-ahead log copied into the database on a thread of its own
// (src/main/core/db/checkpoint.ts): while it runs, the connection's own checkpoints are off; after
// each commit the thread copies the log into the database file; the log does not grow past its
// limit; a checkpoint the thread cannot run gives the connection its own back; when the last
// import ends, the connection's setting is back; emptying the log after a destroying write waits
// for the thread. Seen from outside: the database file alone, without its log, holds what was
// committed. The time it saves is measured in bench/import.ts, not here.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkpointsOffThread, checkpointsSettled } from '../../src/main/core/db/checkpoint';
import { eraseLog } from '../../src/main/core/repositories/records.repository';
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

  it('keeps the log within its limit: once past it, the thread copies all of it and empties it, the next write waiting for that', async () => {
    const { file, db } = walDatabase();
    const walSize = () => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    try {
      const limit = 1024 * 1024;
      const log = checkpointsOffThread(db, limit);
      let largest = 0;
      // 40 commits of 64 rows of 4 KB (256 KB each): 10 MB in all, as an import's batches come.
      for (let batch = 0; batch < 40; batch++) {
        await log.beforeWrite();
        addLetters(db, 64);
        log.afterCommit();
        largest = Math.max(largest, walSize());
      }
      await checkpointsSettled(db);
      log.end();
      expect((db.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(40 * 64);
      // Without the limit the log holds all 10 MB. With it, the thread empties it once past the
      // limit; should it fall behind (here the writes come far faster than any import's), the next
      // write waits for it once the file is past twice the limit.
      expect(largest).toBeLessThan(2 * limit + 2 * 64 * 4096 * 1.1);
    } finally {
      db.close();
    }
  });

  it('gives the connection its own checkpoints back when the thread cannot run one', async () => {
    if (process.platform === 'win32') return; // a link to the file, removed under the open connection
    const { file, db } = walDatabase();
    db.close();
    const link = join(tempDir(), 'linked.sqlite3');
    symlinkSync(file, link);
    const linked = new Database(link);
    try {
      const log = checkpointsOffThread(linked);
      expect(linked.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      rmSync(link); // the thread opens the connection's file by its name: now gone
      addLetters(linked, 10);
      log.afterCommit();
      await checkpointsSettled(linked);
      expect(linked.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      log.afterCommit(); // asks the thread for nothing more
      log.end();
      expect(linked.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect((linked.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n).toBe(10);
    } finally {
      linked.close();
    }
  });

  it('lets the log be emptied after a destroying write while the thread copies it', async () => {
    const { file, db } = walDatabase();
    try {
      const log = checkpointsOffThread(db);
      for (let round = 0; round < 3; round++) {
        addLetters(db, 8000); // 32 MB: the thread takes a while over it
        log.afterCommit();
        await new Promise((r) => setTimeout(r, 20)); // the thread under way
        await eraseLog(db);
        expect(statSync(`${file}-wal`).size).toBe(0);
      }
      log.end();
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
      // A copy taken while the thread writes into the file may be torn: looked at again.
      const copied = () => {
        try {
          return inFileAlone(join(dataDir, DATABASE_FILE), 'correspondence');
        } catch {
          return -1;
        }
      };
      const deadline = Date.now() + 20_000;
      while (copied() !== 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(copied()).toBe(30);
    } finally {
      await core.close();
    }
  });
});
