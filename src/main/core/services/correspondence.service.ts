// Correspondence logged by hand, items marked as timeline events, attachments previewed, saved
// out (verified against their hash first) and given a role; and search across the case files.
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { ParsedInput, AttachmentContent, SaveResult } from '../../../shared/ipc/contract';
import type { AttachmentRole, CorrespondenceItem, SearchHit, ImportOutcome } from '../../../shared/domain/correspondence';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { requireCase } from '../repositories/cases.repository';
import {
  attachmentRowToInfo,
  findCorrespondence,
  getAttachment,
  insertCorrespondence,
  linkCorrespondenceEvent,
  listCorrespondence,
  setAttachmentRole as storeAttachmentRole,
  voidCorrespondenceRow,
} from '../repositories/correspondence.repository';
import { eventVoidedAt, insertEvent, voidEvent } from '../repositories/events.repository';
import { indexedBody, searchIndex } from '../repositories/search.repository';
import { fileFromPath, importFiles, importFilesInto, type IncomingFile } from './import.service';
import { writeFileAtomic } from './letters.service';

export async function caseCorrespondence(ctx: CoreContext, reference: string) {
  return listCorrespondence(ctx.db, (await requireCase(ctx.db, reference)).id);
}

const itemsOf = async (ctx: CoreContext, caseId: number) => (await listCorrespondence(ctx.db, caseId)).items;

export async function addCorrespondence(ctx: CoreContext, input: ParsedInput<'correspondence:add'>): Promise<CorrespondenceItem[]> {
  const found = await requireCase(ctx.db, input.reference);
  await ctx.write(async ({ db: trx, audit, now }) => {
    const id = await insertCorrespondence(trx, { caseId: found.id, direction: input.direction, channel: input.channel, sentAt: input.sentAt, from: input.from, to: input.to, subject: input.subject, body: input.body }, now.toISOString());
    await audit({ action: 'correspondence.logged', caseId: found.id, summary: `Logged ${input.direction === 'in' ? 'incoming' : 'outgoing'} ${input.channel}: ${input.subject || '(no subject)'}`, detail: { id } });
  });
  return itemsOf(ctx, found.id);
}

/** Marking an item (this email is the clarification) records the event on the timeline, dated as the item. */
export async function markCorrespondence(ctx: CoreContext, input: ParsedInput<'correspondence:mark'>): Promise<CorrespondenceItem[]> {
  const found = await requireCase(ctx.db, input.reference);
  await ctx.write(async ({ db: trx, audit, now }) => {
    const item = await findCorrespondence(trx, found.id, input.id);
    if (!item) throw new DiscloseError('NOT_FOUND', `No correspondence ${input.id} in ${input.reference}.`);
    if (item.voided_at !== null) throw new DiscloseError('CONFLICT', 'This item was voided: it cannot go on the timeline.');
    if (item.event_id !== null) {
      // A voided mark (a correction) frees the item to be marked again as what it really is.
      const marked = await eventVoidedAt(trx, item.event_id);
      if (marked && marked.voidedAt === null) throw new DiscloseError('CONFLICT', 'This item is already on the timeline.');
    }
    const date = item.sent_at.slice(0, 10);
    if (date < found.record.received) throw new DiscloseError('VALIDATION', `This item (${date}) is dated before the request was received.`);
    if (input.as === 'pit-extension' && !input.estimate) throw new DiscloseError('VALIDATION', 'A public interest extension needs its estimated date (FOIA s17(2)).', { estimate: 'Enter the estimated date' });
    const eventId = await insertEvent(trx, found.id, { type: input.as, date, estimate: input.estimate ?? null, note: `From correspondence: ${item.subject || '(no subject)'}` }, now.toISOString());
    await linkCorrespondenceEvent(trx, item.id, eventId);
    await audit({ action: 'case.event', caseId: found.id, summary: `Recorded: ${eventLabel(input.as)}, from "${item.subject || '(no subject)'}"`, detail: { correspondenceId: item.id, type: input.as, date } });
  });
  return itemsOf(ctx, found.id);
}

/**
 * Corrections, never deletions: the item stays in the record, struck through (who, when, why), and
 * leaves the bundle. Its timeline event, if it was marked as one, is voided with it so that it
 * drives no clock.
 */
export async function voidCorrespondence(ctx: CoreContext, input: ParsedInput<'correspondence:void'>): Promise<CorrespondenceItem[]> {
  const found = await requireCase(ctx.db, input.reference);
  await ctx.write(async ({ db: trx, audit, now, actor }) => {
    const item = await findCorrespondence(trx, found.id, input.id);
    if (!item) throw new DiscloseError('NOT_FOUND', `No correspondence ${input.id} in ${input.reference}.`);
    if (item.voided_at !== null) throw new DiscloseError('CONFLICT', `This item was already voided on ${item.voided_at.slice(0, 10)}.`);
    const v = { at: now.toISOString(), by: actor, reason: input.reason };
    await voidCorrespondenceRow(trx, item.id, v);
    let eventVoided: number | null = null;
    if (item.event_id !== null) {
      const ev = await eventVoidedAt(trx, item.event_id);
      if (ev && ev.voidedAt === null) {
        await voidEvent(trx, item.event_id, v);
        eventVoided = item.event_id;
      }
    }
    await audit({
      action: 'correspondence.voided',
      caseId: found.id,
      summary: `Voided ${item.direction === 'in' ? 'incoming' : 'outgoing'} "${item.subject || '(no subject)'}"${eventVoided !== null ? ' and its timeline event' : ''}. Reason: ${input.reason}`,
      detail: { id: item.id, eventId: eventVoided, reason: input.reason },
    });
  });
  return itemsOf(ctx, found.id);
}

