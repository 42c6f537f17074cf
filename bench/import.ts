// Benchmark: importing many saved emails into one case, against mailparser's parse time alone for
// the same files, in the same run on the same machine. mailparser is the parser the app reads .eml
// with (src/main/core/mail/eml.ts), given the same options.
//
//   npx tsx bench/import.ts [N]      (or: npm run bench:import -- N; default N = 10000)
//
// The emails (bench/eml-corpus.ts, seeded: the same bytes every run) go to bench/tmp/ (ignored by
// git). Timed for mailparser: simpleParser on each file's bytes, one after the other in this
// process, the reading of the files not included; run before and after Disclose, and the faster of
// the two taken. A second baseline adds pdf.js reading the text of each PDF attached, as the
// import must (for search): the parsing alone, in one thread. Timed for Disclose: the command an officer runs, `disclose import REF FILE...`
// (scripts/cli.mjs, the bundled command line and its parse workers, as shipped), from start to
// exit, into an empty register on disk: each file read, parsed under the limits, its attachments'
// text read for search, its bytes stored and synced, rows, search index and audit written, the
// outcome printed. Its processor time (all threads) and peak memory come from GNU time. Setup
// (writing the files, creating the case, building the command line) is not timed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import mailparser from 'mailparser';
import { PARSER_OPTIONS } from '../src/main/core/mail/eml';
import { extractPdfText, loadPdfjs } from '../src/main/core/pdf/extract';
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

/**
 * mailparser alone on every file, one after the other; and, as a second baseline, the whole of
 * the parsing an import cannot do without: mailparser, then pdf.js for the text of each PDF
 * attached (as the app reads it, src/main/core/pdf/extract.ts), in one thread.
 */
async function parseAlone(files: string[]): Promise<{ ms: number; cpu: number; withPdf: number; pdfs: number }> {
  let ms = 0;
  let cpu = 0;
  let pdfMs = 0;
  let pdfs = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const t = performance.now();
    const c = process.cpuUsage();
    const mail = await mailparser.simpleParser(bytes, PARSER_OPTIONS);
    cpu += cpuMs(c);
    ms += performance.now() - t;
    for (const a of mail.attachments.filter((x) => x.contentType === 'application/pdf')) {
      const p = performance.now();
      await extractPdfText(a.content);
      pdfMs += performance.now() - p;
      pdfs++;
    }
  }
  return { ms, cpu, withPdf: ms + pdfMs, pdfs };
}

const cli = (args: string[], dataDir: string) => execFileSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dataDir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });

/**
 * `disclose import REF FILE...` under GNU time: the time to the outcome printed (everything stored:
 * the officer has the correspondence), the time to exit (the PDFs' text read for search as well),
 * processor time, peak memory, the outcome.
 */
async function disclose(dataDir: string, files: string[]): Promise<{ ms: number; exitMs: number; cpu: number; peakMb: number; added: number; skipped: number }> {
  const reference = (JSON.parse(cli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Sam Okafor', '--summary', 'Benchmark'], dataDir)) as { reference: string }).reference;
  const report = join(dataDir, 'time.txt');
  const t = performance.now();
  const child = spawn('/usr/bin/time', ['-o', report, '-f', '%U %S %M', process.execPath, 'scripts/cli.mjs', 'import', reference, ...files, '--data-dir', dataDir, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  let ms = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (ms === 0 && out.endsWith('}\n')) {
      try {
        JSON.parse(out);
        ms = performance.now() - t;
      } catch {
        // not the whole outcome yet
      }
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const exitMs = performance.now() - t;
  if (code !== 0) throw new Error(`import exited with ${code}`);
  const [user, system, kb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number];
  const outcome = JSON.parse(out) as { added: unknown[]; skipped: unknown[] };
  return { ms: ms || exitMs, exitMs, cpu: (user + system) * 1000, peakMb: kb / 1024, added: outcome.added.length, skipped: outcome.skipped.length };
}

/** Stored files: those kept in the register's database (up to 256 KB) and those in its folder. */
function blobCount(dataDir: string): { inDatabase: number; inFolder: number } {
  const root = join(dataDir, 'blobs');
  const inFolder = existsSync(root) ? readdirSync(root).reduce((n, shard) => n + (statSync(join(root, shard)).isDirectory() ? readdirSync(join(root, shard)).length : 0), 0) : 0;
  const db = new Database(join(dataDir, 'disclose.sqlite3'), { readonly: true });
  const inDatabase = db.prepare('SELECT count(*) FROM blob_bytes').pluck().get() as number;
  db.close();
  return { inDatabase, inFolder };
}

async function main() {
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const dir = resolve(`bench/tmp/import-${N}`);
  const t0 = performance.now();
  const { files, bytes } = writeCorpus(join(dir, 'mail'));
  // The files on disk before anything is timed: otherwise the system writes the corpus out while
  // the import runs, and the import's syncs wait on that too (an officer's emails were saved long
  // before they are imported).
  if (process.platform !== 'win32') execFileSync('sync');
  console.log(`${N} .eml files, ${(bytes / MB).toFixed(0)} MB (written in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  await loadPdfjs(); // loaded once, before timing
  const before = await parseAlone(files);
  console.log(`mailparser alone, before: ${s(before.ms)} (processor ${s(before.cpu)}); with pdf.js for the ${before.pdfs} PDFs attached: ${s(before.withPdf)}`);
  // A register of its own each run: the case is imported into an empty one.
  rmSync(join(dir, 'data'), { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const d = await disclose(join(dir, 'data'), files);
  console.log(`Disclose import: outcome (everything stored) in ${s(d.ms)}; PDFs' text read and the command ended in ${s(d.exitMs)} (processor, all threads: ${s(d.cpu)}), ${d.added} added, ${d.skipped} skipped, ${(({ inDatabase, inFolder }) => `${inDatabase + inFolder} files stored (${inDatabase} in the database, ${inFolder} in the folder)`)(blobCount(join(dir, 'data')))}, process peak RSS ${d.peakMb.toFixed(0)} MB`);
  const after = await parseAlone(files);
  console.log(`mailparser alone, after: ${s(after.ms)} (processor ${s(after.cpu)}); with pdf.js for the PDFs attached: ${s(after.withPdf)}`);
  const base = before.ms < after.ms ? before : after;
  const parsing = Math.min(before.withPdf, after.withPdf);
  console.log(`Import (stored) / mailparser alone: ${(d.ms / base.ms).toFixed(2)}x in time (target: no more than 1.5x); ${(N / (d.ms / 1000)).toFixed(0)} files/s`);
  console.log(`Import and text read / mailparser and pdf.js alone (one thread): ${(d.exitMs / parsing).toFixed(2)}x in time; processor ${(d.cpu / base.cpu).toFixed(2)}x mailparser's`);
  if (d.added !== N) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
