// Letters handed to the system's PDF viewer to print are written to <data>/tmp and cannot be
// deleted at once (the viewer still has them open). They are swept when the core next opens.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const TEMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Deletes files in `dir` last modified more than `maxAgeMs` before `now`; returns how many. */
export function sweepTemp(dir: string, now: Date, maxAgeMs = TEMP_MAX_AGE_MS): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isFile() && now.getTime() - st.mtimeMs > maxAgeMs) {
        rmSync(path);
        removed++;
      }
    } catch {
      // Still open in a viewer (Windows) or gone already: try again next time.
    }
  }
  return removed;
}
