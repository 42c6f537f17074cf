import type { Kysely, Selectable } from 'kysely';
import type { AttachmentsTable, CorrespondenceTable, DB } from '../db/schema';
import type { AttachmentInfo, AttachmentRole, Channel, CorrespondenceItem, Direction, TextStatus } from '../../../shared/domain/correspondence';
import type { CaseEventType } from '../../../shared/domain/clocks/events';
import { indexItem, withoutNul } from './search.repository';
import { fixedRuns } from './runs';
import { correspondenceContentHash } from '../db/integrity';
import { isPostgres } from '../db/engine';
import { insertRowReturningId } from '../db/compiled';
import { storeChunks } from './blob-chunks.repository';
import { INLINE_MAX_BYTES } from '../blobs';
import { safeFilename } from '../mail/filenames';

export function attachmentRowToInfo(r: Selectable<AttachmentsTable>): AttachmentInfo {
  return {
    id: r.id,
    correspondenceId: r.correspondence_id,
    filename: r.filename,
    originalFilename: r.original_filename,
    contentType: r.content_type,
    sha256: r.sha256,
    size: r.size,
    role: r.role as AttachmentRole,
    inline: r.inline === 1,
    textStatus: r.text_status as TextStatus,
    textNote: r.text_note,
  };
}

function rowToItem(r: Selectable<CorrespondenceTable>, attachments: AttachmentInfo[], markedAs: CaseEventType | null): CorrespondenceItem {
  return {
    id: r.id,
    direction: r.direction as Direction,
    channel: r.channel as Channel,
    sentAt: r.sent_at,
    from: r.from_text,
    to: r.to_text,
    cc: r.cc_text,
    subject: r.subject,
    body: r.body,
    headers: r.headers ? (JSON.parse(r.headers) as [string, string][]) : null,
    messageId: r.message_id,
    sourceFilename: r.source_filename,
    sourceFormat: (r.source_format as CorrespondenceItem['sourceFormat']) ?? null,
    sourceSha256: r.source_sha256,
    warnings: JSON.parse(r.warnings) as string[],
    markedAs,
    attachments,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
    voidedAt: r.voided_at,
    voidedBy: r.voided_by,
  };
}

export async function listCorrespondence(db: Kysely<DB>, caseId: number): Promise<{ items: CorrespondenceItem[]; direct: AttachmentInfo[] }> {
  const rows = await db.selectFrom('correspondence').selectAll().where('case_id', '=', caseId).orderBy('sent_at').orderBy('id').execute();
  const atts = await db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  const events = await db.selectFrom('case_events').select(['id', 'type']).where('case_id', '=', caseId).execute();
  const eventType = new Map(events.map((e) => [e.id, e.type as CaseEventType]));
  const byItem = new Map<number, AttachmentInfo[]>();
  const direct: AttachmentInfo[] = [];
  for (const a of atts) {
    const info = attachmentRowToInfo(a);
    if (a.correspondence_id === null) direct.push(info);
    else byItem.set(a.correspondence_id, [...(byItem.get(a.correspondence_id) ?? []), info]);
  }
  return {
    items: rows.map((r) => rowToItem(r, byItem.get(r.id) ?? [], r.event_id !== null ? (eventType.get(r.event_id) ?? null) : null)),
    direct,
  };
}

/** What a case holds already of the files of an import batch: by Message-ID and by source file, each message's subject; by content, each file added directly, its name. */
export interface HeldInCase {
  messageIds: Map<string, string>;
  sources: Map<string, string>;
  files: Map<string, string>;
}

/**
 * The case's messages and direct files that an import batch's files would duplicate: a statement
 * for each kind of key (its parameters bounded by the batch's size), not one per file. Each of the
 * messages' names every column of one unique index, so it is answered by that index however stale
 * the register's statistics: the two keys asked in one statement (`message_id IN … OR source_sha256
 * IN …`) let the planner read every message of the case instead, body and headers, at every batch
 * (14 ms a batch at 10,000 messages, growing with the case). The direct files' statement may be
 * answered by reading the case's direct files, small rows: under a millisecond at 10,000.
 */
