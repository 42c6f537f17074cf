// The dashboard's counts, timeliness over a period, and the published statistics.
import { z } from 'zod';
import { CASE_FILTERS, type CaseFilter, type Dashboard, type TimelinessReport } from '../../domain/reports';
import { RESPONSE_OUTCOMES, type Statistics } from '../../domain/statistics';
import { channel, type Agrees, type Same } from '../define';
import { isoDate, regime, text } from '../fields';

const counts = Object.fromEntries(CASE_FILTERS.map((f) => [f, z.number()])) as { [F in CaseFilter]: z.ZodNumber };
const dashboard = z.object({ ...counts, today: z.string() });
type _Dashboard = Agrees<Same<z.output<typeof dashboard>, Dashboard>>;

const band = z.enum(['good', 'adequate', 'unsatisfactory']).nullable();
const timeliness = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  inTime: z.number(),
  late: z.number(),
  pending: z.number(),
  ratePercent: z.number().nullable(),
  band,
  lateReferences: z.array(z.string()),
});
type _Timeliness = Agrees<Same<z.output<typeof timeliness>, TimelinessReport>>;

const statistics = z.object({
  from: z.string(),
  to: z.string(),
  regime: regime.nullable(),
  received: z.number(),
  inTime: z.number(),
  extendedInTime: z.number(),
  late: z.number(),
  lateBy: z.object({ upTo5: z.number(), upTo20: z.number(), over20: z.number() }),
  pending: z.number(),
  overdue: z.number(),
  ratePercent: z.number().nullable(),
  band,
  outcomes: z.record(z.enum(RESPONSE_OUTCOMES), z.number()),
  exemptions: z.record(z.string(), z.number()),
  reviews: z.object({ received: z.number(), answeredInTime: z.number(), upheld: z.number(), partlyUpheld: z.number(), overturned: z.number(), pending: z.number() }),
  ico: z.object({ complaints: z.number(), decisions: z.number() }),
  tribunal: z.object({ appeals: z.number() }),
  explain: z.record(z.string(), z.object({ count: z.number(), definition: z.string(), cases: z.array(z.string()) })),
});
type _Statistics = Agrees<Same<z.output<typeof statistics>, Statistics>>;

const statisticsInput = z.object({ from: isoDate, to: isoDate, regime: regime.optional(), officer: text(100).optional() });

export const reports = {
  'reports:dashboard': channel(z.object({ today: isoDate.optional() }), dashboard),
  'reports:timeliness': channel(
    z.object({ from: isoDate, to: isoDate, today: isoDate.optional() }).refine((v) => v.from <= v.to, { path: ['to'], message: 'The end of the period is before its start' }),
    timeliness,
  ),
  'reports:statistics': channel(statisticsInput, statistics),
  'reports:saveStatistics': channel(statisticsInput.extend({ format: z.enum(['csv', 'pdf']) }), z.object({ saved: z.boolean(), path: z.string().nullable(), size: z.number() })),
};
