import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditEntry } from '../../../shared/ipc/contract';

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId: number | null;
  summary: string;
  detail?: unknown;
}

export async function appendAudit(db: Kysely<DB>, e: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: e.at, actor: e.actor, action: e.action, case_id: e.caseId, summary: e.summary, detail: JSON.stringify(e.detail ?? {}) })
    .execute();
}

export async function listAudit(db: Kysely<DB>, opts: { caseId?: number; limit: number }): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('cases', 'cases.id', 'audit_log.case_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor', 'audit_log.action', 'audit_log.summary', 'audit_log.detail', 'cases.reference'])
    .orderBy('audit_log.id', 'desc')
    .limit(opts.limit);
  if (opts.caseId !== undefined) q = q.where('audit_log.case_id', '=', opts.caseId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    reference: r.reference ?? null,
    summary: r.summary,
    detail: JSON.parse(r.detail) as unknown,
  }));
}
