// Reading one file of an import, before anything is stored: its size checked, its bytes read and
// hashed, an email parsed and its attachments' text taken out for search, each in the parse pool
// (parse/pool.ts) under its limits. A file on disk is read and hashed by the worker itself, so the
// main thread, storing the files before it, does neither. Nothing here writes; what comes back is stored by
// import.service.ts, many files to a transaction. Several files are read at once, in order.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { AttachmentRole, TextStatus } from '../../../shared/domain/correspondence';
import { detectMessageFormat } from '../mail';
import type { ParsedMessage } from '../mail/types';
import { sha256Hex } from '../blobs';

export const DEFAULT_MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Up to this size a file is read on the calling thread (see fileFromPath). */
const SMALL_FILE = 256 * 1024;

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

export interface IncomingFile {
  name: string;
  size: number;
  /** The bytes, read here (a file on disk is read by a parse worker instead, unless the worker could not). */
  read(): Uint8Array | Promise<Uint8Array>;
  /** Where it is on disk, when it is a file there: a parse worker then reads and hashes it itself. */
  path?: string;
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
  // A small file is read at once: its few microseconds cost the main thread less than the thread
  // pool's round trips (open, stat, read, close) for it; a large one is read in the pool.
  return { name: path, size, path, read: () => (size <= SMALL_FILE ? readFileSync(path) : readFile(path)) };
}

export interface PreparedFile {
  name: string;
  bytes: Uint8Array;
  sha: string;
  contentType: string;
  inline: boolean;
  text: string;
  textStatus: TextStatus;
  textNote: string | null;
}

/** One file read and ready to store, or the reason it was skipped. */
export type ReadFile =
  | { kind: 'skip'; file: string; reason: string }
  | { kind: 'email'; file: string; source: Uint8Array; sha: string; msg: ParsedMessage; parts: PreparedFile[] }
  | { kind: 'file'; file: string; part: PreparedFile; role: AttachmentRole; warnings: string[] };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** A PDF's text for search, read by pdf.js in a bounded worker: the text, or why there is none. */
export async function readPdfText(ctx: CoreContext, bytes: Uint8Array): Promise<{ text: string; textStatus: Exclude<TextStatus, 'pending' | 'not-applicable'>; textNote: string | null }> {
  const run = await ctx.parser.run({ kind: 'pdf-text', bytes });
  if (!run.ok) return { text: '', textStatus: 'unreadable', textNote: `Text not extracted: the PDF could not be read: ${run.reason}.` };
  const r = run.value;
  const note = r.status === 'ok' ? r.reason : `Text not extracted: ${r.status === 'encrypted' ? 'the PDF is password-protected' : `the PDF could not be read (${r.reason ?? 'unknown reason'})`}.`;
  return { text: r.text, textStatus: r.status, textNote: note };
}

/** Said on a PDF whose text an import left to be read after it (text-reader.service.ts). */
export const PENDING_NOTE = 'Its text is still to be read for search.';

/**
 * Text for search: PDFs through pdf.js (in the bounded workers), or, when `laterPdfs`, marked to
 * be read once the import has stored everything; plain text as it is; nothing from other types.
 */
async function prepare(ctx: CoreContext, name: string, bytes: Uint8Array, laterPdfs: boolean, declaredType?: string, inline = false, knownSha?: string): Promise<PreparedFile> {
  const contentType = contentTypeOf(name, declaredType);
  const base = { name, bytes, sha: knownSha ?? sha256Hex(bytes), contentType, inline };
  if (contentType === 'application/pdf' || name.toLowerCase().endsWith('.pdf')) {
    return { ...base, ...(laterPdfs ? { text: '', textStatus: 'pending', textNote: PENDING_NOTE } : await readPdfText(ctx, bytes)) };
  }
  if (contentType.startsWith('text/plain') || contentType === 'text/csv') {
    return { ...base, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 20_000_000)).slice(0, 5_000_000), textStatus: 'ok', textNote: null };
  }
  return { ...base, text: '', textStatus: 'not-applicable', textNote: null };
}

/** A message read in a bounded worker; null when it is not one, or a note when it could not be read. */
async function readMessage(ctx: CoreContext, name: string, bytes: Uint8Array): Promise<ParsedMessage | null | { unread: string } | { notMessage: string }> {
  if (detectMessageFormat(name, bytes) === null) return null;
  const run = await ctx.parser.run({ kind: 'message', name, bytes });
  if (run.ok) return run.value;
  return { unread: `It could not be read as an email: ${run.reason}. It was kept as a file.` };
}

