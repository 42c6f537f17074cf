// Many rows in few statements, in a few fixed sizes. The connection keeps statements prepared by
// their text (db/driver.ts, a bounded cache): a statement for every possible number of rows would
// fill it with large programs used once, pushing out the ones in use.

/**
 * Splits `n` rows into runs of `max` rows (a power of two), then 2^k fewer for what is left: at most
 * log2(max) + 1 distinct sizes. `fits(at, size)` may refuse a run (too many bytes, say), which is
 * then halved until it fits or is one row. Yields [first row, rows].
 */
export function* fixedRuns(n: number, max: number, fits: (at: number, size: number) => boolean = () => true): Generator<[number, number]> {
  for (let at = 0, size = max; at < n; ) {
    while (size > n - at) size >>= 1;
    let run = size;
    while (run > 1 && !fits(at, run)) run >>= 1;
    yield [at, run];
    at += run;
  }
}
