// Copying the write-ahead log into the database on a thread of its own while a large import runs.
// SQLite in WAL mode appends each commit to the log; once the log passes a thousand pages, the
// committing connection copies it into the database and syncs both (a checkpoint) before its
// commit returns. An import of thousands of emails commits a batch of a few MB every tenth of a
// second, its small files among the rows, so every commit paid for a checkpoint on the main thread:
// about 0.9 s of 10,000 emails' import, in which the main thread did nothing else
// (bench/README.md). While such an import runs, its connection leaves checkpoints to a worker
// (the parse worker's file started in the role 'checkpoint', parse/worker.ts), which opens the
// same file with a connection of its own after each batch and runs a PASSIVE checkpoint: it copies
// what it can without waiting on, or holding up, the writer. Nothing about durability changes: every
// commit is still synced to the log first (synchronous = FULL), and the checkpoint syncs the log
// before and the database after copying, as SQLite's own does.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { workerEntry } from '../parse/bounded';

interface CheckpointJob {
  id: number;
  file: string;
  /** Past this, the log is copied in full and emptied, the connection's next write waiting for it. */
  limitBytes: number;
}
type CheckpointReply = { id: number; ok: true } | { id: number; ok: false; message: string };

type CheckpointRow = { busy: number; log: number };

/**
 * The worker's side: one checkpoint per request, each through a connection opened for it. PASSIVE
 * first, which copies what it can without holding up the writer. SQLite starts the log again from
 * its beginning only when a write begins after a checkpoint has copied all of it, and an import's
 * next batch begins while the last is being copied: once the log passes the limit, a TRUNCATE
 * checkpoint waits for the batch being written, copies the rest while the next waits, and empties
 * the log, which would otherwise hold the whole import and need its size again on disk.
 */
export function serveCheckpoint(): void {
  parentPort?.on('message', (job: CheckpointJob) => {
    let sqlite: Database.Database | null = null;
    try {
      sqlite = new Database(job.file, { fileMustExist: true });
      // Opening reads the log's index under a shared lock another connection may hold a moment.
      sqlite.pragma('busy_timeout = 1000');
      sqlite.pragma('synchronous = FULL');
      const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[];
      if (row && row.log * (sqlite.pragma('page_size', { simple: true }) as number) >= job.limitBytes) {
        // Waits out the batch being written (a few tenths of a second at most), not a reader
        // elsewhere for long: then it stops, and the next request tries again.
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      }
      parentPort?.postMessage({ id: job.id, ok: true } satisfies CheckpointReply);
    } catch (error) {
      parentPort?.postMessage({ id: job.id, ok: false, message: (error as Error).message } satisfies CheckpointReply);
    } finally {
      sqlite?.close();
    }
  });
}

/** The thread, started on first use, idle without holding the process open. */
let thread: Worker | null = null;
let nextId = 1;
/** Whether each checkpoint asked of the thread could run, said to whoever asked. */
const waiting = new Map<number, (ran: boolean) => void>();

