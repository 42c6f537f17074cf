// How redaction reaches the bundles, as a change to the facts a bundle is planned from. The open
// bundle (and its ZIP of native files) shows each redacted document by its latest redacted copy,
// and an email with a copy by a pointer to it instead of its text. The closed bundle adds, among
// the information withheld, each marked document as it is, every redaction outlined in red and
// labelled with its exemption, so the regulator sees exactly what was withheld and why.
import { degrees, PDFDocument, rgb, StandardFonts, type PDFPage } from 'pdf-lib';
import type { AttachmentInfo, CorrespondenceItem } from '../../../shared/domain/correspondence';
import { redactionSchedule, type RedactionMark, type RedactionTarget } from '../../../shared/domain/redaction';
import type { CoreContext } from '../context';
import { sha256Hex } from '../blobs';
import type { BundleFacts } from '../bundle/model';
import { copyIsCurrent, latestCopies, targetKey } from './store';
import { loadSource } from './sources';
import { copiesOfCase, marksOfCase, type CopyRecord } from '../repositories/redaction.repository';

export interface RedactedFacts {
  facts: BundleFacts;
  /** Files made for this bundle only (outlined originals), by SHA-256. */
  extra: Map<string, Uint8Array>;
  /** Marked documents whose redacted copy is missing or older than their marks. */
  unproduced: string[];
}

const asAttachment = (c: CopyRecord, size: number, correspondenceId: number | null): AttachmentInfo => ({
  id: c.copyAttachmentId, correspondenceId, filename: c.filename, originalFilename: c.filename, contentType: 'application/pdf',
  sha256: c.sha256, size, role: 'disclosed', inline: false, textStatus: 'ok', textNote: null,
});

/** A point given from the top-left of the page as shown (rotation applied) in the page's own space. */
function toPageSpace(page: PDFPage, u: number, v: number): { x: number; y: number } {
  const { x: cx, y: cy, width: w, height: h } = page.getCropBox();
  switch (((page.getRotation().angle % 360) + 360) % 360) {
    case 90:
      return { x: cx + v, y: cy + u };
    case 180:
      return { x: cx + w - u, y: cy + v };
    case 270:
      return { x: cx + w - v, y: cy + h - u };
    default:
      return { x: cx + u, y: cy + h - v };
  }
}

/** Draws each mark's outline and exemption on the original's pages (nothing is covered). */
export async function outlineMarks(bytes: Uint8Array, marks: readonly RedactionMark[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const red = rgb(0.83, 0.02, 0.09);
  for (const m of marks) {
    const page = doc.getPage(m.page - 1);
    const a = toPageSpace(page, m.box.x, m.box.y);
    const b = toPageSpace(page, m.box.x + m.box.w, m.box.y + m.box.h);
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    page.drawRectangle({ x, y, width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y), borderColor: red, borderWidth: 1.5, color: red, opacity: 0.08, borderOpacity: 1 });
    // The label sits above the box as the page is shown, upright however the page is turned.
    const size = 7;
    const label = `Redacted: ${m.code}`;
    const above = m.box.y >= size + 3;
    const at = toPageSpace(page, m.box.x + 1, above ? m.box.y - 2 : m.box.y + m.box.h + size + 1);
    page.drawText(label, { x: at.x, y: at.y, size, font, color: red, rotate: degrees(page.getRotation().angle) });
  }
  return doc.save({ useObjectStreams: false });
}

function hideEmail(item: CorrespondenceItem, copy: AttachmentInfo): CorrespondenceItem {
  const note = `(redacted: the message is reproduced in ${copy.filename}, which follows)`;
  return { ...item, from: item.direction === 'in' ? '(redacted)' : item.from, to: item.direction === 'out' ? '(redacted)' : item.to, cc: '', subject: '(redacted)', body: note, attachments: [copy, ...item.attachments] };
}

