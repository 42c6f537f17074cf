// Finishing a bundle once its documents are in: the cover, index, chronology and manifest put in
// their places (their page numbers depend on their own length), then a stamp on every page and
// the document's metadata, dated as prepared.
import type { PDFDocument } from 'pdf-lib';
import { composePages, type FlowItem } from './compose';
import type { Typesetter } from './draw';
import { chronologyFlow } from './documents';
import type { BundlePlan, DocOutcome, PageSpan, PlannedDoc, SourceFile } from './model';
import { coverFlow, indexFlow, manifestFlow, pageLabel, type PageFacts } from './pages';
import { Stamper } from './stamp';

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
 * padded with a page left blank on purpose, so no number already printed moves.
 */
export function placeDeferred(plan: BundlePlan, docs: PlannedDoc[], counts: Map<string, number>, outcomes: Map<string, DocOutcome>, sources: SourceFile[], ts: Typesetter): void {
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
    ts.draw(padded.slice(0, Math.max(reserved, 1)), new Map(), (spans.get(d.id)?.first ?? 1) - 1);
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

export function stampAll(out: PDFDocument, plan: BundlePlan, docs: PlannedDoc[], counts: ReadonlyMap<string, number>, marks: ReadonlyMap<string, string>, ts: Typesetter, total: number): void {
  const left = plan.kind === 'closed' ? `CLOSED bundle · ${plan.reference} · not for disclosure to the requester` : `Open bundle · ${plan.reference}`;
  const spans = spansOf(docs, counts);
  const markOf: (string | null)[] = Array.from({ length: total }, () => null);
  for (const [id, mark] of marks) {
    const s = spans.get(id);
    if (s) for (let p = s.first; p <= s.last; p++) markOf[p - 1] = mark;
  }
  const stamper = new Stamper(ts.glyphs, ts.chains);
  out.getPages().forEach((page, i) => {
    stamper.stamp(page, { left, right: `Page ${pageLabel(plan, i + 1)} of ${pageLabel(plan, total)}`, top: markOf[i] ?? null });
  });
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
