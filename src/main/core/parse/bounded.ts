// Runs the parsing of one imported file in a worker thread with a time limit and a memory cap, so a
// hostile file (a decompression bomb, a looping .msg, a pathological PDF) costs at most that: the
// worker is stopped, the file is kept as an attachment marked why it could not be read, and the
// import goes on. One worker serves file after file and is replaced after any that it had to stop.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_PARSE_LIMITS, type Bounded, type JobValue, type ParseJob, type ParseLimits, type WorkerReply } from './jobs';

/** How often the worker's memory is looked at while it runs. */
const WATCH_MS = 50;
const BUILT_NAMES = ['parse-worker.js', 'parse-worker.mjs'];
const STARTUP_MS = 60_000;
const seconds = (ms: number) => (ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000)));

/** Where the worker's code is: beside the built app or CLI bundle, or the TypeScript source under tsx. */
function workerEntry(): { url: URL; execArgv: string[] } {
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

const mb = (bytes: number) => bytes / 1024 / 1024;

export class BoundedParser {
  private worker: Worker | null = null;
  private nextId = 1;
  /** One file at a time: the limits are the worker's, so two files at once would share them. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limits: ParseLimits = DEFAULT_PARSE_LIMITS) {}

  private start(): Worker {
    const { url, execArgv } = workerEntry();
    // The heap cap stops an allocation storm inside V8; buffers outside the heap are watched below.
    const heapMb = Math.max(64, Math.ceil(this.limits.memoryMb));
    const worker = new Worker(url, { execArgv, resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 }, stdout: false, stderr: false });
    worker.unref();
    return worker;
  }

  /** Parses in the worker; a file over a limit (or one that crashes the worker) comes back as Bounded. */
  run<K extends ParseJob['kind']>(job: ParseJob & { kind: K }): Promise<{ ok: true; value: JobValue<K> } | ({ ok: false } & Bounded)> {
    const result = this.queue.then(() => this.runNow<K>(job));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow<K extends ParseJob['kind']>(job: ParseJob & { kind: K }): Promise<{ ok: true; value: JobValue<K> } | ({ ok: false } & Bounded)> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const allowance = this.limits.memoryMb + mb(job.bytes.length) * 2;
    worker.ref();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: { ok: true; value: JobValue<K> } | ({ ok: false } & Bounded), stop: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) {
          if (this.worker === worker) this.worker = null;
          void worker.terminate();
        } else worker.unref();
        resolve(result);
      };
      const tooLarge = (): Bounded => ({ status: 'too-large', reason: `too large when decompressed (it needed more than the ${Math.round(allowance)} MB allowed for reading one file)` });
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        if ('started' in reply) {
          clearTimeout(timer);
          timer = setTimeout(() => finish({ ok: false, status: 'too-slow', reason: `took too long (more than ${seconds(this.limits.timeoutMs)} seconds)` }, true), this.limits.timeoutMs);
          return;
        }
        finish(reply.ok ? { ok: true, value: reply.value as JobValue<K> } : { ok: false, status: 'failed', reason: reply.message }, false);
      };
      const onError = (error: Error & { code?: string }) => {
        const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/iu.test(error.message);
        finish({ ok: false, ...(outOfMemory ? tooLarge() : { status: 'failed', reason: `the reader stopped: ${error.message}` }) }, true);
      };
      const onExit = () => finish({ ok: false, status: 'failed', reason: 'the reader stopped unexpectedly' }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // Until the worker has the file, only a worker that never starts is timed (loading takes seconds at most).
      let timer = setTimeout(() => finish({ ok: false, status: 'failed', reason: 'the reader did not start' }, true), STARTUP_MS + this.limits.timeoutMs);
      const watch = setInterval(() => {
        worker.getHeapStatistics().then(
          (stats) => {
            const used = mb(stats.used_heap_size + ((stats as { external_memory?: number }).external_memory ?? 0));
            if (used > allowance) finish({ ok: false, ...tooLarge() }, true);
          },
          () => undefined, // the worker is already gone; its exit says why
        );
      }, WATCH_MS);
      worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

const shared = new Map<string, BoundedParser>();

/**
 * One parser per set of limits for the whole process: every core opened in it (the app has one;
 * the test suite opens many) shares the worker, which idles without keeping the process alive.
 */
export function sharedParser(limits: ParseLimits): BoundedParser {
  const key = `${limits.timeoutMs}/${limits.memoryMb}`;
  let parser = shared.get(key);
  if (!parser) shared.set(key, (parser = new BoundedParser(limits)));
  return parser;
}
