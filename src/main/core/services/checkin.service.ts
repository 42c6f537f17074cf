// Check-in: the copy's changes go back to the team database in one transaction, with the lease
// returned, and the laptop's copy is then removed. Only what changed offline is written (the copy
// as it is against the copy as it was checked out), so nothing a colleague did is overwritten: while
// the case was out nobody could change it. If a lead released it meanwhile, nothing is written to
// the case: the copy is kept aside whole, for a lead to merge by hand.
//
// The copy is frozen before anything is sent and stays frozen until the team database has said
// yes or no: if its answer is lost (the network, a crash), running the check-in again finishes it
// either way (the check-in carries a token the team database records with it).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DiscloseError } from '../../../shared/errors';
import { carryContentHash, commonColumns, diffCase, readCaseRows, reconcile, ReconcileError, shapeLocalCase, type CaseChange, type CaseRows, type CaseTable, type Row } from '../db/case-copy';
import { applyChange, CommitUnknown, inOneTransaction, removeLocalContent } from '../db/case-apply';
import { ensureBlob } from '../repositories/correspondence.repository';
import { dropUnreferencedBlobs, redactCaseAudit } from '../repositories/retention.repository';
import { indexEntriesOfCase, indexItem, unindexItem } from '../repositories/search.repository';
import * as repo from '../repositories/checkout.repository';
import { filesOf, type LocalSide, type TeamSide } from './checkout.service';
import { translateWriteError } from './transaction';
import { rederive } from './derived.service';
import { loadCalendars } from './calendar.service';
import { fromDate } from '../../../shared/domain/dates';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { eraseLog, erasingDeleted } from '../repositories/records.repository';

export type CheckinOutcome = 'checked-in' | 'kept-aside' | 'already';

export interface CheckedInCase {
  reference: string;
  outcome: CheckinOutcome;
  /** The rows added, changed and removed offline, as written (or kept aside). */
  changes: { added: number; changed: number; removed: number };
  /** The changes made offline, as their audit rows say. */
  offline: number;
  /** The copy kept aside for a lead, when the lease was lost. */
  pendingId: number | null;
  /** Why it was kept aside. */
  reason: string | null;
}

export interface CheckinResult {
  database: string;
  folder: string;
  cases: CheckedInCase[];
  /** Copies still out in the folder. */
  remaining: number;
}

/** What a copy sends: its changes, and the copy whole for a lead should the lease be lost. */
interface Prepared {
  row: repo.CheckoutRow;
  token: string;
  base: CaseRows;
  shaped: ReturnType<typeof shapeLocalCase>;
  change: CaseChange;
  offline: Awaited<ReturnType<typeof repo.offlineAuditRows>>;
  index: Awaited<ReturnType<typeof indexEntriesOfCase>>;
  files: string[];
  mapped: Map<string, string>;
}

const ITEM_TABLE = { case: 'cases', correspondence: 'correspondence', attachment: 'attachments' } as const;

async function prepare(local: LocalSide, row: repo.CheckoutRow, token: string, columns: Record<CaseTable, Set<string>>): Promise<Prepared> {
  const mapped = await repo.allMappings(local.db);
  const localRows = await readCaseRows(local.db, row.case_id);
  const shaped = shapeLocalCase(localRows, mapped);
  const base: CaseRows = {};
  for (const r of await repo.copiedRows(local.db, row.case_id)) (base[r.tbl as CaseTable] ??= []).push(JSON.parse(r.base) as Row);
  carryContentHash(shaped, base, localRows);
  const change = diffCase(base, shaped, columns);
  const sent: CaseRows = {};
  for (const i of change.inserts) (sent[i.table] ??= []).push(i.row);
  for (const u of change.updates) (sent[u.table] ??= []).push(u.set);
  return {
    row,
    token,
    base,
    shaped,
    change,
    offline: await repo.offlineAuditRows(local.db, row.case_id, row.audit_after),
    index: await indexEntriesOfCase(local.db, row.case_id),
    files: filesOf(sent),
    mapped,
  };
}

async function sendFiles(db: TeamSide['db'], local: LocalSide, shas: readonly string[]): Promise<void> {
  for (const sha of shas) {
    const listed = await repo.blobRow(local.db, sha);
    await ensureBlob(db, sha, local.blobs.get(sha), listed?.created_at ?? new Date().toISOString());
  }
}

const counts = (c: CaseChange) => ({ added: c.inserts.length, changed: c.updates.length, removed: c.deletes.length });

