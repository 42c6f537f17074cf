// The disclosure log: a case's published entry, and the log exported for the website.
import { z } from 'zod';
import type { Publication } from '../../domain/disclosure';
import { channel, type Agrees, type Same } from '../define';
import { isoDate, reference, text } from '../fields';

const publication = z.object({ title: z.string(), summary: z.string(), topic: z.string(), markedAt: z.string(), markedBy: z.string() });
type _Publication = Agrees<Same<z.output<typeof publication>, Publication>>;

const publishInput = z
  .object({
    reference,
    title: text(200).default(''),
    summary: text(5000).default(''),
    topic: text(100).default(''),
    unpublish: z.boolean().default(false),
  })
  .refine((v) => v.unpublish || (v.title.trim() !== '' && v.summary.trim() !== ''), { message: 'Enter a published title and summary', path: ['title'] });

const logExport = z.object({
  out: z.string().nullable(),
  requests: z.number(),
  files: z.number(),
  skipped: z.array(z.object({ reference: z.string(), file: z.string(), reason: z.string() })),
});

export const disclosure = {
  'disclosure:get': channel(z.object({ reference }), publication.nullable()),
  'disclosure:publish': channel(publishInput, publication.nullable()),
  'disclosure:export': channel(z.object({ from: isoDate, to: isoDate }), logExport),
};
