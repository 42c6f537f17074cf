// Benchmark: importing many saved emails into one case, against mailparser's parse time alone for
// the same files, in the same run on the same machine. mailparser is the parser the app reads .eml
// with (src/main/core/mail/eml.ts), given the same options.
//
//   npx tsx bench/import.ts [N]      (or: npm run bench:import -- N; default N = 10000)
//
// The emails (bench/eml-corpus.ts, seeded: the same bytes every run) go to bench/tmp/ (ignored by
// git). Timed for mailparser: simpleParser on each file's bytes, one after the other, the reading
// of the files not included; run before and after Disclose, and the faster of the two taken. Timed
// for Disclose: the whole `correspondence:importChosen` call on a real core (SQLite on disk), as
// `disclose import REF FILE...` makes it: each file read, parsed under the limits, its attachments
// read for search, its bytes and its attachments' stored and synced, rows, search index and audit
// written. Setup (writing the files, opening the core, the case) is not timed.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import mailparser from 'mailparser';
import { openCore } from '../src/main/core';
import { PARSER_OPTIONS } from '../src/main/core/mail/eml';
import { makeEml } from './eml-corpus';

const N = Number(process.argv[2] ?? 10_000);
const SEED = 18;
const MB = 1024 * 1024;

function writeCorpus(dir: string): { files: string[]; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let n = 1; n <= N; n++) {
    const path = join(dir, `message-${String(n).padStart(6, '0')}.eml`);
    const eml = makeEml(SEED, n);
    writeFileSync(path, eml);
    files.push(path);
    bytes += eml.length;
  }
  return { files, bytes };
}

/** Processor time (user and system, every thread of the process) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

async function mailparserAlone(files: string[]): Promise<{ ms: number; cpu: number }> {
  let ms = 0;
  let cpu = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const t = performance.now();
    const c = process.cpuUsage();
    await mailparser.simpleParser(bytes, PARSER_OPTIONS);
    cpu += cpuMs(c);
    ms += performance.now() - t;
  }
  return { ms, cpu };
}

async function disclose(dataDir: string, files: string[]): Promise<{ ms: number; cpu: number; peakMb: number; added: number; skipped: number }> {
  const core = await openCore({
    dataDir,
    resourcesDir: 'resources',
    actor: 'bench',
    now: () => new Date('2026-11-20T10:00:00Z'),
    host: { chooseSavePath: async () => null, printPdf: async () => false, chooseFiles: async () => files },
  });
  try {
    const call = async (channel: string, input: unknown) => {
      const r = await core.invoke(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as Record<string, unknown>;
    };
    await call('settings:update', { name: 'Borsetshire County Council', address: 'County Hall', email: 'foi@borsetshire.example.gov.uk', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'Alex Morgan', signatoryTitle: '', region: 'england-and-wales' });
    const reference = (await call('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor' }, summary: 'Benchmark' })).reference as string;
    let peak = process.memoryUsage().rss;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const t = performance.now();
    const c = process.cpuUsage();
    const out = await call('correspondence:importChosen', { reference });
    const ms = performance.now() - t;
    const cpu = cpuMs(c);
    clearInterval(watch);
    return { ms, cpu, peakMb: peak / MB, added: (out.added as unknown[]).length, skipped: (out.skipped as unknown[]).length };
  } finally {
    await core.close();
  }
}

function blobCount(dataDir: string): number {
  const root = join(dataDir, 'blobs');
  return readdirSync(root).reduce((n, shard) => n + (statSync(join(root, shard)).isDirectory() ? readdirSync(join(root, shard)).length : 0), 0);
}

async function main() {
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = resolve(`bench/tmp/import-${N}`);
  const t0 = performance.now();
  const { files, bytes } = writeCorpus(join(dir, 'mail'));
  console.log(`${N} .eml files, ${(bytes / MB).toFixed(0)} MB (written in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const before = await mailparserAlone(files);
  console.log(`mailparser alone, before: ${s(before.ms)} (processor ${s(before.cpu)})`);
  // A register of its own each run: the case is imported into an empty one.
  rmSync(join(dir, 'data'), { recursive: true, force: true });
  const d = await disclose(join(dir, 'data'), files);
  console.log(`Disclose import: ${s(d.ms)} (processor, all threads: ${s(d.cpu)}), ${d.added} added, ${d.skipped} skipped, ${blobCount(join(dir, 'data'))} files stored, process peak RSS ${d.peakMb.toFixed(0)} MB`);
  const after = await mailparserAlone(files);
  console.log(`mailparser alone, after: ${s(after.ms)} (processor ${s(after.cpu)})`);
  const baseline = before.ms < after.ms ? before : after;
  console.log(`Import / mailparser alone: ${(d.ms / baseline.ms).toFixed(2)}x in time (target: no more than 1.5x), ${(d.cpu / baseline.cpu).toFixed(2)}x in processor time; ${(N / (d.ms / 1000)).toFixed(0)} files/s`);
  if (d.added !== N) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
