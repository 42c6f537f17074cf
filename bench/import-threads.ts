// Where an import's processor time goes, thread by thread: runs `disclose import REF FILE...`
// (the bundled command line) on the corpus bench/import.ts wrote, reads each thread's processor
// time from /proc (Linux) every 50 ms, and prints it when the outcome is printed (all stored) and
// at exit (the PDFs' text read too). Thread names are the system's: MainThread, WorkerThread (the
// two parse workers, then the three writers of stored files), V8Worker (the garbage collector's).
//
//   npx tsx bench/import.ts 10000 && npx tsx bench/import-threads.ts 10000
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const N = process.argv[2] ?? '10000';
const mail = resolve(`bench/tmp/import-${N}/mail`);
const data = resolve(`bench/tmp/import-threads-${N}`);
rmSync(data, { recursive: true, force: true });
mkdirSync(data, { recursive: true });
const cli = (args: string[]) => execFileSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', data, '--json'], { encoding: 'utf8' });
const reference = (JSON.parse(cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Sam Okafor', '--summary', 'Benchmark'])) as { reference: string }).reference;
cli(['--help']); // the bundle built before timing
const files = readdirSync(mail).map((f) => join(mail, f));

type Threads = Map<string, { name: string; ms: number }>;
const threads: Threads = new Map();
const t0 = performance.now();
const child = spawn(process.execPath, ['out/cli/index.mjs', 'import', reference, ...files, '--data-dir', data, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
const sample = () => {
  try {
    for (const t of readdirSync(`/proc/${child.pid}/task`)) {
      const stat = readFileSync(`/proc/${child.pid}/task/${t}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms
      threads.set(t, { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ms: (Number(fields[11]) + Number(fields[12])) * 10 });
    }
  } catch {
    // the process has ended
  }
};
const timer = setInterval(sample, 50);
const show = (m: Threads) => {
  const by = new Map<string, number[]>();
  for (const { name, ms } of m.values()) if (ms > 0) by.set(name, [...(by.get(name) ?? []), ms]);
  return [...by].map(([name, ms]) => `${name} ${ms.map((x) => (x / 1000).toFixed(1)).join(' + ')} s`).join('; ');
};
let out = '';
let stored: { at: number; threads: Threads } | null = null;
child.stdout.on('data', (chunk: Buffer) => {
  out += chunk.toString('utf8');
  if (stored || !out.endsWith('}\n')) return;
  try {
    JSON.parse(out);
  } catch {
    return; // not the whole outcome yet
  }
  sample();
  stored = { at: performance.now() - t0, threads: new Map([...threads].map(([k, v]) => [k, { ...v }])) };
});
child.on('close', (code) => {
  clearInterval(timer);
  const ended = performance.now() - t0;
  if (code !== 0 || !stored) throw new Error(`import exited with ${code}`);
  console.log(`${N} files: outcome printed at ${(stored.at / 1000).toFixed(1)} s; ended at ${(ended / 1000).toFixed(1)} s`);
  console.log(`processor time at the outcome: ${show(stored.threads)}`);
  console.log(`processor time at the end:     ${show(threads)}`);
});
