// Several bounded workers (bounded.ts) reading files at once, so a folder of emails is read on
// every core the import may use while the main thread stores what is already read. Each worker
// keeps its own limits and reads one file at a time, so a hostile file still costs at most one
// worker's time and memory, and the other worker goes on. A job goes to the worker with the
// fewest files waiting; a second worker is started only when the first is busy, so an import of
// one file at a time never starts more than one.
import { availableParallelism } from 'node:os';
import { BoundedParser } from './bounded';
import type { ParseLimits } from './jobs';

/**
 * Two by default: the app's core runs on the main thread beside them, and every worker may hold a
 * hostile file's full memory allowance at once, so more workers would multiply the worst case.
 */
export const defaultWorkers = () => Math.max(1, Math.min(2, availableParallelism()));

export class ParserPool {
  private readonly parsers: BoundedParser[];

  constructor(limits: ParseLimits, size = limits.workers ?? defaultWorkers()) {
    this.parsers = Array.from({ length: Math.max(1, size) }, () => new BoundedParser(limits));
  }

  get size(): number {
    return this.parsers.length;
  }

  /** Starts every worker now (a command about to import files), rather than each at its first file. */
  warm(): void {
    for (const p of this.parsers) p.warm();
  }

  run: BoundedParser['run'] = (job) => {
    let best = this.parsers[0]!;
    for (const p of this.parsers) if (p.pending < best.pending) best = p;
    return best.run(job);
  };

  async close(): Promise<void> {
    await Promise.all(this.parsers.map((p) => p.close()));
  }
}

const shared = new Map<string, ParserPool>();

/**
 * One pool per set of limits for the whole process: every core opened in it (the app has one;
 * the test suite opens many) shares the workers, which idle without keeping the process alive.
 */
export function sharedParser(limits: ParseLimits): ParserPool {
  const key = `${limits.timeoutMs}/${limits.memoryMb}/${limits.workers ?? defaultWorkers()}`;
  let pool = shared.get(key);
  if (!pool) shared.set(key, (pool = new ParserPool(limits)));
  return pool;
}
