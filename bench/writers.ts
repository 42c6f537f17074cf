// Four processes creating cases in the same data folder at once for 30 seconds (each write one
// IMMEDIATE transaction with its audit row): counts the cases made and the errors (expected: 0),
// then verifies the folder (the audit chain must hold across the four writers).
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/writers.ts [SECONDS]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childBundle, runChild } from '../test/helpers/children';
import { openCore } from '../src/main/core';

const seconds = Number(process.argv[2] ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'disclose-bench-writers-'));
const bundle = await childBundle();
const kids = [1, 2, 3, 4].map((i) => runChild(bundle, ['write', dir, String(seconds * 1000), String(i)]));
const results = await Promise.all(kids.map((k) => k.exited));
let created = 0;
const errors: string[] = [];
results.forEach((r, i) => {
  const o = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{"created":0,"errors":["no output"]}') as { created: number; errors: string[] };
  console.log(`writer ${i + 1}: ${o.created} cases, ${o.errors.length} errors${r.stderr ? `; stderr: ${r.stderr}` : ''}`);
  created += o.created;
  errors.push(...o.errors);
});
const core = await openCore({ dataDir: dir, resourcesDir: 'resources' });
const v = await core.invoke('records:verify', {});
await core.close();
console.log(`${seconds} s, 4 writers: ${created} cases (${(created / seconds).toFixed(1)}/s), ${errors.length} errors${errors.length ? ` (first: ${errors[0]})` : ''}`);
console.log(`verify: ${v.ok ? JSON.stringify({ ok: v.value.ok, checked: v.value.checked, problems: v.value.problems.length }) : v.error.message}`);
