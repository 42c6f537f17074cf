// What an officer types in the search box, read the same way on the local register (FTS5) and the
// team database (tsquery): every word required; words between quotation marks a phrase, in that
// order and side by side; the last word, while still being typed, also the start of a longer one.
// Nothing typed is ever an operator (AND, OR, NEAR, -, *, brackets are searched for as typed).

export interface SearchTerm {
  /** A word, or the words of a phrase separated by single spaces. */
  text: string;
  phrase: boolean;
  /** Also matches longer words that begin with it (the last word only, when long enough). */
  prefix: boolean;
}

/**
 * The shortest ending searched as the start of longer words. Shorter ones ("re", "a") would match
 * a large part of every word in the register, and merging all of their lists made one search take
 * seconds; typed alone they are searched as whole words.
 */
export const MIN_PREFIX = 3;

const hasWordCharacter = (w: string) => /[\p{L}\p{N}]/u.test(w);
const wordsOf = (s: string) => s.split(/\s+/).filter(hasWordCharacter);

/** The terms of a search, in the order typed; none when nothing searchable was typed. */
export function searchTerms(typed: string): SearchTerm[] {
  let text = typed.normalize('NFC');
  // Quotation marks pair from the start; a last one without its pair is only a character typed.
  const quotes = (text.match(/"/g) ?? []).length;
  if (quotes % 2 === 1) {
    const last = text.lastIndexOf('"');
    text = text.slice(0, last) + text.slice(last + 1);
  }
  const terms: SearchTerm[] = [];
  let quotedLast = false;
  text.split('"').forEach((part, i) => {
    const words = wordsOf(part);
    if (i % 2 === 1 && words.length > 0) terms.push({ text: words.join(' '), phrase: words.length > 1, prefix: false });
    else if (i % 2 === 0) for (const w of words) terms.push({ text: w, phrase: false, prefix: false });
    if (words.length > 0) quotedLast = i % 2 === 1;
  });
  const last = terms.at(-1);
  // A word between quotation marks is meant exactly; the last word typed bare may be unfinished.
  if (last && !quotedLast) {
    const ending = last.text.match(/[\p{L}\p{N}]+/gu)!.at(-1)!;
    last.prefix = [...ending].length >= MIN_PREFIX;
  }
  return terms;
}
