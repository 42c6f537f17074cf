// Letters: the authority's templates, a case's draft with its facts, and the letter produced
// (saved as PDF or Word, or printed), which may record the event it sends.
import { z } from 'zod';
import { LETTER_KINDS, type LetterFieldSpec } from '../../domain/letters/kinds';
import { SEND_CHANNELS } from '../../domain/letters/sending';
import type { LetterView } from '../../domain/letters/view';
import { REGIMES } from '../../domain/clocks/events';
import { channel, type Agrees, type Same } from '../define';
import { empty, isoDate, line, reference, requiredText, text } from '../fields';
import { saveResult } from './correspondence';

const letterKind = z.enum(LETTER_KINDS);

export const letterInput = z.object({
  reference,
  kind: letterKind,
  /** The date on the letter (and, when sent, the day its event is recorded); today by default. */
  letterDate: isoDate.optional(),
  /** Who signs this letter, when not the authority's usual signatory (a reviewer, say). */
  signedBy: line(200).transform((s) => s.trim()).optional(),
  signedByTitle: line(200).transform((s) => s.trim()).optional(),
});

/** Saving or printing a letter; with `sent`, the letter moves the case (its event, by `via`). */
const letterOutputInput = letterInput.extend({
  sent: z.boolean().default(false),
  via: z.enum(SEND_CHANNELS, { error: 'Sent by email, post or hand' }).optional(),
});

const templateInfo = z.object({
  kind: letterKind,
  subject: z.string(),
  body: z.string(),
  /** True when the authority has edited it; false for the shipped default. */
  edited: z.boolean(),
});
export type TemplateInfo = z.output<typeof templateInfo>;

const fieldSpec = z.object({
  id: z.string(),
  label: z.string(),
  hint: z.string().optional(),
  required: z.boolean(),
  requiredWhen: z.object({ field: z.string(), values: z.array(z.string()) }).optional(),
  multiline: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  format: z.literal('money').optional(),
  regimes: z.array(z.enum(REGIMES)).readonly().optional(),
});
type _FieldSpec = Agrees<Same<z.output<typeof fieldSpec>, LetterFieldSpec>>;

const letterView = z.object({
  title: z.string(),
  date: z.string(),
  letterhead: z.object({ name: z.string(), lines: z.array(z.string()) }),
  recipient: z.array(z.string()),
  references: z.array(z.object({ label: z.string(), value: z.string() })),
  subject: z.string(),
  salutation: z.string(),
  blocks: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('paragraph'), text: z.string() }),
      z.object({ kind: z.literal('quote'), text: z.string() }),
      z.object({ kind: z.literal('heading'), text: z.string() }),
      z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
    ]),
  ),
  closing: z.string(),
  signatory: z.object({ name: z.string(), title: z.string(), authority: z.string() }),
});
type _View = Agrees<Same<z.output<typeof letterView>, LetterView>>;

const letterDraft = z.object({
  kind: letterKind,
  fields: z.record(z.string(), z.string()),
  specs: z.array(fieldSpec),
  /** The wording this letter is built from: its own if the officer changed it, else the template. */
  wording: z.object({ subject: z.string(), body: z.string(), own: z.boolean() }),
  /** The letter as it would be produced now; null when required facts are missing. */
  view: letterView.nullable(),
  /** What stops the letter being sent (s17 completeness, missing facts). */
  problems: z.array(z.string()),
  /** What the officer should check but may proceed with. */
  warnings: z.array(z.string()),
});
export type LetterDraft = z.output<typeof letterDraft>;

const templates = z.array(templateInfo);
const docxTemplate = z.object({ sha256: z.string().nullable(), name: z.string().nullable() });

export const letters = {
  'letters:templates': channel(empty, templates),
  'letters:saveTemplate': channel(z.object({ kind: letterKind, subject: requiredText(300, 'a subject line'), body: requiredText(100_000, 'the letter text') }), templates),
  'letters:resetTemplate': channel(z.object({ kind: letterKind }), templates),
  'letters:draft': channel(letterInput, letterDraft),
  'letters:setDraft': channel(z.object({ reference, kind: letterKind, fields: z.record(line(60), text(50_000)) }), letterDraft),
  'letters:save': channel(letterOutputInput, saveResult),
  'letters:print': channel(letterOutputInput, z.object({ printed: z.boolean() })),
  'letters:saveDocx': channel(letterInput, z.object({ saved: z.boolean(), path: z.string().nullable(), size: z.number() })),
  'letters:docxTemplate': channel(empty, docxTemplate),
  'letters:setDocxTemplate': channel(z.object({ clear: z.boolean().default(false) }), docxTemplate),
};
