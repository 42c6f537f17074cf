// `npm run cli`: runs the command line from a bundle in out/cli, rebuilt with esbuild whenever a
// source file is newer. Loading one bundled file takes a fraction of a second where loading the
// TypeScript sources module by module takes seconds, and every CLI call pays that start-up.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/main/cli/index.ts');
const bundle = join(root, 'out/cli/index.mjs');
const worker = join(root, 'src/main/core/parse/worker.ts');
const workerBundle = join(root, 'out/cli/parse-worker.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'renderer') newest = Math.max(newest, newestSource(p));
    } else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || !existsSync(workerBundle) || statSync(bundle).mtimeMs < Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  const options = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Native and lazily-required modules stay external; everything else is inlined.
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
    legalComments: 'none',
  };
  // Built beside the bundle and renamed over it, so a second CLI started meanwhile never loads half a file.
  // The parse worker (imports read under time and memory limits) is a second file beside it.
  await build({ ...options, entryPoints: [worker], outfile: `${workerBundle}.${process.pid}.tmp.mjs` });
  renameSync(`${workerBundle}.${process.pid}.tmp.mjs`, workerBundle);
  await build({ ...options, entryPoints: [entry], outfile: `${bundle}.${process.pid}.tmp.mjs` });
  renameSync(`${bundle}.${process.pid}.tmp.mjs`, bundle);
}
await import(pathToFileURL(bundle).href);
