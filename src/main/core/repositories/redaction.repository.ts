// Redaction rows: marks as data, and the copies filed with the marks they burned in.
import type { Kysely, Selectable } from 'kysely';
import type { DB, RedactionMarksTable } from '../db/schema';
import type { RedactionMark, RedactionTarget } from '../../../shared/domain/redaction';

export function markFromRow(r: Selectable<RedactionMarksTable>): RedactionMark {
  const target: RedactionTarget = r.attachment_id !== null ? { kind: 'attachment', id: r.attachment_id } : { kind: 'email', id: r.correspondence_id ?? 0 };
  return { id: r.id, target, page: r.page, box: { x: r.x, y: r.y, w: r.w, h: r.h }, code: r.code, matched: r.matched, createdAt: r.created_at, createdBy: r.created_by };
}

export async function marksOfCase(db: Kysely<DB>, caseId: number): Promise<RedactionMark[]> {
  const rows = await db.selectFrom('redaction_marks').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(markFromRow);
}

export async function marksOf(db: Kysely<DB>, target: RedactionTarget): Promise<RedactionMark[]> {
  const column = target.kind === 'attachment' ? 'attachment_id' : 'correspondence_id';
  const rows = await db.selectFrom('redaction_marks').selectAll().where(column, '=', target.id).orderBy('page').orderBy('id').execute();
  return rows.map(markFromRow);
}

export async function insertMark(db: Kysely<DB>, caseId: number, m: Omit<RedactionMark, 'id'>): Promise<RedactionMark> {
  const row = await db
    .insertInto('redaction_marks')
    .values({
      case_id: caseId,
      attachment_id: m.target.kind === 'attachment' ? m.target.id : null,
      correspondence_id: m.target.kind === 'email' ? m.target.id : null,
      page: m.page,
      x: m.box.x,
      y: m.box.y,
      w: m.box.w,
      h: m.box.h,
      code: m.code,
      matched: m.matched,
      created_at: m.createdAt,
      created_by: m.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return markFromRow(row);
}

export interface CopyRecord {
  copyAttachmentId: number;
  source: RedactionTarget;
  sourceSha256: string;
  marks: RedactionMark[];
  pages: number[];
  producedAt: string;
  sha256: string;
  filename: string;
}

export async function copiesOfCase(db: Kysely<DB>, caseId: number): Promise<CopyRecord[]> {
  const rows = await db
    .selectFrom('redacted_copies')
    .innerJoin('attachments', 'attachments.id', 'redacted_copies.copy_attachment_id')
    .selectAll('redacted_copies')
    .select(['attachments.sha256', 'attachments.filename'])
    .where('redacted_copies.case_id', '=', caseId)
    .orderBy('redacted_copies.copy_attachment_id')
    .execute();
  return rows.map((r) => ({
    copyAttachmentId: r.copy_attachment_id,
    source: r.source_attachment_id !== null ? { kind: 'attachment', id: r.source_attachment_id } : { kind: 'email', id: r.source_correspondence_id ?? 0 },
    sourceSha256: r.source_sha256,
    marks: JSON.parse(r.marks) as RedactionMark[],
    pages: JSON.parse(r.pages) as number[],
    producedAt: r.produced_at,
    sha256: r.sha256,
    filename: r.filename,
  }));
}

/** One mark on a case, as stored. */
export async function findMark(db: Kysely<DB>, caseId: number, id: number) {
  return db.selectFrom('redaction_marks').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

export async function deleteMark(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('redaction_marks').where('id', '=', id).execute();
}

/** Records what a copy burned in; a copy filed again (the same bytes) replaces its record. */
export async function recordRedactedCopy(
  db: Kysely<DB>,
  c: { copyAttachmentId: number; caseId: number; source: RedactionTarget; sourceSha256: string; marks: readonly RedactionMark[]; pages: readonly number[]; producedAt: string },
): Promise<void> {
  await db.deleteFrom('redacted_copies').where('copy_attachment_id', '=', c.copyAttachmentId).execute();
  await db
    .insertInto('redacted_copies')
    .values({
      copy_attachment_id: c.copyAttachmentId,
      case_id: c.caseId,
      source_attachment_id: c.source.kind === 'attachment' ? c.source.id : null,
      source_correspondence_id: c.source.kind === 'email' ? c.source.id : null,
      source_sha256: c.sourceSha256,
      marks: JSON.stringify(c.marks),
      pages: JSON.stringify(c.pages),
      verified: 1,
      produced_at: c.producedAt,
    })
    .execute();
}
