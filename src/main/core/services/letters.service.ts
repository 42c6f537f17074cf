// Letters: build the view from the case, render the PDF in the core, save or print it via the host.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { SaveResult } from '../../../shared/ipc/contract';
import type { LetterKind } from '../../../shared/domain/letters/kinds';
import { LETTER_KIND_LABELS } from '../../../shared/domain/letters/kinds';
import type { LetterView } from '../../../shared/domain/letters/view';
import { acknowledgementLetter } from '../../../shared/domain/letters/acknowledgement';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { renderLetter } from '../pdf/letter';
import { getSettings } from '../repositories/settings.repository';
import { findCase } from '../repositories/cases.repository';
import { recordLetter } from '../repositories/letters.repository';
import { getCase } from './cases.service';
import { inTransaction } from './transaction';

/** Until set-up is done, letters say plainly what is missing rather than inventing an authority. */
function withPlaceholders(s: AuthoritySettings): AuthoritySettings {
  if (s.configured) return s;
  return {
    ...s,
    name: s.name || '[Authority name: complete Settings]',
    signatoryName: s.signatoryName || '[Signatory: complete Settings]',
  };
}

export interface RenderedLetter {
  view: LetterView;
  bytes: Uint8Array;
  defaultName: string;
  configured: boolean;
}

export async function renderCaseLetter(ctx: CoreContext, reference: string, kind: LetterKind): Promise<RenderedLetter> {
  const detail = await getCase(ctx, reference);
  const settings = await getSettings(ctx.db);
  const today = ctx.today();
  let view: LetterView;
  switch (kind) {
    case 'acknowledgement':
      view = acknowledgementLetter({ settings: withPlaceholders(settings), caseRecord: detail, dueDate: detail.dueDate, today });
      break;
    default: {
      const missing: never = kind;
      throw new DiscloseError('VALIDATION', `Unknown letter kind ${String(missing)}`);
    }
  }
  const bytes = await renderLetter(view, await ctx.fonts());
  const safeRef = detail.reference.replace(/[^A-Za-z0-9-]+/g, '-');
  return { view, bytes, defaultName: `${safeRef} ${LETTER_KIND_LABELS[kind]}.pdf`, configured: settings.configured };
}

/** Writes beside the target then renames, so a crash never leaves half a letter at the path. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${process.pid}-${Date.now()}.disclose-tmp`);
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new DiscloseError('IO', `Could not write ${path}: ${(err as Error).message}`);
  }
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function recordOutput(ctx: CoreContext, reference: string, kind: LetterKind, rendered: RenderedLetter, savedTo: string | null, action: string) {
  await inTransaction(ctx, async (trx, audit) => {
    const found = await findCase(trx, reference);
    if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
    const now = ctx.now().toISOString();
    await recordLetter(trx, { caseId: found.id, kind, letterDate: rendered.view.date, sha256: sha256(rendered.bytes), size: rendered.bytes.length, savedTo }, now);
    await audit({
      action,
      caseId: found.id,
      summary: `${action === 'letter.printed' ? 'Printed' : 'Saved'} the ${LETTER_KIND_LABELS[kind].toLowerCase()} letter${savedTo ? ` to ${savedTo}` : ''}`,
      detail: { kind, sha256: sha256(rendered.bytes), size: rendered.bytes.length, path: savedTo },
    });
  });
}

export async function saveLetter(ctx: CoreContext, reference: string, kind: LetterKind): Promise<SaveResult> {
  const rendered = await renderCaseLetter(ctx, reference, kind);
  const path = await ctx.host.chooseSavePath({
    title: `Save ${LETTER_KIND_LABELS[kind].toLowerCase()} letter`,
    defaultName: rendered.defaultName,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  });
  if (path === null) return { saved: false, path: null, size: 0, sha256: null };
  writeFileAtomic(path, rendered.bytes);
  await recordOutput(ctx, reference, kind, rendered, path, 'letter.saved');
  return { saved: true, path, size: rendered.bytes.length, sha256: sha256(rendered.bytes) };
}

export async function printLetter(ctx: CoreContext, reference: string, kind: LetterKind): Promise<{ printed: boolean }> {
  const rendered = await renderCaseLetter(ctx, reference, kind);
  const dir = join(ctx.dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, rendered.defaultName);
  writeFileAtomic(file, rendered.bytes);
  const printed = await ctx.host.printPdf(file, rendered.view.title);
  if (printed) await recordOutput(ctx, reference, kind, rendered, null, 'letter.printed');
  return { printed };
}