async function asFile(ctx: CoreContext, file: string, bytes: Uint8Array, role: AttachmentRole, laterPdfs: boolean, warnings: string[], unread?: string, knownSha?: string): Promise<ReadFile> {
  const prepared = await prepare(ctx, basename(file), bytes, laterPdfs && !unread, undefined, false, knownSha);
  // A message that could not be read is marked so on the file itself, not only in the import report.
  const part = unread ? { ...prepared, textStatus: 'unreadable' as const, textNote: unread } : prepared;
  return { kind: 'file', file, part, role, warnings: [...warnings, ...(part.textNote && part.textStatus !== 'ok' && part.textStatus !== 'pending' ? [part.textNote] : [])] };
}

/**
 * A file's bytes and the message in it. A file on disk is read, hashed and parsed in a worker of the
 * pool (its attachments hashed there too); given bytes are parsed there, and hashed later here.
 * A worker that could not read the file says why, as for a message it could not parse.
 */
async function readWhole(ctx: CoreContext, f: IncomingFile): Promise<{ bytes: Uint8Array; sha?: string; message: Awaited<ReturnType<typeof readMessage>>; attachmentShas?: string[] }> {
  if (f.path === undefined) {
    const bytes = await f.read();
    return { bytes, message: await readMessage(ctx, f.name, bytes) };
  }
  const run = await ctx.parser.run({ kind: 'read-message', name: f.name, path: f.path, size: f.size, maxBytes: ctx.maxImportBytes });
  if (!run.ok) {
    // Not read at all (a file gone or refused by the system, or over a limit): read here, as before,
    // so that the reason given is the same as for any file, and a file over a limit is kept unread.
    const bytes = await f.read();
    return { bytes, message: detectMessageFormat(f.name, bytes) === null ? null : { unread: `It could not be read as an email: ${run.reason}. It was kept as a file.` } };
  }
  const { bytes, sha, message, attachmentShas } = run.value;
  return { bytes, sha, message, attachmentShas };
}

/**
 * Reads one file for the import; never throws: a file that cannot be read comes back skipped, with
 * the reason. With `laterPdfs`, the text of PDFs is left to be read after the import.
 */
export async function readIncoming(ctx: CoreContext, f: IncomingFile, role: AttachmentRole, laterPdfs = false): Promise<ReadFile> {
  const skip = (reason: string): ReadFile => ({ kind: 'skip', file: f.name, reason });
  try {
    if (f.size > ctx.maxImportBytes) return skip(`${basename(f.name)} is ${mb(f.size)}, over the ${mb(ctx.maxImportBytes)} limit for one file. Nothing was added.`);
    if (f.size === 0) return skip(`${basename(f.name)} is empty. Nothing was added.`);
    const { bytes, sha, message, attachmentShas } = await readWhole(ctx, f);
    if (message && 'unread' in message) return await asFile(ctx, f.name, bytes, role, laterPdfs, [], message.unread, sha);
    if (message && 'notMessage' in message) return await asFile(ctx, f.name, bytes, role, laterPdfs, [`It could not be read as an email (${message.notMessage.replace(/\.$/u, '')}), so it was kept as a file.`], undefined, sha);
    if (!message) return await asFile(ctx, f.name, bytes, role, laterPdfs, /\.(eml|msg)$/i.test(f.name) ? ['It could not be read as an email, so it was kept as a file.'] : [], undefined, sha);
    // Every attachment at once: each PDF among them is read in a worker of the pool, within its own limits.
    const parts = await Promise.all(message.attachments.map((a, i) => prepare(ctx, a.filename, a.bytes, laterPdfs, a.contentType, a.inline, attachmentShas?.[i])));
    return { kind: 'email', file: f.name, source: bytes, sha: sha ?? sha256Hex(bytes), msg: message, parts };
  } catch (err) {
    return skip(err instanceof DiscloseError ? err.message : `Could not import: ${(err as Error).message}`);
  }
}

/** The bytes a read file holds in memory, for sizing batches. */
export function heldBytes(r: ReadFile): number {
  if (r.kind === 'skip') return 0;
  if (r.kind === 'file') return r.part.bytes.length;
  return r.source.length + r.parts.reduce((n, p) => n + p.bytes.length, 0);
}

/**
 * Reads files ahead of the caller, in order: at most `files` of them (and about `bytes` of their
 * sizes) read or being read and not yet taken, so the workers stay busy while the caller stores
 * the last batch, and memory stays bounded however many files there are.
 */
export async function* readAhead<T>(items: readonly IncomingFile[], read: (f: IncomingFile) => Promise<T>, limit: { files: number; bytes: number }): AsyncGenerator<T> {
  const queue: { promise: Promise<T>; size: number }[] = [];
  let next = 0;
  let held = 0;
  const fill = () => {
    while (next < items.length && (queue.length === 0 || (queue.length < limit.files && held + items[next]!.size <= limit.bytes))) {
      const f = items[next++]!;
      queue.push({ promise: read(f), size: f.size });
      held += f.size;
    }
  };
  fill();
  while (queue.length > 0) {
    const head = queue.shift()!;
    held -= head.size;
    fill();
    yield await head.promise;
  }
}
