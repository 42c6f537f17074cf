// pdf-lib's pool of PDFRef objects, held weakly (src/main/core/pdf/ref-pool.ts): the same object for
// a number while anything holds it, as pdf-lib needs (a document's objects are kept in a Map keyed
// by ref), and nothing kept once nothing does. pdf-lib's own pool kept every ref ever made for the
// life of the process: some 60,000 of them after a bundle of 20,000 pages (bench/README.md).
import { PDFDocument, PDFName, PDFRef, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pooledRefs } from '../../src/main/core/pdf/ref-pool';
import { collectUntil as collect } from '../helpers/gc';

describe("pdf-lib's refs, pooled weakly", () => {
  it('gives the one ref for a number and generation while it is held, a ref as pdf-lib makes them', () => {
    const a = PDFRef.of(7);
    expect(PDFRef.of(7)).toBe(a);
    expect(PDFRef.of(7, 0)).toBe(a);
    expect(PDFRef.of(7, 1)).not.toBe(a);
    expect(a).toBeInstanceOf(PDFRef);
    expect([a.objectNumber, a.generationNumber, a.tag, a.toString(), a.sizeInBytes(), a.clone()]).toEqual([7, 0, '7 0 R', '7 0 R', 5, a]);
    const bytes = new Uint8Array(5);
    expect(a.copyBytesInto(bytes, 0)).toBe(5);
    expect(Buffer.from(bytes).toString('latin1')).toBe('7 0 R');
  });

  it('lets a ref go once nothing holds it, and makes it again when asked', async () => {
    const weak = (() => new WeakRef(PDFRef.of(987_654)))();
    const size = pooledRefs();
    expect(await collect(() => weak.deref() === undefined)).toBe(true);
    expect(await collect(() => pooledRefs() < size)).toBe(true);
    expect(PDFRef.of(987_654).tag).toBe('987654 0 R');
  });

  it('keeps documents whole: made, saved, loaded and looked up by ref with refs made and dropped between', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 1; p <= 40; p++) doc.addPage().drawText(`Sheet ${p}`, { x: 50, y: 700, size: 12, font });
    const first = doc.getPage(0).ref;
    // Refs made in their thousands and let go, as a large bundle does, with collections between.
    for (let round = 0; round < 3; round++) {
      for (let n = 100_000; n < 110_000; n++) PDFRef.of(n);
      await collect(() => true, 1);
    }
    expect(doc.context.lookup(PDFRef.of(first.objectNumber))).toBe(doc.getPage(0).node);
    const back = await PDFDocument.load(await doc.save());
    expect(back.getPageCount()).toBe(40);
    const kids = back.catalog.Pages().get(PDFName.of('Kids'));
    expect(kids?.toString()).toContain(back.getPage(39).ref.tag);
    expect(back.context.lookup(back.getPage(39).ref)).toBe(back.getPage(39).node);
  });
});
