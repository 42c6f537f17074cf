// What taking cases offline costs. (1) The guard on every table of a case (a trigger per row written,
// refusing a case that is checked out): the same casework (create a case, record an event, add a
// note, file a message with a 1 MB attachment) on two team schemas in one cluster, one with the
// guard's triggers disabled as the baseline, rounds alternating. (2) Check-out and check-in of a case
// with F stored files of 1 MB: the time each takes, as the officer waits for it.
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/checkout.ts [ROUNDS=30] [FILES=20]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openCore, type Core } from '../src/main/core';
import { addOfficer, teamInit } from '../src/main/core/db/team-admin';
import { openPostgres } from '../src/main/core/db/postgres';
import { GUARDED_BY_CASE } from '../src/main/core/db/migrations/2026_12_02_1100_checkout';
import { checkoutCases, openLocalSide } from '../src/main/core/services/checkout.service';
import { checkinCases } from '../src/main/core/services/checkin.service';
// @ts-expect-error a plain script
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

const ROUNDS = Number(process.argv[2] ?? 30);
const FILES = Number(process.argv[3] ?? 20);
const AUTHORITY = { name: 'Borsetshire County Council', address: 'County Hall', email: 'foi@example.gov.uk', centralGovernment: false, referenceFormat: '{regime}/{yyyy}/{seq:4}', signatoryName: 'A', signatoryTitle: 'B', region: 'england-and-wales' };

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function schema(admin: string, name: string, guarded: boolean): Promise<string> {
  const u = new URL(admin);
  u.searchParams.set('schema', name);
  await teamInit(u.toString());
  await addOfficer(u.toString(), { login: 'officer', name: 'An Officer', lead: true }, new Date());
  if (!guarded) {
    const c = new pg.Client({ connectionString: admin, options: `-c search_path=${name}` });
    await c.connect();
    for (const t of [...GUARDED_BY_CASE, 'audit_log', 'cases', 'cost_lines', 'requesters']) await c.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_checked_out`);
    await c.end();
  }
  u.username = 'officer';
  return u.toString();
}

async function casework(core: Core): Promise<number> {
  const t0 = performance.now();
  const { reference } = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat Public' }, summary: 'Gritting routes' }));
  ok(await core.invoke('cases:addEvent', { reference, type: 'acknowledged', date: '2026-11-03' }));
  ok(await core.invoke('cases:addNote', { reference, text: 'Highways have the data' }));
  ok(await core.invoke('correspondence:importChosen', { reference, role: 'evidence' }));
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-bench-checkout-'));
  const admin = (startCluster as (d: string) => string)(dir);
  try {
    const files = mkdtempSync(join(tmpdir(), 'disclose-bench-files-'));
    const one = join(files, 'evidence.bin');
    const open = async (url: string) =>
      openCore({ dataDir: mkdtempSync(join(tmpdir(), 'disclose-bench-data-')), database: url, resourcesDir: 'resources', host: { chooseFiles: async () => { writeFileSync(one, randomBytes(1 << 20)); return [one]; }, chooseSavePath: async () => null, printPdf: async () => false } });
    const guarded = await open(await schema(admin, 'guarded', true));
    const baseline = await open(await schema(admin, 'baseline', false));
    for (const core of [guarded, baseline]) ok(await core.invoke('settings:update', AUTHORITY));
    const times = { guarded: [] as number[], baseline: [] as number[] };
    await casework(guarded);
    await casework(baseline);
    for (let i = 0; i < ROUNDS; i++) {
      // Alternating, so that the machine's load falls on both alike.
      times.guarded.push(await casework(guarded));
      times.baseline.push(await casework(baseline));
    }
    const g = median(times.guarded);
    const b = median(times.baseline);
    console.log(`casework (create, event, note, a 1 MB file), median of ${ROUNDS}: guarded ${g.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, ratio ${(g / b).toFixed(2)}`);

    // One case with FILES files of 1 MB, checked out and back in.
    const { reference } = ok(await guarded.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Pat Public' }, summary: 'Big case' }));
    for (let i = 0; i < FILES; i++) ok(await guarded.invoke('correspondence:importChosen', { reference, role: 'evidence' }));
    await guarded.close();
    await baseline.close();
    const url = new URL(admin);
    url.searchParams.set('schema', 'guarded');
    url.username = 'officer';
    const side = await openPostgres(url.toString());
    const local = await openLocalSide(mkdtempSync(join(tmpdir(), 'disclose-bench-copies-')), side.login, () => new Date());
    const t0 = performance.now();
    await checkoutCases({ db: side.db, login: side.login, lead: side.lead, display: side.display }, local, [reference], { today: new Date().toISOString().slice(0, 10) });
    const tOut = performance.now() - t0;
    const t1 = performance.now();
    await checkinCases({ db: side.db, login: side.login, lead: side.lead, display: side.display }, local, [reference], { now: () => new Date() });
    const tIn = performance.now() - t1;
    console.log(`a case with ${FILES + 1} files of 1 MB: check-out ${tOut.toFixed(0)} ms, check-in (nothing changed) ${tIn.toFixed(0)} ms`);
    await local.close();
    await side.db.destroy();
  } finally {
    (stopCluster as (d: string) => void)(dir);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