/** Writes one copy's changes onto the team database (inside the check-in's transaction, the lease already returned). */
async function writeBack(db: TeamSide['db'], p: Prepared, local: LocalSide, columns: Record<CaseTable, Set<string>>, derive: { calendars: Calendars; today: string }): Promise<CaseChange> {
  const sid = p.row.server_case_id;
  await sendFiles(db, local, p.files);
  const change = reconcile(p.change, await readCaseRows(db, sid), p.row.reference);
  const made = await applyChange(db, change, columns);
  const serverId = (table: string, localId: number) => {
    const m = p.mapped.get(`${table}:${localId}`);
    return m !== undefined ? Number(m) : made.get(`${table}:${localId}`);
  };
  for (const e of p.index) {
    const id = serverId(ITEM_TABLE[e.kind], e.item_id);
    if (id !== undefined) await indexItem(db, e.kind, id, sid, e.title, e.body);
  }
  for (const d of change.deletes) {
    if (d.table === 'correspondence') await unindexItem(db, 'correspondence', Number(d.serverKey));
    if (d.table === 'attachments') await unindexItem(db, 'attachment', Number(d.serverKey));
  }
  // Each change made offline, as its audit row: the server stamps the login and its own time, and keeps the laptop's.
  for (const a of p.offline) await repo.insertCheckedInAudit(db, { action: a.action, caseId: sid, summary: a.summary, detail: a.detail, occurredAt: a.at });
  // Its deadlines and status derived on the team database's own calendar, in the same transaction.
  await rederive(db, derive.calendars, [sid], derive.today);
  return change;
}

function copyKeptAside(p: Prepared): string {
  return JSON.stringify({ reference: p.row.reference, takenAt: p.row.taken_at, base: p.base, local: p.shaped, change: p.change, audit: p.offline, index: p.index, files: p.files });
}

export async function checkinCases(team: TeamSide, local: LocalSide, references: readonly string[], o: { now: () => Date }): Promise<CheckinResult> {
  try {
    return await checkin(team, local, references, o);
  } catch (err) {
    throw translateWriteError({ dataDir: local.dir }, err);
  }
}

