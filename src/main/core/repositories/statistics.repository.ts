// The cases a period's statistics count, read by index with what is stored of each (the facts
// columns of 2026_12_03_1100_statistics_facts): those received in the period, those with a review,
// complaint, decision or appeal dated in it, and the provisions applied to the ones received.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { PeriodEvent } from '../../../shared/domain/statistics';
import { FACT_COLUMNS } from './derived.repository';

export interface Period {
  from: string;
  to: string;
  regime: Regime | null;
}

const CASE_COLUMNS = ['cases.id', 'cases.reference', 'cases.regime', 'cases.received_date', 'cases.response_due', 'cases.derived_on', 'cases.valid_until', ...FACT_COLUMNS.map((c) => `cases.${c}` as const)] as const;

export async function casesReceivedIn(db: Kysely<DB>, p: Period) {
  let q = db.selectFrom('cases').select(CASE_COLUMNS).where('received_date', '>=', p.from).where('received_date', '<=', p.to);
  if (p.regime) q = q.where('regime', '=', p.regime);
  return q.execute();
}

export type PeriodCaseRow = Awaited<ReturnType<typeof casesReceivedIn>>[number];

/** Each case with a live (not voided) event of one of the kinds dated in the period: once per case and kind. */
export async function casesWithEventsIn(db: Kysely<DB>, p: Period, kinds: readonly PeriodEvent[]): Promise<(PeriodCaseRow & { type: string })[]> {
  let q = db
    .selectFrom('case_events')
    .innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select([...CASE_COLUMNS, 'case_events.type'])
    .distinct()
    .where('case_events.type', 'in', kinds)
    .where('case_events.date', '>=', p.from)
    .where('case_events.date', '<=', p.to)
    .where('case_events.voided_at', 'is', null);
  if (p.regime) q = q.where('cases.regime', '=', p.regime);
  return q.execute();
}

/** The provisions applied to the cases received in the period, one row per provision and item. */
export async function appliedToCasesReceivedIn(db: Kysely<DB>, p: Period) {
  let q = db
    .selectFrom('cases')
    .innerJoin('exemptions_applied', 'exemptions_applied.case_id', 'cases.id')
    .select(['cases.reference', 'exemptions_applied.act', 'exemptions_applied.section', 'exemptions_applied.subsection'])
    .where('cases.received_date', '>=', p.from)
    .where('cases.received_date', '<=', p.to);
  if (p.regime) q = q.where('cases.regime', '=', p.regime);
  return q.execute();
}
