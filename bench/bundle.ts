// Benchmark: open bundles made by Disclose (every file read back and checked against its SHA-256,
// pages copied, cover, index, chronology, manifest, a stamp on every page, bookmarks) against
// `qpdf --empty --pages … -- out.pdf` merging the same files, in the same run on the same machine.
//
//   npx tsx bench/bundle.ts [pages…]      (or: npm run bench; default: 1000 10000)
//
// Each size is made of PDFs of 10 pages (1,000 pages: 100 files; 10,000 pages: 1,000 files).
// Time, at the first size: each tool once to warm up, then RUNS times interleaved, medians
// compared (Disclose in this process, as the app's core runs warm). Memory, at every size: one
// export in a fresh process (bench/bundle-child.ts) and one qpdf run, each's peak resident set
// (maxRSS). Setup (making the PDFs, importing them into a case) is not timed. Files go to
// bench/tmp/ (ignored by git).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openCore } from '../src/main/core';

const PAGES = 10;
const RUNS = 5;
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1000, 10000];

async function makePdf(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= PAGES; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Document ${n}: disclosure log extract, page ${p}`, { x: 56, y: 780, size: 14, font });
    for (let l = 0; l < 45; l++) page.drawText(`${n}.${p}.${l}  Record of a search of the case management system for the requested information.`, { x: 56, y: 750 - l * 15, size: 9, font });
  }
  return doc.save();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function withCore<T>(dataDir: string, files: string[], save: () => string, work: (call: (channel: string, input: unknown) => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const core = await openCore({
    dataDir,
    resourcesDir: 'resources',
    actor: 'bench',
    now: () => new Date('2026-11-20T10:00:00Z'),
    host: { chooseSavePath: async () => save(), printPdf: async () => false, chooseFiles: async () => files },
  });
  try {
    return await work(async (channel, input) => {
      const r = await core.invoke(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as Record<string, unknown>;
    });
  } finally {
    await core.close();
  }
}

/** A data folder holding one case with `pages / 10` PDFs imported. */
async function setUp(pages: number) {
  const dir = resolve(`bench/tmp/bundle-${pages}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pdfs'), { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= pages / PAGES; i++) {
    const p = join(dir, 'pdfs', `doc-${String(i).padStart(4, '0')}.pdf`);
    writeFileSync(p, await makePdf(i));
    files.push(p);
  }
  const dataDir = join(dir, 'data');
  const reference = await withCore(dataDir, files, () => '', async (call) => {
    await call('settings:update', { name: 'Borsetshire County Council', address: 'County Hall', email: '', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'Alex Morgan', signatoryTitle: '', region: 'england-and-wales' });
    const ref = (await call('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor' }, summary: 'Benchmark' })).reference as string;
    const imported = await call('correspondence:importChosen', { reference: ref, role: 'disclosed' });
    if ((imported.added as unknown[]).length !== files.length) throw new Error('import failed');
    return ref;
  });
  return { dir, dataDir, files, reference };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

function qpdf(s: Setup, target: string): number {
  const t = performance.now();
  execFileSync('qpdf', ['--empty', '--pages', ...s.files, '--', target]);
  return performance.now() - t;
}

/** qpdf under GNU time, which prints the peak resident set in kilobytes. */
function qpdfMeasured(s: Setup, target: string): { ms: number; peakMb: number } {
  const t = performance.now();
  const r = execFileSync('bash', ['-c', '/usr/bin/time -f %M qpdf "$@" 2>&1 >/dev/null', 'qpdf', '--empty', '--pages', ...s.files, '--', target], { encoding: 'utf8' });
  return { ms: performance.now() - t, peakMb: Number(r.trim().split('\n').pop()) / 1024 };
}

async function timing(s: Setup) {
  let out = '';
  return withCore(s.dataDir, s.files, () => out, async (call) => {
    const disclose = async (run: number) => {
      out = join(s.dir, `disclose-${run}.pdf`);
      const t = performance.now();
      await call('bundles:export', { reference: s.reference, kind: 'open' });
      return performance.now() - t;
    };
    const cold = await disclose(0);
    qpdf(s, join(s.dir, 'qpdf-0.pdf'));
    const d: number[] = [];
    const q: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      d.push(await disclose(run));
      q.push(qpdf(s, join(s.dir, `qpdf-${run}.pdf`)));
    }
    return { cold, d, q };
  });
}

function memory(s: Setup) {
  const target = join(s.dir, 'disclose-child.pdf');
  const child = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/bundle-child.ts', s.dataDir, target, s.reference], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as { ms: number; peakMb: number; pages: number };
  return { disclose: child, qpdf: qpdfMeasured(s, join(s.dir, 'qpdf-child.pdf')), qpdfPages: pageCount(join(s.dir, 'qpdf-child.pdf')) };
}

async function main() {
  const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; ${qpdfVersion}`);
  const rows: { pages: number; m: ReturnType<typeof memory> }[] = [];
  for (const [i, pages] of SIZES.entries()) {
    const t0 = performance.now();
    const s = await setUp(pages);
    console.log(`\n${pages} pages: ${s.files.length} PDFs x ${PAGES} pages (set up in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (i === 0) {
      const { cold, d, q } = await timing(s);
      const dm = median(d);
      const qm = median(q);
      console.log(`Disclose open bundle: ${pageCount(join(s.dir, 'disclose-1.pdf'))} pages (${pages} copied + cover, index, chronology, manifest); qpdf: ${pageCount(join(s.dir, 'qpdf-1.pdf'))} pages`);
      console.log(`Disclose, first run (cold): ${cold.toFixed(0)} ms`);
      console.log(`Disclose, median of ${RUNS}: ${dm.toFixed(0)} ms  [${d.map((x) => x.toFixed(0)).join(', ')}]`);
      console.log(`qpdf,     median of ${RUNS}: ${qm.toFixed(0)} ms  [${q.map((x) => x.toFixed(0)).join(', ')}]`);
      console.log(`Time, Disclose / qpdf: ${(dm / qm).toFixed(2)}x (target: no more than 1.5x)`);
    }
    const m = memory(s);
    rows.push({ pages, m });
    console.log(`One export in a fresh process: ${m.disclose.pages} pages in ${m.disclose.ms.toFixed(0)} ms, peak RSS ${mb(m.disclose.peakMb)}`);
    console.log(`qpdf, same files: ${m.qpdfPages} pages in ${m.qpdf.ms.toFixed(0)} ms, peak RSS ${mb(m.qpdf.peakMb)}`);
  }
  if (rows.length > 1) {
    const [a, b] = [rows[0]!, rows[rows.length - 1]!];
    console.log(`\nPeak RSS ${a.pages} -> ${b.pages} pages: Disclose ${mb(a.m.disclose.peakMb)} -> ${mb(b.m.disclose.peakMb)} (${(b.m.disclose.peakMb / a.m.disclose.peakMb).toFixed(2)}x); qpdf ${mb(a.m.qpdf.peakMb)} -> ${mb(b.m.qpdf.peakMb)} (${(b.m.qpdf.peakMb / a.m.qpdf.peakMb).toFixed(2)}x)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