/** The facts of case `caseId` (the case the bundle resolved) with its redactions applied. */
export async function redactedFacts(ctx: CoreContext, caseId: number, facts: BundleFacts, kind: 'open' | 'closed'): Promise<RedactedFacts> {
  const copies = await copiesOfCase(ctx.db, caseId);
  const marks = await marksOfCase(ctx.db, caseId);
  const extra = new Map<string, Uint8Array>();
  if (copies.length === 0 && marks.length === 0) return { facts, extra, unproduced: [] };
  const latest = latestCopies(copies);
  const names = new Map<string, string>();
  for (const it of facts.detail.correspondence) {
    names.set(targetKey({ kind: 'email', id: it.id }), `Email: ${it.subject || '(no subject)'}`);
    for (const a of it.attachments) names.set(targetKey({ kind: 'attachment', id: a.id }), a.filename);
  }
  for (const a of facts.detail.attachments) names.set(targetKey({ kind: 'attachment', id: a.id }), a.filename);
  facts = { ...facts, redactions: redactionSchedule(marks, (t) => names.get(targetKey(t)) ?? `${t.kind} ${t.id}`) };
  const copyIds = new Set(copies.map((c) => c.copyAttachmentId));
  const byTarget = new Map<string, RedactionMark[]>();
  for (const m of marks) byTarget.set(targetKey(m.target), [...(byTarget.get(targetKey(m.target)) ?? []), m]);
  const sizes = new Map([...facts.detail.attachments, ...facts.detail.correspondence.flatMap((i) => i.attachments)].map((a) => [a.id, a.size]));
  const unproduced: string[] = [];
  const check = (t: RedactionTarget, name: string) => {
    const ms = byTarget.get(targetKey(t));
    if (ms && !copyIsCurrent(latest.get(targetKey(t)), ms)) unproduced.push(name);
  };
  for (const it of facts.detail.correspondence) {
    check({ kind: 'email', id: it.id }, `the email "${it.subject || '(no subject)'}"`);
    for (const a of it.attachments) if (a.role !== 'withheld') check({ kind: 'attachment', id: a.id }, a.filename);
  }
  for (const a of facts.detail.attachments) if (a.role !== 'withheld' && !copyIds.has(a.id)) check({ kind: 'attachment', id: a.id }, a.filename);

  if (kind === 'open') {
    const swap = (a: AttachmentInfo): AttachmentInfo => {
      const c = a.role === 'withheld' ? undefined : latest.get(targetKey({ kind: 'attachment', id: a.id }));
      return c ? { ...asAttachment(c, sizes.get(c.copyAttachmentId) ?? 0, a.correspondenceId), role: a.role } : a;
    };
    const correspondence = facts.detail.correspondence.map((it) => {
      const c = latest.get(targetKey({ kind: 'email', id: it.id }));
      const item = { ...it, attachments: it.attachments.map(swap) };
      return c ? hideEmail(item, asAttachment(c, sizes.get(c.copyAttachmentId) ?? 0, it.id)) : item;
    });
    // A copy appears where its source is; listed again on its own it would appear twice.
    const attachments = facts.detail.attachments.filter((a) => !copyIds.has(a.id)).map(swap);
    return { facts: { ...facts, detail: { ...facts.detail, correspondence, attachments } }, extra, unproduced };
  }

  const outlined: AttachmentInfo[] = [];
  for (const [key, ms] of byTarget) {
    const source = await loadSource(ctx, ms[0]!.target);
    const bytes = await outlineMarks(source.bytes, ms);
    const sha = sha256Hex(bytes);
    extra.set(sha, bytes);
    const name = `${source.name.replace(/\.pdf$/i, '')} (redactions outlined).pdf`;
    outlined.push({ id: -outlined.length - 1, correspondenceId: null, filename: name, originalFilename: name, contentType: 'application/pdf', sha256: sha, size: bytes.length, role: 'withheld', inline: false, textStatus: 'ok', textNote: `redactions outlined: ${key}` });
  }
  return { facts: { ...facts, detail: { ...facts.detail, attachments: [...facts.detail.attachments, ...outlined] } }, extra, unproduced };
}
