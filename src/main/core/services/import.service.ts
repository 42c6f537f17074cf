// Importing files into a case: .eml and .msg become correspondence with their headers, text and
// attachments; any other file becomes an attachment. Bytes are stored once by SHA-256; the same
// message or file imported twice is recognised and skipped, with the reason.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { AttachmentRole, ImportOutcome, TextStatus } from '../../../shared/domain/correspondence';
import { detectMessageFormat } from '../mail';
import type { ParsedMessage } from '../mail/types';
import { sha256Hex } from '../blobs';
import { requireCase } from '../repositories/cases.repository';
import { getSettings } from '../repositories/settings.repository';
import { ensureBlob, findDirectAttachment, findDuplicateMessage, insertAttachment, insertCorrespondence } from '../repositories/correspondence.repository';

export const DEFAULT_MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.eml': 'message/rfc822',
  '.msg': 'application/vnd.ms-outlook',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.zip': 'application/zip',
};

export function contentTypeOf(name: string, declared?: string): string {
  if (declared && declared !== 'application/octet-stream') return declared.toLowerCase();
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

interface PreparedFile {
  name: string;
  bytes: Uint8Array;
  sha: string;
  contentType: string;
  inline: boolean;
  text: string;
  textStatus: TextStatus;
  textNote: string | null;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Text for search: PDFs through pdf.js (in the bounded worker); plain text as it is; nothing from other types. */
async function prepare(ctx: CoreContext, name: string, bytes: Uint8Array, declaredType?: string, inline = false): Promise<PreparedFile> {
  const contentType = contentTypeOf(name, declaredType);
  const base = { name, bytes, sha: sha256Hex(bytes), contentType, inline };
  if (contentType === 'application/pdf' || name.toLowerCase().endsWith('.pdf')) {
    const run = await ctx.parser.run({ kind: 'pdf-text', bytes });
    if (!run.ok) return { ...base, text: '', textStatus: 'unreadable', textNote: `Text not extracted: the PDF could not be read: ${run.reason}.` };
    const r = run.value;
    const note = r.status === 'ok' ? r.reason : `Text not extracted: ${r.status === 'encrypted' ? 'the PDF is password-protected' : `the PDF could not be read (${r.reason ?? 'unknown reason'})`}.`;
    return { ...base, text: r.text, textStatus: r.status, textNote: note };
  }
  if (contentType.startsWith('text/plain') || contentType === 'text/csv') {
    return { ...base, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 20_000_000)).slice(0, 5_000_000), textStatus: 'ok', textNote: null };
  }
  return { ...base, text: '', textStatus: 'not-applicable', textNote: null };
}

/** A message read in the bounded worker; null when it is not one, or a note when it could not be read. */
async function readMessage(ctx: CoreContext, name: string, bytes: Uint8Array): Promise<ParsedMessage | null | { unread: string } | { notMessage: string }> {
  if (detectMessageFormat(name, bytes) === null) return null;
  const run = await ctx.parser.run({ kind: 'message', name, bytes });
  if (run.ok) return run.value;
  return { unread: `It could not be read as an email: ${run.reason}. It was kept as a file.` };
}

function isFromAuthority(from: string, authorityEmail: string): boolean {
  return authorityEmail !== '' && from.toLowerCase().includes(authorityEmail.toLowerCase());
}

async function importMessage(ctx: CoreContext, caseId: number, file: string, source: Uint8Array, msg: ParsedMessage, out: ImportOutcome): Promise<void> {
  const sourceSha = sha256Hex(source);
  const dup = await findDuplicateMessage(ctx.db, caseId, msg.messageId, sourceSha);
  if (dup) {
    out.skipped.push({ file, reason: `Already in this case: "${dup.subject || '(no subject)'}" (${dup.message_id && dup.message_id === msg.messageId ? 'same Message-ID' : 'same file'}).` });
    return;
  }
  // One at a time: each PDF among them is read in the one worker, within its own limits.
  const parts: PreparedFile[] = [];
  for (const a of msg.attachments) parts.push(await prepare(ctx, a.filename, a.bytes, a.contentType, a.inline));
  // Bytes are durable before the rows that point at them are committed.
  ctx.blobs.put(source);
  for (const p of parts) ctx.blobs.put(p.bytes);
  const settings = await getSettings(ctx.db);
  await ctx.write(async ({ db: trx, audit, now: at }) => {
    const now = at.toISOString();
    await ensureBlob(trx, sourceSha, source, now);
    const correspondenceId = await insertCorrespondence(
      trx,
      {
        caseId,
        direction: isFromAuthority(msg.from, settings.email) ? 'out' : 'in',
        channel: 'email',
        sentAt: msg.date ?? now,
        from: msg.from,
        to: msg.to.join(', '),
        cc: msg.cc.join(', '),
        subject: msg.subject,
        body: msg.text,
        headers: msg.headers,
        messageId: msg.messageId,
        source: { sha256: sourceSha, filename: basename(file), format: msg.format },
        warnings: msg.warnings,
      },
      now,
    );
    for (const p of parts) {
      const text = p.text ? { text: p.text } : {};
      await insertAttachment(trx, { caseId, correspondenceId, sha256: p.sha, bytes: p.bytes, originalFilename: p.name, contentType: p.contentType, role: 'correspondence', inline: p.inline, textStatus: p.textStatus, textNote: p.textNote, ...text }, now);
    }
    await audit({
      action: 'correspondence.imported',
      caseId,
      summary: `Imported ${msg.format === 'msg' ? 'Outlook message' : 'email'} "${msg.subject || '(no subject)'}" with ${parts.length} attachment${parts.length === 1 ? '' : 's'}`,
      detail: { file: basename(file), sha256: sourceSha, messageId: msg.messageId, warnings: msg.warnings },
    });
    out.added.push({ file, kind: 'email', id: correspondenceId, subject: msg.subject, attachments: parts.length, warnings: msg.warnings });
  });
}

