// The response pack: what the officer sends the requester. The latest response letter, then every
// disclosed document, each redacted document by its checked redacted copy, as one PDF or as a ZIP
// of the files. A document with redaction marks that were never burned into a copy is refused:
// the pack must never carry an unredacted original.
import { PDFDocument, PDFName } from 'pdf-lib';
import { DiscloseError } from '../../../shared/errors';
import type { AttachmentInfo } from '../../../shared/domain/correspondence';
import type { PackResult } from '../../../shared/domain/redaction';
import type { LetterKind } from '../../../shared/domain/letters/kinds';
import type { CoreContext } from '../context';
import { sha256Hex } from '../blobs';
import { requireCase, type FoundCase } from '../repositories/cases.repository';
import { listCorrespondence } from '../repositories/correspondence.repository';
import { listLetters } from '../repositories/letters.repository';
import { copiesOfCase, marksOfCase } from '../repositories/redaction.repository';
import { removeActiveContent } from '../bundle/active';
import { openPdf } from '../bundle/sources';
import { writeZip } from '../bundle/zip';
import { copyIsCurrent, latestCopies, targetKey } from '../redaction/store';
import { renderCaseLetter, writeFileAtomic } from './letters.service';

const RESPONSE_KINDS: LetterKind[] = ['response', 'refusal', 's12-refusal', 's14-refusal', 'sar-refusal', 'review-outcome'];


async function responseLetter(ctx: CoreContext, found: FoundCase): Promise<{ kind: LetterKind; letterDate: string; bytes: Uint8Array }> {
  const reference = found.record.reference;
  const rows = await listLetters(ctx.db, found.id, RESPONSE_KINDS);
  for (const r of rows) {
    try {
      return { kind: r.kind as LetterKind, letterDate: r.letterDate, bytes: await ctx.blobs.load(r.sha256) };
    } catch {
      // not filed with the case: made again below
    }
    return { kind: r.kind as LetterKind, letterDate: r.letterDate, bytes: (await renderCaseLetter(ctx, found, r.kind as LetterKind)).bytes };
  }
  throw new DiscloseError('VALIDATION', `${reference} has no response letter yet: produce it first (letter ${reference} --kind response --out FILE.pdf).`);
}

/** The documents to send, in the case's order, each redacted one replaced by its latest checked copy. */
async function disclosedDocuments(ctx: CoreContext, caseId: number): Promise<{ info: AttachmentInfo; redacted: boolean }[]> {
  const { items, direct } = await listCorrespondence(ctx.db, caseId);
  const copies = await copiesOfCase(ctx.db, caseId);
  const latest = latestCopies(copies);
  const copyIds = new Set(copies.map((c) => c.copyAttachmentId));
  const marks = await marksOfCase(ctx.db, caseId);
  const all = [...items.flatMap((i) => i.attachments), ...direct];
  const byId = new Map(all.map((a) => [a.id, a]));
  const out: { info: AttachmentInfo; redacted: boolean }[] = [];
  for (const a of all) {
    if (copyIds.has(a.id) || a.role !== 'disclosed') continue;
    const key = targetKey({ kind: 'attachment', id: a.id });
    const onIt = marks.filter((m) => targetKey(m.target) === key);
    const copy = latest.get(key);
    if (onIt.length > 0 && !copyIsCurrent(copy, onIt)) throw new DiscloseError('VALIDATION', `${a.filename} has redaction marks not yet burned into a copy: produce the redacted copy first.`);
    const info = copy ? byId.get(copy.copyAttachmentId) : undefined;
    out.push(info ? { info, redacted: true } : { info: a, redacted: false });
  }
  // Copies of documents that are not themselves disclosed (an email, a file kept as correspondence).
  for (const c of latest.values()) {
    const source = c.source.kind === 'attachment' ? byId.get(c.source.id) : undefined;
    const info = byId.get(c.copyAttachmentId);
    if (info && source?.role !== 'disclosed' && source?.role !== 'withheld') out.push({ info, redacted: true });
  }
  return out;
}

export async function makePack(ctx: CoreContext, reference: string, format: 'pdf' | 'zip'): Promise<PackResult> {
  const found = await requireCase(ctx.db, reference);
  const docs = await disclosedDocuments(ctx, found.id);
  const letter = await responseLetter(ctx, found);
  const path = await ctx.host.chooseSavePath({
    title: 'Save the response pack',
    defaultName: `${reference.replace(/[^A-Za-z0-9-]+/g, '-')} response.${format}`,
    filters: [format === 'pdf' ? { name: 'PDF document', extensions: ['pdf'] } : { name: 'ZIP archive', extensions: ['zip'] }],
  });
  const documents = docs.map((d) => ({ filename: d.info.filename, sha256: d.info.sha256, redacted: d.redacted }));
  const base = { format, letter: { kind: letter.kind, letterDate: letter.letterDate }, documents };
  if (path === null) return { saved: false, path: null, pages: 0, size: 0, sha256: null, ...base };
  let bytes: Uint8Array;
  let pages: number;
  if (format === 'zip') {
    const entries = [{ name: `01 Response letter (${letter.kind}).pdf`, bytes: letter.bytes }];
    for (const [i, d] of docs.entries()) entries.push({ name: `${String(i + 2).padStart(2, '0')} ${d.info.filename}`, bytes: await ctx.blobs.load(d.info.sha256, d.info.filename) });
    await writeZip(path, entries, { date: new Date(`${ctx.today()}T00:00:00Z`) });
    const { readFileSync } = await import('node:fs');
    bytes = readFileSync(path);
    pages = entries.length;
  } else {
    const out = await PDFDocument.create({ updateMetadata: false });
    const parts = [{ bytes: letter.bytes, name: 'the response letter' }];
    for (const d of docs) parts.push({ bytes: await ctx.blobs.load(d.info.sha256, d.info.filename), name: d.info.filename });
    for (const { bytes: b, name } of parts) {
      const opened = await openPdf(b);
      if (opened.kind !== 'pdf') throw new DiscloseError('VALIDATION', `${name} cannot go into a PDF pack (${opened.reason}): make the pack as a ZIP instead.`);
      removeActiveContent(opened.doc);
      for (const p of opened.doc.getPages()) p.node.delete(PDFName.of('Annots'));
      for (const p of await out.copyPages(opened.doc, opened.doc.getPageIndices())) out.addPage(p);
    }
    out.setTitle(`${reference}: response`);
    bytes = await out.save({ useObjectStreams: false });
    writeFileAtomic(path, bytes);
    pages = out.getPageCount();
  }
  const sha = sha256Hex(bytes);
  await ctx.write(async ({ audit }) => {
    await audit({ action: 'pack.exported', caseId: found.id, summary: `Saved the response pack (${format.toUpperCase()}, the ${letter.kind} letter and ${docs.length} document${docs.length === 1 ? '' : 's'}) to ${path}`, detail: { path, sha256: sha, documents } });
  });
  return { saved: true, path, pages, size: bytes.length, sha256: sha, ...base };
}
