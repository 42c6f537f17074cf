// Letters as Word documents. The PDF stays the record of what was sent: a .docx is a working copy
// the officer finishes in Word (their own letterhead, or legal's tracked changes), so producing
// one is audited but never filed as correspondence. The authority may set its own .docx as the
// template: kept content-addressed as a stored file, listed with the setting that names it, so a
// backup carries it, the team database shares it with every officer, and no sweep takes it.
import { readFileSync, statSync } from 'node:fs';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/domain/letters/kinds';
import { requireCase } from '../repositories/cases.repository';
import { getMeta, setMeta } from '../repositories/holidays.repository';
import { ensureBlob } from '../repositories/correspondence.repository';
import { TEMPLATE_KEY, templateShaOf } from '../repositories/records.repository';
import { dropUnreferencedBlobs } from '../repositories/retention.repository';
import { writeZip } from '../bundle/zip';
import { letterDocx } from '../docx/letter-docx';
import { MAX_TEMPLATE_BYTES, readZip } from '../docx/unzip';
import { renderCaseLetter } from './letters.service';

export interface DocxTemplateInfo {
  /** The template's SHA-256 in the blob store, or null for Disclose's own plain style. */
  sha256: string | null;
  name: string | null;
}

export async function docxTemplate(ctx: CoreContext): Promise<DocxTemplateInfo> {
  const raw = await getMeta(ctx.db, TEMPLATE_KEY);
  if (!raw) return { sha256: null, name: null };
  const { sha256, name } = JSON.parse(raw) as { sha256: string; name: string };
  return { sha256, name };
}

/** Sets (a .docx path from the host's file dialog) or clears the authority's Word template. */
export async function setDocxTemplate(ctx: CoreContext, clear: boolean): Promise<DocxTemplateInfo> {
  let value = '';
  let stored: { sha256: string; bytes: Uint8Array } | null = null;
  if (!clear) {
    const chosen = await ctx.host.chooseFiles({ title: 'Choose the Word template (.docx)' });
    const path = chosen?.[0];
    if (!path) return docxTemplate(ctx);
    let bytes: Uint8Array;
    try {
      if (statSync(path).size > MAX_TEMPLATE_BYTES) throw new DiscloseError('VALIDATION', `The Word template ${path} is larger than 20 MB.`);
      bytes = new Uint8Array(readFileSync(path));
    } catch (err) {
      if (err instanceof DiscloseError) throw err;
      throw new DiscloseError('IO', `The Word template ${path} cannot be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`);
    }
    const parts = readZip(bytes); // refuses what is not a readable .docx before anything is kept
    if (!parts.some((p) => p.name === 'word/document.xml')) throw new DiscloseError('VALIDATION', `${path} is not a Word document: it has no word/document.xml.`);
    const sha256 = ctx.blobs.putForRow(bytes); // its row is written below (ensureBlob)
    stored = { sha256, bytes };
    value = JSON.stringify({ sha256, name: path.split(/[\\/]/).pop() ?? 'template.docx' });
  }
  await ctx.write(async ({ db: trx, audit, now }) => {
    const before = await getMeta(trx, TEMPLATE_KEY);
    if (stored) await ensureBlob(trx, stored.sha256, stored.bytes, now.toISOString());
    await setMeta(trx, TEMPLATE_KEY, value);
    // The template replaced or cleared is unlisted, unless something else uses the same file; a
    // copy kept in the register goes with its row, one in the folder is left to the sweep at open
    // (after its grace period, which an import reusing the same file renews).
    const old = templateShaOf(before);
    if (old && old !== stored?.sha256) await dropUnreferencedBlobs(trx, old);
    await audit({
      action: 'settings.docxTemplate',
      caseId: null,
      summary: value ? `Set the Word letter template to ${(JSON.parse(value) as { name: string }).name}` : 'Letters in Word use the plain style (no template)',
      detail: value ? JSON.parse(value) : {},
    });
  });
  return docxTemplate(ctx);
}

export interface DocxResult {
  saved: boolean;
  path: string | null;
  size: number;
}

/** The letter as a .docx, at a path the host chooses. */
export async function saveLetterDocx(ctx: CoreContext, reference: string, kind: LetterKind): Promise<DocxResult> {
  const found = await requireCase(ctx.db, reference);
  const rendered = await renderCaseLetter(ctx, found, kind);
  const template = await docxTemplate(ctx);
  const entries = letterDocx(rendered.view, template.sha256 ? await ctx.blobs.load(template.sha256, template.name ?? 'the Word template') : null);
  const path = await ctx.host.chooseSavePath({
    title: `Save ${LETTER_KIND_LABELS[kind].toLowerCase()} letter as a Word document`,
    defaultName: rendered.defaultName.replace(/\.pdf$/, '.docx'),
    filters: [{ name: 'Word document', extensions: ['docx'] }],
  });
  if (path === null) return { saved: false, path: null, size: 0 };
  const size = await writeZip(path, entries, { date: new Date(`${rendered.view.date}T00:00:00Z`) });
  await ctx.write(async ({ audit }) => {
    await audit({
      action: 'letter.docx',
      caseId: found.id,
      summary: `Saved the ${LETTER_KIND_LABELS[kind].toLowerCase()} letter as a Word document to ${path} (the PDF remains the record of what is sent)`,
      detail: { kind, path, size, template: template.sha256 },
    });
  });
  return { saved: true, path, size };
}
