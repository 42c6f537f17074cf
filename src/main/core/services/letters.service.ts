// Letters: gather the case, build the letter from the authority's template, check a refusal for
// s17 completeness, and render the PDF in the core (saving and printing: letters-output.service.ts).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { LetterDraft, TemplateInfo } from '../../../shared/ipc/contract';
import { LETTER_KINDS, LETTER_KIND_LABELS, letterFieldsFor, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { LetterView } from '../../../shared/domain/letters/view';
import { DEFAULT_TEMPLATES, type LetterTemplate } from '../../../shared/domain/letters/templates';
import { buildLetter, templateProblems } from '../../../shared/domain/letters/merge';
import { pitEstimate, type LetterData } from '../../../shared/domain/letters/data';
import { refusalProblems, type RefusalKind } from '../../../shared/domain/exemptions/s17';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { renderLetter } from '../pdf/letter';
import { getSettings } from '../repositories/settings.repository';
import { requireCase, type FoundCase } from '../repositories/cases.repository';
import { listApplied } from '../repositories/exemptions.repository';
import { deleteTemplate, getLetterFields, listEditedTemplates, saveLetterFields, saveTemplate } from '../repositories/templates.repository';
import { caseDetail, liveRecord } from './cases.service';
import { costsOf } from './costs.service';
import { letterSignatory } from '../../../shared/domain/letters/sending';
import type { IsoDate } from '../../../shared/domain/dates';

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

/** How this copy of a letter is dated and signed (the defaults: today, the authority's signatory). */
export interface LetterOptions {
  letterDate?: string | undefined;
  signedBy?: string | undefined;
  signedByTitle?: string | undefined;
  /** The day the case is read as of (default today): a letter made again as it stood when sent. */
  asOf?: IsoDate | undefined;
}

export async function getDraft(ctx: CoreContext, reference: string, kind: LetterKind, opts: LetterOptions = {}): Promise<LetterDraft> {
  return draftFor(ctx, await requireCase(ctx.db, reference), kind, opts);
}

/** The draft for the case the operation resolved. */
export async function draftFor(ctx: CoreContext, found: FoundCase, kind: LetterKind, opts: LetterOptions = {}): Promise<LetterDraft> {
  const caseId = found.id;
  const today = opts.asOf ?? ctx.today();
  const detail = liveRecord(await caseDetail(ctx, found, today)); // voided events never reach a letter
  const stored = await getLetterFields(ctx.db, caseId, kind);
  const { [OWN_SUBJECT]: ownSubject, [OWN_BODY]: ownBody, ...fields } = stored;
  const base = await templateFor(ctx, kind);
  const template: LetterTemplate = { kind, subject: ownSubject || base.subject, body: ownBody || base.body };
  const exemptions = await listApplied(ctx.db, caseId);
  const costs = await costsOf(ctx, found);
  const settings = await getSettings(ctx.db);
  const signedBy = opts.signedBy !== undefined ? { name: opts.signedBy, title: opts.signedByTitle } : undefined;
  const data: LetterData = {
    settings: withPlaceholders({ ...settings, ...letterSignatory(kind, fields, settings, signedBy) }),
    caseRecord: detail,
    clocks: detail.clocks,
    events: detail.events,
    today: opts.letterDate ?? today,
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
  const existing = await requireCase(ctx.db, reference);
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
  await ctx.write(async ({ db: trx, audit, now }) => {
    const before = await getLetterFields(trx, existing.id, kind);
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
    if (JSON.stringify(before) === JSON.stringify(clean)) return;
    await saveLetterFields(trx, existing.id, kind, clean, now.toISOString());
    await audit({ action: 'letter.drafted', caseId: existing.id, summary: `Edited the ${LETTER_KIND_LABELS[kind].toLowerCase()} letter`, detail: { kind, before, after: clean } });
  });
  return draftFor(ctx, existing, kind);
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
  await ctx.write(async ({ db: trx, audit, now }) => {
    await saveTemplate(trx, kind, subject, body, now.toISOString());
    await audit({ action: 'template.saved', caseId: null, summary: `Edited the ${LETTER_KIND_LABELS[kind].toLowerCase()} template`, detail: { kind, subject, body } });
  });
  return listTemplates(ctx);
}

export async function resetTemplate(ctx: CoreContext, kind: LetterKind): Promise<TemplateInfo[]> {
  await ctx.write(async ({ db: trx, audit }) => {
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
export async function renderCaseLetter(ctx: CoreContext, found: FoundCase, kind: LetterKind, opts: LetterOptions = {}): Promise<RenderedLetter> {
  const reference = found.record.reference;
  const draft = await draftFor(ctx, found, kind, opts);
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
