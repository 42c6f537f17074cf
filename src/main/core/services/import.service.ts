// Importing files into a case: .eml and .msg become correspondence with their headers, text and
// attachments; any other file becomes an attachment. Bytes are stored once by SHA-256; the same
// message or file imported twice is recognised and skipped, with the reason.
// Many files at once (a folder of a year's emails) are read several at a time in the parse
// workers (import-read.ts) while the main thread stores them a batch at a time: the batch's larger
// files written and synced first, then all its rows (the small files' bytes among them, on a local
// register), each file with its own audit row, in one transaction. Should that transaction fail,
// the batch is stored again file by file, each in a transaction of its own, so one file the
// database refuses costs only itself. While a large import runs on a local register, its log is
// copied into the database on a thread of its own (db/checkpoint.ts), not by its commits.
import { basename } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { AttachmentRole, ImportOutcome } from '../../../shared/domain/correspondence';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { requireCase } from '../repositories/cases.repository';
import { getSettings } from '../repositories/settings.repository';
import { ensureBlobs, heldInCase, insertAttachment, insertCorrespondence, type HeldInCase } from '../repositories/correspondence.repository';
import type { WriteScope } from './transaction';
import { heldBytes, readAhead, readIncoming, type IncomingFile, type ReadFile } from './import-read';
import { checkpointsOffThread } from '../db/checkpoint';

export { contentTypeOf, DEFAULT_MAX_IMPORT_BYTES, fileFromPath, type IncomingFile } from './import-read';

/**
 * A batch: a few hundred files or a few tens of MB, whichever comes first. One transaction (and
 * one sync of the database) per batch rather than per file; small enough that a batch stored again
 * file by file, or the write lock held while it is stored, costs little. The first batch goes at
 * `least` files, so that storing starts while the workers read the next.
 */
export const BATCH = { files: 200, bytes: 32 * 1024 * 1024, least: 40 };
/**
 * Up to this many files, an import reads the text of the PDFs it brings in before it returns (a
 * moment); a larger one stores everything first and leaves their text to be read straight after, in
 * the background (text-reader.service.ts), so the officer is not kept waiting on the PDF reader.
 */
export const TEXT_AT_ONCE_UP_TO = 20;
/** Read ahead of the batch being stored, so the workers go on reading while it is written. */
const AHEAD = { files: 256, bytes: 64 * 1024 * 1024 };

type Added = ImportOutcome['added'][number];
type Skipped = ImportOutcome['skipped'][number];
type Stored = { added: Added } | { skipped: Skipped };
type Storable = Exclude<ReadFile, { kind: 'skip' }>;

function isFromAuthority(from: string, authorityEmail: string): boolean {
  return authorityEmail !== '' && from.toLowerCase().includes(authorityEmail.toLowerCase());
}

/** The blob rows of the files about to be written: one statement for a whole batch. */
const listBlobs = (w: WriteScope, files: readonly Storable[]) => ensureBlobs(w.db, files.flatMap((r) => (r.kind === 'file' ? [r.part] : [{ sha: r.sha, bytes: r.source }, ...r.parts])), w.now.toISOString());

/** The rows of one file and its audit row, inside the transaction given (its blob rows listed already). */
async function writeFile(w: WriteScope, caseId: number, r: Storable, settings: AuthoritySettings): Promise<Added> {
  const { db: trx, audit } = w;
  const now = w.now.toISOString();
  if (r.kind === 'file') {
    const p = r.part;
    const name = basename(r.file);
    const text = p.text ? { text: p.text } : {};
    const id = await insertAttachment(trx, { caseId, correspondenceId: null, sha256: p.sha, bytes: p.bytes, originalFilename: name, contentType: p.contentType, role: r.role, textStatus: p.textStatus, textNote: p.textNote, blobListed: true, ...text }, now);
    await audit({ action: 'attachment.added', caseId, summary: `Added ${name} (${r.role})`, detail: { file: name, sha256: p.sha, size: p.bytes.length, role: r.role, textStatus: p.textStatus } });
    return { file: r.file, kind: 'attachment', id, attachments: 0, warnings: r.warnings };
  }
  const { msg, parts } = r;
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
      source: { sha256: r.sha, filename: basename(r.file), format: msg.format },
      warnings: msg.warnings,
    },
    now,
  );
  for (const p of parts) {
    const text = p.text ? { text: p.text } : {};
    await insertAttachment(trx, { caseId, correspondenceId, sha256: p.sha, bytes: p.bytes, originalFilename: p.name, contentType: p.contentType, role: 'correspondence', inline: p.inline, textStatus: p.textStatus, textNote: p.textNote, blobListed: true, ...text }, now);
  }
  await audit({
    action: 'correspondence.imported',
    caseId,
    summary: `Imported ${msg.format === 'msg' ? 'Outlook message' : 'email'} "${msg.subject || '(no subject)'}" with ${parts.length} attachment${parts.length === 1 ? '' : 's'}`,
    detail: { file: basename(r.file), sha256: r.sha, messageId: msg.messageId, warnings: msg.warnings },
  });
  return { file: r.file, kind: 'email', id: correspondenceId, subject: msg.subject, attachments: parts.length, warnings: msg.warnings };
}

