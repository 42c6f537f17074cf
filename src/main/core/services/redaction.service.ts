// Redaction: marks added by box or by search, each with an exemption applied to the case; removed;
// listed per document and page; and the redacted copy produced, checked and filed. Every write is
// one transaction with its audit row. A copy that fails its check is never filed.
import { DiscloseError } from '../../../shared/errors';
import { checkBox, findOccurrences, redactionSchedule, type Box, type ProducedCopy, type RedactionMark, type RedactionOverview, type RedactionPage, type RedactionTarget } from '../../../shared/domain/redaction';
import { shortProvision, formatProvision } from '../../../shared/domain/exemptions/catalogue';
import type { CoreContext } from '../context';
import { requireCase } from '../repositories/cases.repository';
import { listApplied } from '../repositories/exemptions.repository';
import { insertAttachment, listCorrespondence } from '../repositories/correspondence.repository';
import { copiesOfCase, deleteMark, findMark, insertMark, markFromRow, marksOf, marksOfCase, recordRedactedCopy } from '../repositories/redaction.repository';
import { correspondenceTitle } from '../bundle/model';
import { produceRedactedCopy, widthOfText } from '../redaction/copy';
import { verifyCopy } from '../redaction/verify';
import { openReader } from '../redaction/reader';
import { copyName, loadSource, type RedactionSource } from '../redaction/sources';
import { copyIsCurrent, latestCopies, targetKey } from '../redaction/store';
import { extractPdfText } from '../pdf/extract';

const PREVIEW_DPI = 96;

async function sourceOnCase(ctx: CoreContext, reference: string, target: RedactionTarget): Promise<RedactionSource> {
  const found = await requireCase(ctx.db, reference);
  const source = await loadSource(ctx, target);
  if (source.caseId !== found.id) throw new DiscloseError('NOT_FOUND', `${target.kind === 'email' ? 'Correspondence' : 'Attachment'} ${target.id} is not on ${reference}.`);
  return source;
}

/** The exemptions a mark may rely on: those applied to the case, as "s40(2)". */
async function codesOf(ctx: CoreContext, caseId: number): Promise<string[]> {
  return [...new Set((await listApplied(ctx.db, caseId)).map((e) => shortProvision(e.ref)))];
}

async function codeFor(ctx: CoreContext, caseId: number, reference: string, code: string): Promise<string> {
  const applied = await listApplied(ctx.db, caseId);
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const hit = applied.find((e) => norm(shortProvision(e.ref)) === norm(code) || norm(formatProvision(e.ref)) === norm(code));
  if (hit) return shortProvision(hit.ref);
  const list = [...new Set(applied.map((e) => shortProvision(e.ref)))].join(', ');
  throw new DiscloseError('VALIDATION', list ? `${code} is not an exemption applied to ${reference}; choose one of: ${list}.` : `No exemption is applied to ${reference} yet: apply the exemption relied on first (exemption ${reference} --apply ...).`, { code: 'Choose an exemption applied to the case' });
}

export async function redactionOverview(ctx: CoreContext, reference: string): Promise<RedactionOverview> {
  const found = await requireCase(ctx.db, reference);
  const { items, direct } = await listCorrespondence(ctx.db, found.id);
  const copies = await copiesOfCase(ctx.db, found.id);
  const copyIds = new Set(copies.map((c) => c.copyAttachmentId));
  const marks = await marksOfCase(ctx.db, found.id);
  const names = new Map<string, string>();
  const documents: RedactionOverview['documents'] = [];
  const add = (target: RedactionTarget, name: string) => {
    names.set(targetKey(target), name);
    documents.push({ target, name });
  };
  for (const it of items) {
    add({ kind: 'email', id: it.id }, correspondenceTitle(it));
    for (const a of it.attachments) if (a.contentType === 'application/pdf' && !copyIds.has(a.id)) add({ kind: 'attachment', id: a.id }, a.filename);
  }
  for (const a of direct) if (a.contentType === 'application/pdf' && !copyIds.has(a.id)) add({ kind: 'attachment', id: a.id }, a.filename);
  const latest = latestCopies(copies);
  const byTarget = (t: RedactionTarget) => marks.filter((m) => targetKey(m.target) === targetKey(t));
  return {
    reference: found.record.reference,
    codes: await codesOf(ctx, found.id),
    documents,
    marks,
    schedule: redactionSchedule(marks, (t) => names.get(targetKey(t)) ?? `${t.kind} ${t.id}`),
    copies: copies.map((c) => ({
      attachmentId: c.copyAttachmentId,
      filename: c.filename,
      sha256: c.sha256,
      source: c.source,
      pages: c.pages,
      marks: c.marks.length,
      producedAt: c.producedAt,
      current: latest.get(targetKey(c.source)) === c && copyIsCurrent(c, byTarget(c.source)),
    })),
  };
}

