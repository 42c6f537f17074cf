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
import { parentPort, Worker } from 'node:worker_threads';
import { workerEntry } from '../parse/bounded';

interface CheckpointJob {
  id: number;
  file: string;
}
type CheckpointReply = { id: number; ok: true; log: number; copied: number } | { id: number; ok: false; message: string };

/** The worker's side: one PASSIVE checkpoint per request, each through a connection opened for it. */
export function serveCheckpoint(): void {
  parentPort?.on('message', (job: CheckpointJob) => {
    let sqlite: Database.Database | null = null;
    try {
      sqlite = new Database(job.file, { fileMustExist: true });
      // Opening reads the log's index under a shared lock another connection may hold a moment.
      sqlite.pragma('busy_timeout = 1000');
      sqlite.pragma('synchronous = FULL');
      const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      parentPort?.postMessage({ id: job.id, ok: true, log: row?.log ?? 0, copied: row?.checkpointed ?? 0 } satisfies CheckpointReply);
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
const waiting = new Map<number, () => void>();

function checkpointThread(): Worker {
  if (thread) return thread;
  const { url, execArgv } = workerEntry();
  const worker = new Worker(url, { execArgv, workerData: { role: 'checkpoint' }, stdout: false, stderr: false });
  const settle = () => {
    for (const done of waiting.values()) done();
    waiting.clear();
  };
  worker.on('message', (reply: CheckpointReply) => {
    const done = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (waiting.size === 0) worker.unref();
    // A failed checkpoint loses nothing: the log keeps every commit, and the connection's own
    // checkpoints resume when the import ends.
    done?.();
  });
  const gone = () => {
    if (thread !== worker) return;
    thread = null;
    settle();
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  return (thread = worker);
}

/** One checkpoint of `file` on the thread; resolves when it is over, whether it copied anything or not. */
function checkpointOnThread(file: string): Promise<void> {
  let worker: Worker;
  try {
    worker = checkpointThread();
  } catch {
    return Promise.resolve(); // no worker file (an incomplete build): the connection's own checkpoints stay
  }
  const id = nextId++;
  return new Promise<void>((resolve) => {
    waiting.set(id, resolve);
    worker.ref();
    worker.postMessage({ id, file } satisfies CheckpointJob);
  });
}

/** The checkpoints under way for each file: one at a time, and one more when asked meanwhile. */
const queued = new Map<string, { running: Promise<void>; again: boolean }>();

function requestCheckpoint(file: string): void {
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
      await checkpointOnThread(file);
    } while (entry.again);
    queued.delete(file);
  })();
}

/** Per connection: how many imports have its checkpoints off its thread, and its own setting to put back. */
const users = new Map<Database.Database, { count: number; pages: number }>();

export interface LogCheckpoints {
  /** After a commit: the log is copied into the database on the thread (at once, or after the copy under way). */
  afterCommit(): void;
  /** The connection checkpoints for itself again (once no other import has them off its thread). */
  end(): void;
}

/**
 * Moves a local register's checkpoints off the connection's thread until `end()`. An in-memory
 * database, or a read-only one, keeps its own.
 */
export function checkpointsOffThread(sqlite: Database.Database): LogCheckpoints {
  if (sqlite.memory || sqlite.readonly || !sqlite.open) return { afterCommit: () => undefined, end: () => undefined };
  const file = sqlite.name;
  let use = users.get(sqlite);
  if (!use) {
    use = { count: 0, pages: sqlite.pragma('wal_autocheckpoint', { simple: true }) as number };
    users.set(sqlite, use);
    sqlite.pragma('wal_autocheckpoint = 0');
  }
  const mine = use;
  mine.count++;
  let ended = false;
  return {
    afterCommit: () => {
      if (!ended) requestCheckpoint(file);
    },
    end: () => {
      if (ended) return;
      ended = true;
      if (--mine.count > 0) return;
      users.delete(sqlite);
      // The connection's next commit over its limit copies whatever the thread has not.
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${mine.pages}`);
    },
  };
}

/** Waits for the checkpoints under way on a connection's file, before the connection closes. */
export async function checkpointsSettled(sqlite: Database.Database): Promise<void> {
  if (!sqlite.memory) await queued.get(sqlite.name)?.running;
}
