// Letters as they go out: saved or printed via the host, recorded, filed with the case as outgoing
// correspondence with their PDF, and, when sent, the case event they record.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../context';
import type { WriteScope } from './transaction';
import { DiscloseError } from '../../../shared/errors';
import type { SaveResult } from '../../../shared/ipc/contract';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { LetterView } from '../../../shared/domain/letters/view';
import { defaultChannel, filingChannel, LETTER_EVENTS, LETTER_NEEDS_EVENT, letterOutcome, type SendChannel } from '../../../shared/domain/letters/sending';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { formatLongDate } from '../../../shared/domain/dates';
import type { BlobStore } from '../blobs';
import { requireCase, type FoundCase } from '../repositories/cases.repository';
import { recordLetter } from '../repositories/letters.repository';
import { getLetterFields } from '../repositories/templates.repository';
import { findFiledOutgoing, insertAttachment, insertCorrespondence, linkCorrespondenceEvent, setCorrespondenceChannel } from '../repositories/correspondence.repository';
import { insertEvent, liveEventsOfType } from '../repositories/events.repository';
import { renderCaseLetter, writeFileAtomic, type LetterOptions, type RenderedLetter } from './letters.service';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The letter's text as the requester reads it, for the correspondence record and search. */
function letterText(view: LetterView): string {
  const blocks = view.blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => `- ${i}`).join('\n') : b.text));
  return [view.subject, '', view.salutation, '', ...blocks.flatMap((b) => [b, '']), view.closing, '', view.signatory.name, view.signatory.title, view.signatory.authority].join('\n').trim();
}

/**
 * A letter produced is filed as outgoing correspondence with its PDF, so the case file (and a
 * bundle) holds what was sent. The same letter produced again (identical bytes) is filed once.
 */
async function fileAsOutgoing({ db, now }: WriteScope, blobs: BlobStore, found: FoundCase, rendered: RenderedLetter, via: SendChannel | undefined): Promise<number> {
  const sha = sha256(rendered.bytes);
  const channel = filingChannel(via ?? defaultChannel(found.record.requester));
  const already = await findFiledOutgoing(db, found.id, sha);
  if (already) {
    if (via) await setCorrespondenceChannel(db, already.correspondenceId, channel);
    return already.correspondenceId;
  }
  blobs.putForRow(rendered.bytes, sha);
  const at = now.toISOString();
  const { view } = rendered;
  const correspondenceId = await insertCorrespondence(
    db,
    { caseId: found.id, direction: 'out', channel, sentAt: view.date, from: view.signatory.authority, to: found.record.requester.name, subject: view.subject, body: letterText(view) },
    at,
  );
  await insertAttachment(
    db,
    { caseId: found.id, correspondenceId, sha256: sha, bytes: rendered.bytes, originalFilename: rendered.defaultName, contentType: 'application/pdf', role: 'correspondence', textStatus: 'ok', textNote: null },
    at,
  );
  return correspondenceId;
}

/** How a letter goes out: dated, signed, and (when sent) the channel and the case event it records. */
export interface LetterOutput extends LetterOptions {
  reference: string;
  kind: LetterKind;
  sent?: boolean | undefined;
  via?: SendChannel | undefined;
}

async function recordOutput(ctx: CoreContext, found: FoundCase, out: LetterOutput, rendered: RenderedLetter, savedTo: string | null, action: 'letter.saved' | 'letter.printed') {
  const { kind } = out;
  await ctx.write(async (w) => {
    const now = w.now.toISOString();
    await recordLetter(w.db, { caseId: found.id, kind, letterDate: rendered.view.date, sha256: sha256(rendered.bytes), size: rendered.bytes.length, savedTo }, now);
    const correspondenceId = await fileAsOutgoing(w, ctx.blobs, found, rendered, out.via);
    const event = out.sent ? await recordSending(w, found.id, out, rendered, correspondenceId) : null;
    await w.audit({
      action,
      caseId: found.id,
      summary: `${action === 'letter.printed' ? 'Opened for printing' : 'Saved'} the ${LETTER_KIND_LABELS[kind].toLowerCase()} letter${savedTo ? ` to ${savedTo}` : ''}${out.sent ? `, sent ${formatLongDate(rendered.view.date)} by ${out.via ?? defaultChannel(found.record.requester)}, signed by ${rendered.view.signatory.name}` : ''}${event ? `; recorded: ${eventLabel(event.type)}${event.outcome ? ` (${event.outcome})` : ''}` : ''}`,
      detail: { kind, sha256: sha256(rendered.bytes), size: rendered.bytes.length, path: savedTo, sent: out.sent ?? false, via: out.via ?? null, signedBy: rendered.view.signatory.name, event },
    });
  });
}

