// Finishing a bundle once its documents are in: the cover, index, chronology and manifest put in
// their places (their page numbers depend on their own length), then a stamp on every page and
// the document's metadata, dated as prepared.
import type { PDFDocument } from 'pdf-lib';
import { composePages, type DrawOp, type FlowItem } from './compose';
import type { Typesetter } from './draw';
import { chronologyFlow } from './documents';
import type { BundlePlan, DocOutcome, PageSpan, PlannedDoc, SourceFile } from './model';
import { coverFlow, indexFlow, manifestFlow, pageLabel, type PageFacts } from './pages';
import type { StampText } from './stamp';

/** Documents laid out last, when every other document's pages are known. */
export const DEFERRED = new Set(['cover', 'index', 'chronology', 'manifest']);

export function spansOf(docs: PlannedDoc[], counts: ReadonlyMap<string, number>): Map<string, PageSpan> {
  const spans = new Map<string, PageSpan>();
  let next = 1;
  for (const d of docs) {
    const n = counts.get(d.id) ?? 0;
    spans.set(d.id, { first: next, last: next + n - 1 });
    next += n;
  }
  return spans;
}


/**
 * The cover, index, chronology and manifest cite page numbers that depend on their own length:
 * lay them out, count, and lay out again until no count grows (counts only grow, so this ends),
 * then insert each where it belongs. A layout that comes out shorter than its reserved count is
 * padded with a page left blank on purpose, so no number already printed moves. `place` puts a
 * document's composed pages at their 0-based page index.
 */
export async function placeDeferred(
  plan: BundlePlan,
  docs: PlannedDoc[],
  counts: Map<string, number>,
  outcomes: Map<string, DocOutcome>,
  sources: SourceFile[],
  ts: Typesetter,
  place: (pages: DrawOp[][], at: number) => Promise<void>,
): Promise<void> {
  const deferred = docs.filter((d) => DEFERRED.has(d.content.kind));
  for (const d of deferred) counts.set(d.id, 1);
  const layout = () => {
    const spans = spansOf(docs, counts);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const facts: PageFacts = { pages: (id) => spans.get(id), outcomes, sources, totalPages: total };
    return new Map(deferred.map((d) => [d.id, composePages(flowFor(plan, d, facts), ts.measure)]));
  };
  let pages = layout();
  for (let round = 0; round < 8 && deferred.some((d) => (pages.get(d.id)?.length ?? 0) > (counts.get(d.id) ?? 0)); round++) {
    for (const d of deferred) counts.set(d.id, Math.max(counts.get(d.id) ?? 0, pages.get(d.id)?.length ?? 0));
    pages = layout();
  }
  const spans = spansOf(docs, counts);
  for (const d of deferred) {
    outcomes.set(d.id, { status: 'generated', reason: null });
    const composed = pages.get(d.id) ?? [];
    const reserved = counts.get(d.id) ?? composed.length;
    const padded = [...composed, ...Array.from({ length: Math.max(0, reserved - composed.length) }, () => composePages([{ kind: 'text', text: 'This page is intentionally blank.', muted: true, align: 'center', spaceBefore: 300 }], ts.measure)[0]!)];
    await place(padded.slice(0, Math.max(reserved, 1)), (spans.get(d.id)?.first ?? 1) - 1);
  }
}

function flowFor(plan: BundlePlan, d: PlannedDoc, facts: PageFacts): FlowItem[] {
  switch (d.content.kind) {
    case 'cover':
      return coverFlow(plan, facts);
    case 'index':
      return indexFlow(plan, facts);
    case 'chronology':
      return chronologyFlow(plan, facts.pages);
    default:
      return manifestFlow(plan, facts);
  }
}

/** The stamp of page `n` of `total`: the bundle and its reference, the page, and any marking. */
export function stampText(plan: BundlePlan, n: number, total: number, top: string | null = null): StampText {
  const left = plan.kind === 'closed' ? `CLOSED bundle · ${plan.reference} · not for disclosure to the requester` : `Open bundle · ${plan.reference}`;
  return { left, right: `Page ${pageLabel(plan, n)} of ${pageLabel(plan, total)}`, top };
}

export function setMetadata(out: PDFDocument, plan: BundlePlan, date: Date): void {
  const forum = plan.forum.reference ? ` (${plan.forum.body === 'tribunal' ? 'Tribunal' : 'ICO'} ${plan.forum.reference})` : '';
  out.setTitle(`${plan.name}: ${plan.reference}${forum}`, { showInWindowTitleBar: true });
  out.setAuthor(plan.facts.settings.name || 'Disclose');
  out.setSubject(plan.kind === 'closed' ? 'Information withheld from the requester, marked by exemption' : 'Request, response and review correspondence, chronology, cost working and exemption schedule');
  out.setKeywords([plan.reference, plan.forum.reference, plan.name].filter(Boolean));
  out.setCreator('Disclose');
  out.setProducer('Disclose');
  out.setCreationDate(date);
  out.setModificationDate(date);
  out.setLanguage('en-GB');
}