async function importAttachment(ctx: CoreContext, caseId: number, file: string, bytes: Uint8Array, role: AttachmentRole, out: ImportOutcome, warnings: string[], unread?: string): Promise<void> {
  const name = basename(file);
  const prepared = await prepare(ctx, name, bytes);
  // A message that could not be read is marked so on the file itself, not only in the import report.
  const p = unread ? { ...prepared, textStatus: 'unreadable' as const, textNote: unread } : prepared;
  const dup = await findDirectAttachment(ctx.db, caseId, p.sha);
  if (dup) {
    out.skipped.push({ file, reason: `Already in this case as ${dup.original_filename} (same content).` });
    return;
  }
  ctx.blobs.put(bytes);
  await ctx.write(async ({ db: trx, audit, now }) => {
    const text = p.text ? { text: p.text } : {};
    const id = await insertAttachment(trx, { caseId, correspondenceId: null, sha256: p.sha, bytes, originalFilename: name, contentType: p.contentType, role, textStatus: p.textStatus, textNote: p.textNote, ...text }, now.toISOString());
    await audit({ action: 'attachment.added', caseId, summary: `Added ${name} (${role})`, detail: { file: name, sha256: p.sha, size: bytes.length, role, textStatus: p.textStatus } });
    out.added.push({ file, kind: 'attachment', id, attachments: 0, warnings: [...warnings, ...(p.textNote && p.textStatus !== 'ok' ? [p.textNote] : [])] });
  });
}

export interface IncomingFile {
  name: string;
  size: number;
  read(): Uint8Array;
}

export function fileFromPath(path: string): IncomingFile {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch (err) {
    throw new DiscloseError('IO', `Cannot read ${path}: ${(err as Error).message}`);
  }
  return { name: path, size, read: () => readFileSync(path) };
}

/** Imports each file in turn; one bad file is skipped with its reason and the rest go ahead. */
export async function importFiles(ctx: CoreContext, reference: string, files: IncomingFile[], role: AttachmentRole = 'correspondence', onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  return importFilesInto(ctx, (await requireCase(ctx.db, reference)).id, files, role, onProgress);
}

/** As importFiles, into the case the operation has already resolved. */
export async function importFilesInto(ctx: CoreContext, caseId: number, files: IncomingFile[], role: AttachmentRole = 'correspondence', onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  const out: ImportOutcome = { added: [], skipped: [] };
  for (const [i, f] of files.entries()) {
    try {
      if (f.size > ctx.maxImportBytes) {
        out.skipped.push({ file: f.name, reason: `${basename(f.name)} is ${mb(f.size)}, over the ${mb(ctx.maxImportBytes)} limit for one file. Nothing was added.` });
        continue;
      }
      if (f.size === 0) {
        out.skipped.push({ file: f.name, reason: `${basename(f.name)} is empty. Nothing was added.` });
        continue;
      }
      const bytes = f.read();
      const message = await readMessage(ctx, f.name, bytes);
      const looksLikeMail = /\.(eml|msg)$/i.test(f.name);
      if (message && 'unread' in message) await importAttachment(ctx, caseId, f.name, bytes, role, out, [], message.unread);
      else if (message && 'notMessage' in message) await importAttachment(ctx, caseId, f.name, bytes, role, out, [`It could not be read as an email (${message.notMessage.replace(/\.$/u, '')}), so it was kept as a file.`]);
      else if (message) await importMessage(ctx, caseId, f.name, bytes, message, out);
      else await importAttachment(ctx, caseId, f.name, bytes, role, out, looksLikeMail ? ['It could not be read as an email, so it was kept as a file.'] : []);
    } catch (err) {
      out.skipped.push({ file: f.name, reason: err instanceof DiscloseError ? err.message : `Could not import: ${(err as Error).message}` });
    } finally {
      onProgress?.(i + 1, files.length);
    }
  }
  return out;
}
