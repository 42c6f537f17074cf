// Benchmark: a 1,000-page bundle from 100 PDFs of 10 pages each, made by Disclose (open bundle:
// every file read back and checked against its SHA-256, pages copied, cover, index, chronology,
// manifest, a stamp on every page, bookmarks) against `qpdf --empty --pages … -- out.pdf` merging
// the same 100 files, in the same run on the same machine. Prints the times and the ratio.
//
//   npx tsx bench/bundle.ts            (or: npm run bench)
//
// Files go to bench/tmp/ (ignored by git). Setup (making the PDFs, importing them into a case) is
// not timed. Each tool runs once to warm up, then RUNS times; the medians are compared.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openCore } from '../src/main/core';

const FILES = 100;
const PAGES = 10;
const RUNS = 3;
const dir = resolve('bench/tmp/bundle');

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
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pdfs'), { recursive: true });
  const paths: string[] = [];
  for (let i = 1; i <= FILES; i++) {
    const p = join(dir, 'pdfs', `doc-${String(i).padStart(3, '0')}.pdf`);
    writeFileSync(p, await makePdf(i));
    paths.push(p);
  }

  let out = '';
  const core = await openCore({
    dataDir: join(dir, 'data'),
    resourcesDir: 'resources',
    actor: 'bench',
    now: () => new Date('2026-11-20T10:00:00Z'),
    host: { chooseSavePath: async () => out, printPdf: async () => false, chooseFiles: async () => paths },
  });
  const call = async (channel: string, input: unknown) => {
    const r = await core.invoke(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  await call('settings:update', { name: 'Borsetshire County Council', address: 'County Hall', email: '', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'Alex Morgan', signatoryTitle: '', region: 'england-and-wales' });
  const reference = (await call('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Okafor' }, summary: 'Benchmark' })).reference as string;
  const imported = await call('correspondence:importChosen', { reference, role: 'disclosed' });
  if ((imported.added as unknown[]).length !== FILES) throw new Error('import failed');

  const disclose = async (run: number) => {
    out = join(dir, `disclose-${run}.pdf`);
    const t = performance.now();
    await call('bundles:export', { reference, kind: 'open' });
    return performance.now() - t;
  };
  const qpdf = (run: number) => {
    const target = join(dir, `qpdf-${run}.pdf`);
    const t = performance.now();
    execFileSync('qpdf', ['--empty', '--pages', ...paths, '--', target]);
    return performance.now() - t;
  };

  const coldDisclose = await disclose(0);
  qpdf(0);
  const d: number[] = [];
  const q: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    d.push(await disclose(run));
    q.push(qpdf(run));
  }
  await core.close();

  const dm = median(d);
  const qm = median(q);
  const qpdfVersion = execFileSync('qpdf', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  console.log(`${FILES} PDFs x ${PAGES} pages; ${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}; Node ${process.version}; ${qpdfVersion}`);
  console.log(`Disclose open bundle: ${pages(join(dir, 'disclose-1.pdf'))} pages (1,000 copied + cover, index, chronology, manifest)`);
  console.log(`qpdf --empty --pages: ${pages(join(dir, 'qpdf-1.pdf'))} pages`);
  console.log(`Disclose, first run (cold): ${coldDisclose.toFixed(0)} ms`);
  console.log(`Disclose, median of ${RUNS}: ${dm.toFixed(0)} ms  [${d.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`qpdf,     median of ${RUNS}: ${qm.toFixed(0)} ms  [${q.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`Ratio Disclose / qpdf: ${(dm / qm).toFixed(2)}x (target: no more than 2x)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
