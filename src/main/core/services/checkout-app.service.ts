// Check-out as the app sees it: which state it is in (online on the team database; offline on the
// copies checked out to this computer; a register of its own), who has which case out, a lead's
// release, and the copies kept aside. The app checks cases out into a folder of the data folder,
// and checks them in from there or from the copies it has open offline.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import { checkoutRisk, type CheckoutRisk } from '../../../shared/domain/checkout';
import type { IsoDate } from '../../../shared/domain/dates';
import { DATABASE_FILE } from '../constants';
import { openPostgres } from '../db/postgres';
import { readCaseRows, type CaseRows, type CaseTable, type ShapedRow } from '../db/case-copy';
import { requireCase } from '../repositories/cases.repository';
import * as repo from '../repositories/checkout.repository';
import { getCase } from './cases.service';
import { checkoutCases, openLocalSide, type LocalSide, type TeamSide } from './checkout.service';
import { checkinCases } from './checkin.service';
import { compareCopy } from './checkout-compare';

/** Where the app keeps the copies it checks out: a register of their own inside the data folder. */
export const CHECKOUT_FOLDER = 'checked-out';
/** A file in that folder saying the app should open the copies even with the team database in reach. */
export const WORK_OFFLINE = 'work-offline';

/** The marker's path: in the copies' folder, which is the data folder itself when working offline. */
const offlineMarker = (ctx: CoreContext, mode: Mode) => (mode === 'offline' ? join(ctx.dataDir, WORK_OFFLINE) : join(ctx.dataDir, CHECKOUT_FOLDER, WORK_OFFLINE));

export async function workOffline(ctx: CoreContext, offline: boolean) {
  const { mode } = await modeOf(ctx);
  if (mode === 'local') throw new DiscloseError('NOT_CONFIGURED', 'This register holds no checked-out cases.');
  const marker = offlineMarker(ctx, mode);
  if (offline) {
    if (mode === 'online' && (await folderCopies(ctx)).every((c) => c.status === 'returned')) throw new DiscloseError('VALIDATION', 'No case is checked out to this computer: check cases out first.');
    writeFileSync(marker, 'Open the checked-out copies at start, even with the team database in reach.\n');
  } else rmSync(marker, { force: true });
  return { offline, restartNeeded: offline !== (mode === 'offline') };
}

export type Mode = 'online' | 'offline' | 'local';

async function modeOf(ctx: CoreContext): Promise<{ mode: Mode; ident: repo.RegisterIdentity | null }> {
  if (ctx.engine === 'postgres') return { mode: 'online', ident: null };
  const ident = await repo.registerIdentity(ctx.db);
  return { mode: ident ? 'offline' : 'local', ident };
}

const teamOf = (ctx: CoreContext): TeamSide => ({ db: ctx.db, login: ctx.actor, lead: ctx.lead, display: ctx.databaseShown ?? '', cache: ctx.blobs });

/** The copies' register open in this core (offline), as a check-in's local side. */
const ownCopies = (ctx: CoreContext): LocalSide => ({ dir: ctx.dataDir, db: ctx.db, sqlite: ctx.sqlite, blobs: ctx.blobs, write: (work) => ctx.write(({ db, audit }) => work(db, audit)) });

export interface LeaseView {
  reference: string;
  holder: string;
  holderName: string;
  since: string;
  until: IsoDate;
  device: string;
  mine: boolean;
  risk: CheckoutRisk;
  due: IsoDate | null;
}

/** A lease as the officer reads it, with the case's deadline in force and whether it is a risk
 * (read per case: the leases are few, the team's cases many). */
async function leaseView(ctx: CoreContext, r: Omit<LeaseView, 'risk' | 'due'>): Promise<LeaseView> {
  const detail = await getCase(ctx, r.reference);
  const due = detail.deadline?.due ?? null;
  return { ...r, due, risk: checkoutRisk(due, r.until, ctx.today(), (await ctx.calendars()).allUk) };
}

const ofLease = (ctx: CoreContext, l: repo.LeaseRow) => ({ reference: l.reference, holder: l.holder, holderName: l.holder_name ?? l.holder, since: l.taken_at, until: l.until, device: l.device, mine: l.holder === ctx.actor });
const ofCopy = (c: repo.CheckoutRow) => ({ reference: c.reference, holder: c.login, holderName: c.login, since: c.taken_at, until: c.until, device: 'this computer', mine: true });

/** Every case checked out now (online: the team's, as the login may see them, or only the login's
 * own; offline: this computer's). */
