import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CaseEventRecord } from '../../../shared/domain/cases';
import type { CaseEventType } from '../../../shared/domain/clocks/events';

/** Small enough for any engine's bound-variable limit (SQLite's is 32,766). */
export const ID_BATCH = 500;

export async function listEvents(db: Kysely<DB>, caseIds: readonly number[]): Promise<Map<number, CaseEventRecord[]>> {
  const byCase = new Map<number, CaseEventRecord[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  // In batches: one bound variable per case would pass SQLite's limit (32,766) in a big register.
  const rows = [];
  for (let at = 0; at < caseIds.length; at += ID_BATCH) {
    rows.push(...(await db.selectFrom('case_events').selectAll().where('case_id', 'in', caseIds.slice(at, at + ID_BATCH)).orderBy('date').orderBy('id').execute()));
  }
  for (const r of rows) {
    byCase.get(r.case_id)?.push({
      id: r.id,
      type: r.type as CaseEventType,
      date: r.date,
      estimate: r.estimate,
      note: r.note,
      outcome: r.outcome,
      recordedAt: r.recorded_at,
      voided: r.voided_at !== null,
      voidReason: r.void_reason,
      voidedAt: r.voided_at,
      voidedBy: r.voided_by,
    });
  }
  return byCase;
}

export async function insertEvent(
  db: Kysely<DB>,
  caseId: number,
  e: { type: CaseEventType; date: string; estimate?: string | null | undefined; note?: string | null | undefined; outcome?: string | null | undefined },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('case_events')
    .values({ case_id: caseId, type: e.type, date: e.date, estimate: e.estimate ?? null, note: e.note ?? null, outcome: e.outcome ?? null, recorded_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an event void (who, when, why); the row stays. */
export async function voidEvent(db: Kysely<DB>, id: number, v: { at: string; by: string; reason: string }): Promise<void> {
  await db.updateTable('case_events').set({ voided_at: v.at, voided_by: v.by, void_reason: v.reason }).where('id', '=', id).execute();
}

/** One event of a case, as stored; undefined when the case has no event with that id. */
export async function findEvent(db: Kysely<DB>, caseId: number, id: number) {
  return db.selectFrom('case_events').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
}

/** Whether an event is still live (not voided); undefined when there is no such event. */
export async function eventVoidedAt(db: Kysely<DB>, id: number): Promise<{ voidedAt: string | null } | undefined> {
  const row = await db.selectFrom('case_events').select('voided_at').where('id', '=', id).executeTakeFirst();
  return row && { voidedAt: row.voided_at };
}

/** The received event is day 0 of every clock: it moves with the case's date received. */
export async function moveReceivedEvent(db: Kysely<DB>, caseId: number, date: string): Promise<void> {
  await db.updateTable('case_events').set({ date }).where('case_id', '=', caseId).where('type', '=', 'received').execute();
}

/** A case's live events of one type, newest first. */
export async function liveEventsOfType(db: Kysely<DB>, caseId: number, type: CaseEventType): Promise<{ id: number; date: string }[]> {
  return db.selectFrom('case_events').select(['id', 'date']).where('case_id', '=', caseId).where('type', '=', type).where('voided_at', 'is', null).orderBy('date', 'desc').orderBy('id', 'desc').execute();
}
