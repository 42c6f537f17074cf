// The disclosure log's rows: which responses are marked for publication, and what is said of them.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Publication } from '../../../shared/domain/disclosure';

export async function getPublication(db: Kysely<DB>, caseId: number): Promise<Publication | null> {
  const r = await db.selectFrom('publications').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return r ? { title: r.title, summary: r.summary, topic: r.topic, markedAt: r.marked_at, markedBy: r.marked_by } : null;
}

export async function upsertPublication(db: Kysely<DB>, caseId: number, p: Publication): Promise<void> {
  const row = { title: p.title, summary: p.summary, topic: p.topic, marked_at: p.markedAt, marked_by: p.markedBy };
  await db.insertInto('publications').values({ case_id: caseId, ...row }).onConflict((oc) => oc.column('case_id').doUpdateSet(row)).execute();
}

export async function deletePublication(db: Kysely<DB>, caseId: number): Promise<void> {
  await db.deleteFrom('publications').where('case_id', '=', caseId).execute();
}

/** Every published case's id and reference, oldest first. */
export async function listPublished(db: Kysely<DB>): Promise<{ caseId: number; reference: string; publication: Publication }[]> {
  const rows = await db
    .selectFrom('publications')
    .innerJoin('cases', 'cases.id', 'publications.case_id')
    .select(['publications.case_id', 'cases.reference', 'publications.title', 'publications.summary', 'publications.topic', 'publications.marked_at', 'publications.marked_by'])
    .orderBy('cases.received_date')
    .orderBy('cases.id')
    .execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    reference: r.reference,
    publication: { title: r.title, summary: r.summary, topic: r.topic, markedAt: r.marked_at, markedBy: r.marked_by },
  }));
}

/** The latest letter of the given kinds recorded for a case (the response as sent). */
export async function latestLetter(db: Kysely<DB>, caseId: number, kinds: readonly string[]): Promise<{ kind: string; date: string } | null> {
  const r = await db.selectFrom('letters').select(['kind', 'letter_date']).where('case_id', '=', caseId).where('kind', 'in', [...kinds]).orderBy('letter_date', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return r ? { kind: r.kind, date: r.letter_date } : null;
}
