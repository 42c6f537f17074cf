// The disclosure log: marking a response for publication, and exporting the log as a static site
// and a CSV for the authority's website. Nothing identifying the requester leaves: the officer's
// title and summary are checked for the requester's details when marked, the response letter is
// re-set without the addressee and with the request replaced by the summary, and every file is
// read back and searched for the requester's details before it is written; a file that cannot be
// checked, or that names the requester, is left out and listed.
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/domain/dates';
import type { CaseDetail } from '../../../shared/domain/cases';
import type { LetterView } from '../../../shared/domain/letters/view';
import { OUTCOME_LABELS } from '../../../shared/domain/statistics';
import { identityFound, identityTokens, publishable, slug, withoutIdentity, type Publication } from '../../../shared/domain/disclosure';
import { requireCase } from '../repositories/cases.repository';
import { deletePublication, getPublication, latestLetter, listPublished, upsertPublication } from '../repositories/publications.repository';
import { getSettings } from '../repositories/settings.repository';
import { extractPdfText } from '../pdf/extract';
import { renderLetter } from '../pdf/letter';
import { csvField } from '../bundle/zip';
import { FILTER_JS, indexPage, requestPage, STYLE_CSS, type PublishedEntry } from '../disclosure/site';
import { caseDetail } from './cases.service';
import { draftFor } from './letters.service';
import type { LetterKind } from '../../../shared/domain/letters/kinds';

const RESPONSE_LETTERS: LetterKind[] = ['response', 'refusal', 's12-refusal', 's14-refusal', 'review-outcome'];

export interface PublishInput {
  reference: string;
  title: string;
  summary: string;
  topic: string;
  unpublish: boolean;
}

export async function publishCase(ctx: CoreContext, input: PublishInput): Promise<Publication | null> {
  return ctx.write(async ({ db: trx, audit, now, actor }) => {
    const found = await requireCase(trx, input.reference);
    if (input.unpublish) {
      await deletePublication(trx, found.id);
      await audit({ action: 'case.unpublished', caseId: found.id, summary: 'Removed from the disclosure log', detail: {} });
      return null;
    }
    if (!publishable(found.record.regime)) {
      throw new DiscloseError('VALIDATION', 'A subject access request is the requester’s own personal data: it is never published in the disclosure log.');
    }
    const tokens = identityTokens(found.record.requester);
    const fields: Record<string, string> = {};
    for (const [key, text] of [['title', input.title], ['summary', input.summary], ['topic', input.topic]] as const) {
      const hits = identityFound(text, tokens);
      if (hits.length) fields[key] = `Remove the requester’s details (${hits.join(', ')}): the log never says who asked`;
    }
    const firstField = Object.keys(fields)[0];
    if (firstField) throw new DiscloseError('VALIDATION', `The ${firstField} names the requester: ${fields[firstField]}.`, fields);
    const publication: Publication = { title: input.title.trim(), summary: input.summary.trim(), topic: input.topic.trim(), markedAt: now.toISOString(), markedBy: actor };
    await upsertPublication(trx, found.id, publication);
    await audit({ action: 'case.published', caseId: found.id, summary: `Marked for the disclosure log: ${publication.title}`, detail: { title: publication.title, topic: publication.topic } });
    return publication;
  });
}

export async function publicationOf(ctx: CoreContext, reference: string): Promise<Publication | null> {
  return getPublication(ctx.db, (await requireCase(ctx.db, reference)).id);
}

/** The letter as the public reads it: no addressee, the request in the officer's words, no trace of who asked. */
function publicLetter(view: LetterView, publication: Publication, tokens: readonly string[]): LetterView {
  const clean = (s: string) => withoutIdentity(s, tokens);
  return {
    ...view,
    recipient: ['Published in the disclosure log'],
    references: view.references.filter((r) => !/your/i.test(r.label)).map((r) => ({ ...r, value: clean(r.value) })),
    subject: clean(view.subject),
    salutation: 'Dear Requester',
    blocks: view.blocks.map((b) => (b.kind === 'quote' ? { kind: 'quote', text: publication.summary } : b.kind === 'list' ? { ...b, items: b.items.map(clean) } : { ...b, text: clean(b.text) })),
  };
}

function respondedOn(c: CaseDetail): IsoDate | null {
  return c.events.filter((e) => e.type === 'responded' && !e.voided).map((e) => e.date).sort()[0] ?? null;
}

async function checkedText(bytes: Uint8Array, contentType: string): Promise<string | null> {
  if (contentType === 'application/pdf') {
    const t = await extractPdfText(bytes);
    return t.text;
  }
  if (/^text\/(plain|csv)/.test(contentType)) return Buffer.from(bytes).toString('utf8');
  return null;
}

export interface DisclosureLogResult {
  out: string | null;
  requests: number;
  files: number;
  skipped: { reference: string; file: string; reason: string }[];
}

