// What a mark is drawn on: a PDF attachment as filed, or an email as the bundle renders it (its
// headers and text set on A4 pages with the same typesetter), so the marks on an email fall on
// the same words wherever it is printed. Rendering an email again gives the same pages as long as
// the message is unchanged; the copy records the SHA-256 of the pages its marks were made on.
import { PDFDocument } from 'pdf-lib';
import { DiscloseError } from '../../../shared/errors';
import type { RedactionTarget } from '../../../shared/domain/redaction';
import type { CorrespondenceItem } from '../../../shared/domain/correspondence';
import type { CoreContext } from '../context';
import { sha256Hex } from '../blobs';
import { composePages } from '../bundle/compose';
import { typesetter } from '../bundle/draw';
import { emailFlow } from '../bundle/documents';
import { correspondenceTitle } from '../bundle/model';
import { attachmentRowToInfo, correspondenceCase, getAttachment, listCorrespondence } from '../repositories/correspondence.repository';

export interface RedactionSource {
  caseId: number;
  reference: string;
  target: RedactionTarget;
  /** "tender.pdf", or the email's title as the bundle gives it. */
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

export async function renderEmailPdf(ctx: CoreContext, item: CorrespondenceItem): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ts = await typesetter(doc, await ctx.fonts());
  const title = correspondenceTitle(item);
  const flow = emailFlow({ id: `email-${item.id}`, tab: '', title, date: item.sentAt.slice(0, 10), content: { kind: 'email', item }, exemptions: [], exemptionBasis: null }, item, new Map(), []);
  ts.draw(composePages(flow, ts.measure), new Map());
  return doc.save({ useObjectStreams: false });
}

export async function loadSource(ctx: CoreContext, target: RedactionTarget): Promise<RedactionSource> {
  if (target.kind === 'attachment') {
    const row = await getAttachment(ctx.db, target.id);
    if (!row) throw new DiscloseError('NOT_FOUND', `No attachment ${target.id}.`);
    const info = attachmentRowToInfo(row);
    const bytes = await ctx.blobs.load(row.sha256, row.original_filename);
    const isPdf = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
    if (!isPdf) throw new DiscloseError('VALIDATION', `${info.filename} is not a PDF; only PDF documents and emails can be redacted. Save it as PDF and add that to the case.`);
    return { caseId: row.case_id, reference: row.reference, target, name: info.filename, bytes, sha256: row.sha256 };
  }
  const row = await correspondenceCase(ctx.db, target.id);
  if (!row) throw new DiscloseError('NOT_FOUND', `No correspondence ${target.id}.`);
  const { items } = await listCorrespondence(ctx.db, row.caseId);
  const item = items.find((i) => i.id === target.id);
  if (!item) throw new DiscloseError('NOT_FOUND', `No correspondence ${target.id}.`);
  const bytes = await renderEmailPdf(ctx, item);
  return { caseId: row.caseId, reference: row.reference, target, name: correspondenceTitle(item), bytes, sha256: sha256Hex(bytes) };
}

/** The file name of a redacted copy: "tender (redacted).pdf"; for an email, from its subject. */
export function copyName(source: RedactionSource, item?: CorrespondenceItem): string {
  const stem = source.target.kind === 'attachment' ? source.name.replace(/\.pdf$/i, '') : `Email ${source.target.id} ${item?.subject ?? ''}`.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is removed from a file name
  return `${stem.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').slice(0, 150).trim()} (redacted).pdf`;
}
