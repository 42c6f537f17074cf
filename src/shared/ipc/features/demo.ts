// A demo register: fictional casework generated from a seed into an empty register.
import { z } from 'zod';
import { channel } from '../define';
import { line } from '../fields';
import { CASE_STATUSES } from '../../domain/status';
import { REGIMES } from '../../domain/clocks/events';

const count = (what: string, max: number) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(max, `${what}: at most ${max.toLocaleString('en-GB')}`);

const generateInput = z.object({
  cases: count('The number of cases', 1_000_000).min(1, 'Generate at least one case'),
  /** Items of correspondence over all cases; about 11 a case when not given. */
  messages: count('The number of messages', 20_000_000).optional(),
  /** The same seed gives the same register. */
  seed: line(100).refine((s) => s.trim() !== '', 'Give a seed').default('1'),
});

export const demoSummary = z.object({
  cases: z.number(),
  messages: z.number(),
  /** Of the messages, those filed as saved emails (with their source file). */
  imported: z.number(),
  attachments: z.number(),
  /** Files put in the blob store: attachments and the source emails. */
  files: z.number(),
  /** Timeline events recorded after each case was logged. */
  events: z.number(),
  exemptions: z.number(),
  estimates: z.number(),
  auditRows: z.number(),
  /** Where the cases stand today, and under which law they were made. */
  statuses: z.record(z.enum(CASE_STATUSES), z.number()),
  regimes: z.record(z.enum(REGIMES), z.number()),
  seed: z.string(),
  /** The earliest date received, and today. */
  from: z.string(),
  to: z.string(),
  seconds: z.number(),
});
export type DemoSummary = z.output<typeof demoSummary>;

export const demo = {
  'demo:generate': channel(generateInput, demoSummary),
};
