// The disclosure log: responses published for the next requester to find. What is published is
// the officer's title and summary, the response letter without the requester, and the documents
// disclosed (redacted copies only); never who asked. A request is information about its
// requester (and a SAR entirely personal data), so every published text is checked for the
// requester's name, email, address and organisation before it leaves, and refused if found.
import type { Requester } from './cases';
import type { Regime } from './clocks/events';

export interface Publication {
  title: string;
  summary: string;
  topic: string;
  markedAt: string;
  markedBy: string;
}

/** Subject access requests are the requester's own personal data: never published. */
export function publishable(regime: Regime): boolean {
  return regime !== 'sar';
}

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('en-GB');

/**
 * The pieces of the requester's identity to look for: the full name and each part of it of three
 * letters or more (a surname alone identifies), the email and its local part, the organisation,
 * and each line of the postal address except a bare town or county of one word.
 */
export function identityTokens(r: Requester): string[] {
  const tokens = new Set<string>();
  const add = (s: string, min = 3) => {
    const t = fold(s.trim());
    if (t.length >= min) tokens.add(t);
  };
  add(r.name);
  for (const part of r.name.split(/[\s,]+/)) if (!/^(mr|mrs|ms|miss|dr|prof|the|and)$/i.test(part)) add(part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  add(r.email);
  add(r.email.split('@')[0] ?? '', 4);
  add(r.organisation);
  for (const line of r.address.split(/\n/)) if (/\s|\d/.test(line.trim())) add(line);
  return [...tokens];
}

/** The identity tokens that appear in a text (case and compatibility forms folded). */
export function identityFound(text: string, tokens: readonly string[]): string[] {
  const t = fold(text);
  return tokens.filter((token) => {
    const at = t.indexOf(token);
    if (at < 0) return false;
    // Whole words only for names, so "Ann" does not match "annual".
    const before = t[at - 1] ?? ' ';
    const after = t[at + token.length] ?? ' ';
    return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
  });
}

/** Removes every identity token from a text, for the published letter. */
export function withoutIdentity(text: string, tokens: readonly string[]): string {
  let out = text;
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), '[the requester]');
  }
  return out;
}

/** "roads-and-transport" for a file or page name. */
export function slug(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'item';
}
