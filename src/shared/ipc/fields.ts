// The building blocks of the contract's input schemas: what text, dates, references and files may
// cross into main. Every feature's channels (features/*.ts) are made of these, so one rule about
// unsafe text holds on every channel.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { REGIMES } from '../domain/clocks/events';

/**
 * The one rule for text that crosses into main: C0/C1 control characters (NUL included), bidi
 * overrides and isolates are refused, since stored they make one value display as another (a
 * reference "FOI/\u202e0001/6202" reads as a different case). Tab and newline are fine in free text.
 */
// eslint-disable-next-line no-control-regex -- the point of the pattern is to find control characters
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
// eslint-disable-next-line no-control-regex -- as above, and a one-line field takes no tab or newline either
const UNSAFE_LINE = /[\u0000-\u001f]/u;
export function unsafeTextProblem(s: string, oneLine = false): string | null {
  if (UNSAFE_TEXT.test(s)) return 'Contains control characters or direction overrides';
  if (oneLine && UNSAFE_LINE.test(s)) return 'Must be a single line';
  return null;
}
const safe = (oneLine: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const problem = unsafeTextProblem(s, oneLine);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** Text as typed: NFC-normalised (so "Zoë" is one form however it was typed), unsafe characters refused. */
export const text = (max: number) =>
  z
    .string()
    .max(max, `Must be ${max} characters or fewer`)
    .superRefine(safe(false))
    .transform((s) => s.normalize('NFC'));

/** A short value on one line (a name, a reference, a query). */
export const line = (max: number) => z.string().max(max, `Must be ${max} characters or fewer`).superRefine(safe(true));

export const requiredText = (max: number, what: string) =>
  text(max).refine((s) => s.trim() !== '', `Enter ${what}`).transform((s) => s.trim());

/** Dates a case file can hold: no request predates FOIA's passing, none is due after this century. */
export const DATE_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;
const inRange = (s: string) => s.slice(0, 10) >= DATE_RANGE.from && s.slice(0, 10) <= DATE_RANGE.to;
export const isoDate = z
  .string()
  .refine(isIsoDate, 'Enter a real date as YYYY-MM-DD')
  .refine(inRange, `Enter a date between ${DATE_RANGE.from.slice(0, 4)} and ${DATE_RANGE.to.slice(0, 4)}`);
export const regime = z.enum(REGIMES, { error: 'Regime must be one of foia, eir, eisr, foisa, sar' });
export const reference = line(200).transform((s) => s.trim()).pipe(z.string().min(1, 'Enter a case reference').max(60));
export const email = line(400)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(254)
      .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Enter an email address like name@example.org'),
  );

export const voidReason = requiredText(1000, 'why this is being voided');
export const id = z.number().int().positive();

export const wholeNumber = (what: string, max: number) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(max, `${what} is implausibly large`);

/** Decodes inside the schema, so bad base64 is a validation issue and never an exception. */
function fromBase64(s: string, ctx: z.RefinementCtx): Uint8Array {
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Not base64' });
    return z.NEVER;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** File bytes: a Uint8Array over Electron IPC, base64 text over the test bridge's JSON. */
export const fileBytes = z.union([
  z.instanceof(Uint8Array),
  z
    .string()
    .max(700 * 1024 * 1024)
    .refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'Not base64')
    .transform(fromBase64),
]);

/** A dropped file's name comes from the sender, not the officer: unsafe characters are stripped, not refused. */
export const fileName = z
  .string()
  .min(1)
  .max(1000)
  .transform((s) => s.replace(new RegExp(UNSAFE_TEXT.source, 'gu'), '').replace(/[\n\t]/gu, ' '))
  .pipe(z.string().min(1, 'The file has no name'));
export const instantOrDate = z
  .string()
  .max(40)
  .refine((s) => isIsoDate(s) || (!Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s)), 'Enter a date as YYYY-MM-DD')
  .refine(inRange, `Enter a date between ${DATE_RANGE.from.slice(0, 4)} and ${DATE_RANGE.to.slice(0, 4)}`);

export const empty = z.object({}).strict();