const failure = (err: unknown) => (err instanceof DiscloseError ? err.message : `Could not import: ${(err as Error).message}`);

/** Stores the read files of one import into one case, a batch at a time. */
class CaseImport {
  /** Hashes stored (written, synced and checked) during this import: the same bytes again are not written twice. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly caseId: number,
    /** A large import: the words of what it indexes are paired for phrase searches after it, in the background. */
    private readonly bulk = false,
  ) {}

  /** Why this file is already in the case, if it is: earlier in the same batch, or in the register (`held`, looked up for the batch). */
  private static duplicate(r: Storable, earlier: Map<string, string>, held: HeldInCase): string | null {
    if (r.kind === 'file') {
      const same = earlier.get(`file:${r.part.sha}`) ?? held.files.get(r.part.sha);
      return same === undefined ? null : `Already in this case as ${same} (same content).`;
    }
    // The subject of the message it repeats, by Message-ID first, then by the same file.
    const said = (byId: string | undefined, bySource: string | undefined) =>
      byId === undefined && bySource === undefined ? null : `Already in this case: "${(byId ?? bySource) || '(no subject)'}" (${byId !== undefined ? 'same Message-ID' : 'same file'}).`;
    const id = r.msg.messageId;
    return said(id ? earlier.get(`email-id:${id}`) : undefined, earlier.get(`email-sha:${r.sha}`)) ?? said(id ? held.messageIds.get(id) : undefined, held.sources.get(r.sha));
  }

  /**
   * Bytes are durable before the rows that point at them are committed; each content written once.
   * Small files are not written here: a local register keeps them with those rows (listBlobs).
   */
  private async putBytes(files: readonly Storable[]): Promise<void> {
    const all = files.flatMap((r) => (r.kind === 'file' ? [{ bytes: r.part.bytes, sha: r.part.sha }] : [{ bytes: r.source, sha: r.sha }, ...r.parts]));
    const fresh = all.filter((b) => !this.stored.has(b.sha) && !this.ctx.blobs.keepsInline(b.bytes.length));
    await this.ctx.blobs.putMany(fresh);
    for (const b of fresh) this.stored.add(b.sha);
  }

  /** What makes a later file of this import a duplicate of this one. */
  private static keys(r: Storable): string[] {
    if (r.kind === 'file') return [`file:${r.part.sha}`];
    return [`email-sha:${r.sha}`, ...(r.msg.messageId ? [`email-id:${r.msg.messageId}`] : [])];
  }

  /** Keys of the files this import has handed to the writer: a later copy's bytes are not written. */
  private readonly landing = new Set<string>();

  /**
   * Starts storing a batch's bytes at once, so the writer threads work while the batch before it is
   * written. Copies of a file earlier in this import are left out; a copy of one the case held
   * before has its bytes in the store already (by their hash), so nothing is written for it.
   */
  land(batch: readonly ReadFile[]): Promise<boolean> {
    const fresh: Storable[] = [];
    for (const r of batch) {
      if (r.kind === 'skip') continue;
      const keys = CaseImport.keys(r);
      if (keys.some((k) => this.landing.has(k))) continue;
      for (const k of keys) this.landing.add(k);
      fresh.push(r);
    }
    return this.putBytes(fresh).then(
      () => true,
      () => false, // said file by file when the batch is stored alone
    );
  }

  /** A batch in one transaction; null when that failed, and nothing of it was kept. */
  private async together(batch: readonly ReadFile[], landed: Promise<boolean>): Promise<Stored[] | null> {
    const earlier = new Map<string, string>();
    const results: (Stored | Storable)[] = [];
    try {
      const held = await heldInCase(this.ctx.db, this.caseId, batch);
      for (const r of batch) {
        if (r.kind === 'skip') {
          results.push({ skipped: { file: r.file, reason: r.reason } });
          continue;
        }
        const reason = CaseImport.duplicate(r, earlier, held);
        if (reason !== null) {
          results.push({ skipped: { file: r.file, reason } });
          continue;
        }
        for (const k of CaseImport.keys(r)) earlier.set(k, r.kind === 'file' ? r.part.name : r.msg.subject);
        results.push(r);
      }
      const storable = results.filter((r): r is Storable => 'kind' in r);
      if (storable.length === 0) return results as Stored[];
      if (!(await landed)) return null;
      // Any left out as copies whose first could not be stored: written now.
      await this.putBytes(storable);
      const settings = await getSettings(this.ctx.db);
      return await this.ctx.write(async (w) => {
        if (this.bulk) w.leavePairs();
        await listBlobs(w, storable);
        const stored: Stored[] = [];
        for (const r of results) stored.push('kind' in r ? { added: await writeFile(w, this.caseId, r, settings) } : r);
        return stored;
      });
    } catch {
      return null;
    }
  }

  /** One file in a transaction of its own, as when files were imported one at a time. */
  private async alone(r: ReadFile): Promise<Stored> {
    if (r.kind === 'skip') return { skipped: { file: r.file, reason: r.reason } };
    try {
      const reason = CaseImport.duplicate(r, new Map(), await heldInCase(this.ctx.db, this.caseId, [r]));
      if (reason !== null) return { skipped: { file: r.file, reason } };
      await this.putBytes([r]);
      const settings = await getSettings(this.ctx.db);
      return {
        added: await this.ctx.write(async (w) => {
          if (this.bulk) w.leavePairs();
          await listBlobs(w, [r]);
          return writeFile(w, this.caseId, r, settings);
        }),
      };
    } catch (err) {
      return { skipped: { file: r.file, reason: failure(err) } };
    }
  }

  /** The batch together; should that fail, each file alone, so a file that fails costs only itself. */
  async store(batch: readonly ReadFile[], landed: Promise<boolean>): Promise<Stored[]> {
    if (batch.length > 1) {
      const together = await this.together(batch, landed);
      if (together) return together;
    }
    // The writes this batch started are over before its files are stored one by one (each alone
    // writes what they did not): none may land after the import has answered.
    await landed;
    const out: Stored[] = [];
    for (const r of batch) out.push(await this.alone(r));
    return out;
  }
}

