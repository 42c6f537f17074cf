// Section 12 cost estimates: the lines, the advice and assistance, and aggregation (reg 5).
import { z } from 'zod';
import { COST_ACTIVITIES, type CostEstimate } from '../../domain/costs/types';
import { channel, type Agrees, type Same } from '../define';
import { reference, regime, text, wholeNumber } from '../fields';

export const costLineInput = z.object({
  activity: z.enum(COST_ACTIVITIES, {
    error: 'Only determining, locating, retrieving and extracting (FOIA, SI 2004/3244 reg 4(3)) or locating, retrieving and providing (FOISA, SSI 2004/467 reg 3) count towards the cost limit',
  }),
  description: text(500).default(''),
  quantity: wholeNumber('Quantity', 100_000).refine((n) => n > 0, 'Quantity must be at least 1'),
  minutesEach: wholeNumber('Minutes each', 10_000),
  sample: z
    .object({ items: wholeNumber('Sample size', 100_000).refine((n) => n > 0, 'A sample has at least one item'), minutes: wholeNumber('Sample minutes', 1_000_000), note: text(1000).optional() })
    .nullable()
    .optional(),
});

const scope = z.enum(['comply', 'confirm-or-deny']);
const totals = z.object({ totalMinutes: z.number(), costPence: z.number(), limitPence: z.number(), exceeds: z.boolean(), ratePencePerHour: z.number(), limitHours: z.number() });
const estimate = z.object({
  scope,
  lines: z.array(
    z.object({
      activity: z.enum(COST_ACTIVITIES),
      description: z.string(),
      quantity: z.number(),
      minutesEach: z.number(),
      sample: z.object({ items: z.number(), minutes: z.number(), note: z.string().optional() }).nullable().optional(),
    }),
  ),
  totals,
  aggregatedWith: z.array(z.object({ reference: z.string(), received: z.string(), totalMinutes: z.number(), reason: z.string() })),
  aggregateTotals: totals.nullable(),
});
type _Estimate = Agrees<Same<z.output<typeof estimate>, CostEstimate>>;

const costView = z.object({
  reference: z.string(),
  regime,
  limit: z.object({ limitPence: z.number(), ratePencePerHour: z.number(), limitHours: z.number(), basis: z.string(), guideOnly: z.boolean().optional() }),
  comply: estimate.nullable(),
  confirmOrDeny: estimate.nullable(),
  s16Advice: z.string(),
  /** The estimate's working as sentences, as letters and bundles print it. */
  working: z.array(z.string()),
  /** Other cases that may be aggregated under reg 5 (same requester, within 60 working days). */
  candidates: z.array(z.object({ reference: z.string(), received: z.string(), reason: z.string() })),
});
export type CostView = z.output<typeof costView>;

export const costs = {
  'costs:get': channel(z.object({ reference }), costView),
  'costs:set': channel(z.object({ reference, scope: scope.default('comply'), lines: z.array(costLineInput).max(500) }), costView),
  'costs:setAdvice': channel(z.object({ reference, s16Advice: text(20_000) }), costView),
  'costs:link': channel(z.object({ reference, other: reference, reason: text(1000).default('') }), costView),
  'costs:unlink': channel(z.object({ reference, other: reference }), costView),
};
