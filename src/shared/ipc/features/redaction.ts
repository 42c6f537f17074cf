// Redaction: marks over a document's pages, the redacted copy made from them, and the response pack.
import { z } from 'zod';
import type { PackResult, ProducedCopy, RedactionMark, RedactionOverview, RedactionPage } from '../../domain/redaction';
import { channel, type Agrees, type Same } from '../define';
import { id, reference } from '../fields';

// Control characters and bidirectional overrides have no place in a search or an exemption code.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const plain = (max: number, what: string) => z.string().max(max, `Must be ${max} characters or fewer`).refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), 'Remove control characters').transform((s) => s.trim()).pipe(z.string().min(1, `Enter ${what}`));
const point = z.number().finite().min(0).max(14_400);
const code = plain(80, 'the exemption relied on');

const target = z.discriminatedUnion('kind', [z.object({ kind: z.literal('attachment'), id }), z.object({ kind: z.literal('email'), id })]);
const boxInput = z.object({ x: point, y: point, w: point.positive(), h: point.positive() });

const targetOut = z.discriminatedUnion('kind', [z.object({ kind: z.literal('attachment'), id: z.number() }), z.object({ kind: z.literal('email'), id: z.number() })]);
const box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const mark = z.object({ id: z.number(), target: targetOut, page: z.number(), box, code: z.string(), matched: z.string(), createdAt: z.string(), createdBy: z.string() });
type _Mark = Agrees<Same<z.output<typeof mark>, RedactionMark>>;

const overview = z.object({
  reference: z.string(),
  codes: z.array(z.string()),
  documents: z.array(z.object({ target: targetOut, name: z.string() })),
  marks: z.array(mark),
  schedule: z.array(z.object({ document: z.string(), page: z.number(), codes: z.array(z.string()), marks: z.number() })),
  copies: z.array(
    z.object({ attachmentId: z.number(), filename: z.string(), sha256: z.string(), source: targetOut, pages: z.array(z.number()), marks: z.number(), producedAt: z.string(), current: z.boolean() }),
  ),
});
type _Overview = Agrees<Same<z.output<typeof overview>, RedactionOverview>>;

const page = z.object({ target: targetOut, page: z.number(), pages: z.number(), width: z.number(), height: z.number(), imageBase64: z.string(), dpi: z.number(), marks: z.array(mark) });
type _Page = Agrees<Same<z.output<typeof page>, RedactionPage>>;

const produced = z.object({
  attachment: z.object({ id: z.number(), sha256: z.string(), role: z.literal('disclosed'), filename: z.string() }),
  redactedPages: z.array(z.number()),
  verified: z.literal(true),
  removed: z.array(z.string()),
});
type _Produced = Agrees<Same<z.output<typeof produced>, ProducedCopy>>;

const pack = z.object({
  saved: z.boolean(),
  path: z.string().nullable(),
  format: z.enum(['pdf', 'zip']),
  letter: z.object({ kind: z.string(), letterDate: z.string() }),
  documents: z.array(z.object({ filename: z.string(), sha256: z.string(), redacted: z.boolean() })),
  pages: z.number(),
  size: z.number(),
  sha256: z.string().nullable(),
});
type _Pack = Agrees<Same<z.output<typeof pack>, PackResult>>;

export const redaction = {
  'redaction:list': channel(z.object({ reference }), overview),
  'redaction:page': channel(z.object({ reference, target, page: z.number().int().min(1).max(100_000).default(1) }), page),
  'redaction:mark': channel(z.object({ reference, target, page: z.number().int().min(1).max(100_000), box: boxInput, code }), mark),
  'redaction:search': channel(z.object({ reference, target, query: plain(200, 'the text to find'), code }), z.array(mark)),
  'redaction:remove': channel(z.object({ reference, id }), mark),
  'redaction:produce': channel(z.object({ reference, target }), produced),
  'pack:export': channel(z.object({ reference, format: z.enum(['pdf', 'zip']) }), pack),
};
