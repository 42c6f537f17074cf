import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function listEditedTemplates(db: Kysely<DB>): Promise<Map<string, { subject: string; body: string }>> {
  const rows = await db.selectFrom('letter_templates').selectAll().execute();
  return new Map(rows.map((r) => [r.kind, { subject: r.subject, body: r.body }]));
}

export async function saveTemplate(db: Kysely<DB>, kind: string, subject: string, body: string, now: string): Promise<void> {
  await db
    .insertInto('letter_templates')
    .values({ kind, subject, body, updated_at: now })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ subject, body, updated_at: now }))
    .execute();
}

export async function deleteTemplate(db: Kysely<DB>, kind: string): Promise<void> {
  await db.deleteFrom('letter_templates').where('kind', '=', kind).execute();
}

export async function getLetterFields(db: Kysely<DB>, caseId: number, kind: string): Promise<Record<string, string>> {
  const row = await db.selectFrom('letter_fields').select('fields').where('case_id', '=', caseId).where('kind', '=', kind).executeTakeFirst();
  return row ? (JSON.parse(row.fields) as Record<string, string>) : {};
}

export async function saveLetterFields(db: Kysely<DB>, caseId: number, kind: string, fields: Record<string, string>, now: string): Promise<void> {
  const json = JSON.stringify(fields);
  await db
    .insertInto('letter_fields')
    .values({ case_id: caseId, kind, fields: json, updated_at: now })
    .onConflict((oc) => oc.columns(['case_id', 'kind']).doUpdateSet({ fields: json, updated_at: now }))
    .execute();
}
