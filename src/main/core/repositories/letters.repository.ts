import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function recordLetter(
  db: Kysely<DB>,
  l: { caseId: number; kind: string; letterDate: string; sha256: string; size: number; savedTo: string | null },
  now: string,
): Promise<void> {
  await db
    .insertInto('letters')
    .values({ case_id: l.caseId, kind: l.kind, letter_date: l.letterDate, sha256: l.sha256, size: l.size, saved_to: l.savedTo, created_at: now })
    .execute();
}

export interface LetterRow {
  id: number;
  kind: string;
  letterDate: string;
  sha256: string;
  size: number;
  savedTo: string | null;
}

/** The letters produced for a case, oldest first, or of the given kinds only, newest first. */
export async function listLetters(db: Kysely<DB>, caseId: number, kinds?: readonly string[]): Promise<LetterRow[]> {
  let q = db.selectFrom('letters').select(['id', 'kind', 'letter_date as letterDate', 'sha256', 'size', 'saved_to as savedTo']).where('case_id', '=', caseId);
  q = kinds ? q.where('kind', 'in', [...kinds]).orderBy('letter_date', 'desc').orderBy('id', 'desc') : q.orderBy('letter_date').orderBy('id');
  return q.execute();
}