export async function leases(ctx: CoreContext, onlyMine = false): Promise<LeaseView[]> {
  const { mode } = await modeOf(ctx);
  if (mode === 'local') return [];
  const rows = mode === 'offline' ? (await repo.listCheckouts(ctx.db, ['out', 'checking-in'])).map(ofCopy) : (await repo.activeLeases(ctx.db)).map((l) => ofLease(ctx, l));
  const out: LeaseView[] = [];
  for (const r of rows) if (!onlyMine || r.mine) out.push(await leaseView(ctx, r));
  return out;
}

export interface CopyView {
  reference: string;
  takenAt: string;
  until: IsoDate;
  status: 'out' | 'checking-in' | 'returned';
  outcome: 'checked-in' | 'kept-aside' | null;
  returnedAt: string | null;
  /** Changes made offline (audit rows since the check-out). */
  changes: number;
}

async function copiesIn(db: CoreContext['db']): Promise<CopyView[]> {
  const out: CopyView[] = [];
  for (const c of await repo.listCheckouts(db)) {
    out.push({
      reference: c.reference,
      takenAt: c.taken_at,
      until: c.until,
      status: c.status as CopyView['status'],
      outcome: c.outcome as CopyView['outcome'],
      returnedAt: c.returned_at,
      changes: c.status === 'returned' ? 0 : (await repo.offlineAuditRows(db, c.case_id, c.audit_after)).length,
    });
  }
  return out;
}

/** The copies in the app's check-out folder, read without keeping it open. */
async function folderCopies(ctx: CoreContext): Promise<CopyView[]> {
  const dir = join(ctx.dataDir, CHECKOUT_FOLDER);
  if (!existsSync(join(dir, DATABASE_FILE))) return [];
  const local = await openLocalSide(dir, ctx.actor, ctx.now);
  try {
    return await copiesIn(local.db);
  } finally {
    await local.close();
  }
}

export async function checkoutState(ctx: CoreContext) {
  const { mode, ident } = await modeOf(ctx);
  const copies = mode === 'offline' ? await copiesIn(ctx.db) : mode === 'online' ? await folderCopies(ctx) : [];
  // A lead watches every case out; an officer their own.
  const team = mode === 'local' ? [] : await leases(ctx, !ctx.lead);
  return {
    mode,
    database: mode === 'online' ? ctx.databaseShown : (ident?.database ?? null),
    login: ctx.actor,
    lead: ctx.lead,
    copies: copies.filter((c) => c.status !== 'returned' || c.outcome === 'kept-aside'),
    atRisk: team.filter((l) => l.risk !== null && (l.mine || ctx.lead)),
    keptAside: mode === 'online' ? (await repo.pendingCheckins(ctx.db)).length : 0,
    workOffline: mode !== 'local' && existsSync(offlineMarker(ctx, mode)),
  };
}

/** One case's check-out, for its page: who has it (online), or this computer's copy (offline). */
export async function caseCheckout(ctx: CoreContext, reference: string): Promise<{ lease: LeaseView | null; copy: CopyView | null }> {
  const { mode } = await modeOf(ctx);
  if (mode === 'local') return { lease: null, copy: null };
  const found = await requireCase(ctx.db, reference);
  if (mode === 'online') {
    const l = await repo.activeLeaseOf(ctx.db, found.id);
    return { lease: l ? await leaseView(ctx, ofLease(ctx, l)) : null, copy: null };
  }
  const held = await repo.checkoutOf(ctx.db, found.record.reference);
  const copy = (await copiesIn(ctx.db)).find((c) => c.reference === found.record.reference) ?? null;
  return { lease: held && held.status !== 'returned' ? await leaseView(ctx, ofCopy(held)) : null, copy };
}

/** Removes the app's check-out folder's register once nothing in it is out (its cases are all back on the team database). */
export function removeEmptyCopies(dir: string): void {
  for (const f of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, WORK_OFFLINE]) rmSync(join(dir, f), { force: true });
  rmSync(join(dir, 'blobs'), { recursive: true, force: true });
}

export async function takeOffline(ctx: CoreContext, references: string[], until: IsoDate | undefined) {
  const { mode } = await modeOf(ctx);
  if (mode !== 'online') throw new DiscloseError(mode === 'local' ? 'NOT_CONFIGURED' : 'OFFLINE', mode === 'local' ? 'Cases are checked out from the team database: this is a register of its own.' : 'Checking out more cases needs the team database: start Disclose again when it can be reached.');
  const local = await openLocalSide(join(ctx.dataDir, CHECKOUT_FOLDER), ctx.actor, ctx.now);
  try {
    return await checkoutCases(teamOf(ctx), local, references, { until, today: ctx.today() });
  } finally {
    await local.close();
  }
}

