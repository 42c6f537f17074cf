// `npm start`: the desktop app. Electron downloads its runtime on first start; where it cannot
// (no internet, a proxy in the way) this says so plainly and opens the same interface in the
// system browser instead, served only to this computer (src/main/web).
// Options: --no-build (the caller has just built), --no-open, --data-dir DIR, --port N.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './bundled.mjs';

const args = process.argv.slice(2);
const run = (script, scriptArgs, stdio = 'inherit') => spawnSync(process.execPath, [join(root, script), ...scriptArgs], { cwd: root, stdio, encoding: 'utf8' });

const install = run('node_modules/electron/install.js', [], ['ignore', 'inherit', 'pipe']);
if (install.status === 0) {
  const app = run('node_modules/electron-vite/bin/electron-vite.js', ['preview']);
  process.exit(app.status ?? 1);
}

const why = (install.stderr || install.error?.message || '').trim().split('\n').filter(Boolean).pop() ?? 'unknown error';
console.error(
  [
    '',
    'Disclose could not get the Electron runtime it runs in (it is downloaded once, on first start).',
    `  Reason: ${why}`,
    '  To use the desktop app, connect to the internet once (or set HTTPS_PROXY) and run "npm start" again.',
    'Meanwhile Disclose opens in your web browser: the same app and the same case files, reachable only from this computer.',
    '',
  ].join('\n'),
);
if (!args.includes('--no-build')) {
  const built = run('node_modules/electron-vite/bin/electron-vite.js', ['build', '--logLevel', 'warn']);
  if (built.status !== 0) process.exit(built.status ?? 1);
}
process.argv = [process.argv[0], join(root, 'scripts/web.mjs'), ...args.filter((a) => a !== '--no-build')];
await import('./web.mjs');
