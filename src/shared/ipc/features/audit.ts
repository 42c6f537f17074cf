// The audit log: every write, who made it and when, newest first.
import { z } from 'zod';
import { channel } from '../define';
import { reference } from '../fields';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  reference: z.string().nullable(),
  summary: z.string(),
  detail: z.unknown(),
  /** When a change checked in from an offline copy was made there; `at` is when it was recorded. */
  occurredAt: z.string().nullable(),
});
export type AuditEntry = z.output<typeof auditEntry>;

export const audit = {
  'audit:list': channel(z.object({ reference: reference.optional(), limit: z.number().int().min(1).max(1000).default(200) }), z.array(auditEntry)),
};
