// Check-out: the team database lends cases to an officer's computer. In one transaction on the team
// database each case's lease is taken (refused when it is out already, saying to whom) and the case
// is read whole; then the copy is written into a local register (a normal register the app opens
// when the server cannot be reached), with each row as it was checked out, so that the check-in
// can tell exactly what changed offline.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { DiscloseError } from '../../../shared/errors';
import { defaultUntil, untilProblem } from '../../../shared/domain/checkout';
import type { IsoDate } from '../../../shared/domain/dates';
import { BlobStore, sha256Hex } from '../blobs';
import type Database from 'better-sqlite3';
import { DATABASE_FILE } from '../constants';
import { openDatabase } from '../db/connection';
import { commonColumns, readCaseRows, type CaseRows, type CaseTable } from '../db/case-copy';
import { writeLocalCopy, writeLocalLinks } from '../db/case-apply';
import { appendAudit } from '../repositories/audit.repository';
import { findCase, type FoundCase } from '../repositories/cases.repository';
import { fetchChunks, heldBytes } from '../repositories/blob-chunks.repository';
import { indexEntriesOfCase, indexItem } from '../repositories/search.repository';
import * as repo from '../repositories/checkout.repository';
import { translateWriteError, type AuditInput } from './transaction';

/** The team database, as the officer's own login. */
export interface TeamSide {
  db: Kysely<DB>;
  login: string;
  lead: boolean;
  /** Its address without a password: recorded in the copy, to check it in later. */
  display: string;
  /** This computer's verified cache of the team's files, when the app has one. */
  cache?: BlobStore | undefined;
}

/** The local register that holds the copies. */
export interface LocalSide {
  dir: string;
  db: Kysely<DB>;
  /** The register's connection (its small files are kept in it, and erased from it on return). */
  sqlite: Database.Database | null;
  blobs: BlobStore;
  /** One local transaction with its audit rows (the core's own queue when the core has it open). */
  write<T>(work: (db: Kysely<DB>, audit: (e: AuditInput) => Promise<void>) => Promise<T>): Promise<T>;
}

/** Opens the register in `dir` (made when missing) for a check-out or a check-in run on its own. */
export async function openLocalSide(dir: string, actor: string, now: () => Date): Promise<LocalSide & { close(): Promise<void> }> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new DiscloseError('IO', `Cannot create the folder ${dir}: ${(err as Error).message}`);
  }
  const opened = await openDatabase(join(dir, DATABASE_FILE));
  if (opened.readOnlyReason) {
    await opened.db.destroy();
    throw new DiscloseError('IO', opened.readOnlyReason);
  }
  const db = opened.db;
  return {
    dir,
    db,
    sqlite: opened.sqlite,
    blobs: new BlobStore(join(dir, 'blobs'), undefined, heldBytes(opened.sqlite)),
    write: (work) =>
      db
        .transaction()
        .execute((trx) => work(trx, async (e) => void (await appendAudit(trx, { ...e, at: now().toISOString(), actor }))))
        .catch((err: unknown) => {
          throw translateWriteError({ dataDir: dir }, err);
        }),
    close: () => db.destroy(),
  };
}

export interface CheckedOutCase {
  reference: string;
  leaseId: number;
  takenAt: string;
  until: IsoDate;
  serverVersion: number;
  files: number;
}

export interface CheckoutResult {
  database: string;
  folder: string;
  login: string;
  cases: CheckedOutCase[];
}

const FILE_TABLES: { table: CaseTable; column: string }[] = [
  { table: 'attachments', column: 'sha256' },
  { table: 'correspondence', column: 'source_sha256' },
];

/** The stored files a case's rows refer to. */
export function filesOf(rows: CaseRows): string[] {
  const shas = new Set<string>();
  for (const { table, column } of FILE_TABLES) for (const r of rows[table] ?? []) if (typeof r[column] === 'string') shas.add(r[column]);
  return [...shas].sort();
}

/** Each file's bytes from the team database (or this computer's verified cache), checked against its hash, into the copy's store. */
async function copyFiles(db: Kysely<DB>, shas: string[], team: TeamSide, local: LocalSide, reference: string): Promise<DB['blobs'][]> {
  const rows: DB['blobs'][] = [];
  for (const sha of shas) {
    const row = await repo.blobRow(db, sha);
    const bytes: Uint8Array | null = team.cache?.verify(sha) ? team.cache.get(sha) : await fetchChunks(db, sha);
    if (!row || bytes === null) {
      throw new DiscloseError('IO', `The team database does not hold the bytes of a file of ${reference} (${sha.slice(0, 12)}…), so the case cannot be copied whole; nothing was checked out. Whoever filed it can open the case online to send it; a lead can run "verify".`);
    }
    if (sha256Hex(bytes) !== sha) throw new DiscloseError('DB_CORRUPT', `The team database's copy of a file of ${reference} (${sha.slice(0, 12)}…) does not match its hash; nothing was checked out.`);
    local.blobs.put(bytes);
    rows.push(row);
  }
  return rows;
}

function unique(references: readonly string[]): string[] {
  const refs = [...new Set(references.map((r) => r.trim()).filter(Boolean))];
  if (refs.length === 0) throw new DiscloseError('VALIDATION', 'Name at least one case to check out.', { references: 'Enter a case reference' });
  return refs;
}

