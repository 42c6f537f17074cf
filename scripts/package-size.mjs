// What `npm run dist` would put in the app (app.asar plus its unpacked native module), measured
// without packaging (packaging downloads Electron): the files electron-builder.yml selects for a
// platform, from out/ and the production dependencies in package-lock.json. The Electron runtime
// itself (the same for every Electron app) is not counted.
// Usage: node scripts/package-size.mjs [linux|win|mac] [--list]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, matchesGlob, relative } from 'node:path';

const platform = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'linux';
const root = process.cwd();
const config = JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, 'check-builder-config.mjs')], { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('{')));
const patterns = (list) => (list ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
const all = [...patterns(config.files), ...patterns(config[platform]?.files)];
const include = all.filter((p) => !p.startsWith('!'));
const exclude = all.filter((p) => p.startsWith('!')).map((p) => p.slice(1));

function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

// Production dependencies: what electron-builder copies into node_modules of the app.
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const prod = Object.entries(lock.packages).filter(([k, v]) => k.startsWith('node_modules/') && !v.dev && !v.devOptional && !v.link).map(([k]) => k);

const candidates = [...walk(join(root, 'out')).map((f) => relative(root, f)), 'package.json', ...prod.flatMap((d) => walk(join(root, d)).map((f) => relative(root, f)))];
const picked = candidates
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.startsWith('node_modules/') || include.some((p) => matchesGlob(f, p)))
  .filter((f) => !exclude.some((p) => matchesGlob(f, p)));
const size = (f) => statSync(join(root, f)).size;
const total = picked.reduce((n, f) => n + size(f), 0);
const byTop = new Map();
for (const f of picked) {
  const parts = f.split('/');
  const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
  byTop.set(key, (byTop.get(key) ?? 0) + size(f));
}
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`${platform}: ${picked.length} files, ${mb(total)} (${total} bytes)`);
for (const [k, v] of [...byTop].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${mb(v).padStart(9)}  ${k}`);
if (process.argv.includes('--list')) for (const f of picked) console.log(f);
