// Writing many stored files off the main thread. An import of thousands of emails stores thousands
// of files, each written, synced, read back, checked and renamed (blobs.ts): a dozen file
// operations apiece, whose completions, run on the main thread, cost it more than the database
// rows themselves. Handed to a worker a batch at a time, they cost the main thread one message,
// and it goes on writing the previous batch's rows meanwhile. The worker is the parse worker's file
// started in the role 'store' (parse/worker.ts); it stores each file with BlobStore.put, the
// store's own blocking write, sync, read-back and rename.
import { parentPort, Worker } from 'node:worker_threads';
import { DiscloseError, type ErrorCode } from '../../shared/errors';
import { BlobStore } from './blobs';
import { workerEntry } from './parse/bounded';

interface StoreJob {
  id: number;
  root: string;
  files: { bytes: Uint8Array; sha: string }[];
}
type StoreReply = { id: number; ok: true } | { id: number; ok: false; code: ErrorCode; message: string };

/** The worker's side: stores each batch in turn, answering when it is durable or why it is not. */
export function serveStore(): void {
  let turn = Promise.resolve();
  parentPort?.on('message', (job: StoreJob) => {
    turn = turn.then(async () => {
      try {
        const store = new BlobStore(job.root);
        for (const f of job.files) store.put(f.bytes, f.sha);
        parentPort?.postMessage({ id: job.id, ok: true } satisfies StoreReply);
      } catch (error) {
        const e = error instanceof DiscloseError ? error : new DiscloseError('IO', (error as Error).message);
        parentPort?.postMessage({ id: job.id, ok: false, code: e.code, message: e.message } satisfies StoreReply);
      }
    });
  });
}

/** One writer thread, started on first use, idle without holding the process open. */
class WriterThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(): void; reject(error: unknown): void }>();

  put(root: string, files: { bytes: Uint8Array; sha: string }[]): Promise<void> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      try {
        // Copied, not transferred: the caller still reads the bytes' sizes for the rows it writes.
        worker.postMessage({ id, root, files } satisfies StoreJob);
      } catch (error) {
        this.waiting.delete(id);
        if (this.waiting.size === 0) worker.unref();
        reject(new DiscloseError('IO', `Could not store files: ${(error as Error).message}`));
      }
    });
  }

  private start(): Worker {
    const { url, execArgv } = workerEntry();
    const worker = new Worker(url, { execArgv, workerData: { role: 'store' }, stdout: false, stderr: false });
    worker.on('message', (reply: StoreReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(new DiscloseError(reply.code, reply.message));
    });
    const gone = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(new DiscloseError('IO', `Could not store files: the writer stopped (${why}).`));
      this.waiting.clear();
    };
    worker.on('error', (error) => gone(error.message));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    return worker;
  }
}

/**
 * A few writer threads, each writing its share of a batch with blocking calls: a sync holds only
 * its own thread (not the thread pool the main thread reads files through), and the disk takes
 * several threads' syncs in one flush of its journal.
 */
class BlobWriter {
  private readonly threads = Array.from({ length: WRITERS }, () => new WriterThread());

  async put(root: string, files: { bytes: Uint8Array; sha: string }[]): Promise<void> {
    const shares = this.threads.map((_, i) => files.filter((_, j) => j % this.threads.length === i));
    const done = await Promise.allSettled(shares.map((share, i) => (share.length > 0 ? this.threads[i]!.put(root, share) : Promise.resolve())));
    const failed = done.find((d) => d.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Writer threads: they mostly wait on the disk, so a few cost little processor time. */
const WRITERS = 3;

let shared: BlobWriter | undefined;
/** The process's writer of stored files. */
export const blobWriter = (): BlobWriter => (shared ??= new BlobWriter());
