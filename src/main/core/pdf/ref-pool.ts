// pdf-lib (1.17.1) makes one PDFRef object per object number and keeps every one it ever made in a
// pool of its own, for the life of the process: refs are compared by identity (a document's objects
// are held in a Map keyed by them), so `PDFRef.of(12)` must give the same object every time. A bundle
// made page by page writes each page's objects out and forgets them, but their refs stayed pooled:
// three or four for each page, some 0.6 KB a page of memory held to the end, and beyond (the largest
// document made sets the pool's size for the rest of the process).
//
// Here the pool holds each ref weakly. While anything holds a ref, `PDFRef.of` gives that same
// object, so identity holds wherever it can be seen; a ref nothing holds any more can be collected,
// and is made anew should its number be asked for again. Installed when this module is first
// imported, before any document is made: refs made earlier (there are none) would not be found.
import { PDFRef } from 'pdf-lib';

/** One pool for the process, however many times this module is loaded (a test runner may load it again). */
const shared = globalThis as { [key: symbol]: Map<string, WeakRef<PDFRef>> | undefined };
const key = Symbol.for('disclose.weakRefPool');
const pool = (shared[key] ??= new Map<string, WeakRef<PDFRef>>());
const gone = new FinalizationRegistry<string>((tag) => {
  // The tag may have been given to a newer ref since: only a dead entry is removed.
  if (pool.get(tag)?.deref() === undefined) pool.delete(tag);
});

function weaklyPooled(objectNumber: number, generationNumber = 0): PDFRef {
  const tag = `${objectNumber} ${generationNumber} R`;
  const held = pool.get(tag)?.deref();
  if (held) return held;
  // PDFRef's constructor is private to pdf-lib; a ref is these three fields over its prototype.
  const ref = Object.assign(Object.create(PDFRef.prototype) as PDFRef, { objectNumber, generationNumber, tag });
  pool.set(tag, new WeakRef(ref));
  gone.register(ref, tag);
  return ref;
}

const cls = PDFRef as unknown as { of: typeof weaklyPooled; [key]?: true };
if (!cls[key]) {
  cls.of = weaklyPooled;
  cls[key] = true;
}

/** How many refs the pool holds now (for tests). */
export function pooledRefs(): number {
  return pool.size;
}
