// The crash harness, shared by the bounded CI test and the long bench run: a child works on a data
// folder (import, letter, estimate, bundle, and every so often a first open or an upgrade) and is
// SIGKILLed at a random instant after the database opened; each time the folder must open and
// verify (leftovers of the killed write aside, which the next open sweeps once they are stale).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../src/main/core';
import { verifyRecords } from '../../src/main/core/services/verify.service';
import { heldBytes } from '../../src/main/core/repositories/blob-chunks.repository';
import { BlobStore } from '../../src/main/core/blobs';
import { sweepOnOpen, SWEEP_GRACE_MS } from '../../src/main/core/services/housekeeping.service';
import { runChild, sleep } from './children';
import { tempDir } from './core';
import { makeOldFolder } from './old-database';

export interface CrashFigures {
  kills: number;
  killedWhileWorking: number;
  upgrades: number;
  leftoversSwept: number;
  failures: string[];
  roundMs: number;
}

async function checkFolder(dir: string): Promise<{ problems: string[]; leftovers: number }> {
  const core = await openCore({ dataDir: dir, resourcesDir: 'resources', actor: 'checker' });
  const r = await core.invoke('records:verify', {});
  await core.close();
  if (!r.ok) return { problems: [`open/verify failed: ${r.error.message}`], leftovers: 0 };
  const serious = r.value.problems.filter((p) => !['orphan-file', 'temp-file'].includes(p.kind));
  // Pretend the grace period has passed: the sweep must leave a folder that verifies cleanly.
  const Database = (await import('better-sqlite3')).default;
  const sqlite = new Database(join(dir, 'disclose.sqlite3'));
  const store = new BlobStore(join(dir, 'blobs'), undefined, heldBytes(sqlite));
  const later = Date.now() + SWEEP_GRACE_MS * 2;
  const { removed } = sweepOnOpen(sqlite, store, dir, later);
  const after = verifyRecords(sqlite, store, dir, { now: later });
  sqlite.close();
  return { problems: [...serious, ...after.problems].map((p) => `${p.kind}: ${p.detail}`), leftovers: removed };
}

export async function crashLoop(bundle: string, kills: number, log: (s: string) => void = () => {}): Promise<CrashFigures> {
  const template = tempDir('disclose-crash-old-');
  await makeOldFolder(template, '2026_11_22_1800_correspondence', 200);
  let dir = join(tempDir('disclose-crash-'), 'data');
  mkdirSync(dir);
  // One undisturbed round, to know how long the work takes.
  const calib = runChild(bundle, ['ops', dir, '0']);
  await calib.saw('opened');
  const t0 = performance.now();
  await calib.saw('round 0');
  const roundMs = performance.now() - t0;
  calib.proc.kill('SIGKILL');
  await calib.exited;
  const f: CrashFigures = { kills, killedWhileWorking: 0, upgrades: 0, leftoversSwept: 0, failures: [], roundMs };
  for (let i = 0; i < kills; i++) {
    const upgrade = i % 10 === 5;
    if (upgrade) {
      dir = join(tempDir('disclose-crash-'), 'data');
      cpSync(template, dir, { recursive: true });
      f.upgrades++;
    }
    const k = runChild(bundle, ['ops', dir, String(i % 5)]);
    // An upgrade is killed from the start of the open; other runs once the database is open.
    await k.saw(upgrade ? 'start' : 'opened');
    // Each run starts at a different operation, so a window shorter than a round reaches them all.
    await sleep(Math.random() * Math.min(roundMs, 900));
    k.proc.kill('SIGKILL');
    const r = await k.exited;
    if (r.signal === 'SIGKILL') f.killedWhileWorking++;
    else if (r.code !== 0) f.failures.push(`kill ${i}: child failed before the kill: ${r.stderr.slice(0, 300)}`);
    const { problems, leftovers } = await checkFolder(dir);
    f.leftoversSwept += leftovers;
    for (const p of problems) f.failures.push(`kill ${i}: ${p}`);
    if ((i + 1) % 50 === 0) log(`${i + 1} kills, ${f.failures.length} failures`);
  }
  return f;
}

export interface MigrationKillFigures {
  kills: number;
  killedWhileRunning: number;
  freshMs: number;
  upgradeMs: number;
  failures: string[];
}

/** Kills a first open (every other time) or an upgrade of an older folder at a random instant. */
export async function migrationKillLoop(bundle: string, kills: number, log: (s: string) => void = () => {}): Promise<MigrationKillFigures> {
  const template = tempDir('disclose-kill-old-');
  await makeOldFolder(template, '2026_11_22_1800_correspondence', 400);
  // How long an untouched open takes, from "start" to exit: kills are spread across it.
  const timeOpen = async (dir: string) => {
    const k = runChild(bundle, ['open', dir]);
    await k.saw('start');
    const t0 = performance.now();
    const r = await k.exited;
    if (r.code !== 0) throw new Error(r.stderr);
    return performance.now() - t0;
  };
  const freshMs = await timeOpen(tempDir());
  const copy = tempDir();
  cpSync(template, copy, { recursive: true });
  const upgradeMs = await timeOpen(copy);
  const f: MigrationKillFigures = { kills, killedWhileRunning: 0, freshMs, upgradeMs, failures: [] };
  for (let i = 0; i < kills; i++) {
    const dir = join(tempDir(), 'data');
    const upgrade = i % 2 === 1;
    if (upgrade) cpSync(template, dir, { recursive: true });
    else mkdirSync(dir);
    const k = runChild(bundle, ['open', dir]);
    await k.saw('start');
    await sleep(Math.random() * (upgrade ? upgradeMs : freshMs));
    k.proc.kill('SIGKILL');
    const r = await k.exited;
    if (r.signal === 'SIGKILL') f.killedWhileRunning++;
    const { problems } = await checkFolder(dir);
    for (const p of problems) f.failures.push(`kill ${i} (${upgrade ? 'upgrade' : 'first open'}): ${p}`);
    if ((i + 1) % 50 === 0) log(`${i + 1} migration kills, ${f.failures.length} failures`);
  }
  return f;
}