export async function bringBack(ctx: CoreContext, references: string[]) {
  const { mode, ident } = await modeOf(ctx);
  if (mode === 'local') throw new DiscloseError('NOT_CONFIGURED', 'This register holds no checked-out cases.');
  if (mode === 'offline') {
    // The copies are the register this app has open; the team database is reached for the check-in alone.
    const team = await openPostgres(ident!.database);
    try {
      return await checkinCases({ db: team.db, login: team.login, lead: team.lead, display: team.display }, ownCopies(ctx), references, { now: ctx.now });
    } finally {
      await team.db.destroy();
    }
  }
  const dir = join(ctx.dataDir, CHECKOUT_FOLDER);
  if (!existsSync(join(dir, DATABASE_FILE))) throw new DiscloseError('NOT_FOUND', 'No case is checked out to this computer.');
  const local = await openLocalSide(dir, ctx.actor, ctx.now);
  let result;
  try {
    result = await checkinCases(teamOf(ctx), local, references, { now: ctx.now });
  } finally {
    await local.close();
  }
  if (result.remaining === 0) removeEmptyCopies(dir);
  return result;
}

export async function releaseCase(ctx: CoreContext, reference: string, reason: string) {
  if (ctx.engine !== 'postgres') throw new DiscloseError('NOT_CONFIGURED', 'Releasing a case is done on the team database.');
  if (!ctx.lead) throw new DiscloseError('FORBIDDEN', 'Only a lead may release a case checked out by someone.');
  const found = await requireCase(ctx.db, reference);
  const before = await repo.activeLeaseOf(ctx.db, found.id);
  await ctx.write(async ({ db }) => {
    await repo.releaseLease(db, found.id, reason.trim());
  });
  return { reference: found.record.reference, holder: before?.holder ?? '', releasedAt: ctx.now().toISOString() };
}

const pendingView = (p: repo.PendingRow) => ({
  id: p.id,
  reference: p.reference,
  officer: p.officer,
  submittedAt: p.submitted_at,
  takenAt: p.taken_at,
  reason: p.reason,
  resolvedAt: p.resolved_at,
  resolvedBy: p.resolved_by,
  resolution: p.resolution,
});

export async function keptAside(ctx: CoreContext, all: boolean) {
  if (ctx.engine !== 'postgres') return [];
  return (await repo.pendingCheckins(ctx.db, { all })).map(pendingView);
}

/** The id of the copy kept aside for a case (the latest not yet merged), or the one named. */
async function pendingId(ctx: CoreContext, input: { id?: number | undefined; reference?: string | undefined }): Promise<number> {
  if (input.id !== undefined) return input.id;
  const found = await requireCase(ctx.db, input.reference!);
  const p = (await repo.pendingCheckins(ctx.db, { caseId: found.id }))[0];
  if (!p) throw new DiscloseError('NOT_FOUND', `No copy of ${found.record.reference} is waiting to be merged.`);
  return p.id;
}

export async function keptAsideCopy(ctx: CoreContext, input: { id?: number | undefined; reference?: string | undefined }) {
  if (ctx.engine !== 'postgres') throw new DiscloseError('NOT_CONFIGURED', 'Copies kept aside are on the team database.');
  const p = await repo.pendingCopy(ctx.db, await pendingId(ctx, input));
  if (!p) throw new DiscloseError('NOT_FOUND', 'No such copy kept aside (or not one you may see).');
  const copy = JSON.parse(p.copy) as { base: CaseRows; local: Partial<Record<CaseTable, ShapedRow[]>>; audit: { at: string; actor: string; action: string; summary: string }[] };
  const live = await readCaseRows(ctx.db, p.case_id);
  return {
    ...pendingView(p),
    sections: compareCopy(copy.base, copy.local, live),
    offline: copy.audit.map((a) => ({ at: a.at, actor: a.actor, action: a.action, summary: a.summary })),
  };
}

export async function markMerged(ctx: CoreContext, input: { id?: number | undefined; reference?: string | undefined; note: string }) {
  if (ctx.engine !== 'postgres') throw new DiscloseError('NOT_CONFIGURED', 'Copies kept aside are on the team database.');
  if (!ctx.lead) throw new DiscloseError('FORBIDDEN', 'Only a lead may mark a kept-aside copy as merged.');
  const id = await pendingId(ctx, input);
  await ctx.write(async ({ db }) => {
    await repo.resolvePending(db, id, input.note.trim());
  });
  return (await repo.pendingCheckins(ctx.db, { all: true })).map(pendingView).find((p) => p.id === id)!;
}
