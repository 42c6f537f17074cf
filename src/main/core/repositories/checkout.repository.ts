// The SQL of check-out and check-in. On the team database: the leases and the copies kept aside,
// changed only through the server's functions (which check who may, and audit). On the local
// register: which copies it holds, each row as it was checked out, and who it holds them for.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditRowHash, chainHash, CHAIN_START } from '../db/integrity';
import type { CopiedRow } from '../db/case-apply';
import { LEASE_LOCK } from '../db/migrations/2026_12_02_1100_checkout';

// ── The team database ──

export async function teamIdentity(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'team.id').executeTakeFirst();
  return row?.value ?? '';
}

export interface TakenLease {
  lease_id: number;
  taken_at: string;
  server_version: number;
  again: boolean;
}

export async function takeLease(db: Kysely<DB>, caseId: number, until: string, copyId: string, device: string): Promise<TakenLease> {
  return (await sql<TakenLease>`SELECT * FROM disclose_checkout(${caseId}, ${until}, ${copyId}, ${device})`.execute(db)).rows[0]!;
}

/** Takes the guard's lock of each case, in one order, before anything else in a check-out: a
 * check-out of several cases then never waits for a writer while holding the audit chain's lock. */
export async function lockCases(db: Kysely<DB>, caseIds: readonly number[]): Promise<void> {
  for (const id of [...caseIds].sort((a, b) => a - b)) await sql`SELECT pg_advisory_xact_lock(${LEASE_LOCK}, ${id})`.execute(db);
}

export type CheckinStart = 'ok' | 'done' | 'kept' | 'lost';

/** Returns the lease and audits the check-in (with what the copy says it brings), or says why not. */
export async function beginCheckin(db: Kysely<DB>, leaseId: number, token: string, counts: Record<string, number>): Promise<CheckinStart> {
  return (await sql<{ s: CheckinStart }>`SELECT disclose_checkin_begin(${leaseId}, ${token}, ${JSON.stringify(counts)}) AS s`.execute(db)).rows[0]!.s;
}

/** Keeps a copy whose lease was lost; the team database says why it was lost. */
export async function keepCheckin(db: Kysely<DB>, leaseId: number, token: string, content: string): Promise<{ id: number; reason: string }> {
  const r = (await sql<{ pending_id: number; reason: string }>`SELECT * FROM disclose_keep_checkin(${leaseId}, ${token}, ${content})`.execute(db)).rows[0]!;
  return { id: r.pending_id, reason: r.reason };
}

export async function releaseLease(db: Kysely<DB>, caseId: number, why: string): Promise<number> {
  return (await sql<{ id: number }>`SELECT disclose_release(${caseId}, ${why}) AS id`.execute(db)).rows[0]!.id;
}

export async function resolvePending(db: Kysely<DB>, id: number, note: string): Promise<void> {
  await sql`SELECT disclose_resolve_checkin(${id}, ${note})`.execute(db);
}

