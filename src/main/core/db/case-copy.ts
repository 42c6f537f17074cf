// One case, table by table, as it travels between the team database and a checked-out copy: which
// tables belong to it, how each row is keyed and what it refers to, the rows read on either engine,
// and the difference between the copy as it was checked out and as it comes back. Rows travel in
// the team database's shape: references by the team database's numbers, or, for a row made
// offline, a placeholder naming the copy's row ("new:table:id"), resolved when it is inserted.
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are carried table by table, whatever their columns */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './engine';
import { correspondenceContentHash } from './integrity';

export type Row = Record<string, unknown>;

export type CaseTable =
  | 'requesters'
  | 'cases'
  | 'case_events'
  | 'correspondence'
  | 'attachments'
  | 'letters'
  | 'cost_estimates'
  | 'cost_lines'
  | 'case_links'
  | 'exemptions_applied'
  | 'letter_fields'
  | 'redaction_marks'
  | 'redacted_copies'
  | 'publications'
  | 'case_notes';

export interface TableSpec {
  table: CaseTable;
  /** 'id' for a table whose rows have their own number; else the columns that make a row's key. */
  key: 'id' | readonly string[];
  /** Columns that refer to another row, and the table they refer into. */
  refs: Readonly<Record<string, CaseTable>>;
  /** Columns each side keeps for itself: never compared or changed, set on insert by `derive`. */
  own?: readonly string[];
}

/** A case's tables, in the order rows may be inserted (each after what it refers to). */
export const CASE_SPECS: readonly TableSpec[] = [
  { table: 'requesters', key: 'id', refs: {} },
  // The version moves with the audit rows each side writes.
  { table: 'cases', key: 'id', refs: { requester_id: 'requesters' }, own: ['version'] },
  { table: 'case_events', key: 'id', refs: { case_id: 'cases' } },
  // The content hash covers the case's number, which differs on each side: made again on insert,
  // and in place only with the text it covers (see carryContentHash).
  { table: 'correspondence', key: 'id', refs: { case_id: 'cases', event_id: 'case_events' } },
  { table: 'attachments', key: 'id', refs: { case_id: 'cases', correspondence_id: 'correspondence' } },
  { table: 'letters', key: 'id', refs: { case_id: 'cases' } },
  { table: 'cost_estimates', key: 'id', refs: { case_id: 'cases' } },
  { table: 'cost_lines', key: 'id', refs: { estimate_id: 'cost_estimates' } },
  { table: 'case_links', key: ['case_id', 'linked_case_id', 'kind'], refs: { case_id: 'cases', linked_case_id: 'cases' } },
  { table: 'exemptions_applied', key: 'id', refs: { case_id: 'cases' } },
  { table: 'letter_fields', key: ['case_id', 'kind'], refs: { case_id: 'cases' } },
  { table: 'redaction_marks', key: 'id', refs: { case_id: 'cases', attachment_id: 'attachments', correspondence_id: 'correspondence' } },
  {
    table: 'redacted_copies',
    key: ['copy_attachment_id'],
    refs: { copy_attachment_id: 'attachments', case_id: 'cases', source_attachment_id: 'attachments', source_correspondence_id: 'correspondence' },
  },
  { table: 'publications', key: ['case_id'], refs: { case_id: 'cases' } },
  { table: 'case_notes', key: 'id', refs: { case_id: 'cases' } },
];

export const SPEC: Readonly<Record<CaseTable, TableSpec>> = Object.fromEntries(CASE_SPECS.map((s) => [s.table, s])) as Record<CaseTable, TableSpec>;

/** A case's rows, table by table. */
export type CaseRows = Partial<Record<CaseTable, Row[]>>;

/** Reads every row of one case (on the team database, as the login sees it). */
export async function readCaseRows(db: Kysely<any>, caseId: number): Promise<CaseRows> {
  const out: CaseRows = {};
  const kase = await db.selectFrom('cases').selectAll().where('id', '=', caseId).execute();
  out.cases = kase;
  out.requesters = kase.length ? await db.selectFrom('requesters').selectAll().where('id', '=', kase[0]!.requester_id).execute() : [];
  for (const spec of CASE_SPECS) {
    if (spec.table === 'cases' || spec.table === 'requesters') continue;
    let q = db.selectFrom(spec.table).selectAll();
    q =
      spec.table === 'cost_lines'
        ? q.where('estimate_id', 'in', db.selectFrom('cost_estimates').select('id').where('case_id', '=', caseId))
        : q.where('case_id', '=', caseId);
    for (const k of spec.key === 'id' ? ['id'] : spec.key) q = q.orderBy(k);
    out[spec.table] = await q.execute();
  }
  return out;
}

