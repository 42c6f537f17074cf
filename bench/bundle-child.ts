// One open-bundle export in a fresh process, for bench/bundle.ts: opens the data folder the parent
// prepared, exports once, and prints the time and the process's peak resident memory as JSON.
//
//   node --import tsx bench/bundle-child.ts <data-dir> <out.pdf> <reference>
import { performance } from 'node:perf_hooks';
import { openCore } from '../src/main/core';

const [dataDir, out, reference] = process.argv.slice(2) as [string, string, string];

async function main() {
  const core = await openCore({
    dataDir,
    resourcesDir: 'resources',
    actor: 'bench',
    now: () => new Date('2026-11-20T10:00:00Z'),
    host: { chooseSavePath: async () => out, printPdf: async () => false, chooseFiles: async () => [] },
  });
  const t = performance.now();
  const r = await core.invoke('bundles:export', { reference, kind: 'open' });
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(r.error.message);
  await core.close();
  // maxRSS is in kilobytes: the whole process at its highest, the core's open included.
  console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, pages: (r.value as { pages: number }).pages }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
