// A full garbage collection each time a bundle's garbage has grown the heap by 96 MB, so that its
// memory stays level however many pages it has. V8 sizes the heap for speed: between full collections it
// lets the heap grow to several times what the core holds (some 45 MB), and a bundle's garbage
// (each file parsed by pdf-lib, its pages copied, each page's stamp) fills that room. The longer
// the bundle, the higher the peak: 582-596 MB at 20,000 pages where 1,000 took 376-422 MB
// (bench/README.md). The heap is looked at every 100 pages (a cheap call); a bundle of a thousand
// pages never grows it that far, so is made as fast as before, and a long one is collected every
// few thousand pages, a few tens of milliseconds each time. The buffers outside the heap (a file's
// bytes, its streams) are not counted here: V8 already collects when they grow by some 64 MB.
//
// V8 gives a script its collector only when asked at start (`--expose-gc`): the desktop app starts
// the core's process so, through Electron's --js-flags (electron/core-process.ts). Under plain Node
// (the command line, the tests, the benchmarks) it is asked for here. Electron's own processes may
// hold V8's flags frozen, where setting one is a fatal error no code can catch, so there it is never
// asked for late: without it, a bundle is made as before.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Pages settled or stamped between looks at the heap. */
export const PAGES_PER_LOOK = 100;
/** How far the heap may grow past where it stood when the bundle began before a collection is asked for. */
export const ROOM_BYTES = 96 * 1024 * 1024;

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

/**
 * Counts pages as they are made and, every PAGES_PER_LOOK, looks at the heap: grown by ROOM_BYTES
 * past where it stood at the start, or after the last collection, it collects.
 */
export class Pacer {
  private since = 0;
  private limit: number;

  constructor(
    private collect: (() => void) | null = collector(),
    private readonly used: () => number = () => getHeapStatistics().used_heap_size,
    private readonly room = ROOM_BYTES,
    private readonly every = PAGES_PER_LOOK,
  ) {
    this.limit = collect ? used() + room : Infinity;
  }

  pages(n: number): void {
    this.since += n;
    if (this.since < this.every || !this.collect) return;
    this.since = 0;
    if (this.used() <= this.limit) return;
    try {
      this.collect();
    } catch {
      // Housekeeping never fails a bundle: without a collector, V8 collects as it sees fit.
      this.collect = null;
      return;
    }
    this.limit = this.used() + this.room;
  }
}