/** Writes the log for responses given between from and to (inclusive) into a new, empty folder. */
export async function exportDisclosureLog(ctx: CoreContext, from: IsoDate, to: IsoDate): Promise<DisclosureLogResult> {
  if (from > to) throw new DiscloseError('VALIDATION', `The period starts (${from}) after it ends (${to}).`, { from: 'After the end date' });
  const out = await ctx.host.chooseSavePath({ title: 'Export the disclosure log to a new folder', defaultName: 'disclosure-log', filters: [] });
  if (out === null) return { out: null, requests: 0, files: 0, skipped: [] };
  if (existsSync(out) && !statSync(out).isDirectory()) throw new DiscloseError('VALIDATION', `${out} is a file: choose a new or empty folder for the disclosure log.`);
  if (existsSync(out) && readdirSync(out).length > 0) throw new DiscloseError('VALIDATION', `${out} is not empty: choose a new or empty folder, so nothing there is overwritten.`);
  const settings = await getSettings(ctx.db);
  const fonts = await ctx.fonts();
  const entries: PublishedEntry[] = [];
  const files: { path: string; bytes: Uint8Array | string }[] = [];
  const skipped: DisclosureLogResult['skipped'] = [];
  for (const { caseId, reference, publication } of await listPublished(ctx.db)) {
    const found = await requireCase(ctx.db, reference);
    const c = await caseDetail(ctx, found);
    const responded = respondedOn(c);
    if (!publishable(c.regime) || !responded || responded < from || responded > to) continue;
    const tokens = identityTokens(c.requester);
    const base = slug(reference);
    const entry: PublishedEntry = { reference, slug: base, title: publication.title, summary: publication.summary, topic: publication.topic, received: c.received, responded, outcome: c.outcome ? OUTCOME_LABELS[c.outcome] : null, documents: [] };
    const sent = await latestLetter(ctx.db, caseId, RESPONSE_LETTERS);
    const kind = (sent?.kind ?? null) as LetterKind | null;
    const draft = kind ? await draftFor(ctx, found, kind) : null;
    if (draft?.view && sent) {
      // Dated as sent, not as re-set today.
      const bytes = await renderLetter(publicLetter({ ...draft.view, date: sent.date }, publication, tokens), fonts);
      const hits = identityFound((await extractPdfText(bytes)).text, tokens);
      if (hits.length) skipped.push({ reference, file: 'response letter', reason: `still names the requester (${hits.join(', ')})` });
      else {
        const file = `${base}-response.pdf`;
        files.push({ path: join('files', file), bytes });
        entry.documents.push({ file, title: 'Our response', size: bytes.length });
      }
    } else skipped.push({ reference, file: 'response letter', reason: kind ? 'the letter cannot be produced now' : 'no response letter was produced in Disclose' });
    const released = [...c.attachments, ...c.correspondence.flatMap((i) => i.attachments)].filter((a) => a.role === 'disclosed');
    for (const a of released) {
      const bytes = await ctx.blobs.load(a.sha256, a.filename);
      const text = await checkedText(bytes, a.contentType).catch(() => null);
      if (text === null) {
        skipped.push({ reference, file: a.originalFilename, reason: 'its text cannot be read, so it cannot be checked for the requester’s details' });
        continue;
      }
      const hits = identityFound(text, tokens);
      if (hits.length) {
        skipped.push({ reference, file: a.originalFilename, reason: `names the requester (${hits.join(', ')}): publish a redacted copy` });
        continue;
      }
      const file = `${base}-${a.id}-${slug(a.filename.replace(/\.[^.]+$/, ''))}${a.contentType === 'application/pdf' ? '.pdf' : '.txt'}`;
      files.push({ path: join('files', file), bytes });
      entry.documents.push({ file, title: a.originalFilename, size: bytes.length });
    }
    entries.push(entry);
  }
  const csv = [
    ['reference', 'title', 'summary', 'topic', 'received', 'answered', 'outcome', 'documents'],
    ...entries.map((e) => [e.reference, e.title, e.summary, e.topic, e.received, e.responded, e.outcome ?? '', e.documents.map((d) => d.file).join(' ')]),
  ].map((row) => row.map((v) => csvField(v)).join(',')).join('\r\n');
  files.push({ path: 'index.html', bytes: indexPage(settings.name, { from, to }, entries) });
  for (const e of entries) files.push({ path: join('requests', `${e.slug}.html`), bytes: requestPage(settings.name, e) });
  files.push({ path: 'style.css', bytes: STYLE_CSS }, { path: 'filter.js', bytes: FILTER_JS }, { path: 'disclosure-log.csv', bytes: `${csv}\r\n` });
  // Written beside the target and renamed into place, so a failure (a full disk) leaves no half log.
  const staging = `${out}.${process.pid}.disclose-tmp`;
  try {
    for (const dir of ['', 'files', 'requests']) mkdirSync(join(staging, dir), { recursive: true });
    for (const f of files) writeFileSync(join(staging, f.path), f.bytes);
    if (existsSync(out)) rmdirSync(out); // empty, checked above
    renameSync(staging, out);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new DiscloseError('IO', `Could not write the disclosure log to ${out}: ${(err as Error).message}. Nothing was written.`);
  }
  const written = files.filter((f) => f.path.startsWith('files')).length;
  await ctx.write(async ({ audit }) => {
    await audit({ action: 'disclosure.exported', caseId: null, summary: `Exported the disclosure log for ${from} to ${to}: ${entries.length} requests, ${written} documents, ${skipped.length} left out`, detail: { out, from, to, skipped } });
  });
  return { out, requests: entries.length, files: written, skipped };
}
