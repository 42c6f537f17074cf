// Runs the parsing of one imported file in a worker thread with a time limit and a memory cap, so a
// hostile file (a decompression bomb, a looping .msg, a pathological PDF) costs at most that: the
// worker is stopped, the file is kept as an attachment marked why it could not be read, and the
// import goes on. One worker reads file after file and is replaced after any that it had to stop;
// a pool of them (pool.ts) reads several files at once. The next files are handed to the worker
// before it finishes the one it reads (a few when handed as bytes, many when it reads them from
// disk itself), so it does not wait on a main thread busy storing; it still reads them one at a
// time, and each file's clock starts when the worker starts on it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS, jobBytes, type Bounded, type JobValue, type ParseJob, type ParseLimits, type WorkerReply } from './jobs';

/** How often the worker's memory is looked at while it runs. */
const WATCH_MS = 50;
const BUILT_NAMES = ['parse-worker.js', 'parse-worker.mjs'];
const STARTUP_MS = 60_000;
const seconds = (ms: number) => (ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000)));

/** Where the worker's code is: beside the built app or CLI bundle, or the TypeScript source under tsx. */
export function workerEntry(): { url: URL; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    // Running from the sources (tests, tsx): the worker loads them through tsx too.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href.replace(/\/dist\/.*$/u, '/dist/loader.mjs');
    return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', tsx] };
  }
  for (const dir of [dirname(here), join(dirname(here), '..')]) {
    for (const name of BUILT_NAMES) if (existsSync(join(dir, name))) return { url: pathToFileURL(join(dir, name)), execArgv: [] };
  }
  throw new Error(`The parse worker is missing from ${dirname(here)} (the build is incomplete).`);
}

/**
 * The old generation a worker's heap may fill before its first full collection. V8 sizes a new
 * heap's limits from its live size, a few MB in a parse worker, while each parse promotes a few MB
 * of objects that die soon after (mailparser holds a message across several turns of the event
 * loop): without this, a worker ran a full collection every hundred emails or so, and V8's helper
 * threads spent 4 of the 20 s of processor time an import of 10,000 emails took (bench/README.md).
 * A limit, not memory taken: the heap grows only as far as the parse needs before a collection.
 */
export const WORKER_OLD_SPACE_MB = 64;
/** Whether the flag is set in this process (then a worker's heap may hold that much garbage). */
let roomyHeaps = false;

/**
 * V8 reads the flag as it makes an isolate, so it applies to every worker this process starts after
 * it (the parse workers, and writer threads started later, which allocate little), not to the
 * thread running. Under Node only (the command line, the tests, the benchmarks): Electron's core
 * process may hold V8's flags frozen, where setting one is a fatal error no code can catch, so the
 * desktop app's workers keep V8's own sizing.
 */
function giveWorkersRoom(): void {
  if (roomyHeaps || process.versions.electron !== undefined) return;
  roomyHeaps = true;
  setFlagsFromString(`--initial-old-space-size=${WORKER_OLD_SPACE_MB}`);
}

const mb = (bytes: number) => bytes / 1024 / 1024;
/**
 * Files handed to a worker ahead of the one it reads. Bytes handed over are held in the worker
 * until read: a few files, a few MB, at most. A file the worker reads from disk itself is only its
 * name until its turn, so many more of those wait there: enough for the worker to go on reading
 * through the tenth of a second the main thread spends storing a batch of 200, during which it
 * hands nothing over (with 8, the workers stood idle through every batch: bench/README.md).
 */
const AHEAD = { jobs: 8, bytes: 8 * 1024 * 1024, onDisk: 128 };
/** What a job holds in the worker while it waits there: a file on disk, nothing. */
const heldInWorker = (job: ParseJob): number => (job.kind === 'read-message' ? 0 : jobBytes(job));

type Outcome<K extends ParseJob['kind'] = ParseJob['kind']> = { ok: true; value: JobValue<K> } | ({ ok: false } & Bounded);
interface Pending {
  id: number;
  job: ParseJob;
  resolve(outcome: Outcome): void;
  reject(error: unknown): void;
}

export class BoundedParser {
  private worker: Worker | null = null;
  private nextId = 1;
  /** Handed to the worker, in the order it reads them: the first is the one it reads (or is about to). */
  private posted: Pending[] = [];
  /** Not yet handed over. */
  private waiting: Pending[] = [];
  /** Whether the worker has said it started on the first posted file. */
  private started = false;
  private timer: NodeJS.Timeout | undefined;
  private watch: NodeJS.Timeout | undefined;

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {}

  /** Files asked for and not yet answered, the one being read included. */
  get pending(): number {
    return this.posted.length + this.waiting.length;
  }

  /** Starts the worker before the first file, so that it has loaded its readers when the file comes; it does not hold the process open. */
  warm(): void {
    if (this.worker) return;
    try {
      this.worker = this.start();
      this.worker.unref();
    } catch {
      // No worker file (an incomplete build): the first file says so.
    }
  }

