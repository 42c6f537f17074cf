// What the renderer loads before its first screen, measured on the built out/renderer: the scripts
// index.html names (entry and modulepreloads) and every chunk they import statically, gzipped as a
// server or the app:// protocol would send them. Chunks reached only through import() (pdf.js and
// its worker) are listed apart: they load when a preview is opened, not at start.
// Usage: node scripts/renderer-size.mjs [--json]
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(process.cwd(), 'out', 'renderer');
const read = (rel) => readFileSync(join(root, rel));
const gz = (rel) => gzipSync(read(rel), { level: 9 }).length;

// Static imports of a built chunk: the bundler puts them first (`import{a as b}from"./x.js";`,
// `import"./x.js";`), before any code or after its region comments. Dynamic ones are
// `import(\`./x.js\`)` inside the code and are not followed.
const LEADING = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["'];?)/;

function staticImports(code) {
  const found = [];
  for (let rest = code, m; (m = LEADING.exec(rest)) && m[0].length; rest = rest.slice(m[0].length)) if (m[1]) found.push(m[1]);
  return found;
}

export function rendererSize() {
  const html = read('index.html').toString('utf8');
  const named = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.\/([^"]+)"/g)].map((m) => m[1]);
  const initial = new Set();
  const queue = [...named];
  while (queue.length) {
    const rel = posix.normalize(queue.shift());
    if (initial.has(rel)) continue;
    initial.add(rel);
    for (const spec of staticImports(read(rel).toString('utf8'))) queue.push(posix.join(posix.dirname(rel), spec));
  }
  const all = readdirSync(join(root, 'assets')).filter((f) => /\.m?js$/.test(f)).map((f) => `assets/${f}`);
  const row = (rel) => ({ file: rel, bytes: read(rel).length, gzipped: gz(rel) });
  const first = [...initial].map(row);
  return {
    initial: first,
    initialGzipped: first.reduce((n, f) => n + f.gzipped, 0),
    lazy: all.filter((f) => !initial.has(f)).map(row),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = rendererSize();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    for (const f of r.initial) console.log(`initial  ${f.file}: ${kb(f.bytes)}, ${kb(f.gzipped)} gzipped`);
    for (const f of r.lazy) console.log(`lazy     ${f.file}: ${kb(f.bytes)}, ${kb(f.gzipped)} gzipped`);
    console.log(`Initial JS: ${kb(r.initialGzipped)} gzipped (budget 300 KB)`);
  }
}
