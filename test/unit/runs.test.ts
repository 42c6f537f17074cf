// Rows written many to a statement come in a few fixed sizes, so the statements kept prepared by
// their text stay few (src/main/core/repositories/runs.ts).
import { describe, expect, it } from 'vitest';
import { fixedRuns } from '../../src/main/core/repositories/runs';

describe('runs of rows for multi-row statements', () => {
  it('covers every row once, in runs of the largest size then powers of two below it', () => {
    for (const n of [0, 1, 2, 3, 127, 128, 129, 200, 513, 1000]) {
      const runs = [...fixedRuns(n, 128)];
      expect(runs.reduce((sum, [, size]) => sum + size, 0)).toBe(n);
      runs.forEach(([at], i) => expect(at).toBe(runs.slice(0, i).reduce((sum, [, s]) => sum + s, 0)));
      for (const [, size] of runs) expect([1, 2, 4, 8, 16, 32, 64, 128]).toContain(size);
    }
    expect([...fixedRuns(200, 128)].map(([, s]) => s)).toEqual([128, 64, 8]);
    // However many rows, at most eight statement texts for a run of at most 128.
    const sizes = new Set<number>();
    for (let n = 0; n < 2000; n++) for (const [, s] of fixedRuns(n, 128)) sizes.add(s);
    expect(sizes.size).toBe(8);
  });

  it('halves a run the caller refuses (too many bytes) down to one row, which always goes', () => {
    const weight = [1, 1, 50, 1, 1, 1, 1, 1];
    const fits = (at: number, size: number) => weight.slice(at, at + size).reduce((a, b) => a + b, 0) <= 10;
    const runs = [...fixedRuns(weight.length, 8, fits)];
    expect(runs).toEqual([[0, 2], [2, 1], [3, 4], [7, 1]]);
  });
});