export async function redactionPage(ctx: CoreContext, reference: string, target: RedactionTarget, page: number): Promise<RedactionPage> {
  const source = await sourceOnCase(ctx, reference, target);
  const reader = await openReader(source.bytes, ctx.resourcesDir);
  try {
    if (page > reader.pages) throw new DiscloseError('VALIDATION', `The document has ${reader.pages} page${reader.pages === 1 ? '' : 's'}.`);
    const geometry = await reader.geometry(page);
    const canvas = await reader.render(page, PREVIEW_DPI, []);
    const marks = (await marksOf(ctx.db, target)).filter((m) => m.page === page);
    return { target, page, pages: reader.pages, width: geometry.width, height: geometry.height, imageBase64: (await canvas.encode('png')).toString('base64'), dpi: PREVIEW_DPI, marks };
  } finally {
    await reader.close();
  }
}

const describeTarget = (s: RedactionSource) => (s.target.kind === 'email' ? `the email "${s.name}"` : s.name);

export async function addMarks(ctx: CoreContext, input: { reference: string; target: RedactionTarget; page: number; box: Box; code: string }): Promise<RedactionMark> {
  const source = await sourceOnCase(ctx, input.reference, input.target);
  const code = await codeFor(ctx, source.caseId, input.reference, input.code);
  const reader = await openReader(source.bytes, ctx.resourcesDir);
  let size: { width: number; height: number };
  try {
    if (input.page > reader.pages) throw new DiscloseError('VALIDATION', `There is no page ${input.page}: ${describeTarget(source)} has ${reader.pages}.`, { page: 'Choose a page of the document' });
    size = await reader.geometry(input.page);
  } finally {
    await reader.close();
  }
  const problem = checkBox(input.box, size);
  if (problem) throw new DiscloseError('VALIDATION', problem, { box: problem });
  return ctx.write(async ({ db: trx, audit, now, actor }) => {
    const mark = await insertMark(trx, source.caseId, { target: input.target, page: input.page, box: input.box, code, matched: '', createdAt: now.toISOString(), createdBy: actor });
    await audit({ action: 'redaction.marked', caseId: source.caseId, summary: `Marked an area of ${describeTarget(source)}, page ${input.page}, as withheld under ${code}`, detail: { mark } });
    return mark;
  });
}

/** Marks every occurrence of `query` in the document, on every page; refused when there is none. */
export async function markBySearch(ctx: CoreContext, input: { reference: string; target: RedactionTarget; query: string; code: string }): Promise<RedactionMark[]> {
  const source = await sourceOnCase(ctx, input.reference, input.target);
  const code = await codeFor(ctx, source.caseId, input.reference, input.code);
  const widthOf = await widthOfText();
  const reader = await openReader(source.bytes, ctx.resourcesDir);
  const found: { page: number; box: Box }[] = [];
  try {
    for (let page = 1; page <= reader.pages; page++) {
      const g = await reader.geometry(page);
      for (const box of findOccurrences(g.runs, input.query, widthOf)) found.push({ page, box: clip(box, g) });
    }
  } finally {
    await reader.close();
  }
  if (found.length === 0) throw new DiscloseError('NOT_FOUND', `"${input.query}" does not occur in the text of ${describeTarget(source)}. A scanned page has no text: draw a box over it instead.`, { query: 'Not found in the document' });
  return ctx.write(async ({ db: trx, audit, now, actor }) => {
    const marks: RedactionMark[] = [];
    for (const f of found) marks.push(await insertMark(trx, source.caseId, { target: input.target, page: f.page, box: f.box, code, matched: input.query, createdAt: now.toISOString(), createdBy: actor }));
    await audit({ action: 'redaction.marked', caseId: source.caseId, summary: `Marked ${marks.length} occurrence${marks.length === 1 ? '' : 's'} of "${input.query}" in ${describeTarget(source)} as withheld under ${code}`, detail: { query: input.query, marks } });
    return marks;
  });
}

