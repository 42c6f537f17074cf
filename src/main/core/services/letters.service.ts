// Letters: gather the case, build the letter from the authority's template, check a refusal for
// s17 completeness, render the PDF in the core, and save or print it via the host.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { LetterDraft, SaveResult, TemplateInfo } from '../../../shared/ipc/contract';
import { LETTER_KINDS, LETTER_KIND_LABELS, letterFieldsFor, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { LetterView } from '../../../shared/domain/letters/view';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../../../shared/domain/letters/templates';
import { buildLetter, templateProblems } from '../../../shared/domain/letters/merge';
import { pitEstimate, type LetterData } from '../../../shared/domain/letters/data';
import { refusalProblems, type RefusalKind } from '../../../shared/domain/exemptions/s17';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { renderLetter } from '../pdf/letter';
import { getSettings } from '../repositories/settings.repository';
import { findCase } from '../repositories/cases.repository';
import { recordLetter } from '../repositories/letters.repository';
import { listApplied } from '../repositories/exemptions.repository';
import { deleteTemplate, getLetterFields, listEditedTemplates, saveLetterFields, saveTemplate } from '../repositories/templates.repository';
import { getCase, liveRecord } from './cases.service';
import { getCosts } from './costs.service';
import { inTransaction } from './transaction';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Requester } from '../../../shared/domain/cases';
import { ensureBlob, insertCorrespondence } from '../repositories/correspondence.repository';
import { safeFilename } from '../mail/filenames';
import { insertEvent } from '../repositories/events.repository';
import { defaultChannel, filingChannel, LETTER_EVENTS, LETTER_NEEDS_EVENT, letterOutcome, letterSignatory, type SendChannel } from '../../../shared/domain/letters/sending';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { formatLongDate } from '../../../shared/domain/dates';

/** Per-letter wording: the officer may edit this letter's subject and text without touching the template. */
const OWN_SUBJECT = '__subject';
const OWN_BODY = '__body';
const REFUSAL_KINDS: readonly string[] = ['refusal', 's12-refusal', 's14-refusal', 'pit-extension', 'review-outcome', 'sar-refusal'] satisfies RefusalKind[];

/** Until set-up is done, letters say plainly what is missing rather than inventing an authority. */
function withPlaceholders(s: AuthoritySettings): AuthoritySettings {
  if (s.configured) return s;
  return { ...s, name: s.name || '[Authority name: complete Settings]', signatoryName: s.signatoryName || '[Signatory: complete Settings]' };
}

async function templateFor(ctx: CoreContext, kind: LetterKind): Promise<LetterTemplate> {
  const edited = (await listEditedTemplates(ctx.db)).get(kind);
  return edited ? { kind, ...edited } : DEFAULT_TEMPLATES[kind];
}

async function requireCaseId(ctx: CoreContext, reference: string): Promise<number> {
  const found = await findCase(ctx.db, reference);
  if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
  return found.id;
}

/** How this copy of a letter is dated and signed (the defaults: today, the authority's signatory). */
export interface LetterOptions {
  letterDate?: string | undefined;
  signedBy?: string | undefined;
  signedByTitle?: string | undefined;
}

