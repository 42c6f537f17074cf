// A full garbage collection every so many pages of a bundle, so that its memory stays level however
// many pages it has. V8 sizes the heap for speed: between full collections it lets the heap grow
// to several times what the core holds (some 45 MB), and a bundle's garbage (each file parsed by
// pdf-lib, its pages copied, each page's stamp) fills that room. The longer the bundle, the higher
// the peak: 582-596 MB at 20,000 pages where 1,000 took 376-422 MB (bench/README.md). A collection
// every 2,000 pages takes a few tens of milliseconds, and keeps the garbage to what 2,000 pages
// leave.
//
// V8 gives a script its collector only when asked at start (`--expose-gc`): the desktop app starts
// the core's process so (electron/core-process.ts). Under plain Node (the command line, the tests,
// the benchmarks) it is asked for here. Electron's own processes may hold V8's flags frozen, where
// setting one is a fatal error no code can catch, so there it is never asked for late: without it,
// a bundle is made as before.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Pages settled or stamped between collections. */
export const PAGES_PER_COLLECTION = 2_000;

let found: (() => void) | null | undefined;

/** The collector, where this process has one or may be given one; null where not. */
export function collector(): (() => void) | null {
  if (found !== undefined) return found;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (found = exposed);
  if (process.versions.electron !== undefined) return (found = null);
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    found = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    found = null;
  }
  return found;
}

/** Counts pages as they are made, and collects each time another PAGES_PER_COLLECTION are made. */
export class Pacer {
  private since = 0;

  constructor(
    private readonly collect: (() => void) | null = collector(),
    private readonly every = PAGES_PER_COLLECTION,
  ) {}

  pages(n: number): void {
    this.since += n;
    if (this.since < this.every || !this.collect) return;
    this.since = 0;
    this.collect();
  }
}
