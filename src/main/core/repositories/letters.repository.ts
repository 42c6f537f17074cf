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