export async function getDraft(ctx: CoreContext, reference: string, kind: LetterKind, opts: LetterOptions = {}): Promise<LetterDraft> {
  const caseId = await requireCaseId(ctx, reference);
  const detail = liveRecord(await getCase(ctx, reference)); // voided events never reach a letter
  const stored = await getLetterFields(ctx.db, caseId, kind);
  const { [OWN_SUBJECT]: ownSubject, [OWN_BODY]: ownBody, ...fields } = stored;
  const base = await templateFor(ctx, kind);
  const template: LetterTemplate = { kind, subject: ownSubject || base.subject, body: ownBody || base.body };
  const exemptions = await listApplied(ctx.db, caseId);
  const costs = await getCosts(ctx, reference);
  const settings = await getSettings(ctx.db);
  const signedBy = opts.signedBy !== undefined ? { name: opts.signedBy, title: opts.signedByTitle } : undefined;
  const data: LetterData = {
    settings: withPlaceholders({ ...settings, ...letterSignatory(kind, fields, settings, signedBy) }),
    caseRecord: detail,
    clocks: detail.clocks,
    events: detail.events,
    today: opts.letterDate ?? ctx.today(),
    exemptions,
    cost: costs.comply,
    // FOIA s12(2): the estimate of confirming or denying alone reaches the letter and its check.
    confirmOrDeny: costs.confirmOrDeny,
    s16Advice: costs.s16Advice,
    fields,
  };
  const problems: string[] = [];
  const warnings: string[] = [];
  if (REFUSAL_KINDS.includes(kind)) {
    const cost = costs.comply ? { totals: costs.comply.aggregateTotals ?? costs.comply.totals } : null;
    const confirmOrDeny = costs.confirmOrDeny ? { totals: costs.confirmOrDeny.aggregateTotals ?? costs.confirmOrDeny.totals } : null;
    // A review outcome answers for the cost limit only when it reviews a s12 refusal: an estimate
    // within the limit on a case refused on other grounds is no reason to stop the letter.
    const reviewsS12 = detail.outcome === 's12' || (detail.outcome === null && (cost?.totals.exceeds === true || confirmOrDeny?.totals.exceeds === true));
    const costFacts = kind !== 'review-outcome' || reviewsS12;
    const check = refusalProblems({
      regime: detail.regime,
      kind: kind as RefusalKind,
      exemptions,
      cost: costFacts ? cost : null,
      confirmOrDeny: costFacts ? confirmOrDeny : null,
      s16Advice: costs.s16Advice,
      pitEstimate: pitEstimate(detail.events),
    });
    problems.push(...check.problems);
    warnings.push(...check.warnings);
  }
  let view: LetterView | null = null;
  try {
    view = buildLetter(kind, template, data);
  } catch (err) {
    if (!(err instanceof DiscloseError)) throw err;
    problems.push(err.message);
  }
  return {
    kind,
    fields: stored,
    specs: letterFieldsFor(kind, detail.regime),
    wording: { subject: template.subject, body: template.body, own: !!(ownSubject || ownBody) },
    view,
    problems: [...new Set(problems)],
    warnings,
  };
}

export async function setDraft(ctx: CoreContext, reference: string, kind: LetterKind, fields: Record<string, string>): Promise<LetterDraft> {
  const existing = await findCase(ctx.db, reference);
  if (!existing) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
  const known = new Set([...letterFieldsFor(kind, existing.record.regime).map((f) => f.id), OWN_SUBJECT, OWN_BODY]);
  const unknown = Object.keys(fields).filter((k) => !known.has(k));
  const own = { kind, subject: fields[OWN_SUBJECT] ?? '', body: fields[OWN_BODY] ?? '' };
  if (own.subject || own.body) {
    const problems = templateProblems({ ...(await templateFor(ctx, kind)), ...(own.subject ? { subject: own.subject } : {}), ...(own.body ? { body: own.body } : {}) });
    if (problems.length) throw new DiscloseError('VALIDATION', `This wording cannot be used: ${problems.join(' ')}`, { [OWN_BODY]: problems.join(' ') });
  }
  if (unknown.length) {
    throw new DiscloseError('VALIDATION', `The ${LETTER_KIND_LABELS[kind].toLowerCase()} letter has no field ${unknown.join(', ')}; it takes ${[...known].filter((k) => !k.startsWith('__')).join(', ') || 'none'}.`);
  }
  await inTransaction(ctx, async (trx, audit) => {
    const found = await findCase(trx, reference);
    if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
    const before = await getLetterFields(trx, found.id, kind);
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
    if (JSON.stringify(before) === JSON.stringify(clean)) return;
    await saveLetterFields(trx, found.id, kind, clean, ctx.now().toISOString());
    await audit({ action: 'letter.drafted', caseId: found.id, summary: `Edited the ${LETTER_KIND_LABELS[kind].toLowerCase()} letter`, detail: { kind, before, after: clean } });
  });
  return getDraft(ctx, reference, kind);
}

export async function listTemplates(ctx: CoreContext): Promise<TemplateInfo[]> {
  const edited = await listEditedTemplates(ctx.db);
  return LETTER_KINDS.map((kind) => {
    const e = edited.get(kind);
    return e ? { kind, ...e, edited: true } : { ...DEFAULT_TEMPLATES[kind], edited: false };
  });
}

