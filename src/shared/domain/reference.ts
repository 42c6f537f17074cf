// Case references such as FOI/2026/0042, made from the authority's own format.
// Tokens: {yyyy} {yy} {mm} year/month of receipt; {regime} FOI|EIR|EISR|FOISA|SAR; {seq} or {seq:N}
// the next number, zero-padded to N digits. The sequence restarts for each distinct rendering of
// the rest of the format, so FOI/{yyyy}/{seq:4} starts again at 0001 each year.
import type { IsoDate } from './dates';

const TOKEN = /\{(yyyy|yy|mm|regime|seq(?::(\d{1,2}))?)\}/g;

export interface ReferenceContext {
  received: IsoDate;
  regime: string;
}

/** Returns null when the format is usable, else a sentence saying what is wrong. */
export function referenceFormatProblem(format: string): string | null {
  if (format.trim() === '') return 'The reference format is empty.';
  if (format.length > 60) return 'The reference format is longer than 60 characters.';
  const seqs = [...format.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('seq'));
  if (seqs.length !== 1) return 'The reference format must contain {seq} (or {seq:4}) exactly once.';
  const unknown = format.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (unknown) return `Unknown token ${unknown[0]}; use {yyyy}, {yy}, {mm}, {regime} and {seq:N}.`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\u0000-\u001f]/.test(format)) return 'The reference format contains control characters.';
  return null;
}

/**
 * The prefix a regime's references carry: FOIA requests are "FOI" as every authority writes them;
 * EIR, EISR (Scotland's own regulations, kept apart from FOISA's counter), FOISA and SAR as named.
 */
export function regimePrefix(regime: string): string {
  return regime === 'foia' ? 'FOI' : regime.toUpperCase();
}

function render(format: string, ctx: ReferenceContext, seq: number | null): string {
  return format.replace(TOKEN, (_all, token: string, width?: string) => {
    switch (token) {
      case 'yyyy':
        return ctx.received.slice(0, 4);
      case 'yy':
        return ctx.received.slice(2, 4);
      case 'mm':
        return ctx.received.slice(5, 7);
      case 'regime':
        return regimePrefix(ctx.regime);
      default:
        return seq === null ? '{seq}' : String(seq).padStart(width ? Number(width) : 1, '0');
    }
  });
}

/** The counter a case draws its number from: the format with everything but {seq} filled in. */
export function referenceScope(format: string, ctx: ReferenceContext): string {
  return render(format, ctx, null);
}

export function formatReference(format: string, ctx: ReferenceContext, seq: number): string {
  return render(format, ctx, seq);
}
