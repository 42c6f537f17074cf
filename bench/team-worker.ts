// One officer for bench/team.ts: opens the register (the team database as its own login, or the
// shared local folder), then repeats create → event → import one email → search, timing each.
// Prints one JSON line: { times: { op: [ms, ...] }, errors, ended }.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../src/main/core';

const [engine, target, login, roundsText, startAtText] = process.argv.slice(2) as [string, string, string, string, string];
const rounds = Number(roundsText);
const mail = join(mkdtempSync(join(tmpdir(), 'disclose-bench-mail-')), 'request.eml');
const core = await openCore({
  dataDir: engine === 'postgres' ? mkdtempSync(join(tmpdir(), 'disclose-bench-cache-')) : target,
  ...(engine === 'postgres' ? { database: target } : { actor: login }),
  resourcesDir: 'resources',
  host: { chooseFiles: async () => [mail], chooseSavePath: async () => null, printPdf: async () => false },
});
const times: Record<string, number[]> = { create: [], event: [], import: [], search: [] };
const errors: string[] = [];
async function timed<T>(op: string, work: () => Promise<{ ok: boolean; value?: T; error?: { message: string } }>): Promise<T | undefined> {
  const t = performance.now();
  const r = await work();
  times[op]!.push(performance.now() - t);
  if (!r.ok) errors.push(`${op}: ${r.error?.message}`);
  return r.value;
}
// Every officer starts together, once all have opened the register.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAtText) - Date.now())));
const WORDS = ['gritting', 'potholes', 'contracts', 'parking', 'libraries', 'salaries', 'consultants', 'flooding'];
for (let i = 0; i < rounds; i++) {
  const word = WORDS[(i + login.length) % WORDS.length]!;
  const made = await timed<{ reference: string }>('create', () =>
    core.invoke('cases:create', { regime: i % 3 === 0 ? 'eir' : 'foia', received: '2026-11-02', requester: { name: `Requester ${login} ${i}` }, summary: `${word} request ${i}`, requestText: `Please send the ${word} records.` }),
  );
  if (!made) continue;
  await timed('event', () => core.invoke('cases:addEvent', { reference: made.reference, type: 'acknowledged', date: '2026-11-03' }));
  writeFileSync(
    mail,
    [`From: requester${i}@example.org`, 'To: foi@example.gov.uk', `Subject: ${word} follow-up ${login} ${i}`, `Message-ID: <${login}.${i}.${Date.now()}@example.org>`, 'Date: Tue, 3 Nov 2026 09:00:00 +0000', '', `About the ${word} request: Zoë Ó Dónaill-Nguyễn 王 asks again.`].join('\r\n'),
  );
  await timed('import', () => core.invoke('correspondence:importChosen', { reference: made.reference }));
  await timed('search', () => core.invoke('search:query', { query: word }));
}
const ended = Date.now();
await core.close();
process.stdout.write(`${JSON.stringify({ times, errors, ended })}\n`);
