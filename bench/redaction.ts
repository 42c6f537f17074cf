// Benchmark: the redacted copy of a 100-page PDF with a mark on 50 of its pages, through a real
// core (SQLite on disk): the source read back and checked, each marked page rendered at 200 dpi with
// its box burned in and rebuilt with invisible text, the 50 unmarked pages copied, the copy read
// back and checked (text under every box, darkness of every box at 72 dpi, what it carries), then
// filed. Prints the time of each run and the peak memory of the process.
//
//   npx tsx bench/redaction.ts          (or: npm run bench:redaction)
//
// Files go to bench/tmp/ (ignored by git). Setup (making the PDF, importing it, adding the 50
// marks) is not timed. RUNS runs; the first is cold (pdf.js, fonts and the canvas load then).
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../src/main/core';
import { longPdf } from '../test/helpers/redaction-pdfs';

const PAGES = 100;
const RUNS = 3;
const dir = resolve('bench/tmp/redaction');

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const core = await openCore({ dataDir: join(dir, 'data'), resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00Z') });
  unwrap(await core.invoke('settings:update', { name: 'Borsetshire County Council', address: '', email: '', centralGovernment: false, referenceFormat: 'FOI/{yyyy}/{seq:4}', signatoryName: 'Alex Morgan', signatoryTitle: '', region: 'england-and-wales' }));
  const reference = unwrap(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Sam Requester' }, summary: 'Benchmark' })).reference;
  unwrap(await core.invoke('exemptions:apply', { reference, provision: 'FOIA s40(2)' }));
  const pdf = await longPdf(PAGES);
  const id = unwrap(await core.invoke('correspondence:import', { reference, role: 'disclosed', files: [{ name: 'register.pdf', data: Buffer.from(pdf.bytes).toString('base64') }] })).added[0]!.id;
  const target = { kind: 'attachment', id } as const;
  for (const p of pdf.placed.filter((x) => x.page % 2 === 1)) {
    unwrap(await core.invoke('redaction:mark', { reference, target, page: p.page, box: { x: p.x - 1, y: p.y - 1, w: p.w + 2, h: p.h + 4 }, code: 's40(2)' }));
  }
  const setupPeak = peak;
  const times: number[] = [];
  let pages: number[] = [];
  let size = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const made = unwrap(await core.invoke('redaction:produce', { reference, target }));
    times.push(performance.now() - t0);
    pages = made.redactedPages;
    size = unwrap(await core.invoke('attachments:content', { id: made.attachment.id })).info.size;
  }
  clearInterval(sampler);
  await core.close();
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
  console.log(`${PAGES}-page PDF, ${pages.length} pages marked; ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}`);
  console.log(`Source ${mb(pdf.bytes.length)}; redacted copy ${mb(size)} (${size} bytes)`);
  console.log(`Produce (render, burn, rebuild, check, file): cold ${Math.round(times[0]!)} ms; then ${times.slice(1).map((t) => `${Math.round(t)} ms`).join(', ')}`);
  console.log(`Peak RSS: ${mb(peak)} (after setup: ${mb(setupPeak)}; process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