/** Imports each file in turn; one bad file is skipped with its reason and the rest go ahead. */
export async function importFiles(ctx: CoreContext, reference: string, files: IncomingFile[], role: AttachmentRole = 'correspondence', onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  return importFilesInto(ctx, (await requireCase(ctx.db, reference)).id, files, role, onProgress);
}

/** As importFiles, into the case the operation has already resolved. */
export async function importFilesInto(ctx: CoreContext, caseId: number, files: IncomingFile[], role: AttachmentRole = 'correspondence', onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  const out: ImportOutcome = { added: [], skipped: [] };
  const laterPdfs = files.length > TEXT_AT_ONCE_UP_TO;
  const target = new CaseImport(ctx, caseId, laterPdfs);
  let batch: ReadFile[] = [];
  let bytes = 0;
  let done = 0;
  const record = (stored: Stored[]) => {
    for (const s of stored) {
      if ('added' in s) out.added.push(s.added);
      else out.skipped.push(s.skipped);
      onProgress?.(++done, files.length);
    }
  };
  // A large import's log is copied into a local register's database on a thread of its own
  // (db/checkpoint.ts), not by the commits of its batches.
  const log = laterPdfs && ctx.sqlite ? checkpointsOffThread(ctx.sqlite) : null;
  // One batch's rows are written while the next batch's bytes are stored and the one after is read.
  let storing: Promise<void> = Promise.resolve();
  /** The first batch is a smaller one, so that storing starts while the workers read on. */
  let first = true;
  const flush = async () => {
    const b = batch;
    batch = [];
    bytes = 0;
    const landing = target.land(b);
    await storing;
    first = false;
    storing = (log ? log.beforeWrite() : Promise.resolve()).then(() => target.store(b, landing)).then((stored) => {
      log?.afterCommit();
      record(stored);
    });
  };
  try {
    for await (const r of readAhead(files, (f) => readIncoming(ctx, f, role, laterPdfs), AHEAD)) {
      batch.push(r);
      bytes += heldBytes(r);
      if (batch.length >= BATCH.files || bytes >= BATCH.bytes || (first && batch.length >= BATCH.least)) await flush();
    }
    if (batch.length > 0) await flush();
    await storing;
  } finally {
    log?.end();
    // The PDFs this import left pending are read now, in the background, each batch as it commits;
    // then the words of everything it indexed are paired (search-pairs.repository.ts).
    if (laterPdfs) ctx.text.kick({ caseId });
  }
  return out;
}