export async function heldInCase(db: Kysely<DB>, caseId: number, batch: readonly ({ kind: 'skip' } | { kind: 'file'; part: { sha: string } } | { kind: 'email'; sha: string; msg: { messageId: string | null } })[]): Promise<HeldInCase> {
  const held: HeldInCase = { messageIds: new Map(), sources: new Map(), files: new Map() };
  const ids = [...new Set(batch.flatMap((r) => (r.kind === 'email' && r.msg.messageId ? [r.msg.messageId] : [])))];
  const sources = [...new Set(batch.flatMap((r) => (r.kind === 'email' ? [r.sha] : [])))];
  const files = [...new Set(batch.flatMap((r) => (r.kind === 'file' ? [r.part.sha] : [])))];
  // Each key names at most one message or direct file of the case (the indexes are unique).
  for (const q of heldQueries(db, caseId, { ids, sources, files })) for (const row of await q.execute()) q.into(held).set(row.key, row.name);
  return held;
}

/**
 * heldInCase's statements, one per kind of key asked (none for a kind the batch has none of);
 * each row a key and the name of what holds it. Apart for its test, which looks at their plans.
 */
export function heldQueries(db: Kysely<DB>, caseId: number, keys: { ids: readonly string[]; sources: readonly string[]; files: readonly string[] }) {
  const queries = [];
  if (keys.ids.length > 0) {
    const query = db.selectFrom('correspondence').select(['subject as name', 'message_id as key']).where('case_id', '=', caseId).where('message_id', 'in', keys.ids);
    queries.push({ query, execute: async () => (await query.execute()).flatMap((r) => (r.key === null ? [] : [{ key: r.key, name: r.name }])), into: (h: HeldInCase) => h.messageIds });
  }
  if (keys.sources.length > 0) {
    const query = db.selectFrom('correspondence').select(['subject as name', 'source_sha256 as key']).where('case_id', '=', caseId).where('source_sha256', 'in', keys.sources);
    queries.push({ query, execute: async () => (await query.execute()).flatMap((r) => (r.key === null ? [] : [{ key: r.key, name: r.name }])), into: (h: HeldInCase) => h.sources });
  }
  if (keys.files.length > 0) {
    const query = db.selectFrom('attachments').select(['original_filename as name', 'sha256 as key']).where('case_id', '=', caseId).where('correspondence_id', 'is', null).where('sha256', 'in', keys.files);
    queries.push({ query, execute: () => query.execute(), into: (h: HeldInCase) => h.files });
  }
  return queries;
}

/** Lists a stored file; on the team database its bytes go into the database too, in chunks, so
 * that one backup of the server holds the whole record; on a local register a small file's bytes
 * are kept in it (blob_bytes). */
export async function ensureBlob(db: Kysely<DB>, sha256: string, bytes: Uint8Array, now: string): Promise<void> {
  await ensureBlobs(db, [{ sha: sha256, bytes }], now);
}

/** Blob rows listed by one statement. */
const BLOB_ROWS = 16;

