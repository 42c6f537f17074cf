// Bundles for an ICO investigation or a tribunal appeal: the open bundle, the closed bundle of
// withheld information, and a ZIP of the native files (docs/law.md §6.3-6.4). The host says where
// to save, as for letters; a long export reports progress and can be cancelled through a job id the
// caller chooses, because IPC is request and response: the caller polls while the export runs.
import { readFileSync } from 'node:fs';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { BundleExport, BundlePreview, BundleProgress, ParsedInput } from '../../../shared/ipc/contract';
import type { LetterKind } from '../../../shared/domain/letters/kinds';
import { fileDigest, INLINE_MAX_BYTES, sha256Hex } from '../blobs';
import { requireCase, type FoundCase } from '../repositories/cases.repository';
import { emptyPageCache } from '../repositories/records.repository';
import { getSettings } from '../repositories/settings.repository';
import { listApplied } from '../repositories/exemptions.repository';
import { listLetters } from '../repositories/letters.repository';
import { caseDetail, liveRecord } from './cases.service';
import { costsOf } from './costs.service';
import { renderCaseLetter } from './letters.service';
import { assertCorrespondenceIntact } from './verify.service';
import { caseFileHashes, storedCorrespondence } from '../repositories/correspondence.repository';
import { assembleBundle } from '../bundle/assemble';
import { allDocuments, exemptionLabel, planBundle, type BundleFacts, type BundlePlan, type Forum, type LetterRecord } from '../bundle/model';
import { nativeEntries, type NativeRow } from '../bundle/natives';
import { writeZip } from '../bundle/zip';
import { redactedFacts } from '../redaction/bundle';

interface Job {
  progress: BundleProgress;
  controller: AbortController;
}

// Jobs belong to one open core; a few finished ones are kept so a late poll still finds the result.
const registries = new WeakMap<CoreContext, Map<string, Job>>();
const KEEP_FINISHED = 20;

function jobsOf(ctx: CoreContext): Map<string, Job> {
  let jobs = registries.get(ctx);
  if (!jobs) registries.set(ctx, (jobs = new Map()));
  return jobs;
}

function startJob(ctx: CoreContext, jobId: string): Job {
  const jobs = jobsOf(ctx);
  const running = jobs.get(jobId);
  if (running && (running.progress.state === 'choosing' || running.progress.state === 'running')) {
    throw new DiscloseError('CONFLICT', `An export with job id ${jobId} is already running.`);
  }
  const finished = [...jobs.entries()].filter(([, j]) => j.progress.state !== 'choosing' && j.progress.state !== 'running');
  for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  const job: Job = { progress: { jobId, state: 'choosing', done: 0, total: 0, step: 'Choosing where to save' }, controller: new AbortController() };
  jobs.set(jobId, job);
  return job;
}

export function bundleProgress(ctx: CoreContext, jobId: string): BundleProgress {
  return { ...(jobsOf(ctx).get(jobId)?.progress ?? { jobId, state: 'unknown', done: 0, total: 0, step: '' }) };
}

export function cancelBundle(ctx: CoreContext, jobId: string): BundleProgress {
  const job = jobsOf(ctx).get(jobId);
  if (job && (job.progress.state === 'choosing' || job.progress.state === 'running')) {
    job.controller.abort();
    job.progress.step = 'Cancelling';
  }
  return bundleProgress(ctx, jobId);
}

const ICO_REFERENCE = /\b(IC-\d{3,}-[A-Z0-9]{4}|FS\d{8}|FER\d{7})\b/i;
const TRIBUNAL_REFERENCE = /\b(EA\/\d{4}\/\d{3,4})\b/i;

/** Who the bundle is for: as asked, else the latest appeal or complaint recorded on the case. */
function forumOf(facts: BundleFacts, input: { forum?: 'ico' | 'tribunal' | undefined; forumReference?: string | undefined }): Forum {
  const events = [...facts.detail.events].reverse();
  const appeal = events.find((e) => e.type === 'tribunal-appeal');
  const complaint = events.find((e) => e.type === 'ico-complaint');
  const body = input.forum ?? (appeal ? 'tribunal' : complaint ? 'ico' : null);
  const note = (body === 'tribunal' ? appeal : complaint)?.note ?? '';
  const found = (body === 'tribunal' ? TRIBUNAL_REFERENCE : ICO_REFERENCE).exec(note)?.[1] ?? '';
  return { body, reference: input.forumReference ?? found };
}

async function gatherFacts(ctx: CoreContext, found: FoundCase): Promise<BundleFacts> {
  const letters: LetterRecord[] = (await listLetters(ctx.db, found.id)).map((r) => ({ ...r, kind: r.kind as LetterKind }));
  return {
    settings: await getSettings(ctx.db),
    detail: liveRecord(await caseDetail(ctx, found)), // voided entries leave the bundle's live sections
    letters,
    costs: await costsOf(ctx, found),
    exemptions: await listApplied(ctx.db, found.id),
  };
}

