// The demo register's bulk writes: events, correspondence, attachments, stored files, search
// index rows and audit rows for thousands of cases at a time, as multi-row inserts, with the ids
// chosen by the caller (so audit details can name them) and every hash computed as the one-row
// writers compute it (db/integrity.ts). Rows written here are the rows the app's own services
// write; only the number of statements differs. Cases, requesters, reference counters, estimates,
// exemptions and settings go through their own repositories.
import type { Insertable, Kysely } from 'kysely';
import type { AttachmentsTable, AuditLogTable, BlobsTable, CaseEventsTable, CorrespondenceTable, DB, SearchIndexTable } from '../db/schema';
import { auditContentHash, chainHash, correspondenceContentHash } from '../db/integrity';
import { withoutNul } from './search.repository';
import { fixedRuns } from './runs';
import type { NewAuditEntry } from './audit.repository';

/** Rows a statement: few enough that SQLite's limit on bound values (32,766) is far off. */
const ROWS = 256;

/** Inserts rows many to a statement, in a few fixed sizes (runs.ts). */
async function insertMany<T extends keyof DB>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[], onConflictIgnore = false): Promise<void> {
  for (const [at, size] of fixedRuns(rows.length, ROWS)) {
    const q = db.insertInto(table).values(rows.slice(at, at + size) as never);
    await (onConflictIgnore ? q.onConflict((oc) => oc.doNothing()) : q).execute();
  }
}

/** The last id in use in each table whose ids the generator chooses. */
export async function lastIds(db: Kysely<DB>): Promise<{ events: number; correspondence: number; attachments: number }> {
  const max = async (table: 'case_events' | 'correspondence' | 'attachments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0);
  return { events: await max('case_events'), correspondence: await max('correspondence'), attachments: await max('attachments') };
}

export type EventRow = Omit<Insertable<CaseEventsTable>, 'voided_at' | 'voided_by' | 'void_reason'> & { id: number };

export async function insertEventRows(db: Kysely<DB>, rows: readonly EventRow[]): Promise<void> {
  await insertMany(db, 'case_events', rows);
}

export type CorrespondenceRow = Omit<Insertable<CorrespondenceTable>, 'content_hash' | 'voided_at' | 'voided_by' | 'void_reason'> & { id: number };

/** Items of correspondence, each with its content hash (as insertCorrespondence makes it). */
export async function insertCorrespondenceRows(db: Kysely<DB>, rows: readonly CorrespondenceRow[]): Promise<void> {
  await insertMany(
    db,
    'correspondence',
    rows.map((r) => {
      const content = {
        case_id: r.case_id, direction: r.direction, channel: r.channel, sent_at: r.sent_at,
        from_text: withoutNul(r.from_text), to_text: withoutNul(r.to_text), cc_text: withoutNul(r.cc_text), subject: withoutNul(r.subject), body: withoutNul(r.body),
        headers: r.headers ?? null, message_id: r.message_id ?? null, source_sha256: r.source_sha256 ?? null,
      };
      return { ...r, ...content, content_hash: correspondenceContentHash(content) };
    }),
  );
}

export type AttachmentRow = Insertable<AttachmentsTable> & { id: number };

export async function insertAttachmentRows(db: Kysely<DB>, rows: readonly AttachmentRow[]): Promise<void> {
  await insertMany(db, 'attachments', rows);
}

/** Lists stored files (the bytes are already in the blob store); a file listed before is left as it was. */
export async function insertBlobRows(db: Kysely<DB>, rows: readonly Insertable<BlobsTable>[]): Promise<void> {
  await insertMany(db, 'blobs', rows, true);
}

/** Search index rows for things never indexed before (no row to replace). */
export async function insertSearchRows(db: Kysely<DB>, rows: readonly Omit<SearchIndexTable, 'terms' | 'rowid'>[]): Promise<void> {
  await insertMany(db, 'search_index', rows.map((r) => ({ ...r, title: withoutNul(r.title), body: withoutNul(r.body) })));
}

/**
 * Appends audit rows after `head`, each linked to the one before exactly as appendAudit links one
 * row; returns the new head. Called inside the write that holds the register.
 */
export async function appendAuditRows(db: Kysely<DB>, head: { id: number; hash: string }, entries: readonly NewAuditEntry[]): Promise<{ id: number; hash: string }> {
  let { id, hash } = head;
  const rows: Insertable<AuditLogTable>[] = entries.map((e) => {
    id += 1;
    const row = { id, at: e.at, actor: e.actor, action: e.action, case_id: e.caseId, summary: e.summary, detail: JSON.stringify(e.detail ?? {}) };
    const contentHash = auditContentHash(row);
    hash = chainHash(hash, contentHash);
    return { ...row, content_hash: contentHash, hash, redacted_at: null };
  });
  await insertMany(db, 'audit_log', rows);
  return { id, hash };
}
