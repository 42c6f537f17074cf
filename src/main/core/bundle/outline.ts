// Bookmarks (the document outline, PDF 32000-1 §12.3.3) and page labels (§12.4.2). pdf-lib has
// no API for either, so the dictionaries are built from its low-level objects: an /Outlines root,
// one item per section with one child per document, each pointing at its first page.
import { PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineNode {
  title: string;
  /** 0-based index of the page the bookmark opens. */
  pageIndex: number;
  children?: OutlineNode[];
  /** Sections start open; documents have no children. */
  open?: boolean;
}

function countVisible(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + (node.open && node.children ? countVisible(node.children) : 0), 0);
}

/** Adds the outline to the catalog and asks viewers to show it on opening. */
export function addOutline(doc: PDFDocument, pages: { count: number; pageRef(index: number): PDFRef | undefined }, nodes: readonly OutlineNode[]): void {
  if (nodes.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();

  const build = (list: readonly OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef } => {
    const refs = list.map(() => context.nextRef());
    list.forEach((node, i) => {
      const page = pages.pageRef(Math.min(node.pageIndex, pages.count - 1));
      const dict = context.obj({}) as PDFDict;
      // Unicode titles as UTF-16BE with a byte order mark, so any name reads in the viewer.
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parent);
      if (page) dict.set(PDFName.of('Dest'), context.obj([page, PDFName.of('Fit')]));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
      const children = node.children ?? [];
      if (children.length) {
        const kids = build(children, refs[i] as PDFRef);
        dict.set(PDFName.of('First'), kids.first);
        dict.set(PDFName.of('Last'), kids.last);
        // Positive: open, showing this many descendants; negative: closed (§12.3.3, Table 153).
        dict.set(PDFName.of('Count'), PDFNumber.of(node.open ? countVisible(children) : -children.length));
      }
      context.assign(refs[i] as PDFRef, dict);
    });
    return { first: refs[0] as PDFRef, last: refs[refs.length - 1] as PDFRef };
  };

  const top = build(nodes, rootRef);
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), top.first);
  root.set(PDFName.of('Last'), top.last);
  root.set(PDFName.of('Count'), PDFNumber.of(countVisible(nodes)));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Page labels: viewers show "C1", "C2"… for the closed bundle, and 1, 2… for the open one. */
export function addPageLabels(doc: PDFDocument, prefix: string): void {
  const style = doc.context.obj({ S: 'D' }) as PDFDict;
  if (prefix) style.set(PDFName.of('P'), PDFString.of(prefix));
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, style] }));
}
