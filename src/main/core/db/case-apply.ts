// Writing a case's rows on either side: a checked-out copy into the local register (references
// renumbered, each row kept as it was checked out), the copy's changes onto the team database
// (only what changed offline, in an order the references allow), and a returned copy's content
// removed from the laptop.
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are carried table by table, whatever their columns */
import { sql, type Kysely } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import { correspondenceContentHash } from './integrity';
import { flushIndex } from '../repositories/search.repository';
import { CASE_SPECS, carried, isPlaceholder, keyOf, SPEC, translateRefs, type CaseChange, type CaseRows, type CaseTable, type Row, type TableSpec } from './case-copy';

/** A row ready to insert on one side: only columns that side has, its own columns made there. */
function insertable(spec: TableSpec, columns: Set<string>, row: Row): Row {
  const out: Row = Object.fromEntries(carried(spec, columns, row).map((c) => [c, row[c]]));
  if (spec.key !== 'id') for (const k of spec.key) out[k] = row[k];
  if (spec.table === 'correspondence') out.content_hash = correspondenceContentHash(out as never);
  return out;
}

async function insertRow(db: Kysely<any>, spec: TableSpec, row: Row): Promise<number | null> {
  if (spec.key !== 'id') {
    await db.insertInto(spec.table).values(row).execute();
    return null;
  }
  const r = await db.insertInto(spec.table).values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

function where<Q extends { where(c: string, op: string, v: unknown): Q }>(q: Q, key: Row): Q {
  for (const [k, v] of Object.entries(key)) q = q.where(k, '=', v);
  return q;
}

/** One copied row: the copy's key, the team database's key, and the row as checked out. */
export interface CopiedRow {
  tbl: CaseTable;
  local_key: string;
  server_key: string;
  base: string;
}

export interface LocalCopyPlan {
  rows: CaseRows;
  /** The local case row to reuse (a copy returned earlier), instead of a new one. */
  reuseCase?: number | undefined;
  /** Requesters already copied here (team number → local number), shared rather than copied twice. */
  requesters: Map<number, number>;
}

/**
 * Writes one case's rows into the local register and returns the local case number and each row's
 * keys; links to other cases are left to `writeLocalLinks` (once every case of the check-out is in).
 */
export async function writeLocalCopy(db: Kysely<any>, plan: LocalCopyPlan, columns: Record<CaseTable, Set<string>>): Promise<{ caseId: number; copied: CopiedRow[]; ids: Map<string, number> }> {
  const ids = new Map<string, number>();
  const copied: CopiedRow[] = [];
  const local = (table: CaseTable, id: number) => ids.get(`${table}:${id}`);
  for (const spec of CASE_SPECS) {
    if (spec.table === 'case_links') continue;
    for (const server of plan.rows[spec.table] ?? []) {
      const row = translateRefs(spec, server, local);
      if (!row) throw new DiscloseError('INTERNAL', `A row of ${spec.table} refers to something outside its case; nothing was checked out.`);
      let id: number | null;
      const shared = spec.table === 'requesters' ? plan.requesters.get(Number(server.id)) : undefined;
      if (shared !== undefined) id = shared;
      else if (spec.table === 'cases' && plan.reuseCase !== undefined) {
        id = plan.reuseCase;
        await where(db.updateTable('cases').set(insertable(spec, columns.cases, row)), { id }).execute();
      } else id = await insertRow(db, spec, insertable(spec, columns[spec.table], row));
      if (id !== null) ids.set(`${spec.table}:${server.id}`, id);
      if (spec.table === 'requesters') plan.requesters.set(Number(server.id), id!);
      const localRow = id === null ? row : { ...row, id };
      copied.push({ tbl: spec.table, local_key: keyOf(spec, localRow), server_key: keyOf(spec, server), base: JSON.stringify(server) });
    }
  }
  return { caseId: ids.get(`cases:${plan.rows.cases![0]!.id}`)!, copied, ids };
}

/** Links between cases both held here; a link to a case that stayed on the team database is left there. */
export async function writeLocalLinks(db: Kysely<any>, links: Row[], localCase: (serverId: number) => number | undefined, columns: Set<string>): Promise<CopiedRow[]> {
  const spec = SPEC.case_links;
  const out: CopiedRow[] = [];
  for (const server of links) {
    const row = translateRefs(spec, server, (_t, id) => localCase(id));
    if (!row) continue;
    await insertRow(db, spec, insertable(spec, columns, row));
    out.push({ tbl: 'case_links', local_key: keyOf(spec, row), server_key: keyOf(spec, server), base: JSON.stringify(server) });
  }
  return out;
}

/** What each row the copy made offline became on the team database ("table:local key" → number). */
export type NewIds = Map<string, number>;

/**
 * Writes a copy's changes onto the team database, inside the check-in's transaction: references
 * moved off rows about to go, then removals, then new rows (each after what it refers to), then
 * the remaining changes. Every update and removal must find its row as it was checked out.
 */
export async function applyChange(db: Kysely<any>, change: CaseChange, columns: Record<CaseTable, Set<string>>): Promise<NewIds> {
  const made: NewIds = new Map();
  const resolve = (v: unknown) => {
    if (!isPlaceholder(v)) return v;
    const [, table, id] = v.split(':');
    const to = made.get(`${table}:${id}`);
    if (to === undefined) throw new DiscloseError('INTERNAL', `The copy refers to a row it does not hold (${v}); nothing was checked in.`);
    return to;
  };
  const expectOne = (n: bigint | undefined, what: string) => {
    if (Number(n ?? 0) !== 1) throw new DiscloseError('CONFLICT', `The team database no longer holds ${what} as it was checked out; nothing was checked in.`);
  };
  const later: CaseChange['updates'] = [];
  for (const u of change.updates) {
    const refs = Object.keys(SPEC[u.table].refs);
    const now = Object.fromEntries(Object.entries(u.set).filter(([c, v]) => refs.includes(c) && !isPlaceholder(v)));
    const rest = Object.fromEntries(Object.entries(u.set).filter(([c]) => !(c in now)));
    if (Object.keys(now).length > 0) expectOne((await where(db.updateTable(u.table).set(now), u.where).executeTakeFirst()).numUpdatedRows, `a row of ${u.table}`);
    if (Object.keys(rest).length > 0) later.push({ ...u, set: rest });
  }
  for (const d of change.deletes) expectOne((await where(db.deleteFrom(d.table), d.where).executeTakeFirst()).numDeletedRows, `a row of ${d.table}`);
  for (const i of change.inserts) {
    const spec = SPEC[i.table];
    const row = Object.fromEntries(Object.entries(i.row).map(([c, v]) => [c, c in spec.refs ? resolve(v) : v]));
    const id = await insertRow(db, spec, insertable(spec, columns[i.table], row));
    if (id !== null) made.set(`${i.table}:${i.localKey}`, id);
  }
  for (const u of later) {
    const set = Object.fromEntries(Object.entries(u.set).map(([c, v]) => [c, resolve(v)]));
    expectOne((await where(db.updateTable(u.table).set(set), u.where).executeTakeFirst()).numUpdatedRows, `a row of ${u.table}`);
  }
  return made;
}

/**
 * A returned copy's content removed from this computer: every row of the case but its own (kept,
 * emptied, as the audit rows refer to it) and a requester no other copy here uses.
 */
export async function removeLocalContent(db: Kysely<any>, caseId: number, now: string, note: string): Promise<void> {
  await flushIndex(db); // anything this write indexed goes with the rest
  const estimates = db.selectFrom('cost_estimates').select('id').where('case_id', '=', caseId);
  await db.deleteFrom('cost_lines').where('estimate_id', 'in', estimates).execute();
  for (const t of ['redaction_marks', 'redacted_copies', 'publications', 'letter_fields', 'exemptions_applied', 'cost_estimates', 'letters', 'case_notes', 'search_index'] as const) {
    await db.deleteFrom(t).where('case_id', '=', caseId).execute();
  }
  // Its own links only: another copy's link to this case is that copy's, checked in with it.
  await db.deleteFrom('case_links').where('case_id', '=', caseId).execute();
  await db.deleteFrom('attachments').where('case_id', '=', caseId).execute();
  await db.deleteFrom('correspondence').where('case_id', '=', caseId).execute();
  await db.deleteFrom('case_events').where('case_id', '=', caseId).execute();
  const kase = await db.selectFrom('cases').select('requester_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const placeholderRequester = await insertRow(db, SPEC.requesters, { name: 'Returned to the team database', email: '', address: '', organisation: '', created_at: now });
  await db
    .updateTable('cases')
    .set({ requester_id: placeholderRequester, summary: note, request_text: '', s16_advice: '', destroyed_at: now, updated_at: now })
    .where('id', '=', caseId)
    .execute();
  const still = await db.selectFrom('cases').select('id').where('requester_id', '=', kase.requester_id).executeTakeFirst();
  if (!still) await db.deleteFrom('requesters').where('id', '=', kase.requester_id).execute();
}

/** A commit whose answer never came: the server may or may not have made it. */
export class CommitUnknown extends Error {
  constructor(readonly reason: unknown) {
    super(`The team database did not answer the commit: ${(reason as Error)?.message ?? String(reason)}`);
  }
}

/**
 * One transaction on one connection of the team database, telling apart a failure before the
 * commit (rolled back: nothing was written) from a commit whose answer was lost (CommitUnknown).
 */
export async function inOneTransaction<T>(db: Kysely<any>, work: (conn: Kysely<any>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN`.execute(conn);
    let result: T;
    try {
      result = await work(conn);
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw err;
    }
    try {
      await sql`COMMIT`.execute(conn);
    } catch (err) {
      // The server answered with an error: it rolled back. No answer at all: nobody knows.
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/u.test(code) && !code.startsWith('08') && !code.startsWith('57')) throw err;
      throw new CommitUnknown(err);
    }
    return result;
  });
}
