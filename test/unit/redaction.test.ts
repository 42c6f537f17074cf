// The geometry that decides which words a redaction box destroys, how a search becomes boxes, and
// the schedule of redactions per document and page.
import { describe, expect, it } from 'vitest';
import {
  checkBox, findOccurrences, overlaps, parseBox, partitionWords, redactionSchedule, roundOut, wordCounts, wordsOf,
  type RedactionMark, type TextRun, type WidthOf,
} from '../../src/shared/domain/redaction';

// A monospaced measure: every character as wide as another, so positions are easy to reason about.
const mono: WidthOf = (s) => [...s].length;
const run = (str: string, x = 100, baseline = 200, size = 10): TextRun => ({ str, x, baseline, width: [...str].length * 6, size, horizontal: true });

describe('words of a run', () => {
  it('shares the run width out by the measure and boxes the ink of each word', () => {
    const words = wordsOf(run('Jane Smith signed'), mono);
    expect(words.map((w) => w.text)).toEqual(['Jane', 'Smith', 'signed']);
    expect(words[1]!.box).toMatchObject({ x: 130, w: 30 });
    expect(words[1]!.box.y).toBeCloseTo(193);
    expect(words[1]!.box.h).toBeCloseTo(8.5);
  });

  it('keeps rotated text whole: it is never split on a guess', () => {
    const words = wordsOf({ ...run('Vertical words'), horizontal: false }, mono);
    expect(words).toHaveLength(1);
    expect(words[0]!.text).toBe('Vertical words');
  });
});

describe('partitionWords', () => {
  it('hides every word a box touches and keeps the rest on the same line and other lines', () => {
    const runs = [run('Prepared by Jane Smith today'), run('Nothing here is marked', 100, 230)];
    const box = { x: 166, y: 190, w: 60, h: 14 }; // over "Jane Smith"
    const { kept, hidden } = partitionWords(runs, [box], mono);
    expect(hidden.map((w) => w.text)).toEqual(['Jane', 'Smith']);
    expect(kept.map((w) => w.text)).toEqual(['Prepared', 'by', 'today', 'Nothing', 'here', 'is', 'marked']);
  });

  it('a box that only grazes the line above or below hides nothing there', () => {
    const { hidden } = partitionWords([run('Above the box')], [{ x: 100, y: 202.5, w: 200, h: 20 }], mono);
    expect(hidden).toEqual([]);
  });
});

describe('findOccurrences', () => {
  it('finds every occurrence, whatever the case, with a box over the glyphs', () => {
    const boxes = findOccurrences([run('JANE SMITH and jane smith'), run('no one', 100, 230)], 'Jane Smith', mono);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.x).toBeLessThanOrEqual(100);
    expect(boxes[1]!.x).toBeLessThanOrEqual(100 + 15 * 6);
    for (const b of boxes) {
      expect(b.y).toBeLessThanOrEqual(200 - 10 * 0.7);
      expect(b.y + b.h).toBeGreaterThanOrEqual(200 + 10 * 0.2);
    }
  });

  it('boxes found by search hide exactly the words searched for', () => {
    const runs = [run('Contact jane.smith@example.org or the desk')];
    const boxes = findOccurrences(runs, 'jane.smith@example.org', mono);
    expect(partitionWords(runs, boxes, mono).hidden.map((w) => w.text)).toEqual(['jane.smith@example.org']);
  });

  it('finds nothing for an empty query', () => {
    expect(findOccurrences([run('text')], '   ', mono)).toEqual([]);
  });
});

describe('boxes', () => {
  it('parses X,Y,W,H and refuses anything else', () => {
    expect(parseBox('12, 40.5,100,14')).toEqual({ x: 12, y: 40.5, w: 100, h: 14 });
    expect(parseBox('12,40,100')).toBeNull();
    expect(parseBox('a,b,c,d')).toBeNull();
  });

  it('must lie on the page and be at least a point each way', () => {
    const page = { width: 595, height: 842 };
    expect(checkBox({ x: 10, y: 10, w: 100, h: 20 }, page)).toBeNull();
    expect(checkBox({ x: 590, y: 10, w: 100, h: 20 }, page)).toMatch(/outside the page/);
    expect(checkBox({ x: 10, y: 10, w: 0.5, h: 20 }, page)).toMatch(/at least/);
  });

  it('overlap needs a positive area; rounding never shrinks a box', () => {
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 10, h: 10 }, { x: 9.9, y: 9.9, w: 5, h: 5 })).toBe(true);
    const r = roundOut({ x: 1.234, y: 5.678, w: 3.333, h: 1.111 });
    expect(r.x).toBeLessThanOrEqual(1.234);
    expect(r.x + r.w).toBeGreaterThanOrEqual(1.234 + 3.333);
  });

  it('counts words case-insensitively', () => {
    expect(wordCounts([{ text: 'Smith' }, { text: 'SMITH' }, { text: 'Jane' }]).get('smith')).toBe(2);
  });
});

describe('the schedule of redactions', () => {
  const mark = (id: number, kind: 'attachment' | 'email', target: number, page: number, code: string): RedactionMark => ({ id, target: { kind, id: target }, page, box: { x: 0, y: 0, w: 5, h: 5 }, code, matched: '', createdAt: '', createdBy: '' });
  it('lists each document and page once, with every exemption relied on there', () => {
    const rows = redactionSchedule([mark(1, 'attachment', 3, 2, 's40(2)'), mark(2, 'attachment', 3, 1, 's43(2)'), mark(3, 'attachment', 3, 2, 's43(2)'), mark(4, 'email', 9, 1, 's40(2)'), mark(5, 'attachment', 3, 2, 's40(2)')], (t) => (t.kind === 'email' ? 'Email 9' : 'tender.pdf'));
    expect(rows).toEqual([
      { document: 'tender.pdf', page: 1, codes: ['s43(2)'], marks: 1 },
      { document: 'tender.pdf', page: 2, codes: ['s40(2)', 's43(2)'], marks: 3 },
      { document: 'Email 9', page: 1, codes: ['s40(2)'], marks: 1 },
    ]);
  });
});
