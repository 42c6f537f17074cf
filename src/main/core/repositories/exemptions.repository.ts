import type { Kysely, Selectable } from 'kysely';
import type { DB, ExemptionsAppliedTable } from '../db/schema';
import type { Act, AppliedExemption } from '../../../shared/domain/exemptions/types';

export function exemptionRowToApplied(r: Selectable<ExemptionsAppliedTable>): AppliedExemption {
  return {
    ref: { act: r.act as Act, section: r.section, subsection: r.subsection },
    ncnd: r.ncnd === 1,
    item: r.item,
    engagement: r.engagement,
    publicInterestFor: r.pi_for,
    publicInterestAgainst: r.pi_against,
    balance: r.balance,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    qualifiedPerson: r.qp_name ? { name: r.qp_name, opinionDate: r.qp_opinion_date ?? '', materialPutToThem: r.qp_material ?? '' } : null,
    reasoning: JSON.parse(r.reasoning) as Record<string, string>,
  };
}

export async function listApplied(db: Kysely<DB>, caseId: number): Promise<AppliedExemption[]> {
  const rows = await db.selectFrom('exemptions_applied').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map(exemptionRowToApplied);
}

export async function findApplied(db: Kysely<DB>, caseId: number, e: Pick<AppliedExemption, 'ref' | 'item'>): Promise<AppliedExemption | undefined> {
  const row = await db
    .selectFrom('exemptions_applied')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('act', '=', e.ref.act)
    .where('section', '=', e.ref.section)
    .where('subsection', '=', e.ref.subsection)
    .where('item', '=', e.item)
    .executeTakeFirst();
  return row && exemptionRowToApplied(row);
}

export async function upsertApplied(db: Kysely<DB>, caseId: number, e: AppliedExemption, now: string): Promise<void> {
  const values = {
    ncnd: e.ncnd ? 1 : 0,
    engagement: e.engagement,
    pi_for: e.publicInterestFor,
    pi_against: e.publicInterestAgainst,
    balance: e.balance,
    decided_by: e.decidedBy,
    decided_on: e.decidedOn,
    qp_name: e.qualifiedPerson?.name ?? null,
    qp_opinion_date: e.qualifiedPerson?.opinionDate ?? null,
    qp_material: e.qualifiedPerson?.materialPutToThem ?? null,
    reasoning: JSON.stringify(e.reasoning),
    updated_at: now,
  };
  await db
    .insertInto('exemptions_applied')
    .values({ case_id: caseId, act: e.ref.act, section: e.ref.section, subsection: e.ref.subsection, item: e.item, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'act', 'section', 'subsection', 'item']).doUpdateSet(values))
    .execute();
}

export async function deleteApplied(db: Kysely<DB>, caseId: number, e: Pick<AppliedExemption, 'ref' | 'item'>): Promise<number> {
  const r = await db
    .deleteFrom('exemptions_applied')
    .where('case_id', '=', caseId)
    .where('act', '=', e.ref.act)
    .where('section', '=', e.ref.section)
    .where('subsection', '=', e.ref.subsection)
    .where('item', '=', e.item)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