/** Refuses a folder that is not for copies from this team database, for this login. */
async function checkFolder(team: TeamSide, local: LocalSide, teamId: string): Promise<repo.RegisterIdentity | null> {
  const ident = await repo.registerIdentity(local.db);
  if (!ident) {
    const own = await repo.countOwnCases(local.db);
    if (own > 0) throw new DiscloseError('CONFLICT', `${local.dir} holds a register of its own (${own} case${own === 1 ? '' : 's'}): check cases out into a folder of their own.`);
    return null;
  }
  if (ident.team !== teamId) throw new DiscloseError('CONFLICT', `${local.dir} holds cases checked out from another team database (${ident.database}): check them in first, or use another folder.`);
  if (ident.login !== team.login) throw new DiscloseError('FORBIDDEN', `${local.dir} holds cases checked out by ${ident.login}: use a folder of your own.`);
  return ident;
}

type CheckoutOptions = { until?: IsoDate | undefined; today: IsoDate; device?: string };

export async function checkoutCases(team: TeamSide, local: LocalSide, references: readonly string[], o: CheckoutOptions): Promise<CheckoutResult> {
  try {
    return await checkout(team, local, references, o);
  } catch (err) {
    throw translateWriteError({ dataDir: local.dir }, err);
  }
}

async function checkout(team: TeamSide, local: LocalSide, references: readonly string[], o: CheckoutOptions): Promise<CheckoutResult> {
  const refs = unique(references);
  const until = o.until ?? defaultUntil(o.today);
  const problem = untilProblem(until, o.today);
  if (problem) throw new DiscloseError('VALIDATION', problem, { until: problem });
  const teamId = await repo.teamIdentity(team.db);
  const ident = await checkFolder(team, local, teamId);
  const copy = ident?.copy ?? randomUUID();
  const device = o.device ?? hostname();
  const found: { f: FoundCase; previous: repo.CheckoutRow | undefined }[] = [];
  for (const ref of refs) {
    const held = await repo.checkoutOf(local.db, ref);
    if (held && held.status !== 'returned') throw new DiscloseError('CONFLICT', `${ref} is already checked out to ${local.dir} (until ${held.until}).`);
    const f = await findCase(team.db, ref);
    if (!f) throw new DiscloseError('NOT_FOUND', `No case ${ref} on the team database (or not one you may see); nothing was checked out.`);
    found.push({ f, previous: held });
  }
  const columns = await commonColumns(team.db, local.db);
  // The leases and the copy in one transaction: the copy is read under the case's lock, after the lease.
  const taken = await team.db.transaction().execute(async (trx) => {
    await repo.lockCases(trx, found.map((x) => x.f.id));
    const out = [];
    for (const { f, previous } of found) {
      const lease = await repo.takeLease(trx, f.id, until, copy, device);
      const rows = await readCaseRows(trx, f.id);
      out.push({
        f,
        previous,
        lease,
        rows,
        audit: await repo.caseAuditRows(trx, f.id),
        index: await indexEntriesOfCase(trx, f.id),
        files: await copyFiles(trx, filesOf(rows), team, local, f.record.reference),
      });
    }
    return { out, wide: await repo.readTeamWide(trx) };
  });
  try {
    await local.write(async (db, audit) => {
      await repo.setRegisterIdentity(db, { team: teamId, database: team.display, login: team.login, lead: team.lead, copy });
      await repo.replaceTeamWide(db, taken.wide);
      const requesters = await repo.liveLocalIds(db, 'requesters');
      const cases = await repo.liveLocalIds(db, 'cases');
      const written = [];
      for (const t of taken.out) {
        for (const b of t.files) await repo.listBlob(db, b);
        const w = await writeLocalCopy(db, { rows: t.rows, reuseCase: t.previous?.case_id, requesters }, columns);
        cases.set(t.f.id, w.caseId);
        written.push({ t, w });
      }
      for (const { t, w } of written) {
        const links = await writeLocalLinks(db, t.rows.case_links ?? [], (id) => cases.get(id), columns.case_links);
        const item = { case: 'cases', correspondence: 'correspondence', attachment: 'attachments' } as const;
        for (const e of t.index) {
          const id = w.ids.get(`${item[e.kind]}:${e.item_id}`);
          if (id !== undefined) await indexItem(db, e.kind, id, w.caseId, e.title, e.body);
        }
        for (const a of t.audit) await repo.appendCopiedAudit(db, w.caseId, a);
        await repo.saveCheckout(db, {
          case_id: w.caseId,
          reference: t.f.record.reference,
          team: teamId,
          database: team.display,
          login: team.login,
          lease_id: t.lease.lease_id,
          server_case_id: t.f.id,
          server_version: t.lease.server_version,
          taken_at: t.lease.taken_at,
          until,
          audit_after: 0,
          status: 'out',
          token: null,
          outcome: null,
          returned_at: null,
        });
        await repo.saveCopiedRows(db, w.caseId, [...w.copied, ...links]);
      }
      await audit({ action: 'checkout.taken', caseId: null, summary: `Checked out ${refs.join(', ')} from ${team.display} until ${until}`, detail: { references: refs, until, leases: taken.out.map((t) => t.lease.lease_id) } });
      const after = await repo.lastAuditId(db);
      for (const { w } of written) await repo.setCheckoutState(db, w.caseId, { audit_after: after });
    });
  } catch (err) {
    const e = err instanceof DiscloseError ? err : new DiscloseError('IO', (err as Error).message);
    throw new DiscloseError(e.code, `${refs.join(', ')} ${refs.length === 1 ? 'is' : 'are'} checked out to you on the team database, but the copy could not be written in ${local.dir}: ${e.message} Run "case checkout" again with the same folder to finish (it takes up the same check-out), or ask a lead to release ${refs.length === 1 ? 'it' : 'them'}.`);
  }
  return {
    database: team.display,
    folder: local.dir,
    login: team.login,
    cases: taken.out.map((t) => ({ reference: t.f.record.reference, leaseId: t.lease.lease_id, takenAt: t.lease.taken_at, until, serverVersion: t.lease.server_version, files: t.files.length })),
  };
}