function leases(db: Kysely<DB>) {
  return db
    .selectFrom('case_leases as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .leftJoin('officers as o', 'o.login', 'l.holder')
    .select(['l.id', 'l.case_id', 'c.reference', 'l.holder', 'o.name as holder_name', 'l.taken_at', 'l.until', 'l.device', 'l.server_version', 'l.released_at', 'l.released_by', 'l.release_kind']);
}

export type LeaseRow = Awaited<ReturnType<ReturnType<typeof leases>['executeTakeFirstOrThrow']>>;

/** The cases checked out now, as the login may see them. */
export async function activeLeases(db: Kysely<DB>): Promise<LeaseRow[]> {
  return leases(db).where('l.released_at', 'is', null).orderBy('l.until').orderBy('c.reference').execute();
}

export async function activeLeaseOf(db: Kysely<DB>, caseId: number): Promise<LeaseRow | undefined> {
  return leases(db).where('l.case_id', '=', caseId).where('l.released_at', 'is', null).executeTakeFirst();
}

function pending(db: Kysely<DB>) {
  return db
    .selectFrom('pending_checkins as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('case_leases as l', 'l.id', 'p.lease_id')
    .select(['p.id', 'p.case_id', 'c.reference', 'p.officer', 'p.submitted_at', 'p.reason', 'l.taken_at', 'p.resolved_at', 'p.resolved_by', 'p.resolution']);
}

export type PendingRow = Awaited<ReturnType<ReturnType<typeof pending>['executeTakeFirstOrThrow']>>;

/** The copies kept aside (each lead sees all; an officer their own), the unresolved first. */
export async function pendingCheckins(db: Kysely<DB>, opts: { caseId?: number; all?: boolean } = {}): Promise<PendingRow[]> {
  let q = pending(db);
  if (opts.caseId !== undefined) q = q.where('p.case_id', '=', opts.caseId);
  if (!opts.all) q = q.where('p.resolved_at', 'is', null);
  return q.orderBy('p.id', 'desc').execute();
}

export async function pendingCopy(db: Kysely<DB>, id: number): Promise<(PendingRow & { copy: string }) | undefined> {
  return pending(db).select('p.copy').where('p.id', '=', id).executeTakeFirst();
}

/** An audit row checked in from a copy: the server stamps its actor and time; `occurred_at` is the laptop's. */
export async function insertCheckedInAudit(db: Kysely<DB>, r: { action: string; caseId: number; summary: string; detail: string; occurredAt: string }): Promise<void> {
  await db.insertInto('audit_log').values({ at: r.occurredAt, actor: '', action: r.action, case_id: r.caseId, summary: r.summary, detail: r.detail, occurred_at: r.occurredAt, content_hash: '', hash: '', redacted_at: null }).execute();
}

// ── The local register ──

const META = { team: 'checkout.team', database: 'checkout.database', login: 'checkout.login', lead: 'checkout.lead', copy: 'checkout.copy' } as const;

export interface RegisterIdentity {
  team: string;
  database: string;
  login: string;
  lead: boolean;
  /** This register's own identity, recorded on each lease taken into it. */
  copy: string;
}

export async function registerIdentity(db: Kysely<DB>): Promise<RegisterIdentity | null> {
  const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', Object.values(META)).execute();
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  if (!get(META.team)) return null;
  return { team: get(META.team)!, database: get(META.database) ?? '', login: get(META.login) ?? '', lead: get(META.lead) === '1', copy: get(META.copy) ?? '' };
}

export async function setRegisterIdentity(db: Kysely<DB>, id: RegisterIdentity): Promise<void> {
  const values = { [META.team]: id.team, [META.database]: id.database, [META.login]: id.login, [META.lead]: id.lead ? '1' : '0', [META.copy]: id.copy };
  for (const [key, value] of Object.entries(values)) {
    await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}

/** Cases of the register's own, not copies: a register that has any is not used for check-outs. */
export async function countOwnCases(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('checkouts').select('checkouts.case_id').whereRef('checkouts.case_id', '=', 'cases.id'))))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type CheckoutRow = Awaited<ReturnType<typeof listCheckouts>>[number];

export async function listCheckouts(db: Kysely<DB>, statuses?: readonly string[]) {
  let q = db.selectFrom('checkouts').selectAll();
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('until').orderBy('reference').execute();
}

/** The copy of a case held here (the reference matched as the case list matches it, blind to case). */
export async function checkoutOf(db: Kysely<DB>, reference: string) {
  return db.selectFrom('checkouts').innerJoin('cases', 'cases.id', 'checkouts.case_id').selectAll('checkouts').where('cases.reference', '=', reference).executeTakeFirst();
}

export async function saveCheckout(db: Kysely<DB>, row: DB['checkouts']): Promise<void> {
  await db.deleteFrom('checkout_rows').where('case_id', '=', row.case_id).execute();
  await db.insertInto('checkouts').values(row).onConflict((oc) => oc.column('case_id').doUpdateSet(row)).execute();
}

export async function setCheckoutState(db: Kysely<DB>, caseId: number, set: Partial<Pick<DB['checkouts'], 'status' | 'token' | 'outcome' | 'returned_at' | 'audit_after'>>): Promise<void> {
  await db.updateTable('checkouts').set(set).where('case_id', '=', caseId).execute();
}

export async function saveCopiedRows(db: Kysely<DB>, caseId: number, rows: readonly CopiedRow[]): Promise<void> {
  for (const r of rows) await db.insertInto('checkout_rows').values({ case_id: caseId, ...r }).execute();
}

export async function copiedRows(db: Kysely<DB>, caseId: number) {
  return db.selectFrom('checkout_rows').selectAll().where('case_id', '=', caseId).execute();
}

/** Every copied row's team key, by "table:local key" (references may cross copies: a shared requester, a link). */
export async function allMappings(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('checkout_rows').select(['tbl', 'local_key', 'server_key']).execute();
  return new Map(rows.map((r) => [`${r.tbl}:${r.local_key}`, r.server_key]));
}

/** The local numbers of rows copied from the team database for copies still out ("table:team key" → local number). */
export async function liveLocalIds(db: Kysely<DB>, table: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('checkout_rows as r')
    .innerJoin('checkouts as k', 'k.case_id', 'r.case_id')
    .select(['r.local_key', 'r.server_key'])
    .where('r.tbl', '=', table)
    .where('k.status', '<>', 'returned')
    .execute();
  return new Map(rows.map((r) => [Number(r.server_key), Number(r.local_key)]));
}

/** A returned copy's rows as checked out go (they hold its content); its case's numbers stay, for
 * a link from another copy still out to this case. */
export async function dropCopiedRows(db: Kysely<DB>, caseId: number): Promise<void> {
  await db.deleteFrom('checkout_rows').where('case_id', '=', caseId).where('tbl', '<>', 'cases').execute();
  await db.updateTable('checkout_rows').set({ base: '{}' }).where('case_id', '=', caseId).execute();
}

/** The case's audit rows on the team database (copied into the local history, marked imported). */
export async function caseAuditRows(db: Kysely<DB>, caseId: number) {
  return db.selectFrom('audit_log').select(['at', 'actor', 'action', 'summary', 'detail', 'occurred_at']).where('case_id', '=', caseId).orderBy('id').execute();
}

/** Appends a row copied from the team database to the local chain, with its original actor and time. */
export async function appendCopiedAudit(db: Kysely<DB>, caseId: number, r: { at: string; actor: string; action: string; summary: string; detail: string; occurred_at: string | null }): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row = { id: (last?.id ?? 0) + 1, at: r.at, actor: r.actor, action: r.action, case_id: caseId, summary: r.summary, detail: r.detail, occurred_at: r.occurred_at };
  const content = auditRowHash(row);
  await db.insertInto('audit_log').values({ ...row, imported: 1, content_hash: content, hash: chainHash(last?.hash ?? CHAIN_START, content), redacted_at: null }).execute();
}

