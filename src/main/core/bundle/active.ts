// Nothing active goes into a bundle. A requester's PDF can carry JavaScript, actions that run on
// opening a page or the document, Launch actions that start programs, links to local files,
// forms and embedded files. Before its pages are copied, every page loses its actions and every
// annotation that acts (links, form fields, file attachments, media); notes and markup stay,
// stripped of any action. Document-level actions, forms and embedded files are never copied (only
// pages are), and are counted so the manifest can say what was left behind.
import { PDFArray, PDFDict, PDFName, type PDFDocument, type PDFObject } from 'pdf-lib';

/** Annotations that only show something (comments, highlights, stamps): kept, minus any action. */
const PASSIVE = new Set(['Text', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup', 'Redact']);
const DROPPED: Record<string, string> = {
  Link: 'link', Widget: 'form field', FileAttachment: 'embedded file', Screen: 'media player', Movie: 'media player',
  Sound: 'media player', RichMedia: 'media player', '3D': '3D model',
};

const name = (n: string) => PDFName.of(n);
const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : '');

class Tally {
  private readonly counts = new Map<string, number>();
  add(what: string, n = 1) {
    if (n > 0) this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  describe(): string[] {
    return [...this.counts].map(([what, n]) => (n === 1 ? `1 ${what}` : `${n} ${what.replace(/y$/u, 'ie')}s`));
  }
}

/** Kinds of action in an action dictionary and the chain of /Next actions after it (bounded). */
function actionKinds(doc: PDFDocument, value: PDFObject | undefined, tally: Tally): void {
  const seen = new Set<PDFObject>();
  const queue: (PDFObject | undefined)[] = [value];
  while (queue.length > 0 && seen.size < 1000) {
    const item = queue.pop();
    const action = item ? doc.context.lookup(item) : undefined;
    if (!action || seen.has(action)) continue;
    seen.add(action);
    if (action instanceof PDFArray) {
      for (let i = 0; i < action.size(); i++) queue.push(action.get(i));
    } else if (action instanceof PDFDict) {
      const kind = nameOf(action.get(name('S')));
      if (kind) tally.add(kind === 'JavaScript' ? 'JavaScript action' : kind === 'Launch' ? 'Launch action' : kind === 'URI' ? 'web or file link action' : `${kind} action`);
      queue.push(action.get(name('Next')));
    }
  }
}

/** The actions in an /AA (additional actions) dictionary: one per trigger. */
function triggerActions(doc: PDFDocument, aa: PDFObject | undefined, tally: Tally): void {
  const dict = aa ? doc.context.lookup(aa) : undefined;
  if (dict instanceof PDFDict) for (const [, v] of dict.entries()) actionKinds(doc, v, tally);
}

/** Removes what acts from every page of `doc`; returns what was removed, in words for the manifest. */
export function removeActiveContent(doc: PDFDocument): string[] {
  const tally = new Tally();
  const catalog = doc.catalog;
  // Document level: never copied with the pages, but named so nobody thinks they went along.
  actionKinds(doc, catalog.get(name('OpenAction')), tally);
  triggerActions(doc, catalog.get(name('AA')), tally);
  if (catalog.get(name('AcroForm'))) tally.add('form');
  const names = catalog.lookupMaybe(name('Names'), PDFDict);
  if (names?.get(name('JavaScript'))) tally.add('document JavaScript');
  if (names?.get(name('EmbeddedFiles'))) tally.add('set of embedded files');
  for (const page of doc.getPages()) {
    const node = page.node;
    triggerActions(doc, node.get(name('AA')), tally);
    node.delete(name('AA'));
    const annots = node.lookupMaybe(name('Annots'), PDFArray);
    if (!annots) continue;
    const kept: PDFObject[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict)) continue;
      const subtype = nameOf(annot.get(name('Subtype')));
      actionKinds(doc, annot.get(name('A')), tally);
      triggerActions(doc, annot.get(name('AA')), tally);
      if (PASSIVE.has(subtype)) {
        annot.delete(name('A'));
        annot.delete(name('AA'));
        kept.push(ref);
      } else {
        tally.add(DROPPED[subtype] ?? `${subtype || 'unknown'} annotation`);
      }
    }
    if (kept.length > 0) node.set(name('Annots'), doc.context.obj(kept));
    else node.delete(name('Annots'));
  }
  return tally.describe();
}
