// Benchmark: the reading side of an import alone, nothing stored. On the emails bench/import.ts
// wrote (run it first), in one run: mailparser in this thread, one file after the other (the
// import bench's baseline); mailparser in two plain worker threads, each given half the files at
// once; and the app's parse pool (src/main/core/parse/pool.ts, its workers loaded from the sources
// through tsx), given every file as an import gives them (`read-message` jobs: each file read,
// hashed and parsed in a worker under its limits, the message and its attachments handed back),
// the results dropped as they come. Wall time and the processor time of every thread.
//
//   npx tsx bench/import.ts 10000 && npx tsx bench/parse-pool.ts 10000
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import mailparser from 'mailparser';
import { PARSER_OPTIONS } from '../src/main/core/mail/eml';

const N = process.argv[2] ?? '10000';

async function parseAll(files: readonly string[]): Promise<void> {
  for (const f of files) await mailparser.simpleParser(readFileSync(f), PARSER_OPTIONS);
}

async function timed(what: string, run: () => Promise<void>): Promise<void> {
  const t = performance.now();
  const c = process.cpuUsage();
  await run();
  const u = process.cpuUsage(c);
  console.log(`${what}: ${((performance.now() - t) / 1000).toFixed(2)} s, processor ${((u.user + u.system) / 1e6).toFixed(2)} s`);
}

async function main(): Promise<void> {
  const dir = resolve(`bench/tmp/import-${N}/mail`);
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; ${files.length} files`);
  const { ParserPool } = await import('../src/main/core/parse/pool');
  const { DEFAULT_PARSE_LIMITS } = await import('../src/main/core/parse/jobs');
  const job = (f: string) => ({ kind: 'read-message' as const, name: f, path: f, size: statSync(f).size, maxBytes: 512 * 1024 * 1024 });
  for (let round = 1; round <= 2; round++) {
    await timed('mailparser, this thread', () => parseAll(files));
    await timed('mailparser, two workers', () =>
      Promise.all([0, 1].map((i) => new Promise<void>((done, fail) => {
        const w = new Worker(new URL(import.meta.url), { workerData: files.filter((_, j) => j % 2 === i), execArgv: process.execArgv });
        w.on('message', () => void w.terminate().then(() => done()));
        w.on('error', fail);
      }))).then(() => undefined),
    );
    const pool = new ParserPool(DEFAULT_PARSE_LIMITS);
    pool.warm();
    // Each worker loaded and past its first file before the clock starts.
    await Promise.all(files.slice(0, 2).map((f) => pool.run(job(f))));
    await timed("the app's parse pool, two workers", async () => {
      const results = await Promise.all(files.map((f) => pool.run(job(f)).then((o) => o.ok)));
      if (results.some((ok) => !ok)) throw new Error('a file was not read');
    });
    await pool.close();
  }
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  void parseAll(workerData as string[]).then(() => parentPort?.postMessage('done'));
}
