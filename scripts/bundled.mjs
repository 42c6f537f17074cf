// Runs a Node entry point of the app (the command line, the browser fallback) from one bundled
// file in out/<name>, rebuilt with esbuild whenever a source file is newer. Loading one bundled
// file takes a fraction of a second where loading the TypeScript sources module by module takes
// seconds, and every CLI call pays that start-up.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

/** Bundles src/main/<name>/index.ts to out/<name>/index.mjs if stale, and returns its path. */
export async function bundle(name) {
  const entry = join(root, `src/main/${name}/index.ts`);
  const out = join(root, `out/${name}/index.mjs`);
  // The parse worker (imports read under time and memory limits) is a second file beside it.
  const worker = join(root, 'src/main/core/parse/worker.ts');
  const workerOut = join(root, `out/${name}/parse-worker.mjs`);
  const stale = !existsSync(out) || !existsSync(workerOut) || statSync(out).mtimeMs < Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
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
    // Each built beside its target and renamed over it, so a second process started meanwhile never loads half a file.
    await build({ ...options, entryPoints: [worker], outfile: `${workerOut}.${process.pid}.tmp.mjs` });
    renameSync(`${workerOut}.${process.pid}.tmp.mjs`, workerOut);
    await build({ ...options, entryPoints: [entry], outfile: `${out}.${process.pid}.tmp.mjs` });
    renameSync(`${out}.${process.pid}.tmp.mjs`, out);
  }
  return out;
}

/** The oldest Node the app runs on (package.json "engines"): its SQLite module is built for it. */
const OLDEST_NODE = [22, 14];

export async function runBundled(name) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < OLDEST_NODE[0] || (major === OLDEST_NODE[0] && minor < OLDEST_NODE[1])) {
    // A newer Node's SQLite module loaded into an older Node can crash it outright: say why first.
    process.stderr.write(`Disclose needs Node ${OLDEST_NODE.join('.')} or later; this is Node ${process.versions.node}. Run it through npm (npm run -s ${name} -- ...), which uses the Node that npm ci installed.\n`);
    process.exit(1);
  }
  await import(pathToFileURL(await bundle(name)).href);
}
