// The bundle's pages, kept in order while the pages themselves go to disk: each document's pages
// are readied for their stamp and written out (with everything they use) as soon as the document
// is in, so the memory a bundle takes does not grow with its pages. Only a reference, a box and a
// marking stay per page, as numbers, for the page tree and the stamps written at the end.
import { PDFName, PDFNumber, PDFRef, type PDFDocument, type PDFImage } from 'pdf-lib';
import '../pdf/ref-pool';
import { Pacer } from './collect';
import type { PdfSink } from './sink';
import type { Stamper, StampSite, StampText } from './stamp';

/** pdf-lib 1.17.1's own bookkeeping of pages, cleared when its pages leave; and its embedding of fonts. */
interface Internals {
  pageMap: Map<unknown, unknown>;
  pageCache: { invalidate(): void };
  flush(): Promise<void>;
}

/** `values` put in `list` at `at`: appended one by one at the end (a document may have thousands of pages, too many to spread as arguments). */
function insert<T>(list: T[], at: number, values: readonly T[]): void {
  if (at === list.length) for (const v of values) list.push(v);
  else list.splice(at, 0, ...values);
}

export class StreamedPages {
  /**
   * Per page, in order, as plain numbers (a ref object a page would stay in pdf-lib's pool for the
   * whole bundle: pdf/ref-pool.ts): the page's object number, its stamp's, its crop box (four
   * numbers) and turn; and the marking along its top.
   */
  private readonly pageNumbers: number[] = [];
  private readonly stampNumbers: number[] = [];
  private readonly boxes: number[] = [];
  private readonly turns: number[] = [];
  private readonly tops: (string | null)[] = [];
  private readonly images: PDFImage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly sink: PdfSink,
    private readonly stamper: Stamper,
    /** The stamp's bottom line with a page number standing for any. */
    private readonly sample: StampText,
    /** Collects the garbage every so many pages made (collect.ts). */
    private readonly pacer = new Pacer(),
  ) {}

  get count(): number {
    return this.pageNumbers.length;
  }

  /** The page at `index` (0-based), by reference (for bookmarks). */
  pageRef(index: number): PDFRef | undefined {
    const n = this.pageNumbers[index];
    return n === undefined ? undefined : PDFRef.of(n);
  }

  /** An image placed on a page not yet settled: embedded before the page is written. */
  holdImage(image: PDFImage): PDFImage {
    this.images.push(image);
    return image;
  }

  /**
   * Takes the pages now in the document to their place in the bundle (the end, or page index `at`),
   * each marked `top` on its stamp, and writes them out with all they use. Returns how many.
   */
  async settle(top: string | null, at = this.count): Promise<number> {
    const pages = this.doc.getPages();
    const sites = pages.map((p) => this.stamper.reserve(p, { ...this.sample, top }));
    for (let i = pages.length - 1; i >= 0; i--) this.doc.removePage(i);
    const internals = this.doc as unknown as Internals;
    internals.pageMap.clear();
    internals.pageCache.invalidate();
    insert(this.pageNumbers, at, pages.map((p) => p.ref.objectNumber));
    insert(this.stampNumbers, at, sites.map((site) => site.ref.objectNumber));
    insert(this.boxes, at * 4, sites.flatMap(({ box }) => [box.x, box.y, box.width, box.height]));
    insert(this.turns, at, sites.map((site) => site.rotation));
    insert(this.tops, at, pages.map(() => top));
    for (const image of this.images.splice(0)) await image.embed();
    this.sink.drain(this.kept());
    this.pacer.pages(pages.length);
    return pages.length;
  }

  /** The catalog, the page tree's root and the document information: filled in until the end. */
  private kept(): Set<PDFRef> {
    const { Root, Info } = this.doc.context.trailerInfo;
    const pagesRef = this.doc.catalog.get(PDFName.of('Pages'));
    return new Set([Root, Info, pagesRef].filter((r): r is PDFRef => r !== undefined && 'objectNumber' in r));
  }

  private site(i: number): StampSite {
    const b = this.boxes;
    return { ref: PDFRef.of(this.stampNumbers[i] as number), box: { x: b[i * 4] as number, y: b[i * 4 + 1] as number, width: b[i * 4 + 2] as number, height: b[i * 4 + 3] as number }, rotation: this.turns[i] as number };
  }

  /** Writes the stamps (`text` of each page by index), the page tree, the fonts and the rest. */
  async finish(text: (index: number, top: string | null) => StampText): Promise<void> {
    const context = this.doc.context;
    for (let i = 0; i < this.count; i++) {
      const site = this.site(i);
      this.sink.write(site.ref, this.stamper.stream(context, site, text(i, this.tops[i] ?? null)));
      this.pacer.pages(1);
    }
    const root = this.doc.catalog.Pages();
    root.set(PDFName.of('Kids'), context.obj(this.pageNumbers.map((n) => PDFRef.of(n))));
    root.set(PDFName.of('Count'), PDFNumber.of(this.count));
    // Fonts are subset to the glyphs used, so they are embedded last, as pdf-lib's save() does.
    await (this.doc as unknown as Internals).flush();
    this.sink.finish();
  }
}
