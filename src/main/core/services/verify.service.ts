// Verification of a data folder: SQLite's own checks, every stored file against its hash, nothing
// left over, the audit chain and the correspondence content hashes unbroken. Each kind of break is
// named at its first occurrence (where the history stops being trustworthy).
import type Database from 'better-sqlite3';
import type { BlobStore } from '../blobs';
import { DiscloseError } from '../../../shared/errors';
import { auditRowHash, chainHash, CHAIN_START, correspondenceContentHash } from '../db/integrity';
import { auditRowsInOrder, blobShas, correspondenceRows, countCases, foreignKeyProblems, integrityProblems } from '../repositories/records.repository';
import type { CoreContext } from '../context';
import { allChunkedBlobs } from '../repositories/blob-chunks.repository';
import { allAuditRows } from '../repositories/audit.repository';
import { allStoredCorrespondence } from '../repositories/correspondence.repository';
import { countCases as countAllCases } from '../repositories/cases.repository';
import { findLeftovers, SWEEP_GRACE_MS } from './housekeeping.service';

export type ProblemKind =
  | 'integrity'
  | 'foreign-key'
  | 'blob-missing'
  | 'blob-altered'
  | 'blob-copy-damaged'
  | 'orphan-file'
  | 'temp-file'
  | 'unreferenced-blob'
  | 'audit-chain'
  | 'audit-content'
  | 'correspondence-altered'
  | 'chain-head'
  | 'derived-dates';

export interface VerifyReport {
  ok: boolean;
  checked: { cases: number; blobs: number; auditRows: number };
  problems: { kind: ProblemKind; detail: string }[];
}


function checkAuditChain(sqlite: Database.Database, problems: VerifyReport['problems'], expectHead?: { id: number; hash: string }): number {
  return checkAuditRows(auditRowsInOrder(sqlite), problems, expectHead);
}

type ChainRow = Parameters<typeof auditRowHash>[0] & { content_hash: string | null; hash: string | null; redacted_at: string | null };

/** The chain check over rows in id order, from either engine. */
export function checkAuditRows(rows: Iterable<ChainRow>, problems: VerifyReport['problems'], expectHead?: { id: number; hash: string }): number {
  let previous = CHAIN_START;
  let expectedId = 1;
  let count = 0;
  let chainBroken = false;
  let contentBroken = false;
  let headSeen = false;
  for (const r of rows) {
    count++;
    const where = `audit row ${r.id} (${r.action}, ${r.at})`;
    if (!chainBroken && r.id !== expectedId) {
      problems.push({ kind: 'audit-chain', detail: `${where}: rows ${expectedId}–${r.id - 1} are missing from the audit log (removed)` });
      chainBroken = true;
    }
    if (!contentBroken && r.redacted_at === null && auditRowHash(r) !== r.content_hash) {
      problems.push({ kind: 'audit-content', detail: `${where} has been altered: its content no longer matches its hash` });
      contentBroken = true;
    }
    if (!chainBroken && (r.content_hash === null || chainHash(previous, r.content_hash) !== r.hash)) {
      problems.push({ kind: 'audit-chain', detail: `${where} does not follow from the row before it: the chain is broken here (a row was rewritten, inserted or removed)` });
      chainBroken = true;
    }
    if (expectHead && r.id === expectHead.id) headSeen = r.hash === expectHead.hash;
    previous = r.hash ?? '';
    expectedId = r.id + 1;
  }
  if (expectHead && expectHead.id > 0 && !headSeen) {
    problems.push({ kind: 'chain-head', detail: `the audit chain no longer contains the head recorded in the backup (row ${expectHead.id}, ${expectHead.hash.slice(0, 12)}…): its history was rewritten` });
  }
  return count;
}

type StoredItem = Parameters<typeof correspondenceContentHash>[0] & { id: number; content_hash: string | null; reference: string };

function checkCorrespondence(sqlite: Database.Database, problems: VerifyReport['problems']): void {
  checkCorrespondenceRows(correspondenceRows(sqlite), problems);
}

