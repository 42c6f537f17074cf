// The hashes that make the record tamper-evident. Their inputs are fixed forever: a change here
// would make every existing database look tampered with, so add new ones rather than edit these.
import { createHash } from 'node:crypto';
import type { AuditLogTable, CorrespondenceTable } from './schema';

/** The "previous hash" of the first audit row. */
export const CHAIN_START = '0'.repeat(64);

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export type AuditContent = Pick<AuditLogTable, 'at' | 'actor' | 'action' | 'case_id' | 'summary' | 'detail'> & { id: number };

/** A hash of one audit row's content, as a canonical JSON array (order fixed, no whitespace). */
export function auditContentHash(r: AuditContent): string {
  return sha(JSON.stringify([r.id, r.at, r.actor, r.action, r.case_id, r.summary, r.detail]));
}

/** A row's content hash as the chain holds it: a row checked in from an offline copy carries the
 * time the change was made there, hashed after the other fields; every other row hashes exactly as
 * auditContentHash always has. */
export function auditRowHash(r: AuditContent & { occurred_at?: string | null }): string {
  if (r.occurred_at === null || r.occurred_at === undefined) return auditContentHash(r);
  return sha(JSON.stringify([r.id, r.at, r.actor, r.action, r.case_id, r.summary, r.detail, r.occurred_at]));
}

/** Each row's link: a hash over the previous row's link and this row's content hash. Rewriting,
 * removing or inserting a row anywhere changes every link after it. */
export function chainHash(previous: string, contentHash: string): string {
  return sha(`${previous}\n${contentHash}`);
}

export type CorrespondenceContent = Pick<
  CorrespondenceTable,
  'case_id' | 'direction' | 'channel' | 'sent_at' | 'from_text' | 'to_text' | 'cc_text' | 'subject' | 'body' | 'headers' | 'message_id' | 'source_sha256'
>;

/** The stored text and headers of one item together with its source file's hash, so that an
 * edited body no longer matches the source it claims to come from. */
export function correspondenceContentHash(r: CorrespondenceContent): string {
  return sha(
    JSON.stringify([r.case_id, r.direction, r.channel, r.sent_at, r.from_text, r.to_text, r.cc_text, r.subject, r.body, r.headers, r.message_id, r.source_sha256]),
  );
}
