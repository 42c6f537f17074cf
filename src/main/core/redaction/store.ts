// Redaction copies compared with the marks a source has now (no database here: see
// repositories/redaction.repository.ts for the rows).
import type { RedactionMark, RedactionTarget } from '../../../shared/domain/redaction';
import type { CopyRecord } from '../repositories/redaction.repository';

export const targetKey = (t: RedactionTarget) => `${t.kind}-${t.id}`;

/** The latest copy of each source, keyed by targetKey. */
export function latestCopies(copies: readonly CopyRecord[]): Map<string, CopyRecord> {
  const latest = new Map<string, CopyRecord>();
  for (const c of copies) latest.set(targetKey(c.source), c); // ordered by id: the last one wins
  return latest;
}

/** Whether a copy burned in exactly the marks a source has now (same boxes, same codes). */
export function copyIsCurrent(copy: CopyRecord | undefined, marks: readonly RedactionMark[]): boolean {
  if (!copy) return false;
  const sig = (ms: readonly RedactionMark[]) => ms.map((m) => `${m.page}:${m.box.x},${m.box.y},${m.box.w},${m.box.h}:${m.code}`).sort().join('|');
  return sig(copy.marks) === sig(marks);
}
