import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CostActivity, CostLine, EstimateScope } from '../../../shared/domain/costs/types';

export async function listCostLines(db: Kysely<DB>, caseIds: readonly number[], scope: EstimateScope): Promise<Map<number, CostLine[]>> {
  const byCase = new Map<number, CostLine[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('cost_lines')
    .innerJoin('cost_estimates', 'cost_estimates.id', 'cost_lines.estimate_id')
    .selectAll('cost_lines')
    .select('cost_estimates.case_id')
    .where('cost_estimates.case_id', 'in', caseIds)
    .where('cost_estimates.scope', '=', scope)
    .orderBy('cost_lines.position')
    .execute();
  for (const r of rows) {
    const lines = byCase.get(r.case_id) ?? [];
    lines.push({
      activity: r.activity as CostActivity,
      description: r.description,
      quantity: r.quantity,
      minutesEach: r.minutes_each,
      sample: r.sample_items !== null && r.sample_minutes !== null ? { items: r.sample_items, minutes: r.sample_minutes, ...(r.sample_note ? { note: r.sample_note } : {}) } : null,
    });
    byCase.set(r.case_id, lines);
  }
  return byCase;
}

export async function hasEstimate(db: Kysely<DB>, caseId: number, scope: EstimateScope): Promise<boolean> {
  return (await db.selectFrom('cost_estimates').select('id').where('case_id', '=', caseId).where('scope', '=', scope).executeTakeFirst()) !== undefined;
}

/** Replaces the estimate's lines (an estimate with no lines is removed). */
export async function replaceCostLines(db: Kysely<DB>, caseId: number, scope: EstimateScope, lines: readonly CostLine[], now: string): Promise<void> {
  const existing = await db.selectFrom('cost_estimates').select('id').where('case_id', '=', caseId).where('scope', '=', scope).executeTakeFirst();
  if (existing) {
    await db.deleteFrom('cost_lines').where('estimate_id', '=', existing.id).execute();
    if (lines.length === 0) {
      await db.deleteFrom('cost_estimates').where('id', '=', existing.id).execute();
      return;
    }
    await db.updateTable('cost_estimates').set({ updated_at: now }).where('id', '=', existing.id).execute();
  }
  if (lines.length === 0) return;
  const estimateId =
    existing?.id ??
    (await db.insertInto('cost_estimates').values({ case_id: caseId, scope, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  await db
    .insertInto('cost_lines')
    .values(
      lines.map((l, position) => ({
        estimate_id: estimateId,
        position,
        activity: l.activity,
        description: l.description,
        quantity: l.quantity,
        minutes_each: l.minutesEach,
        sample_items: l.sample?.items ?? null,
        sample_minutes: l.sample?.minutes ?? null,
        sample_note: l.sample?.note ?? null,
      })),
    )
    .execute();
}

export async function listLinks(db: Kysely<DB>, caseId: number): Promise<{ linkedCaseId: number; reference: string; reason: string }[]> {
  return db
    .selectFrom('case_links')
    .innerJoin('cases', 'cases.id', 'case_links.linked_case_id')
    .select(['case_links.linked_case_id as linkedCaseId', 'cases.reference', 'case_links.reason'])
    .where('case_links.case_id', '=', caseId)
    .where('case_links.kind', '=', 'aggregation')
    .orderBy('cases.received_date')
    .execute();
}

export async function setS16Advice(db: Kysely<DB>, caseId: number, advice: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ s16_advice: advice, updated_at: now }).where('id', '=', caseId).execute();
}

export async function getS16Advice(db: Kysely<DB>, caseId: number): Promise<string> {
  const row = await db.selectFrom('cases').select('s16_advice').where('id', '=', caseId).executeTakeFirstOrThrow();
  return row.s16_advice;
}

/** Links two cases for aggregation both ways (reg 5 is mutual); linking again updates the reason. */
export async function linkAggregation(db: Kysely<DB>, a: number, b: number, reason: string, now: string): Promise<void> {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    await db
      .insertInto('case_links')
      .values({ case_id: x, linked_case_id: y, kind: 'aggregation', reason, created_at: now })
      .onConflict((oc) => oc.columns(['case_id', 'linked_case_id', 'kind']).doUpdateSet({ reason }))
      .execute();
  }
}

export async function unlinkAggregation(db: Kysely<DB>, a: number, b: number): Promise<void> {
  await db
    .deleteFrom('case_links')
    .where('kind', '=', 'aggregation')
    .where((eb) => eb.or([eb.and([eb('case_id', '=', a), eb('linked_case_id', '=', b)]), eb.and([eb('case_id', '=', b), eb('linked_case_id', '=', a)])]))
    .execute();
}
