// Makes the bundle PDF from its plan: documents in order, each either set from the case record or
// copied in (PDF pages with copyPages, images placed on a page, text set as text, other files
// listed and attached); then the cover, index, chronology and manifest, whose page references
// depend on their own length, laid out until the numbers settle and put in their places; then the
// page stamps, bookmarks, page labels and metadata. A file that cannot be read never stops it.
// Each document's pages go to a file as soon as they are in (streamed.ts), so memory holds a few
// numbers for each page written, not the page; the finished file is hashed and moved to where it is
// saved (deliver.ts) without being read back into memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, type PDFImage } from 'pdf-lib';
import { DiscloseError } from '../../../shared/errors';
import type { FontFiles } from '../pdf/fonts';
import { composePages, BUNDLE_PAGE, type FlowItem } from './compose';
import { typesetter } from './draw';
import { costsFlow, emailFlow, scheduleFlow, textFileFlow } from './documents';
import { DEFERRED, placeDeferred, setMetadata, spansOf, stampText } from './finish';
import { allDocuments, exemptionLabel, type BundlePlan, type DocOutcome, type LetterRecord, type PlannedDoc, type SourceFile } from './model';
import { addOutline, addPageLabels } from './outline';
import { slipFlow } from './pages';
import { blobProblem, classify, describeError, openPdf } from './sources';
import { fileDigest, sha256Hex } from '../blobs';
import { removeActiveContent } from './active';
import { boundedText, imageProblem } from './limits';
import { PdfSink } from './sink';
import { Stamper } from './stamp';
import { StreamedPages } from './streamed';
import { deliver } from './deliver';

export interface AssembleInput {
  plan: BundlePlan;
  fonts: FontFiles;
  /** A stored file's bytes, verified against its SHA-256; throws when missing or altered. */
  readBlob(sha256: string, name: string): Uint8Array;
  /** A letter as sent: its stored copy, or regenerated (said so in `note`). */
  letterBytes(letter: LetterRecord): Promise<{ bytes: Uint8Array; note: string | null }>;
  signal?: AbortSignal;
  onProgress?(done: number, total: number, step: string): void;
}

export interface AssembleResult {
  /** The file saved at the target: its size and SHA-256. */
  size: number;
  sha256: string;
  pages: number;
  outcomes: Map<string, DocOutcome>;
  sources: SourceFile[];
  notReproduced: { tab: string; document: string; reason: string }[];
}

/** ISO date at 00:00 UTC: the PDF's dates are the date prepared, on any machine. */
const midnightUtc = (iso: string) => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
/** pdf-lib reads an image through `bytes.buffer` from offset 0, so a Buffer that is a view into a
 * larger allocation (as Node's file reads may give) must be copied into its own first. */