  /** Parses in the worker; a file over a limit (or one that crashes the worker) comes back as Bounded. */
  run<K extends ParseJob['kind']>(job: ParseJob & { kind: K }): Promise<Outcome<K>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve: resolve as (o: Outcome) => void, reject });
      this.feed();
    });
  }

  private start(): Worker {
    const { url, execArgv } = workerEntry();
    giveWorkersRoom();
    // The heap cap stops an allocation storm inside V8; buffers outside the heap are watched below.
    const heapMb = Math.max(64, Math.ceil(this.limits.memoryMb));
    const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 }, stdout: false, stderr: false });
    worker.on('message', (reply: WorkerReply) => {
      if (this.worker === worker) this.reply(reply);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/iu.test(error.message);
      this.stop(outOfMemory ? this.tooLarge() : { status: 'failed', reason: `the reader stopped: ${error.message}` });
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.stop({ status: 'failed', reason: 'the reader stopped unexpectedly' });
    });
    return worker;
  }

  /** Memory is looked at only while the worker has files: an idle worker keeps no timer running. */
  private watchMemory(on: boolean): void {
    if (!on) {
      clearInterval(this.watch);
      this.watch = undefined;
    }
    if (!on || this.watch) return;
    this.watch = setInterval(() => {
      const worker = this.worker;
      worker?.getHeapStatistics().then(
        (stats) => {
          const used = mb(stats.used_heap_size + ((stats as { external_memory?: number }).external_memory ?? 0));
          if (this.worker === worker && this.posted.length > 0 && used > this.allowance()) this.stop(this.tooLarge());
        },
        () => undefined, // the worker is already gone; its exit says why
      );
    }, WATCH_MS);
  }

  /** The memory one file may use, beyond the files waiting their turn inside the worker. */
  private allowance(): number {
    const [first, ...rest] = this.posted;
    // The heap's room before its first full collection may be garbage, not the file's doing.
    const room = roomyHeaps ? WORKER_OLD_SPACE_MB : 0;
    return this.limits.memoryMb + room + mb(first ? jobBytes(first.job) : 0) * 2 + mb(rest.reduce((n, p) => n + heldInWorker(p.job), 0));
  }

  private tooLarge(): Bounded {
    return { status: 'too-large', reason: `too large when decompressed (it needed more than the ${Math.round(this.allowance())} MB allowed for reading one file)` };
  }

  /** Hands files to the worker, starting one if needed, up to a few ahead of the one it reads. */
  private feed(): void {
    let bytes = this.posted.reduce((n, p) => n + heldInWorker(p.job), 0);
    let holding = this.posted.filter((p) => heldInWorker(p.job) > 0).length;
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      const held = heldInWorker(next.job);
      const full = held > 0 ? holding >= AHEAD.jobs || bytes + held > AHEAD.bytes : this.posted.length >= AHEAD.onDisk;
      if (this.posted.length > 0 && full) break;
      let worker: Worker;
      try {
        worker = this.worker ??= this.start();
      } catch (error) {
        // No worker to read with (an incomplete build): said as an error, as any other import error.
        for (const p of this.waiting.splice(0)) p.reject(error);
        return;
      }
      this.waiting.shift();
      worker.ref();
      this.posted.push(next);
      bytes += held;
      if (held > 0) holding++;
      worker.postMessage({ id: next.id, job: next.job });
      if (this.posted.length === 1) this.clock();
      this.watchMemory(true);
    }
  }

  /** Times the first posted file: until the worker starts on it, only a worker that never starts; then the file's own limit. */
  private clock(): void {
    clearTimeout(this.timer);
    if (this.posted.length === 0) return;
    if (!this.started) this.timer = setTimeout(() => this.stop({ status: 'failed', reason: 'the reader did not start' }), STARTUP_MS + this.limits.timeoutMs);
    else this.timer = setTimeout(() => this.stop({ status: 'too-slow', reason: `took too long (more than ${seconds(this.limits.timeoutMs)} seconds)` }), this.limits.timeoutMs);
  }

  private reply(reply: WorkerReply): void {
    const first = this.posted[0];
    if (!first || reply.id !== first.id) return;
    if ('started' in reply) {
      this.started = true;
      this.clock();
      return;
    }
    this.posted.shift();
    this.started = false;
    first.resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, status: 'failed', reason: reply.message });
    this.clock();
    this.feed();
    if (this.pending > 0) return;
    this.watchMemory(false);
    this.worker?.unref();
  }

  /** Stops the worker over the file it reads, which gets `why`; the files waiting behind it go to a fresh worker. */
  private stop(why: Bounded): void {
    const worker = this.worker;
    const [first, ...rest] = this.posted;
    this.worker = null;
    this.posted = [];
    this.started = false;
    clearTimeout(this.timer);
    this.watchMemory(false);
    if (worker) void worker.terminate();
    this.waiting.unshift(...rest);
    first?.resolve({ ok: false, ...why });
    this.feed();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    clearTimeout(this.timer);
    this.watchMemory(false);
    for (const p of [...this.posted.splice(0), ...this.waiting.splice(0)]) p.resolve({ ok: false, status: 'failed', reason: 'the reader was closed' });
    this.started = false;
    if (worker) await worker.terminate();
  }
}