async function requireAttachment(ctx: CoreContext, id: number) {
  const row = await getAttachment(ctx.db, id);
  if (!row) throw new DiscloseError('NOT_FOUND', `No attachment ${id}.`);
  return row;
}

const PREVIEW_LIMIT = 20 * 1024 * 1024;

/** For preview: images as bytes (shown inline), PDFs as their extracted text, text files as text. */
export async function attachmentContent(ctx: CoreContext, id: number): Promise<AttachmentContent> {
  const row = await requireAttachment(ctx, id);
  const info = attachmentRowToInfo(row);
  const bytes = await ctx.blobs.load(row.sha256, row.original_filename);
  if (row.content_type.startsWith('image/') && bytes.length <= PREVIEW_LIMIT) {
    return { info, kind: 'image', dataBase64: Buffer.from(bytes).toString('base64'), text: null };
  }
  const indexed = await indexedBody(ctx.db, 'attachment', id);
  // PDFs go to the app as bytes so it can draw the pages; their text comes too, for a fallback.
  if (row.content_type === 'application/pdf' && row.text_status !== 'encrypted' && bytes.length <= PREVIEW_LIMIT) {
    return { info, kind: 'pdf', dataBase64: Buffer.from(bytes).toString('base64'), text: indexed ?? null };
  }
  if (indexed !== undefined) return { info, kind: 'text', dataBase64: null, text: indexed };
  return { info, kind: 'none', dataBase64: null, text: null };
}

export async function saveAttachment(ctx: CoreContext, id: number): Promise<SaveResult> {
  const row = await requireAttachment(ctx, id);
  const bytes = await ctx.blobs.load(row.sha256, row.original_filename); // verified before it leaves
  const path = await ctx.host.chooseSavePath({ title: `Save a copy of ${row.filename}`, defaultName: row.filename, filters: [] });
  if (path === null) return { saved: false, path: null, size: 0, sha256: null };
  writeFileAtomic(path, bytes);
  await ctx.write(async ({ audit }) => {
    await audit({ action: 'attachment.exported', caseId: row.case_id, summary: `Saved a copy of ${row.filename} to ${path}`, detail: { id, sha256: row.sha256, path } });
  });
  return { saved: true, path, size: bytes.length, sha256: row.sha256 };
}

export async function setAttachmentRole(ctx: CoreContext, id: number, role: AttachmentRole) {
  const row = await requireAttachment(ctx, id);
  if (row.role === role) return attachmentRowToInfo(row);
  await ctx.write(async ({ db: trx, audit }) => {
    await storeAttachmentRole(trx, id, role);
    await audit({ action: 'attachment.role', caseId: row.case_id, summary: `Marked ${row.filename} as ${role}`, detail: { id, from: row.role, to: role } });
  });
  return attachmentRowToInfo({ ...row, role });
}

export async function importBytes(ctx: CoreContext, input: ParsedInput<'correspondence:import'>): Promise<ImportOutcome> {
  const files: IncomingFile[] = input.files.map((f) => ({ name: f.name, size: f.data.length, read: () => f.data }));
  return importFiles(ctx, input.reference, files, input.role);
}

/** Main asks which files (a dialog in the app, the FILE arguments on the command line). */
export async function importChosen(ctx: CoreContext, input: ParsedInput<'correspondence:importChosen'>): Promise<ImportOutcome> {
  const found = await requireCase(ctx.db, input.reference);
  const paths = await ctx.host.chooseFiles({ title: `Add files to ${input.reference}` });
  if (!paths || paths.length === 0) return { added: [], skipped: [] };
  return importPaths(ctx, found.id, paths, input.role);
}

/** Files dropped on the window (or opened with the app), read by path from their one-time tokens. */
export async function importTickets(ctx: CoreContext, input: ParsedInput<'correspondence:importFiles'>): Promise<ImportOutcome> {
  const found = await requireCase(ctx.db, input.reference);
  if (!ctx.host.takeFiles) throw new DiscloseError('VALIDATION', 'Files are read by path only in the desktop app.');
  return importPaths(ctx, found.id, await ctx.host.takeFiles(input.tokens), input.role);
}

async function importPaths(ctx: CoreContext, caseId: number, paths: readonly string[], role: AttachmentRole): Promise<ImportOutcome> {
  const files: IncomingFile[] = [];
  const skipped: ImportOutcome['skipped'] = [];
  for (const p of paths) {
    try {
      files.push(fileFromPath(p));
    } catch (err) {
      skipped.push({ file: p, reason: (err as Error).message });
    }
  }
  const out = await importFilesInto(ctx, caseId, files, role);
  return { added: out.added, skipped: [...skipped, ...out.skipped] };
}

export async function search(ctx: CoreContext, query: string, limit: number): Promise<SearchHit[]> {
  return searchIndex(ctx.db, query, limit);
}
