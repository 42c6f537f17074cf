// What an officer types in the search box, as terms for either engine's full-text query.
import { describe, expect, it } from 'vitest';
import { MIN_PREFIX, searchTerms } from '../../src/shared/domain/search-query';

const word = (text: string, prefix = false) => ({ text, phrase: false, prefix });
const phrase = (text: string) => ({ text, phrase: true, prefix: false });

describe('search terms', () => {
  it('requires every word, the last one also as the start of longer words', () => {
    expect(searchTerms('road  works')).toEqual([word('road'), word('works', true)]);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('( - * )')).toEqual([]);
  });

  it(`takes the last word as a prefix only from ${MIN_PREFIX} letters or digits of its last part`, () => {
    expect(searchTerms('re')).toEqual([word('re')]);
    expect(searchTerms('rep')).toEqual([word('rep', true)]);
    expect(searchTerms('culvert re')).toEqual([word('culvert'), word('re')]);
    expect(searchTerms('FOI/2026/00')).toEqual([word('FOI/2026/00')]);
    expect(searchTerms('FOI/2026/001')).toEqual([word('FOI/2026/001', true)]);
    // Letters, not UTF-16 units: an accented or astral letter counts once.
    expect(searchTerms('né')).toEqual([word('né')]);
    expect(searchTerms('𝒜𝒷')).toEqual([word('𝒜𝒷')]);
  });

  it('reads words between quotation marks as a phrase, meant exactly', () => {
    expect(searchTerms('"road works" late')).toEqual([phrase('road works'), word('late', true)]);
    expect(searchTerms('late "road  works"')).toEqual([word('late'), phrase('road works')]);
    expect(searchTerms('"pothole"')).toEqual([word('pothole')]);
    expect(searchTerms('"" pot')).toEqual([word('pot', true)]);
    expect(searchTerms('say"road works"now')).toEqual([word('say'), phrase('road works'), word('now', true)]);
  });

  it('drops a quotation mark without its pair, as a character typed', () => {
    expect(searchTerms('cul"vert (')).toEqual([word('culvert', true)]);
    expect(searchTerms('"road works')).toEqual([word('road'), word('works', true)]);
    expect(searchTerms('"a b" "c')).toEqual([phrase('a b'), word('c')]);
    expect(searchTerms('"')).toEqual([]);
  });

  it('keeps operators of either engine as words typed', () => {
    expect(searchTerms('culvert NEAR')).toEqual([word('culvert'), word('NEAR', true)]);
    expect(searchTerms('roads OR -bins')).toEqual([word('roads'), word('OR'), word('-bins', true)]);
  });
});