const copyOf = (bytes: Uint8Array) => new Uint8Array(bytes);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Makes the bundle and saves it at `target` (replaced whole, or left as it was when this fails). */
export async function assembleBundle(input: AssembleInput, target: string): Promise<AssembleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-bundle-'));
  let sink: PdfSink | undefined;
  try {
    const out = await PDFDocument.create({ updateMetadata: false });
    const made = join(dir, 'bundle.pdf');
    sink = new PdfSink(out.context, made);
    const result = await assemble(input, out, sink);
    if (input.signal?.aborted) throw new DiscloseError('CANCELLED', 'The export was cancelled; nothing was saved.');
    const digest = await fileDigest(made);
    await deliver(made, target);
    return { ...result, ...digest };
  } finally {
    sink?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function assemble(input: AssembleInput, out: PDFDocument, sink: PdfSink): Promise<Omit<AssembleResult, 'size' | 'sha256'>> {
  const { plan } = input;
  const ts = await typesetter(out, input.fonts);
  // Every digit in the sample stamp, so each page names the fonts any "Page N of M" needs.
  const pages = new StreamedPages(out, sink, new Stamper(ts.glyphs, ts.chains), stampText(plan, 1234567890, 1234567890));
  const embedImage = async (format: 'png' | 'jpeg', bytes: Uint8Array) => pages.holdImage(format === 'png' ? await out.embedPng(copyOf(bytes)) : await out.embedJpg(copyOf(bytes)));
  const docs = allDocuments(plan);
  const counts = new Map<string, number>();
  const outcomes = new Map<string, DocOutcome>();
  const sources: SourceFile[] = [];
  const marks = new Map<string, string>(); // docId -> the marking on each of its pages
  const created = midnightUtc(plan.prepared);
  const attachedNames = new Set<string>();
  const closedTabs = new Map<number, string>();
  for (const d of docs) if (d.content.kind === 'withheld-notice') closedTabs.set(d.content.attachment.id, d.content.closedTab);

  const attach = (d: PlannedDoc, bytes: Uint8Array, name: string, mimeType: string) => {
    let unique = `${d.tab} ${name}`;
    for (let n = 2; attachedNames.has(unique); n++) unique = `${d.tab} (${n}) ${name}`;
    attachedNames.add(unique);
    void out.attach(bytes, unique, { mimeType, description: `${d.tab}: ${d.title}`, creationDate: created, modificationDate: created });
  };
  const drawFlow = (items: FlowItem[], images = new Map<string, PDFImage>()) => ts.draw(composePages(items, ts.measure), images);
  const slip = (d: PlannedDoc, outcome: DocOutcome) => drawFlow(slipFlow(plan, d, outcome));
  const source = (d: PlannedDoc, s: Omit<SourceFile, 'docId' | 'tab'>) => sources.push({ docId: d.id, tab: d.tab, ...s });

  type What = { name: string; mime: string; description: string; sha256: string };
  /** Copies a PDF's pages in, or stands a sheet in its place when it cannot be read. */
  const placePdf = async (d: PlannedDoc, bytes: Uint8Array, what: What, note: string | null = null): Promise<number> => {
    const opened = await openPdf(bytes);
    if (opened.kind === 'pdf') {
      try {
        // Stripped before copying, so nothing that acts is even reachable from the copied pages.
        const removed = removeActiveContent(opened.doc);
        const pages = await out.copyPages(opened.doc, opened.doc.getPageIndices());
        for (const p of pages) out.addPage(p);
        const notes = [opened.note, note, removed.length ? `active content removed: ${removed.join(', ')}` : ''].filter(Boolean).join('; ') || null;
        outcomes.set(d.id, { status: 'reproduced', reason: notes });
        source(d, { name: what.name, what: what.description, size: bytes.length, sha256: what.sha256, status: 'reproduced', note: notes });
        return pages.length;
      } catch (err) {
        return failed(d, bytes, what, 'the file is damaged: its pages could not be copied', describeError(err));
      }
    }
    return failed(d, bytes, what, opened.reason, opened.detail);
  };
  const failed = (d: PlannedDoc, bytes: Uint8Array, what: What, reason: string, detail?: string): number => {
    // The stored copy passed its SHA-256 check: it is the file as received, so it goes along as it is.
    attach(d, bytes, what.name, what.mime);
    const outcome: DocOutcome = { status: 'not-reproduced', reason: `${reason}; the original file is attached to this PDF` };
    outcomes.set(d.id, outcome);
    source(d, { name: what.name, what: what.description, size: bytes.length, sha256: what.sha256, status: 'not-reproduced', note: detail ? `${outcome.reason} (${detail})` : outcome.reason });
    return slip(d, outcome);
  };
  /** Stands a sheet where a document is that could not even be read from the store. */
  const unreadable = (d: PlannedDoc, what: Omit<What, 'mime'> & { size: number }, reason: string, detail?: string): number => {
    const outcome: DocOutcome = { status: 'not-reproduced', reason };
    outcomes.set(d.id, outcome);
    source(d, { name: what.name, what: what.description, size: what.size, sha256: what.sha256, status: 'not-reproduced', note: detail ? `${reason} (${detail})` : reason });
    return slip(d, outcome);
  };

  const emit = async (d: PlannedDoc): Promise<number> => {
    const c = d.content;
    switch (c.kind) {
      case 'email': {
        const images = new Map<string, PDFImage>();
        const shown: { key: string; name: string; width: number; height: number }[] = [];
        if (c.item.sourceSha256) {
          const name = c.item.sourceFilename ?? `message.${c.item.sourceFormat ?? 'eml'}`;
          try {
            const bytes = input.readBlob(c.item.sourceSha256, name);
            sources.push({ docId: d.id, tab: d.tab, name, what: 'the message as received', size: bytes.length, sha256: c.item.sourceSha256, status: 'reproduced', note: 'set out from its headers and text' });
          } catch (err) {
            sources.push({ docId: d.id, tab: d.tab, name, what: 'the message as received', size: 0, sha256: c.item.sourceSha256, status: 'not-reproduced', note: `${blobProblem(err).reason}; the pages show the text recorded when it was imported (${describeError(err)})` });
          }
        }
        for (const a of c.item.attachments.filter((x) => x.inline && x.contentType.startsWith('image/') && x.role !== 'withheld')) {
          try {
            const bytes = input.readBlob(a.sha256, a.originalFilename);
            const kind = classify(bytes, a.contentType, a.filename);
            if (kind.kind !== 'image') throw new Error('an image format PDF cannot hold directly');
            const problem = imageProblem(bytes);
            if (problem) throw new Error(problem);
            const image = await embedImage(kind.format, bytes);
            images.set(`img-${a.id}`, image);
            shown.push({ key: `img-${a.id}`, name: a.filename, width: image.width, height: image.height });
            source(d, { name: a.filename, what: 'image in the message', size: a.size, sha256: a.sha256, status: 'reproduced', note: null });
          } catch (err) {
            source(d, { name: a.filename, what: 'image in the message', size: a.size, sha256: a.sha256, status: 'not-reproduced', note: describeError(err) });
          }
        }
        outcomes.set(d.id, { status: 'generated', reason: null });
        return drawFlow(emailFlow(d, c.item, closedTabs, shown), images);
      }
      case 'letter': {
        const name = `${d.title.replace(/^Letter: /, '')}.pdf`;
        let letter: { bytes: Uint8Array; note: string | null };
        try {
          letter = await input.letterBytes(c.letter);
        } catch (err) {
          return unreadable(d, { name, description: 'letter', size: c.letter.size, sha256: c.letter.sha256 }, 'the letter as sent is not held and could not be made again', describeError(err));
        }
        return placePdf(d, letter.bytes, { name, mime: 'application/pdf', description: letter.note ? 'letter, made again' : 'letter as sent', sha256: sha256Hex(letter.bytes) }, letter.note);
      }
      case 'costs':
        outcomes.set(d.id, { status: 'generated', reason: null });
        return drawFlow(costsFlow(d, plan));
      case 'schedule':
        outcomes.set(d.id, { status: 'generated', reason: null });
        return drawFlow(scheduleFlow(d, plan));
      case 'withheld-notice':
        outcomes.set(d.id, { status: 'generated', reason: null });
        return slip(d, { status: 'generated', reason: null });
      case 'file': {
        const a = c.attachment;
        if (plan.kind === 'closed') marks.set(d.id, `WITHHELD from the requester: ${exemptionLabel(d)}`);
        const what: What = { name: a.filename, mime: a.contentType, description: a.role === 'withheld' ? 'withheld information' : d.title.startsWith('Attachment') ? 'attachment' : 'document', sha256: a.sha256 };
        let bytes: Uint8Array;
        try {
          bytes = input.readBlob(a.sha256, a.originalFilename || a.filename);
        } catch (err) {
          // Altered or missing: reported, never exported (docs/architecture.md, "Attachments").
          const problem = blobProblem(err);
          return unreadable(d, { ...what, size: a.size }, problem.reason, problem.detail);
        }
        const kind = classify(bytes, a.contentType, a.filename);
        if (kind.kind === 'pdf-pending') return placePdf(d, bytes, what);
        if (kind.kind === 'image') {
          const problem = imageProblem(bytes);
          if (problem) return failed(d, bytes, what, problem);
          let image: PDFImage;
          try {
            image = await embedImage(kind.format, bytes);
          } catch (err) {
            return failed(d, bytes, what, 'the image is damaged and cannot be read', describeError(err));
          }
          const capacity = BUNDLE_PAGE.height - BUNDLE_PAGE.margin.top - BUNDLE_PAGE.margin.bottom;
          outcomes.set(d.id, { status: 'reproduced', reason: null });
          source(d, { name: a.filename, what: what.description, size: a.size, sha256: a.sha256, status: 'reproduced', note: null });
          return drawFlow([{ kind: 'text', text: `${d.tab}  ${d.title}`, font: 'bold', size: 11 }, { kind: 'image', key: 'image', width: image.width, height: image.height, maxHeight: capacity - 30, maxScale: 2 }], new Map([['image', image]]));
        }
        if (kind.kind === 'text') {
          const { text, cut } = boundedText(kind.text);
          // A text too long to set out whole goes along as the file too, so nothing is lost.
          if (cut) attach(d, bytes, a.filename, a.contentType);
          const how = cut ? 'the start set as text, the whole file attached' : 'set as text';
          outcomes.set(d.id, { status: 'reproduced', reason: how });
          source(d, { name: a.filename, what: what.description, size: a.size, sha256: a.sha256, status: 'reproduced', note: how });
          return drawFlow(textFileFlow(d, text));
        }
        const reason = kind.kind === 'native' || kind.kind === 'failed' ? kind.reason : 'not a kind of file that can be printed';
        attach(d, bytes, a.filename, a.contentType);
        const outcome: DocOutcome = { status: 'embedded', reason };
        outcomes.set(d.id, outcome);
        source(d, { name: a.filename, what: what.description, size: a.size, sha256: a.sha256, status: 'embedded', note: null });
        return slip(d, outcome);
      }
      default:
        throw new Error(`Not an immediate document: ${c.kind}`);
    }
  };

  input.onProgress?.(0, docs.length + 1, 'Starting');
  for (const [i, d] of docs.entries()) {
    if (input.signal?.aborted) throw new DiscloseError('CANCELLED', 'The export was cancelled; nothing was saved.');
    if (!DEFERRED.has(d.content.kind)) {
      await emit(d);
      counts.set(d.id, await pages.settle(marks.get(d.id) ?? null));
    }
    input.onProgress?.(i + 1, docs.length + 1, d.title);
    await tick();
  }

  await placeDeferred(plan, docs, counts, outcomes, sources, ts, async (drawn, at) => {
    ts.draw(drawn, new Map());
    await pages.settle(null, at);
  });
  const total = pages.count;
  const spans = spansOf(docs, counts);
  const firstIndex = (id: string) => (spans.get(id)?.first ?? 1) - 1;
  addOutline(out, pages, [
    ...plan.front.map((d) => ({ title: d.title, pageIndex: firstIndex(d.id) })),
    ...plan.sections.map((s) => ({
      title: `${s.letter}  ${s.title}`,
      pageIndex: firstIndex(s.documents[0]?.id ?? ''),
      open: true,
      children: s.documents.map((d) => ({ title: `${d.tab}  ${d.title}`, pageIndex: firstIndex(d.id) })),
    })),
  ]);
  addPageLabels(out, plan.kind === 'closed' ? 'C' : '');
  setMetadata(out, plan, created);
  input.onProgress?.(docs.length, docs.length + 1, 'Writing the PDF');
  // The sink writes no object streams: deflating them in JavaScript doubles the time to write a large
  // bundle, for a file perhaps a tenth smaller; the page content (the bulk of it) stays compressed as it came.
  await pages.finish((i, top) => stampText(plan, i + 1, total, top));
  const notReproduced = [
    ...docs.flatMap((d) => (outcomes.get(d.id)?.status === 'not-reproduced' ? [{ tab: d.tab, document: d.title, reason: outcomes.get(d.id)?.reason ?? '' }] : [])),
    ...sources.filter((s) => s.status === 'not-reproduced' && outcomes.get(s.docId)?.status !== 'not-reproduced').map((s) => ({ tab: s.tab, document: s.name, reason: s.note ?? '' })),
  ];
  return { pages: total, outcomes, sources, notReproduced };
}

