// The crash harness, bounded for CI: a child importing email, writing letters, setting estimates,
// exporting bundles and upgrading old folders is killed (SIGKILL) at random instants after the
// database opened; after every kill the folder opens and verifies. bench/crash.ts runs 1,000.
import { describe, expect, it } from 'vitest';
import { childBundle } from '../helpers/children';
import { crashLoop } from '../helpers/crash';

describe('crash harness', () => {
  it('every kill at a random point leaves a folder that opens and verifies', async () => {
    const kills = Number(process.env.DISCLOSE_CRASH_KILLS ?? 60);
    const f = await crashLoop(await childBundle(), kills);
    console.log(`crash harness: ${f.kills} kills (${f.upgrades} during upgrades), ${f.killedWhileWorking} while working, ${f.leftoversSwept} leftovers swept; one round ~${Math.round(f.roundMs)} ms`);
    expect(f.failures).toEqual([]);
    expect(f.killedWhileWorking).toBeGreaterThan(kills * 0.8);
  }, 600_000);
});
