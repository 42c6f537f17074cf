// The long crash runs: 1,000 SIGKILLs at random instants of a first open or an upgrade, and
// 1,000 at random points of import, letter, estimate, bundle and upgrade work; after each, the
// data folder must open and verify. Prints the figures recorded in bench/README.md.
//
//   PATH=$PWD/node_modules/.bin:$PATH npx tsx bench/crash.ts [KILLS]     (default 1000 each)
import { childBundle } from '../test/helpers/children';
import { crashLoop, migrationKillLoop } from '../test/helpers/crash';

const kills = Number(process.argv[2] ?? 1000);
const only = process.argv[3]; // 'migrations' or 'operations' to run one loop
const bundle = await childBundle();
const started = Date.now();
if (only !== 'operations') {
  const m = await migrationKillLoop(bundle, kills, console.log);
  console.log(`migrations: ${m.kills} kills, ${m.killedWhileRunning} while the open was running (fresh ~${Math.round(m.freshMs)} ms, upgrade ~${Math.round(m.upgradeMs)} ms), ${m.failures.length} failures`);
  for (const f of m.failures.slice(0, 20)) console.log(`  ${f}`);
}
if (only !== 'migrations') {
  const c = await crashLoop(bundle, kills, console.log);
  console.log(`operations: ${c.kills} kills (${c.upgrades} during upgrades), ${c.killedWhileWorking} while working, ${c.leftoversSwept} leftovers swept, ${c.failures.length} failures; one round ~${Math.round(c.roundMs)} ms`);
  for (const f of c.failures.slice(0, 20)) console.log(`  ${f}`);
}
console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