/**
 * Saving a letter as sent moves the case: its event is recorded on the letter's date (or, for an
 * extension letter, the extension already recorded is the event) and the filed copy is linked to it.
 */
async function recordSending({ db: trx, now }: WriteScope, caseId: number, out: LetterOutput, rendered: RenderedLetter, correspondenceId: number) {
  const type = LETTER_EVENTS[out.kind];
  if (!type) return null;
  const date = rendered.view.date;
  const live = await liveEventsOfType(trx, caseId, type);
  const fields = await getLetterFields(trx, caseId, out.kind);
  const outcome = letterOutcome(out.kind, fields);
  const existing = LETTER_NEEDS_EVENT.includes(out.kind) ? live[0] : live.find((e) => e.date === date);
  const eventId = existing?.id ?? (await insertEvent(trx, caseId, { type, date, outcome, note: `Letter sent: ${rendered.view.subject}` }, now.toISOString()));
  await linkCorrespondenceEvent(trx, correspondenceId, eventId);
  return { id: eventId, type, date: existing?.date ?? date, outcome: existing ? null : outcome, recorded: !existing };
}

/** A letter may be dated for when it goes, never before the request nor, once sent, in the future. */
function checkLetterDate(ctx: CoreContext, found: FoundCase, out: LetterOutput): void {
  if (!out.letterDate) return;
  if (out.letterDate < found.record.received) {
    throw new DiscloseError('VALIDATION', `The letter date ${out.letterDate} is before the request was received (${found.record.received}).`, { letterDate: 'Before the date received' });
  }
  if (out.sent && out.letterDate > ctx.today()) {
    throw new DiscloseError('VALIDATION', `A letter cannot be recorded as sent on ${out.letterDate}, which is in the future.`, { letterDate: 'The date sent cannot be in the future' });
  }
}

export async function saveLetter(ctx: CoreContext, out: LetterOutput): Promise<SaveResult> {
  const { kind } = out;
  const found = await requireCase(ctx.db, out.reference);
  checkLetterDate(ctx, found, out);
  const rendered = await renderCaseLetter(ctx, found, kind, out);
  const path = await ctx.host.chooseSavePath({
    title: `Save ${LETTER_KIND_LABELS[kind].toLowerCase()} letter`,
    defaultName: rendered.defaultName,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  });
  if (path === null) return { saved: false, path: null, size: 0, sha256: null };
  writeFileAtomic(path, rendered.bytes);
  await recordOutput(ctx, found, out, rendered, path, 'letter.saved');
  return { saved: true, path, size: rendered.bytes.length, sha256: sha256(rendered.bytes) };
}

export async function printLetter(ctx: CoreContext, out: LetterOutput): Promise<{ printed: boolean }> {
  const { kind } = out;
  const found = await requireCase(ctx.db, out.reference);
  checkLetterDate(ctx, found, out);
  const rendered = await renderCaseLetter(ctx, found, kind, out);
  const dir = join(ctx.dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, rendered.defaultName);
  writeFileAtomic(file, rendered.bytes);
  // The print copy stays for the system's PDF viewer, which reads it after this returns; the
  // temporary folder is swept of copies a day old when the core opens (tempfiles.ts). The record
  // is the letter filed with the case.
  const printed = await ctx.host.printPdf(file, rendered.view.title);
  if (printed) await recordOutput(ctx, found, out, rendered, null, 'letter.printed');
  return { printed };
}