export async function lastAuditId(db: Kysely<DB>): Promise<number> {
  const last = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.id ?? 0;
}

/** The copy's own audit rows since it was checked out: the changes made offline, in order. */
export async function offlineAuditRows(db: Kysely<DB>, caseId: number, after: number) {
  return db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'summary', 'detail']).where('case_id', '=', caseId).where('id', '>', after).where('imported', '=', 0).orderBy('id').execute();
}

// ── What a copy needs of the team besides its cases: the authority, letter templates, the calendar, the officers ──

/** The meta keys a copy takes from the team: the holiday table's version. (The Word letterhead stays
 * on the computers that chose it: offline, letters in Word take the plain style.) */
const TEAM_META = ['holidays.shipped.sha256', 'holidays.publishedThrough'];

export interface TeamWide {
  settings: DB['settings'];
  templates: DB['letter_templates'][];
  holidays: DB['holidays'][];
  officers: DB['officers'][];
  meta: DB['meta'][];
}

export async function readTeamWide(db: Kysely<DB>): Promise<TeamWide> {
  return {
    settings: await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
    templates: await db.selectFrom('letter_templates').selectAll().orderBy('kind').execute(),
    holidays: await db.selectFrom('holidays').selectAll().orderBy('date').orderBy('region').execute(),
    officers: await db.selectFrom('officers').selectAll().orderBy('login').execute(),
    meta: await db.selectFrom('meta').selectAll().where('key', 'in', TEAM_META).execute(),
  };
}

/** Replaces the local copies of the team's settings, templates, holidays and officers with the team's own. */
export async function replaceTeamWide(db: Kysely<DB>, t: TeamWide): Promise<void> {
  const { id: _id, ...settings } = t.settings;
  await db.updateTable('settings').set(settings).where('id', '=', 1).execute();
  await db.deleteFrom('letter_templates').execute();
  if (t.templates.length) await db.insertInto('letter_templates').values(t.templates).execute();
  await db.deleteFrom('holidays').execute();
  for (let i = 0; i < t.holidays.length; i += 200) await db.insertInto('holidays').values(t.holidays.slice(i, i + 200)).execute();
  await db.deleteFrom('officers').execute();
  if (t.officers.length) await db.insertInto('officers').values(t.officers).execute();
  for (const m of t.meta) await db.insertInto('meta').values(m).onConflict((oc) => oc.column('key').doUpdateSet({ value: m.value })).execute();
}

/** A stored file's row, so that the copy lists the files its rows refer to. */
export async function blobRow(db: Kysely<DB>, sha256: string) {
  return db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function listBlob(db: Kysely<DB>, row: DB['blobs']): Promise<void> {
  await db.insertInto('blobs').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}