export async function updateTemplate(ctx: CoreContext, kind: LetterKind, subject: string, body: string): Promise<TemplateInfo[]> {
  const problems = templateProblems({ kind, subject, body });
  if (problems.length) throw new DiscloseError('VALIDATION', `The template cannot be saved: ${problems.join(' ')}`, { body: problems.join(' ') });
  await inTransaction(ctx, async (trx, audit) => {
    await saveTemplate(trx, kind, subject, body, ctx.now().toISOString());
    await audit({ action: 'template.saved', caseId: null, summary: `Edited the ${LETTER_KIND_LABELS[kind].toLowerCase()} template`, detail: { kind, subject, body } });
  });
  return listTemplates(ctx);
}

export async function resetTemplate(ctx: CoreContext, kind: LetterKind): Promise<TemplateInfo[]> {
  await inTransaction(ctx, async (trx, audit) => {
    await deleteTemplate(trx, kind);
    await audit({ action: 'template.reset', caseId: null, summary: `Restored the standard ${LETTER_KIND_LABELS[kind].toLowerCase()} template`, detail: { kind } });
  });
  return listTemplates(ctx);
}

export interface RenderedLetter {
  view: LetterView;
  bytes: Uint8Array;
  defaultName: string;
}

/** The letter as it will be sent; refuses (VALIDATION) while anything stops it being sent. */
export async function renderCaseLetter(ctx: CoreContext, reference: string, kind: LetterKind, opts: LetterOptions = {}): Promise<RenderedLetter> {
  const draft = await getDraft(ctx, reference, kind, opts);
  if (draft.problems.length || !draft.view) {
    throw new DiscloseError('VALIDATION', `The ${LETTER_KIND_LABELS[kind].toLowerCase()} letter for ${reference} cannot be produced yet: ${draft.problems.join(' ')}`);
  }
  const bytes = await renderLetter(draft.view, await ctx.fonts());
  const safeRef = reference.replace(/[^A-Za-z0-9-]+/g, '-');
  return { view: draft.view, bytes, defaultName: `${safeRef} ${LETTER_KIND_LABELS[kind]}.pdf` };
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

/** The letter's text as the requester reads it, for the correspondence record and search. */
function letterText(view: LetterView): string {
  const blocks = view.blocks.map((b) => (b.kind === 'list' ? b.items.map((i) => `- ${i}`).join('\n') : b.text));
  return [view.subject, '', view.salutation, '', ...blocks.flatMap((b) => [b, '']), view.closing, '', view.signatory.name, view.signatory.title, view.signatory.authority].join('\n').trim();
}

/**
 * A letter produced is filed as outgoing correspondence with its PDF, so the case file (and a
 * bundle) holds what was sent. The same letter produced again (identical bytes) is filed once.
 */
async function fileAsOutgoing(ctx: CoreContext, trx: Kysely<DB>, caseId: number, requester: Requester, rendered: RenderedLetter, now: string, via: SendChannel | undefined): Promise<number> {
  const sha = sha256(rendered.bytes);
  const channel = filingChannel(via ?? defaultChannel(requester));
  const already = await trx
    .selectFrom('attachments')
    .innerJoin('correspondence', 'correspondence.id', 'attachments.correspondence_id')
    .select(['attachments.id', 'correspondence.id as correspondenceId'])
    .where('attachments.case_id', '=', caseId)
    .where('attachments.sha256', '=', sha)
    .where('correspondence.direction', '=', 'out')
    .where('correspondence.voided_at', 'is', null)
    .executeTakeFirst();
  if (already) {
    if (via) await trx.updateTable('correspondence').set({ channel }).where('id', '=', already.correspondenceId).execute();
    return already.correspondenceId;
  }
  ctx.blobs.put(rendered.bytes);
  await ensureBlob(trx, sha, rendered.bytes, now);
  const body = letterText(rendered.view);
  const correspondenceId = await insertCorrespondence(
    trx,
    {
      caseId,
      direction: 'out',
      channel,
      sentAt: rendered.view.date,
      from: rendered.view.signatory.authority,
      to: requester.name,
      subject: rendered.view.subject,
      body,
    },
    now,
  );
  await trx
    .insertInto('attachments')
    .values({
      case_id: caseId,
      correspondence_id: correspondenceId,
      sha256: sha,
      filename: safeFilename(rendered.defaultName),
      original_filename: rendered.defaultName,
      content_type: 'application/pdf',
      size: rendered.bytes.length,
      role: 'correspondence',
      inline: 0,
      text_status: 'ok',
      text_note: null,
      created_at: now,
    })
    .execute();
  return correspondenceId;
}

/** How a letter goes out: dated, signed, and (when sent) the channel and the case event it records. */
export interface LetterOutput extends LetterOptions {
  reference: string;
  kind: LetterKind;
  sent?: boolean | undefined;
  via?: SendChannel | undefined;
}

async function recordOutput(ctx: CoreContext, out: LetterOutput, rendered: RenderedLetter, savedTo: string | null, action: 'letter.saved' | 'letter.printed') {
  const { reference, kind } = out;
  await inTransaction(ctx, async (trx, audit) => {
    const found = await findCase(trx, reference);
    if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
    const now = ctx.now().toISOString();
    await recordLetter(trx, { caseId: found.id, kind, letterDate: rendered.view.date, sha256: sha256(rendered.bytes), size: rendered.bytes.length, savedTo }, now);
    const correspondenceId = await fileAsOutgoing(ctx, trx, found.id, found.record.requester, rendered, now, out.via);
    const event = out.sent ? await recordSending(trx, found.id, out, rendered, correspondenceId, now) : null;
    await audit({
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
async function recordSending(trx: Kysely<DB>, caseId: number, out: LetterOutput, rendered: RenderedLetter, correspondenceId: number, now: string) {
  const type = LETTER_EVENTS[out.kind];
  if (!type) return null;
  const date = rendered.view.date;
  const live = await trx.selectFrom('case_events').select(['id', 'date']).where('case_id', '=', caseId).where('type', '=', type).where('voided_at', 'is', null).orderBy('date', 'desc').orderBy('id', 'desc').execute();
  const fields = await getLetterFields(trx, caseId, out.kind);
  const outcome = letterOutcome(out.kind, fields);
  const existing = LETTER_NEEDS_EVENT.includes(out.kind) ? live[0] : live.find((e) => e.date === date);
  const eventId = existing?.id ?? (await insertEvent(trx, caseId, { type, date, outcome, note: `Letter sent: ${rendered.view.subject}` }, now));
  await trx.updateTable('correspondence').set({ event_id: eventId }).where('id', '=', correspondenceId).execute();
  return { id: eventId, type, date: existing?.date ?? date, outcome: existing ? null : outcome, recorded: !existing };
}

/** A letter may be dated for when it goes, never before the request nor, once sent, in the future. */
async function checkLetterDate(ctx: CoreContext, out: LetterOutput): Promise<void> {
  const found = await findCase(ctx.db, out.reference);
  if (!found || !out.letterDate) return;
  if (out.letterDate < found.record.received) {
    throw new DiscloseError('VALIDATION', `The letter date ${out.letterDate} is before the request was received (${found.record.received}).`, { letterDate: 'Before the date received' });
  }
  if (out.sent && out.letterDate > ctx.today()) {
    throw new DiscloseError('VALIDATION', `A letter cannot be recorded as sent on ${out.letterDate}, which is in the future.`, { letterDate: 'The date sent cannot be in the future' });
  }
}

export async function saveLetter(ctx: CoreContext, out: LetterOutput): Promise<SaveResult> {
  const { reference, kind } = out;
  await checkLetterDate(ctx, out);
  const rendered = await renderCaseLetter(ctx, reference, kind, out);
  const path = await ctx.host.chooseSavePath({
    title: `Save ${LETTER_KIND_LABELS[kind].toLowerCase()} letter`,
    defaultName: rendered.defaultName,
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  });
  if (path === null) return { saved: false, path: null, size: 0, sha256: null };
  writeFileAtomic(path, rendered.bytes);
  await recordOutput(ctx, out, rendered, path, 'letter.saved');
  return { saved: true, path, size: rendered.bytes.length, sha256: sha256(rendered.bytes) };
}

export async function printLetter(ctx: CoreContext, out: LetterOutput): Promise<{ printed: boolean }> {
  const { reference, kind } = out;
  await checkLetterDate(ctx, out);
  const rendered = await renderCaseLetter(ctx, reference, kind, out);
  const dir = join(ctx.dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, rendered.defaultName);
  writeFileAtomic(file, rendered.bytes);
  // The print copy stays for the system's PDF viewer, which reads it after this returns; the
  // temporary folder is swept of copies a day old when the core opens (tempfiles.ts). The record
  // is the letter filed with the case.
  const printed = await ctx.host.printPdf(file, rendered.view.title);
  if (printed) await recordOutput(ctx, out, rendered, null, 'letter.printed');
  return { printed };
}