/** Bytes of files read for one export before the register's page cache is emptied of them. */
const READ_ONCE_BYTES = 16 * 1024 * 1024;

/**
 * An export reads every file of the case once, through the register's page cache (64 MB) when the
 * file is kept inside it (a local register keeps files of up to 256 KB there; larger ones are read
 * from the folder): left there, they would push out the pages the app reads again and again, and
 * hold the cache full long after. So the cache is emptied after each 16 MB read through it.
 */
export function readOnce(ctx: Pick<CoreContext, 'sqlite'>, read: (sha256: string, name: string) => Uint8Array): (sha256: string, name: string) => Uint8Array {
  let since = 0;
  return (sha256, name) => {
    const bytes = read(sha256, name);
    if (bytes.length <= INLINE_MAX_BYTES) since += bytes.length;
    if (since >= READ_ONCE_BYTES) {
      since = 0;
      emptyPageCache(ctx.sqlite);
    }
    return bytes;
  };
}

export async function previewBundle(ctx: CoreContext, input: ParsedInput<'bundles:plan'>): Promise<BundlePreview> {
  const found = await requireCase(ctx.db, input.reference);
  const gathered = await gatherFacts(ctx, found);
  const forum = forumOf(gathered, input);
  const redacted = await redactedFacts(ctx, found.id, gathered, 'open');
  const open = planBundle(redacted.facts, 'open', ctx.today(), forum);
  const closed = planBundle((await redactedFacts(ctx, found.id, gathered, 'closed')).facts, 'closed', ctx.today(), forum);
  open.warnings.push(...redacted.unproduced.map((name) => `${name} has redaction marks but no redacted copy of them yet: produce it before making the open bundle.`));
  return {
    reference: open.reference,
    forum,
    sections: open.sections.map((s) => ({ letter: s.letter, title: s.title, documents: s.documents.map((d) => ({ tab: d.tab, title: d.title, date: d.date })) })),
    closed: allDocuments(closed).filter((d) => d.content.kind === 'file').map((d) => ({ tab: d.tab, title: d.title, exemptions: exemptionLabel(d) })),
    warnings: open.warnings,
  };
}

/**
 * A letter as sent: the PDF filed with the case when it was produced, else the file saved then if
 * it is still there and unchanged, else made again as of its date (and said so when it differs).
 */
async function letterBytes(ctx: CoreContext, found: FoundCase, l: LetterRecord): Promise<{ bytes: Uint8Array; note: string | null }> {
  try {
    return { bytes: await ctx.blobs.load(l.sha256), note: null };
  } catch {
    // not filed with the case (letters produced before they were): look further
  }
  if (l.savedTo) {
    try {
      const bytes = readFileSync(l.savedTo);
      if (sha256Hex(bytes) === l.sha256) return { bytes, note: null };
    } catch {
      // moved or deleted since: make it again
    }
  }
  const rendered = await renderCaseLetter(ctx, found, l.kind, { asOf: l.letterDate });
  const same = sha256Hex(rendered.bytes) === l.sha256;
  return { bytes: rendered.bytes, note: same ? 'made again from the case: identical to the letter as sent' : `made again from the case as it now stands: the copy sent (SHA-256 ${l.sha256}) is not held and may differ` };
}

const LABELS: Record<ParsedInput<'bundles:export'>['kind'], { title: string; file: string; filter: { name: string; extensions: string[] } }> = {
  open: { title: 'Save the open bundle', file: 'Open bundle.pdf', filter: { name: 'PDF document', extensions: ['pdf'] } },
  closed: { title: 'Save the closed bundle (withheld information)', file: 'Closed bundle.pdf', filter: { name: 'PDF document', extensions: ['pdf'] } },
  zip: { title: 'Save the native files as a ZIP', file: 'Native files.zip', filter: { name: 'ZIP archive', extensions: ['zip'] } },
};

/** On the team database, every file of the case into the local cache first (the assembly reads them as it goes). */
async function prefetchCaseFiles(ctx: CoreContext, reference: string): Promise<void> {
  if (!ctx.blobs.remote) return;
  for (const sha of await caseFileHashes(ctx.db, reference)) {
    // A copy that cannot be had whole is reported by the assembly where the file belongs, as on a local register.
    await ctx.blobs.load(sha).catch(() => undefined);
  }
}

