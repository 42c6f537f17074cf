// The bundle's collections (src/main/core/bundle/collect.ts): a full garbage collection each time
// the bundle's garbage has grown V8's heap by its room, looked at every so many pages, so that a
// long bundle's memory stays level. What it saves is measured in bench/bundle.ts and bench/README.md.
import { describe, expect, it } from 'vitest';
import { Pacer, collector } from '../../src/main/core/bundle/collect';

describe('collections while a bundle is made', () => {
  it('come when the heap has grown past its room since the bundle began, looked at every so many pages', () => {
    let heap = 50;
    let looks = 0;
    const calls: number[] = [];
    const pacer = new Pacer(() => calls.push(heap) && (heap = 50), () => (looks++, heap), 96, 100);
    expect(looks).toBe(1); // where it stood at the start: 50, so collected past 146
    heap = 140;
    pacer.pages(99);
    expect(looks).toBe(1);
    pacer.pages(1);
    expect([looks, calls]).toEqual([2, []]); // grown, but within its room
    heap = 147;
    pacer.pages(100);
    expect([looks, calls]).toEqual([4, [147]]); // and looked at again after: its room counts from there
    heap = 60;
    pacer.pages(10_000); // one document of many pages: one look after it, within its room
    expect([looks, calls]).toEqual([5, [147]]);
    heap = 147; // past 50 + 96, where the heap stood after the collection
    pacer.pages(100);
    expect(calls).toEqual([147, 147]);
    // Where the process has no collector, the heap is not even looked at.
    const never = new Pacer(null, () => {
      throw new Error('looked at');
    });
    expect(() => never.pages(500)).not.toThrow();
  });

  it('stops asking, and the bundle goes on, should a collection throw', () => {
    let asked = 0;
    let heap = 0;
    const pacer = new Pacer(() => {
      asked++;
      throw new Error('no collector after all');
    }, () => (heap += 10), 1, 1); // a heap past its room at every look
    expect(() => pacer.pages(5)).not.toThrow();
    expect(() => pacer.pages(5)).not.toThrow();
    expect(asked).toBe(1);
  });

  it('under Node, where the process may be given its collector late, has one (this file sets no flag)', () => {
    const before = (globalThis as { gc?: unknown }).gc;
    const gc = collector();
    expect(typeof gc).toBe('function');
    expect(() => gc?.()).not.toThrow();
    expect((globalThis as { gc?: unknown }).gc).toBe(before); // got from a context of its own, not put on the global
    expect(collector()).toBe(gc);
  });
});
