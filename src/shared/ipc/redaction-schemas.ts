// Input schemas of the redaction channels, spread into inputSchemas (schemas.ts) with the case
// reference schema given, so both share one definition of a reference.
import { z } from 'zod';

const id = z.number().int().positive();
// Control characters and bidirectional overrides have no place in a search or an exemption code.
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const plain = (max: number, what: string) => z.string().max(max, `Must be ${max} characters or fewer`).refine((s) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), 'Remove control characters').transform((s) => s.trim()).pipe(z.string().min(1, `Enter ${what}`));
const point = z.number().finite().min(0).max(14_400);

export const redactionTarget = z.discriminatedUnion('kind', [z.object({ kind: z.literal('attachment'), id }), z.object({ kind: z.literal('email'), id })]);
export const redactionBox = z.object({ x: point, y: point, w: point.positive(), h: point.positive() });

export function redactionSchemas<R extends z.ZodType<string, unknown>>(reference: R) {
  const code = plain(80, 'the exemption relied on');
  return {
    'redaction:list': z.object({ reference }),
    'redaction:page': z.object({ reference, target: redactionTarget, page: z.number().int().min(1).max(100_000).default(1) }),
    'redaction:mark': z.object({ reference, target: redactionTarget, page: z.number().int().min(1).max(100_000), box: redactionBox, code }),
    'redaction:search': z.object({ reference, target: redactionTarget, query: plain(200, 'the text to find'), code }),
    'redaction:remove': z.object({ reference, id }),
    'redaction:produce': z.object({ reference, target: redactionTarget }),
    'pack:export': z.object({ reference, format: z.enum(['pdf', 'zip']) }),
  } as const;
}