/** The columns a table has on this engine (a column one side lacks is not carried). */
export async function columnsOf(db: Kysely<any>, table: CaseTable): Promise<Set<string>> {
  if (isPostgres(db)) {
    const r = await sql<{ c: string }>`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`.execute(db);
    return new Set(r.rows.map((x) => x.c));
  }
  const r = await sql<{ c: string }>`SELECT name AS c FROM pragma_table_info(${table})`.execute(db);
  return new Set(r.rows.map((x) => x.c));
}

/** The columns of every case table present on both sides. */
export async function commonColumns(a: Kysely<any>, b: Kysely<any>): Promise<Record<CaseTable, Set<string>>> {
  const out = {} as Record<CaseTable, Set<string>>;
  for (const { table } of CASE_SPECS) {
    const [x, y] = await Promise.all([columnsOf(a, table), columnsOf(b, table)]);
    out[table] = new Set([...x].filter((c) => y.has(c)));
  }
  return out;
}

/** A row's key as text: its number, or its key columns as a JSON array. */
export function keyOf(spec: TableSpec, row: Row): string {
  return spec.key === 'id' ? String(row.id) : JSON.stringify(spec.key.map((k) => row[k]));
}

/** The key columns and their values, for a WHERE clause. */
export function keyColumns(spec: TableSpec, row: Row): Row {
  return spec.key === 'id' ? { id: row.id } : Object.fromEntries(spec.key.map((k) => [k, row[k]]));
}

export const placeholder = (table: CaseTable, localId: unknown) => `new:${table}:${String(localId)}`;
export const isPlaceholder = (v: unknown): v is string => typeof v === 'string' && v.startsWith('new:');

/** The columns compared and carried: the row's columns both sides have, less the key number and each side's own. */
export function carried(spec: TableSpec, columns: Set<string>, row: Row): string[] {
  return Object.keys(row).filter((c) => c !== 'id' && columns.has(c) && !(spec.own ?? []).includes(c));
}

/** A row with its references translated by `to`; null when one cannot be (a row that stays behind). */
export function translateRefs(spec: TableSpec, row: Row, to: (table: CaseTable, id: number) => unknown): Row | null {
  const out: Row = { ...row };
  for (const [col, target] of Object.entries(spec.refs)) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    const mapped = to(target, Number(v));
    if (mapped === undefined) return null;
    out[col] = mapped;
  }
  return out;
}

/** A row of the copy in the team database's shape, with where it came from. */
export interface ShapedRow {
  /** The copy's key for it. */
  localKey: string;
  /** Its key on the team database; null for a row made offline. */
  serverKey: string | null;
  row: Row;
}

/**
 * The copy's rows in the team database's shape: each reference by the team database's number when
 * the row referred to was copied from there (`mapped`: "table:local key" → team key), else by a
 * placeholder for the row made offline.
 */
export function shapeLocalCase(local: CaseRows, mapped: Map<string, string>): Partial<Record<CaseTable, ShapedRow[]>> {
  const out: Partial<Record<CaseTable, ShapedRow[]>> = {};
  for (const spec of CASE_SPECS) {
    out[spec.table] = (local[spec.table] ?? []).map((r) => {
      const row = translateRefs(spec, r, (t, id) => {
        const server = mapped.get(`${t}:${id}`);
        return server === undefined ? placeholder(t, id) : Number(server);
      })!;
      const localKey = keyOf(spec, r);
      const serverKey = spec.key === 'id' ? (mapped.get(`${spec.table}:${localKey}`) ?? null) : Object.values(keyColumns(spec, row)).some(isPlaceholder) ? null : keyOf(spec, row);
      return { localKey, serverKey, row };
    });
  }
  return out;
}

/** The columns a message's content hash covers, besides its case (db/integrity.ts). */
const HASHED = ['direction', 'channel', 'sent_at', 'from_text', 'to_text', 'cc_text', 'subject', 'body', 'headers', 'message_id', 'source_sha256'] as const;

