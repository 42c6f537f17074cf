// Benchmark: the hostile corpus (test/hostile/make-corpus.ts) imported file by file with the
// default limits (a minute and a gigabyte per file), each file's time and the process's peak
// resident memory measured; then a 20 MB single line laid out with the bundle's real fonts, and
// an open bundle of the whole corpus. Prints a Markdown table for bench/README.md.
//
//   npx tsx bench/hostile.ts
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { openCore } from '../src/main/core';
import { composePages } from '../src/main/core/bundle/compose';
import { typesetter } from '../src/main/core/bundle/draw';
import { loadFontFiles } from '../src/main/core/pdf/fonts';
import { makeCorpus } from '../test/hostile/make-corpus';

const MB = 1024 * 1024;
const dir = resolve('bench/tmp/hostile');

async function measured<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number; peakMb: number; startMb: number }> {
  const startMb = process.memoryUsage().rss / MB;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  const value = await work();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, ms: performance.now() - start, peakMb: peak / MB, startMb };
}

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const core = await openCore({ dataDir: join(dir, 'data'), resourcesDir: 'resources', actor: 'bench', host: { chooseSavePath: async ({ defaultName }) => join(dir, defaultName), printPdf: async () => true, chooseFiles: async () => null } });
  const check = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  check(await core.invoke('settings:update', { name: 'Bench Council', address: '', email: 'foi@bench.example', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'B', signatoryTitle: '', region: 'england-and-wales' }));
  const reference = check(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Bench' } })).reference;
  const corpus = await makeCorpus();
  console.log(`Node ${process.version}; default limits; ${corpus.length} files\n`);
  console.log('| File | Kind | Size | Outcome | Time | Peak RSS (process) | Above start |');
  console.log('|---|---|---:|---|---:|---:|---:|');
  for (const f of corpus) {
    const { value, ms, peakMb, startMb } = await measured(() => core.invoke('correspondence:import', { reference, files: [{ name: f.name, data: f.bytes }] }));
    const r = check(value);
    const said = [...r.added.flatMap((a) => a.warnings), ...r.skipped.map((s) => s.reason)].join(' ');
    const outcome = /too large when decompressed/.test(said) ? 'kept, too large when decompressed' : /took too long/.test(said) ? 'kept, took too long' : /loops back|whole file holds/.test(said) ? 'kept, loop refused' : r.added.length ? 'kept' : 'refused';
    console.log(`| ${f.name.replace(/[\u202e]/gu, '\\u202e')} | ${f.kind} | ${(f.bytes.length / MB).toFixed(2)} MB | ${outcome} | ${Math.round(ms)} ms | ${Math.round(peakMb)} MB | ${Math.round(peakMb - startMb)} MB |`);
  }

  const line = 'q'.repeat(20 * 1024 * 1024);
  const doc = await PDFDocument.create();
  const ts = await typesetter(doc, await loadFontFiles(resolve('resources')));
  const layout = await measured(() => composePages([{ kind: 'text', text: line, size: 10 }], ts.measure));
  console.log(`\n20 MB single line laid out (Noto Sans, the bundle's page): ${layout.value.length} pages in ${(layout.ms / 1000).toFixed(1)} s, peak ${Math.round(layout.peakMb)} MB`);
  const words = 'lorem ipsum dolor sit amet consectetur '.repeat(Math.ceil((20 * MB) / 39)).slice(0, 20 * MB);
  const wordsLayout = await measured(() => composePages([{ kind: 'text', text: words, size: 10 }], ts.measure));
  console.log(`20 MB single line of words laid out: ${wordsLayout.value.length} pages in ${(wordsLayout.ms / 1000).toFixed(1)} s, peak ${Math.round(wordsLayout.peakMb)} MB`);

  const bundle = await measured(() => core.invoke('bundles:export', { reference, kind: 'open' }));
  const b = check(bundle.value);
  console.log(`Open bundle of the whole corpus: ${b.documents} documents, ${b.pages} pages, ${b.notReproduced.length} not reproduced, in ${(bundle.ms / 1000).toFixed(1)} s, peak ${Math.round(bundle.peakMb)} MB`);
  await core.close();
}

await main();
