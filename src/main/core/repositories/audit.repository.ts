import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditEntry } from '../../../shared/ipc/contract';
import { auditContentHash, chainHash, CHAIN_START } from '../db/integrity';
import { insertRow } from '../db/compiled';

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: string;
  caseId: number | null;
  summary: string;
  detail?: unknown;
}

/** Appends one row, linked to the last: called inside a write transaction, which began IMMEDIATE,
 * so no other writer can append between reading the last link and writing this one. */
/**
 * Appends one row to the chain and returns the new head. A transaction appending several rows
 * passes the head the previous one returned: once it has written, it holds the write lock, so no
 * other writer can have moved the chain on (and on the team database a trigger links the rows).
 */
export async function appendAudit(db: Kysely<DB>, e: NewAuditEntry, head?: { id: number; hash: string }): Promise<{ id: number; hash: string }> {
  const last = head ?? (await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst());
  const row = { id: (last?.id ?? 0) + 1, at: e.at, actor: e.actor, action: e.action, case_id: e.caseId, summary: e.summary, detail: JSON.stringify(e.detail ?? {}) };
  const contentHash = auditContentHash(row);
  const hash = chainHash(last?.hash ?? CHAIN_START, contentHash);
  await insertRow(db, 'audit_log', { ...row, content_hash: contentHash, hash, redacted_at: null });
  return { id: row.id, hash };
}

/** The newest link of the chain (what a backup records), or the chain's start when it is empty. */
export async function auditChainHead(db: Kysely<DB>): Promise<{ id: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ?? { id: 0, hash: CHAIN_START };
}

export async function listAudit(db: Kysely<DB>, opts: { caseId?: number; limit: number }): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('cases', 'cases.id', 'audit_log.case_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor', 'audit_log.action', 'audit_log.summary', 'audit_log.detail', 'audit_log.occurred_at', 'cases.reference'])
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
    occurredAt: r.occurred_at,
  }));
}

/** Every row in chain order, for verification. */
export async function allAuditRows(db: Kysely<DB>) {
  return db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'case_id', 'summary', 'detail', 'occurred_at', 'content_hash', 'hash', 'redacted_at']).orderBy('id').execute();
}