async function checkin(team: TeamSide, local: LocalSide, references: readonly string[], o: { now: () => Date }): Promise<CheckinResult> {
  const refs = [...new Set(references.map((r) => r.trim()).filter(Boolean))];
  if (refs.length === 0) throw new DiscloseError('VALIDATION', 'Name at least one case to check in.', { references: 'Enter a case reference' });
  const ident = await repo.registerIdentity(local.db);
  if (!ident) throw new DiscloseError('NOT_FOUND', `${local.dir} holds no cases checked out from a team database.`);
  if (ident.team !== (await repo.teamIdentity(team.db))) throw new DiscloseError('CONFLICT', `The copies in ${local.dir} were checked out from another team database (${ident.database}).`);
  if (ident.login !== team.login) throw new DiscloseError('FORBIDDEN', `The copies in ${local.dir} were checked out by ${ident.login}: only ${ident.login} can check them in (or a lead can release them).`);
  const already = new Map<string, CheckedInCase>();
  const rows: repo.CheckoutRow[] = [];
  for (const ref of refs) {
    const row = await repo.checkoutOf(local.db, ref);
    if (!row) throw new DiscloseError('NOT_FOUND', `${ref} is not checked out to ${local.dir}.`);
    if (row.status === 'returned') already.set(row.reference, { reference: row.reference, outcome: 'already', changes: { added: 0, changed: 0, removed: 0 }, offline: 0, pendingId: null, reason: null });
    else if (!rows.some((r) => r.case_id === row.case_id)) rows.push(row);
  }
  if (rows.length === 0) return { database: team.display, folder: local.dir, cases: [...already.values()], remaining: (await repo.listCheckouts(local.db, ['out', 'checking-in'])).length };
  const columns = await commonColumns(team.db, local.db);
  // Frozen from here: what is sent is what was checked (a copy frozen by an earlier attempt keeps its token).
  const wasOut = new Set(rows.filter((r) => r.status === 'out').map((r) => r.case_id));
  const tokens = new Map(rows.map((r) => [r.case_id, r.token ?? randomUUID()]));
  await local.write(async (db, audit) => {
    for (const r of rows) await repo.setCheckoutState(db, r.case_id, { status: 'checking-in', token: tokens.get(r.case_id)! });
    await audit({ action: 'checkout.checking-in', caseId: null, summary: `Checking in ${rows.map((r) => r.reference).join(', ')}`, detail: { references: rows.map((r) => r.reference) } });
  });
  const settled = new Set<number>();
  let outcomes: Map<number, Omit<CheckedInCase, 'reference'>>;
  try {
    const prepared: Prepared[] = [];
    for (const r of rows) prepared.push(await prepare(local, r, tokens.get(r.case_id)!, columns));
    outcomes = await inOneTransaction(team.db, async (db) => {
      const derive = { calendars: await loadCalendars(db), today: fromDate(o.now()) };
      const out = new Map<number, Omit<CheckedInCase, 'reference'>>();
      for (const p of prepared) {
        const state = await repo.beginCheckin(db, p.row.lease_id, p.token, { offline: p.offline.length, ...counts(p.change) });
        const none = { changes: counts(p.change), offline: p.offline.length, pendingId: null, reason: null };
        if (state === 'ok') {
          settled.add(p.row.case_id);
          out.set(p.row.case_id, { ...none, outcome: 'checked-in', changes: counts(await writeBack(db, p, local, columns, derive)) });
        } else if (state === 'done') out.set(p.row.case_id, { ...none, outcome: 'checked-in' });
        else {
          if (state === 'lost') await sendFiles(db, local, p.files);
          const kept = await repo.keepCheckin(db, p.row.lease_id, p.token, copyKeptAside(p));
          out.set(p.row.case_id, { ...none, outcome: 'kept-aside', pendingId: kept.id, reason: kept.reason });
        }
      }
      return out;
    });
  } catch (err) {
    if (err instanceof CommitUnknown) {
      throw new DiscloseError('OFFLINE', `The team database did not confirm the check-in of ${refs.join(', ')} (${(err.reason as Error)?.message ?? 'no answer'}). The copies stay frozen on this computer: run "case checkin" again, which finishes the check-in whichever way it went.`);
    }
    // Nothing was written on the team database: the copies that were out are unfrozen, and so is a
    // copy whose earlier attempt is now known not to have been recorded.
    await local.write(async (db) => {
      for (const r of rows) if (wasOut.has(r.case_id) || settled.has(r.case_id)) await repo.setCheckoutState(db, r.case_id, { status: 'out' });
    });
    if (err instanceof ReconcileError) throw new DiscloseError('CONFLICT', err.message);
    throw err;
  }
  try {
    await finish(local, rows, outcomes, o.now());
  } catch (err) {
    const e = translateWriteError({ dataDir: local.dir }, err);
    throw new DiscloseError(e instanceof DiscloseError ? e.code : 'IO', `The team database has the check-in of ${rows.map((r) => r.reference).join(', ')}, but this computer's copy could not be removed (${(e as Error).message}). Run "case checkin" again to finish.`);
  }
  const remaining = (await repo.listCheckouts(local.db, ['out', 'checking-in'])).length;
  return { database: team.display, folder: local.dir, cases: [...rows.map((r) => ({ reference: r.reference, ...outcomes.get(r.case_id)! })), ...already.values()], remaining };
}

/** The returned copies' content leaves this computer: rows removed, audit rows redacted (their hashes kept), files no copy uses deleted. */
async function finish(local: LocalSide, rows: repo.CheckoutRow[], outcomes: Map<number, Omit<CheckedInCase, 'reference'>>, now: Date): Promise<void> {
  const at = now.toISOString();
  // The returned files' bytes kept in the local register are overwritten, not left in its free pages.
  const gone = await local.write((db, audit) => erasingDeleted(local.sqlite, async () => {
    for (const r of rows) {
      const o = outcomes.get(r.case_id)!;
      const note = o.outcome === 'kept-aside' ? `Returned ${at.slice(0, 10)}: kept aside on the team database for a lead to merge` : `Checked in to the team database on ${at.slice(0, 10)}`;
      await repo.setCheckoutState(db, r.case_id, { status: 'returned', outcome: o.outcome === 'kept-aside' ? 'kept-aside' : 'checked-in', returned_at: at });
      await removeLocalContent(db, r.case_id, at, note);
      await redactCaseAudit(db, r.case_id, at, "(checked in; this computer's copy was removed)");
      await repo.dropCopiedRows(db, r.case_id);
    }
    const shas = await dropUnreferencedBlobs(db);
    await audit({ action: 'checkout.returned', caseId: null, summary: `Returned ${rows.map((r) => r.reference).join(', ')} to ${rows[0]?.database ?? 'the team database'}`, detail: { references: rows.map((r) => r.reference), outcomes: rows.map((r) => outcomes.get(r.case_id)!.outcome) } });
    return shas;
  }));
  await eraseLog(local.sqlite);
  for (const sha of gone) rmSync(local.blobs.pathOf(sha), { force: true });
}