/**
 * A message's content hash in the team database's shape: as checked out while the text it covers
 * is unchanged (whatever the copy's own number made of it), made again when the copy rewrote the
 * text and its hash (an anonymisation), and left as it was when the copy changed the text alone.
 */
export function carryContentHash(shaped: Partial<Record<CaseTable, ShapedRow[]>>, base: CaseRows, local: CaseRows): void {
  const was = new Map((base.correspondence ?? []).map((r) => [String(r.id), r]));
  const mine = new Map((local.correspondence ?? []).map((r) => [String(r.id), r]));
  for (const s of shaped.correspondence ?? []) {
    const before = s.serverKey === null ? undefined : was.get(s.serverKey);
    if (!before) continue;
    const own = mine.get(s.localKey)!;
    const rewritten = HASHED.some((c) => !same(s.row[c], before[c]));
    const consistent = own.content_hash === correspondenceContentHash(own as never);
    s.row = { ...s.row, content_hash: rewritten && consistent ? correspondenceContentHash(s.row as never) : before.content_hash };
  }
}

export interface CaseChange {
  /** Rows made offline, in insertion order, with placeholders for rows that are new too. */
  inserts: { table: CaseTable; localKey: string; row: Row }[];
  /** Rows changed offline: only the columns that changed, with what they were. */
  updates: { table: CaseTable; serverKey: string; where: Row; set: Row; was: Row }[];
  /** Rows removed offline, each after what refers to it. */
  deletes: { table: CaseTable; serverKey: string; where: Row }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What changed between the copy as it was checked out (`base`, the team database's rows) and as it
 * is now (`now`, shaped): nothing else is ever written, so rows nobody touched offline stay as
 * they are on the team database.
 */
export function diffCase(base: CaseRows, now: Partial<Record<CaseTable, ShapedRow[]>>, columns: Record<CaseTable, Set<string>>): CaseChange {
  const change: CaseChange = { inserts: [], updates: [], deletes: [] };
  for (const spec of CASE_SPECS) {
    const before = new Map((base[spec.table] ?? []).map((r) => [keyOf(spec, r), r]));
    const seen = new Set<string>();
    for (const s of now[spec.table] ?? []) {
      const was = s.serverKey === null ? undefined : before.get(s.serverKey);
      if (!was) {
        change.inserts.push({ table: spec.table, localKey: s.localKey, row: s.row });
        continue;
      }
      seen.add(s.serverKey!);
      const set: Row = {};
      const old: Row = {};
      for (const c of carried(spec, columns[spec.table], s.row)) {
        if (same(s.row[c], was[c])) continue;
        set[c] = s.row[c];
        old[c] = was[c];
      }
      if (Object.keys(set).length > 0) change.updates.push({ table: spec.table, serverKey: s.serverKey!, where: keyColumns(spec, was), set, was: old });
    }
    for (const [k, r] of before) if (!seen.has(k)) change.deletes.push({ table: spec.table, serverKey: k, where: keyColumns(spec, r) });
  }
  change.deletes.reverse();
  return change;
}

/** Whether a change writes nothing. */
export const isEmptyChange = (c: CaseChange) => c.inserts.length + c.updates.length + c.deletes.length === 0;

/**
 * The change as it can still be made on the team database as it is now (`live`): a change the
 * team database already holds (a requester shared by two copies, checked in with the first) is
 * dropped; a row that changed there since it was checked out stops the check-in.
 */
export function reconcile(change: CaseChange, live: CaseRows, reference: string): CaseChange {
  const rows = new Map(CASE_SPECS.map((s) => [s.table, new Map((live[s.table] ?? []).map((r) => [keyOf(s, r), r]))]));
  const updates = change.updates.filter((u) => {
    const now = rows.get(u.table)!.get(u.serverKey);
    if (!now) throw new ReconcileError(reference, u.table);
    if (Object.entries(u.set).every(([c, v]) => !isPlaceholder(v) && same(now[c], v))) return false;
    if (Object.entries(u.was).some(([c, v]) => !same(now[c], v))) throw new ReconcileError(reference, u.table);
    return true;
  });
  const deletes = change.deletes.filter((d) => rows.get(d.table)!.has(d.serverKey));
  return { inserts: change.inserts, updates, deletes };
}

export class ReconcileError extends Error {
  constructor(
    readonly reference: string,
    readonly table: CaseTable,
  ) {
    super(`${reference} changed on the team database while it was checked out (${table}); nothing was checked in.`);
  }
}
