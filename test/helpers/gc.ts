// V8's collector for tests of what memory is let go: asked for late (vitest gives no flag), and
// run until what is watched has gone.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Collects until `until` holds, up to `tries` times. A WeakRef's target lives to the end of the
 * turn that made or read it, so each collection comes on a turn of its own, and finalizers get a
 * turn after it.
 */
export async function collectUntil(until: () => boolean, tries = 20): Promise<boolean> {
  const turn = () => new Promise((resolve) => setTimeout(resolve, 5));
  for (let i = 0; i < tries; i++) {
    await turn();
    gc();
    await turn();
    if (until()) return true;
  }
  return false;
}