export async function exportBundle(ctx: CoreContext, input: ParsedInput<'bundles:export'>): Promise<BundleExport> {
  const jobId = input.jobId ?? `job-${ctx.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const job = startJob(ctx, jobId); // before any await, so a poll sent after this request finds it
  const progress = job.progress;
  const signal = job.controller.signal;
  const cancelled = () => new DiscloseError('CANCELLED', 'The export was cancelled; nothing was saved.');
  try {
    const found = await requireCase(ctx.db, input.reference);
    const gathered = await gatherFacts(ctx, found);
    assertCorrespondenceIntact(await storedCorrespondence(ctx.db, input.reference));
    const forum = forumOf(gathered, input);
    // Redaction: the open bundle shows redacted copies, the closed one the originals outlined.
    const redacted = await redactedFacts(ctx, found.id, gathered, input.kind === 'closed' ? 'closed' : 'open');
    if (input.kind !== 'closed' && redacted.unproduced.length > 0) {
      throw new DiscloseError('VALIDATION', `Produce the redacted copy first: ${redacted.unproduced.join(', ')} ${redacted.unproduced.length === 1 ? 'has' : 'have'} redaction marks not yet burned into a copy, and would otherwise go out unredacted.`);
    }
    const facts = redacted.facts;
    const plan: BundlePlan = planBundle(facts, input.kind === 'closed' ? 'closed' : 'open', ctx.today(), forum);
    if (input.kind === 'closed' && !allDocuments(plan).some((d) => d.content.kind === 'file')) {
      throw new DiscloseError('VALIDATION', `Nothing on ${input.reference} is marked as withheld, so there is no closed bundle to make. Give the withheld files the role "Information withheld" first.`);
    }
    const label = LABELS[input.kind];
    const path = await ctx.host.chooseSavePath({
      title: label.title,
      defaultName: `${input.reference.replace(/[^A-Za-z0-9-]+/g, '-')} ${label.file}`,
      filters: [label.filter],
      ...(input.kind === 'open' ? {} : { slot: input.kind }),
    });
    if (signal.aborted) throw cancelled();
    if (path === null) {
      Object.assign(progress, { state: 'cancelled', step: 'Not saved: no file was chosen' });
      return { saved: false, kind: input.kind, path: null, size: 0, sha256: null, pages: 0, documents: 0, notReproduced: [], jobId, revealed: false };
    }
    progress.state = 'running';
    const onProgress = (done: number, total: number, step: string) => Object.assign(progress, { done, total, step });
    await prefetchCaseFiles(ctx, input.reference);
    const stored = readOnce(ctx, (sha: string, name: string) => ctx.blobs.get(sha, name));
    const readBlob = (sha: string, name: string) => redacted.extra.get(sha) ?? stored(sha, name);
    const letters = (l: LetterRecord) => letterBytes(ctx, found, l);
    let result: Omit<BundleExport, 'saved' | 'kind' | 'path' | 'jobId' | 'revealed'>;
    if (input.kind === 'zip') {
      const rows: NativeRow[] = [];
      const size = await writeZip(path, nativeEntries(plan, { readBlob, letterBytes: letters }, rows, onProgress), { date: new Date(`${plan.prepared}T00:00:00Z`), signal });
      const included = rows.filter((r) => r.status === 'included').length;
      result = {
        size,
        sha256: (await fileDigest(path)).sha256,
        pages: included + 1,
        documents: included,
        notReproduced: rows.filter((r) => r.status !== 'included').map((r) => ({ tab: r.tab, document: r.document, reason: r.reason })),
      };
    } else {
      const made = await assembleBundle({ plan, fonts: await ctx.fonts(), readBlob, letterBytes: letters, signal, onProgress }, path);
      result = { size: made.size, sha256: made.sha256, pages: made.pages, documents: allDocuments(plan).length - plan.front.length, notReproduced: made.notReproduced };
    }
    await ctx.write(async ({ audit }) => {
      await audit({
        action: 'bundle.exported',
        caseId: found.id,
        summary: `Saved the ${input.kind === 'zip' ? 'ZIP of native files' : `${input.kind} bundle`} (${result.pages} ${input.kind === 'zip' ? 'files' : 'pages'}) to ${path}${result.notReproduced.length ? `; ${result.notReproduced.length} could not be reproduced` : ''}`,
        detail: { kind: input.kind, path, size: result.size, sha256: result.sha256, pages: result.pages, forum, notReproduced: result.notReproduced },
      });
    });
    Object.assign(progress, { state: 'done', done: progress.total, step: 'Saved' });
    const revealed = input.reveal && ctx.host.revealFile !== undefined;
    if (revealed) await ctx.host.revealFile?.(path);
    return { saved: true, kind: input.kind, path, jobId, revealed, ...result };
  } catch (err) {
    const wasCancelled = signal.aborted || (err instanceof DiscloseError && err.code === 'CANCELLED');
    Object.assign(progress, { state: wasCancelled ? 'cancelled' : 'failed', step: wasCancelled ? 'Cancelled: nothing was saved' : (err as Error).message });
    throw wasCancelled ? cancelled() : err;
  }
}

