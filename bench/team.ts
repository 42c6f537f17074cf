// Twenty officers at once: each a process of its own (on the team database, each its own login)
// working on a register of N cases (default 50,000): create a case, record an event, import an
// email, search. Throughput and p50/p95 latency per operation, on the team database (PostgreSQL,
// a throwaway cluster) and, side by side, the same work by twenty processes on one local register.
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/team.ts [CASES=50000] [OFFICERS=20] [ROUNDS=10]
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are copied table by table, whatever their columns */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { seed } from './seed';
import { openCore } from '../src/main/core';
import { openDatabase } from '../src/main/core/db/connection';
import { openPostgres } from '../src/main/core/db/postgres';
import { addOfficer, teamInit } from '../src/main/core/db/team-admin';
import { DATABASE_FILE } from '../src/main/core/constants';
// @ts-expect-error a plain script
import { startCluster, stopCluster } from '../scripts/pg-cluster.mjs';

const CASES = Number(process.argv[2] ?? 50_000);
const OFFICERS = Number(process.argv[3] ?? 20);
const ROUNDS = Number(process.argv[4] ?? 10);
const AUTHORITY = { name: 'Borsetshire County Council', address: 'County Hall', email: 'foi@example.gov.uk', centralGovernment: false, referenceFormat: '{regime}/{yyyy}/{seq:4}', signatoryName: 'A', signatoryTitle: 'B', region: 'england-and-wales' };

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function run(engine: 'postgres' | 'sqlite', target: (i: number) => string): Promise<Record<string, { n: number; perSecond: number; p50: number; p95: number }> & { errors?: never }> {
  // Processes take a while to start on a busy machine: all begin work at the same instant.
  const startAt = Date.now() + 8_000 + OFFICERS * 700;
  const outs = await Promise.all(
    Array.from({ length: OFFICERS }, (_, i) => {
      const login = `o${String(i + 1).padStart(2, '0')}`;
      return new Promise<string>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', 'bench/team-worker.ts', engine, target(i), login, String(ROUNDS), String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${login} exited ${code}`))));
      });
    }),
  );
  const all: Record<string, number[]> = {};
  let errors = 0;
  let ended = startAt;
  for (const o of outs) {
    const r = JSON.parse(o.trim().split('\n').at(-1)!) as { times: Record<string, number[]>; errors: string[]; ended: number };
    ended = Math.max(ended, r.ended);
    errors += r.errors.length;
    if (r.errors.length) console.log(`  errors: ${r.errors.slice(0, 3).join(' | ')}`);
    for (const [op, xs] of Object.entries(r.times)) (all[op] ??= []).push(...xs);
  }
  const wall = (ended - startAt) / 1000;
  if (Date.now() < startAt) throw new Error('the officers finished before they were due to start');
  console.log(`${engine}: ${OFFICERS} officers x ${ROUNDS} rounds in ${wall.toFixed(1)} s of work, ${errors} errors`);
  return Object.fromEntries(Object.entries(all).map(([op, xs]) => [op, { n: xs.length, perSecond: xs.length / wall, p50: percentile(xs, 50), p95: percentile(xs, 95) }])) as never;
}

const pgDir = mkdtempSync(join(tmpdir(), 'disclose-bench-pg-'));
const adminUrl = (startCluster as (d: string) => string)(pgDir);
try {
  await teamInit(adminUrl);
  for (let i = 1; i <= OFFICERS; i++) await addOfficer(adminUrl, { login: `o${String(i).padStart(2, '0')}`, name: `Officer ${i}`, lead: i === 1 }, new Date());
  const admin = await openPostgres(adminUrl);
  let t = performance.now();
  await seed(admin.db as Kysely<any>, true, CASES, OFFICERS);
  await sql`ANALYZE`.execute(admin.db);
  console.log(`team database: seeded ${CASES} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await admin.db.destroy();
  const lead = await openCore({ dataDir: mkdtempSync(join(tmpdir(), 'disclose-bench-lead-')), database: adminUrl.replace('disclose_admin@', 'o01@'), resourcesDir: 'resources' });
  await lead.invoke('settings:update', AUTHORITY);
  await lead.close();

  const localDir = mkdtempSync(join(tmpdir(), 'disclose-bench-local-'));
  const local = await openCore({ dataDir: localDir, resourcesDir: 'resources' });
  await local.invoke('settings:update', AUTHORITY);
  await local.close();
  const opened = await openDatabase(join(localDir, DATABASE_FILE));
  t = performance.now();
  await seed(opened.db as Kysely<any>, false, CASES, OFFICERS);
  console.log(`local register: seeded ${CASES} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await opened.db.destroy();

  const team = await run('postgres', (i) => adminUrl.replace('disclose_admin@', `o${String(i + 1).padStart(2, '0')}@`));
  const sqlite = await run('sqlite', () => localDir);
  console.log(`\n${CASES} cases, ${OFFICERS} officers at once, ${ROUNDS} rounds each\n`);
  console.log('| operation | team database: per s | p50 ms | p95 ms | local register: per s | p50 ms | p95 ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const op of Object.keys(team)) {
    const a = team[op]!;
    const b = sqlite[op]!;
    console.log(`| ${op} | ${a.perSecond.toFixed(1)} | ${a.p50.toFixed(0)} | ${a.p95.toFixed(0)} | ${b.perSecond.toFixed(1)} | ${b.p50.toFixed(0)} | ${b.p95.toFixed(0)} |`);
  }
} finally {
  (stopCluster as (d: string) => void)(pgDir);
}