/** Each item's stored text and headers against its content hash, from either engine. */
export function checkCorrespondenceRows(rows: Iterable<StoredItem>, problems: VerifyReport['problems']): void {
  for (const r of rows) {
    if (r.content_hash !== correspondenceContentHash(r)) {
      problems.push({ kind: 'correspondence-altered', detail: `${r.reference}, correspondence item ${r.id} ("${r.subject}"): its stored text or headers no longer match their hash with the source file` });
      return;
    }
  }
}

export function verifyRecords(sqlite: Database.Database, blobs: BlobStore, dataDir: string, opts: { expectHead?: { id: number; hash: string }; now?: number } = {}): VerifyReport {
  const problems: VerifyReport['problems'] = [];
  for (const detail of integrityProblems(sqlite)) problems.push({ kind: 'integrity', detail });
  const fk = foreignKeyProblems(sqlite);
  for (const r of fk.slice(0, 20)) problems.push({ kind: 'foreign-key', detail: `${r.table} row ${r.rowid} refers to a missing ${r.parent} row` });

  const shas = blobShas(sqlite);
  for (const sha of shas) {
    const state = blobs.check(sha);
    if (state === 'missing') problems.push({ kind: 'blob-missing', detail: `stored file ${sha} is missing` });
    else if (state !== 'ok' && state.intactCopy) problems.push({ kind: 'blob-copy-damaged', detail: `stored file ${sha}: one of its two copies (in the database and in the folder) has been altered or damaged (its bytes hash to ${state.actual}); the other is intact, and is the one used` });
    else if (state !== 'ok') problems.push({ kind: 'blob-altered', detail: `stored file ${sha} has been altered or damaged (its bytes hash to ${state.actual})` });
  }
  // Files younger than the sweep's grace period may be an import in progress in another window.
  const left = findLeftovers(sqlite, blobs, dataDir, (opts.now ?? Date.now()) - SWEEP_GRACE_MS);
  for (const sha of left.orphanFiles) problems.push({ kind: 'orphan-file', detail: `stored file ${sha} belongs to no record` });
  for (const p of left.tempFiles) problems.push({ kind: 'temp-file', detail: `left-over file ${p}` });
  for (const sha of left.unreferenced) problems.push({ kind: 'unreferenced-blob', detail: `stored file ${sha} is listed but no correspondence or attachment uses it` });

  const auditRows = checkAuditChain(sqlite, problems, opts.expectHead);
  checkCorrespondence(sqlite, problems);
  const cases = countCases(sqlite);
  return { ok: problems.length === 0, checked: { cases, blobs: shas.length, auditRows }, problems };
}

/** Refuses to carry a rewritten item of correspondence into an output (a bundle) as if it were genuine. */
export function assertCorrespondenceIntact(rows: Iterable<StoredItem>): void {
  const problems: VerifyReport['problems'] = [];
  checkCorrespondenceRows(rows, problems);
  if (problems.length > 0) throw new DiscloseError('DB_CORRUPT', `${problems[0]!.detail}. It has been altered since it was filed, so nothing was made; restore from a backup.`);
}

/**
 * Verification of the team database: the audit chain and the correspondence hashes as on a local
 * register, and every stored file's chunks against its hash. The server's own consistency is IT's
 * (PostgreSQL checks pages and constraints itself). Only a lead sees every row, so only a lead can
 * check the whole chain.
 */
export async function verifyTeam(ctx: CoreContext): Promise<VerifyReport> {
  if (!ctx.lead) throw new DiscloseError('FORBIDDEN', 'Only a lead can verify the team database: an officer does not see every case, so the audit chain cannot be checked whole.');
  const problems: VerifyReport['problems'] = [];
  let blobs = 0;
  for await (const b of allChunkedBlobs(ctx.db)) {
    blobs++;
    if (b.state === 'missing') problems.push({ kind: 'blob-missing', detail: `stored file ${b.sha256} has no content in the database` });
    else if (b.state !== 'ok') problems.push({ kind: 'blob-altered', detail: `stored file ${b.sha256} has been altered or damaged (its bytes hash to ${b.state.actual})` });
  }
  const auditRows = checkAuditRows(await allAuditRows(ctx.db), problems);
  checkCorrespondenceRows(await allStoredCorrespondence(ctx.db), problems);
  const cases = await countAllCases(ctx.db);
  return { ok: problems.length === 0, checked: { cases, blobs, auditRows }, problems };
}