/** As ensureBlob, for the files of one import batch, a few statements for hundreds of files. */
export async function ensureBlobs(db: Kysely<DB>, files: readonly { sha: string; bytes: Uint8Array }[], now: string): Promise<void> {
  // In hash order, so two imports sharing files on the team database take their rows' locks in one order.
  const unique = [...new Map(files.map((f) => [f.sha, f.bytes])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const bytesOf = new Map(unique);
  // A few rows to a statement, in a few fixed sizes (runs.ts).
  for (const [at, size] of fixedRuns(unique.length, BLOB_ROWS)) {
    const added = await db
      .insertInto('blobs')
      .values(unique.slice(at, at + size).map(([sha256, bytes]) => ({ sha256, size: bytes.length, created_at: now })))
      .onConflict((oc) => oc.column('sha256').doNothing())
      .returning('sha256')
      .execute();
    if (isPostgres(db)) for (const a of added) await storeChunks(db, a.sha256, bytesOf.get(a.sha256)!);
  }
  if (isPostgres(db)) return;
  // A local register keeps its small files itself, committed with these rows (blobs.ts). Every
  // small file given, listed before or not: one kept in the folder by an earlier version, or lost
  // from it, is then held here too, and a copy here that no longer matches is replaced by these
  // bytes (their hash is the row's name), as the folder's store rewrites a damaged file.
  const small = unique.filter(([, bytes]) => bytes.length <= INLINE_MAX_BYTES);
  for (const [at, size] of fixedRuns(small.length, BLOB_ROWS)) {
    await db
      .insertInto('blob_bytes')
      .values(small.slice(at, at + size).map(([sha256, bytes]) => ({ sha256, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })))
      .onConflict((oc) => oc.column('sha256').doUpdateSet({ data: (eb) => eb.ref('excluded.data') }).where((eb) => eb('blob_bytes.data', 'is not', eb.ref('excluded.data'))))
      .execute();
  }
}

export async function getAttachment(db: Kysely<DB>, id: number) {
  return db.selectFrom('attachments').innerJoin('cases', 'cases.id', 'attachments.case_id').selectAll('attachments').select('cases.reference').where('attachments.id', '=', id).executeTakeFirst();
}

export interface NewCorrespondence {
  caseId: number;
  direction: Direction;
  channel: Channel;
  sentAt: string;
  from: string;
  to: string;
  cc?: string;
  subject: string;
  body: string;
  headers?: [string, string][] | null;
  messageId?: string | null;
  source?: { sha256: string; filename: string; format: 'eml' | 'msg' } | null;
  warnings?: string[];
}

/** Files one item of correspondence and puts it in the search index; returns its id. */
export async function insertCorrespondence(db: Kysely<DB>, c: NewCorrespondence, now: string): Promise<number> {
  const content = {
    case_id: c.caseId,
    direction: c.direction,
    channel: c.channel,
    sent_at: c.sentAt,
    from_text: withoutNul(c.from),
    to_text: withoutNul(c.to),
    cc_text: withoutNul(c.cc ?? ''),
    subject: withoutNul(c.subject),
    body: withoutNul(c.body),
    headers: c.headers ? JSON.stringify(c.headers) : null,
    message_id: c.messageId ?? null,
    source_sha256: c.source?.sha256 ?? null,
  };
  const id = await insertRowReturningId(db, 'correspondence', {
    ...content,
    content_hash: correspondenceContentHash(content),
    source_filename: c.source?.filename ?? null,
    source_format: c.source?.format ?? null,
    warnings: JSON.stringify(c.warnings ?? []),
    event_id: null,
    created_at: now,
  });
  await indexItem(db, 'correspondence', id, c.caseId, content.subject, [content.from_text, content.to_text, content.body].join('\n'));
  return id;
}

/** Every item of a case as stored, with its content hash, for the integrity check before an export. */
export async function storedCorrespondence(db: Kysely<DB>, reference: string) {
  return db
    .selectFrom('correspondence')
    .innerJoin('cases', 'cases.id', 'correspondence.case_id')
    .selectAll('correspondence')
    .select('cases.reference')
    .where('cases.reference', '=', reference)
    .orderBy('correspondence.id')
    .execute();
}

/** The stored files a case refers to: its attachments and the source files of its correspondence. */
export async function caseFileHashes(db: Kysely<DB>, reference: string): Promise<string[]> {
  const a = await db.selectFrom('attachments').innerJoin('cases', 'cases.id', 'attachments.case_id').select('attachments.sha256 as sha').where('cases.reference', '=', reference).execute();
  const c = await db
    .selectFrom('correspondence')
    .innerJoin('cases', 'cases.id', 'correspondence.case_id')
    .select('correspondence.source_sha256 as sha')
    .where('cases.reference', '=', reference)
    .where('correspondence.source_sha256', 'is not', null)
    .execute();
  const l = await db.selectFrom('letters').innerJoin('cases', 'cases.id', 'letters.case_id').select('letters.sha256 as sha').where('cases.reference', '=', reference).execute();
  return [...new Set([...a, ...c, ...l].map((r) => r.sha).filter((s): s is string => s !== null))];
}

/** Every item as stored, with its case's reference, for verification. */
export async function allStoredCorrespondence(db: Kysely<DB>) {
  return db.selectFrom('correspondence').innerJoin('cases', 'cases.id', 'correspondence.case_id').selectAll('correspondence').select('cases.reference').orderBy('correspondence.id').execute();
}

/** One item of a case's correspondence, as stored; undefined when the case has no such item. */
export async function findCorrespondence(db: Kysely<DB>, caseId: number, id: number) {
  return db.selectFrom('correspondence').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

/** The case an item of correspondence belongs to. */
export async function correspondenceCase(db: Kysely<DB>, id: number): Promise<{ caseId: number; reference: string } | undefined> {
  return db.selectFrom('correspondence').innerJoin('cases', 'cases.id', 'correspondence.case_id').select(['correspondence.case_id as caseId', 'cases.reference']).where('correspondence.id', '=', id).executeTakeFirst();
}

/** Links an item to the timeline event it records. */
export async function linkCorrespondenceEvent(db: Kysely<DB>, id: number, eventId: number): Promise<void> {
  await db.updateTable('correspondence').set({ event_id: eventId }).where('id', '=', id).execute();
}

export async function voidCorrespondenceRow(db: Kysely<DB>, id: number, v: { at: string; by: string; reason: string }): Promise<void> {
  await db.updateTable('correspondence').set({ voided_at: v.at, voided_by: v.by, void_reason: v.reason }).where('id', '=', id).execute();
}

export async function setCorrespondenceChannel(db: Kysely<DB>, id: number, channel: Channel): Promise<void> {
  await db.updateTable('correspondence').set({ channel }).where('id', '=', id).execute();
}

export async function setAttachmentRole(db: Kysely<DB>, id: number, role: AttachmentRole): Promise<void> {
  await db.updateTable('attachments').set({ role }).where('id', '=', id).execute();
}

/** A letter already filed on the case as live outgoing correspondence with these exact bytes. */
export async function findFiledOutgoing(db: Kysely<DB>, caseId: number, sha256: string): Promise<{ correspondenceId: number } | undefined> {
  return db
    .selectFrom('attachments')
    .innerJoin('correspondence', 'correspondence.id', 'attachments.correspondence_id')
    .select(['correspondence.id as correspondenceId'])
    .where('attachments.case_id', '=', caseId)
    .where('attachments.sha256', '=', sha256)
    .where('correspondence.direction', '=', 'out')
    .where('correspondence.voided_at', 'is', null)
    .executeTakeFirst();
}

export interface NewAttachment {
  caseId: number;
  /** The item it came with; null for a file added to the case directly. */
  correspondenceId: number | null;
  sha256: string;
  /** The file's bytes: in the local folder already, unless small enough to be kept in the register (blobs.ts); on the team database they go into the database too. */
  bytes: Uint8Array;
  /** The name as received; the stored name is made safe from it unless given. */
  originalFilename: string;
  filename?: string;
  contentType: string;
  role: AttachmentRole;
  inline?: boolean;
  textStatus: TextStatus;
  textNote: string | null;
  /** Text for search, indexed under the original name when given. */
  text?: string;
  /** For a file added directly that the case already holds: give it this role instead of refusing. */
  existingDirectRole?: AttachmentRole;
  /** Its blob row was written already in this transaction (ensureBlobs, for a whole batch). */
  blobListed?: boolean;
}

/**
 * The one way a file joins a case: its blob row (the bytes are already in the folder, or kept with this row), the
 * attachment row, and its text in the search index. Returns the attachment's id.
 */
export async function insertAttachment(db: Kysely<DB>, a: NewAttachment, now: string): Promise<number> {
  if (!a.blobListed) await ensureBlob(db, a.sha256, a.bytes, now);
  const filename = a.filename ?? safeFilename(a.originalFilename);
  const row = {
    case_id: a.caseId,
    correspondence_id: a.correspondenceId,
    sha256: a.sha256,
    filename,
    original_filename: a.originalFilename,
    content_type: a.contentType,
    size: a.bytes.length,
    role: a.role,
    inline: a.inline ? 1 : 0,
    text_status: a.textStatus,
    text_note: a.textNote,
    created_at: now,
  };
  const role = a.existingDirectRole;
  const id = role
    ? (await db.insertInto('attachments').values(row).onConflict((oc) => oc.columns(['case_id', 'sha256']).where('correspondence_id', 'is', null).doUpdateSet({ role })).returning('id').executeTakeFirstOrThrow()).id
    : await insertRowReturningId(db, 'attachments', row);
  if (a.text !== undefined) await indexItem(db, 'attachment', id, a.caseId, a.originalFilename, a.text);
  return id;
}