const clip = (b: Box, page: { width: number; height: number }): Box => {
  const x = Math.max(0, b.x);
  const y = Math.max(0, b.y);
  return { x, y, w: Math.min(page.width, b.x + b.w) - x, h: Math.min(page.height, b.y + b.h) - y };
};

export async function removeMark(ctx: CoreContext, reference: string, id: number): Promise<RedactionMark> {
  const found = await requireCase(ctx.db, reference);
  return ctx.write(async ({ db: trx, audit }) => {
    const row = await findMark(trx, found.id, id);
    if (!row) throw new DiscloseError('NOT_FOUND', `No redaction mark ${id} on ${reference}.`);
    await deleteMark(trx, id);
    const mark = { id: row.id, page: row.page, code: row.code, box: { x: row.x, y: row.y, w: row.w, h: row.h } };
    await audit({ action: 'redaction.removed', caseId: found.id, summary: `Removed redaction mark ${id} (page ${row.page}, ${row.code})`, detail: { mark, attachmentId: row.attachment_id, correspondenceId: row.correspondence_id } });
    return markFromRow(row);
  });
}

/** Produces the redacted copy, checks it, and files it as a disclosed attachment linked to its source. */
export async function produceCopy(ctx: CoreContext, reference: string, target: RedactionTarget): Promise<ProducedCopy> {
  const source = await sourceOnCase(ctx, reference, target);
  const marks = await marksOf(ctx.db, target);
  if (marks.length === 0) throw new DiscloseError('VALIDATION', `${describeTarget(source)} has no redaction marks: mark what is withheld first.`);
  const burn = marks.map((m) => ({ page: m.page, box: m.box, code: m.code }));
  const made = await produceRedactedCopy(source.bytes, burn, await ctx.fonts(), ctx.resourcesDir);
  const sourcePages = (await openReader(source.bytes, ctx.resourcesDir).then(async (r) => [r.pages, await r.close()] as const))[0];
  const check = await verifyCopy(made, burn, sourcePages, await widthOfText(), ctx.resourcesDir);
  if (!check.verified) {
    await ctx.write(async ({ audit }) => {
      await audit({ action: 'redaction.check-failed', caseId: source.caseId, summary: `The redacted copy of ${describeTarget(source)} failed its check and was not filed`, detail: { problems: check.problems } });
    });
    throw new DiscloseError('VALIDATION', `The redacted copy failed its check and was not filed: ${check.problems.slice(0, 3).join(' ')}`);
  }
  const sha = ctx.blobs.putForRow(made.bytes);
  const item = target.kind === 'email' ? (await listCorrespondence(ctx.db, source.caseId)).items.find((i) => i.id === target.id) : undefined;
  const filename = copyName(source, item);
  const text = await extractPdfText(made.bytes);
  return ctx.write(async ({ db: trx, audit, now: at }) => {
    const now = at.toISOString();
    // The same copy made again (identical bytes) is the same attachment, filed as disclosed.
    const id = await insertAttachment(
      trx,
      { caseId: source.caseId, correspondenceId: null, sha256: sha, bytes: made.bytes, originalFilename: filename, filename, contentType: 'application/pdf', role: 'disclosed', existingDirectRole: 'disclosed', textStatus: text.status, textNote: text.reason, text: text.text },
      now,
    );
    await recordRedactedCopy(trx, { copyAttachmentId: id, caseId: source.caseId, source: target, sourceSha256: source.sha256, marks, pages: made.redactedPages, producedAt: now });
    await audit({
      action: 'redaction.produced',
      caseId: source.caseId,
      summary: `Filed ${filename}: ${marks.length} redaction${marks.length === 1 ? '' : 's'} on page${made.redactedPages.length === 1 ? '' : 's'} ${made.redactedPages.join(', ')} of ${describeTarget(source)}, checked: no text under a box can be extracted`,
      detail: { copyAttachmentId: id, sha256: sha, source: target, sourceSha256: source.sha256, redactedPages: made.redactedPages, marks: marks.map((m) => m.id), removed: made.removed },
    });
    return { attachment: { id, sha256: sha, role: 'disclosed' as const, filename }, redactedPages: made.redactedPages, verified: true as const, removed: made.removed };
  });
}