function checkpointThread(): Worker {
  if (thread) return thread;
  const { url, execArgv } = workerEntry();
  const worker = new Worker(url, { execArgv, workerData: { role: 'checkpoint' }, stdout: false, stderr: false });
  worker.on('message', (reply: CheckpointReply) => {
    const done = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    done?.(reply.ok);
  });
  const gone = () => {
    if (thread !== worker) return;
    thread = null;
    for (const done of waiting.values()) done(false);
    waiting.clear();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return (thread = worker);
}

/** One checkpoint of `file` on the thread; resolves when it is over, whether it could run or not. */
function checkpointOnThread(file: string, limitBytes: number): Promise<boolean> {
  let worker: Worker;
  try {
    worker = checkpointThread();
  } catch {
    return Promise.resolve(false); // no worker file (an incomplete build)
  }
  const id = nextId++;
  return new Promise<boolean>((resolve) => {
    waiting.set(id, resolve);
    worker.ref();
    worker.postMessage({ id, file, limitBytes } satisfies CheckpointJob);
  });
}

/** The checkpoints under way for each file: one at a time, and one more when asked meanwhile. */
const queued = new Map<string, { running: Promise<void>; again: boolean }>();

function requestCheckpoint(file: string, limitBytes: number, done: (ran: boolean) => void): void {
  const under = queued.get(file);
  if (under) {
    under.again = true;
    return;
  }
  const entry = { running: Promise.resolve(), again: false };
  queued.set(file, entry);
  entry.running = (async () => {
    do {
      entry.again = false;
      done(await checkpointOnThread(file, limitBytes));
    } while (entry.again);
    queued.delete(file);
  })();
}

/** The size of the log's file (0 when there is none). */
function logFileSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** How far the log may grow before the thread empties it (serveCheckpoint). */
export const LOG_LIMIT_BYTES = 64 * 1024 * 1024;

/** Per connection: the imports with its checkpoints off its thread, and its own setting to put back. */
interface Use {
  count: number;
  pages: number;
  /** A checkpoint on the thread could not run: the connection checkpoints for itself again. */
  fellBack: boolean;
}
const users = new Map<Database.Database, Use>();

export interface LogCheckpoints {
  /** After a commit: the log is copied into the database on the thread (at once, or after the copy under way). */
  afterCommit(): void;
  /**
   * Before a write: should the thread have fallen behind (a slow disk) and the log file be past
   * twice the limit, waits for its checkpoint, which empties the log.
   */
  beforeWrite(): Promise<void>;
  /** The connection checkpoints for itself again (once no other import has them off its thread). */
  end(): void;
}

/**
 * Moves a local register's checkpoints off the connection's thread until `end()`. An in-memory
 * database, or a read-only one, keeps its own; so does one whose checkpoint on the thread fails.
 */
export function checkpointsOffThread(sqlite: Database.Database, limitBytes = LOG_LIMIT_BYTES): LogCheckpoints {
  if (sqlite.memory || sqlite.readonly || !sqlite.open) return { afterCommit: () => undefined, beforeWrite: async () => undefined, end: () => undefined };
  const file = sqlite.name;
  let use = users.get(sqlite);
  if (!use) {
    use = { count: 0, pages: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number, fellBack: false };
    users.set(sqlite, use);
    sqlite.pragma('wal_autocheckpoint = 0');
  }
  const mine = use;
  mine.count++;
  let ended = false;
  const ownAgain = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${mine.pages}`);
  };
  const done = (ran: boolean) => {
    if (ran) return;
    // Nothing is lost (the log keeps every commit), but nothing would copy it: SQLite's own
    // checkpoints on commit come back for the rest of this connection's imports.
    if (!mine.fellBack && users.get(sqlite) === mine) ownAgain();
    mine.fellBack = true;
  };
  return {
    afterCommit: () => {
      if (!ended && !mine.fellBack) requestCheckpoint(file, limitBytes, done);
    },
    beforeWrite: async () => {
      if (ended || mine.fellBack || logFileSize(file) < 2 * limitBytes) return;
      if (!queued.has(file)) requestCheckpoint(file, limitBytes, done);
      await queued.get(file)?.running;
    },
    end: () => {
      if (ended) return;
      ended = true;
      if (--mine.count > 0) return;
      users.delete(sqlite);
      // The connection's next commit over its limit copies whatever the thread has not.
      if (!mine.fellBack) ownAgain();
    },
  };
}

/** Waits for the checkpoints under way on a connection's file (before it closes, or empties its log). */
export async function checkpointsSettled(sqlite: Database.Database): Promise<void> {
  if (!sqlite.memory) await queued.get(sqlite.name)?.running;
}

/** Whether the thread has a checkpoint of the connection's file under way or asked for. */
export const checkpointUnderWay = (sqlite: Database.Database): boolean => !sqlite.memory && queued.has(sqlite.name);
