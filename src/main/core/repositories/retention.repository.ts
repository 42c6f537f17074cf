// The SQL of retention and anonymisation: what a destroyed case keeps (reference, regime, dates,
// events as outcome, provisions applied) and what it loses (everything that names or describes a
// person: the requester, the request's text, correspondence, attachments, letters, notes,
// reasoning). Audit rows of the case are redacted in place: their hashes stay, so the chain holds.
import { isPostgres } from '../db/engine';
import { flushIndex, indexedTextOfCase, replaceIndexedText } from './search.repository';
import { abandonPendingTexts } from './text.repository';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { correspondenceContentHash } from '../db/integrity';
import { TEMPLATE_KEY, UNNAMED_BY_RECORDS } from './records.repository';

export const REDACTED = '[redacted]';

export interface RetentionRow {
  id: number;
  reference: string;
  regime: string;
  lastAction: string;
  appealed: number;
  finished: number;
}

/** Each case not yet destroyed, with its last action and whether it went to the regulator. */
export async function retentionRows(db: Kysely<DB>): Promise<RetentionRow[]> {
  const { rows } = await sql<RetentionRow>`
    SELECT c.id, c.reference, c.regime,
      coalesce((SELECT max(e.date) FROM case_events e WHERE e.case_id = c.id AND e.date > c.received_date), c.received_date) AS "lastAction",
      CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type IN ('ico-complaint', 'ico-decision', 'tribunal-appeal')) THEN 1 ELSE 0 END AS appealed,
      CASE WHEN EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type IN ('responded', 'closed', 'review-completed', 'ico-decision')) THEN 1 ELSE 0 END AS finished
    FROM cases c WHERE c.destroyed_at IS NULL ORDER BY c.id`.execute(db);
  return rows;
}

export async function countDestroyed(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('destroyed_at', 'is not', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Redacts the case's audit rows (content replaced, hashes kept) and returns how many. */
export async function redactCaseAudit(db: Kysely<DB>, caseId: number, now: string, why: string): Promise<number> {
  const r = await db
    .updateTable('audit_log')
    .set({ summary: `${REDACTED} ${why}`, detail: '{}', redacted_at: now })
    .where('case_id', '=', caseId)
    .where('redacted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Gives the case a requester row of its own that names nobody (a shared row is left to its other cases). */
async function detachRequester(db: Kysely<DB>, caseId: number, label: string, now: string): Promise<void> {
  const c = await db.selectFrom('cases').select('requester_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  const shared = await db.selectFrom('cases').select('id').where('requester_id', '=', c.requester_id).where('id', '!=', caseId).executeTakeFirst();
  if (shared) {
    const row = await db.insertInto('requesters').values({ name: label, email: '', address: '', organisation: '', created_at: now }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('cases').set({ requester_id: row.id }).where('id', '=', caseId).execute();
  } else {
    await db.updateTable('requesters').set({ name: label, email: '', address: '', organisation: '' }).where('id', '=', c.requester_id).execute();
  }
}

/** Removes the case's content, keeping the minimal row, its events' types and dates, and its provisions. */
export async function destroyCaseContent(db: Kysely<DB>, caseId: number, now: string): Promise<void> {
  await flushIndex(db); // anything this write indexed goes too
  await db.deleteFrom('search_index').where('case_id', '=', caseId).execute();
  await db.deleteFrom('attachments').where('case_id', '=', caseId).execute();
  await db.updateTable('case_events').set({ note: null }).where('case_id', '=', caseId).execute();
  await db.deleteFrom('correspondence').where('case_id', '=', caseId).execute();
  await db.deleteFrom('letter_fields').where('case_id', '=', caseId).execute();
  await db.deleteFrom('letters').where('case_id', '=', caseId).execute();
  const estimates = db.selectFrom('cost_estimates').select('id').where('case_id', '=', caseId);
  await db.deleteFrom('cost_lines').where('estimate_id', 'in', estimates).execute();
  await db.deleteFrom('cost_estimates').where('case_id', '=', caseId).execute();
  await db.updateTable('case_links').set({ reason: '' }).where((eb) => eb.or([eb('case_id', '=', caseId), eb('linked_case_id', '=', caseId)])).execute();
  await db
    .updateTable('exemptions_applied')
    .set({ item: '', engagement: '', pi_for: '', pi_against: '', balance: '', decided_by: '', qp_name: null, qp_material: null })
    .where('case_id', '=', caseId)
    .execute();
  await detachRequester(db, caseId, 'Destroyed under the retention policy', now);
  await db.updateTable('cases').set({ summary: '', request_text: '', s16_advice: '', destroyed_at: now, updated_at: now }).where('id', '=', caseId).execute();
}

/**
 * Blob rows nothing refers to any more (`only`: that one file, if so): removed from the table; the
 * caller removes the files after commit. On the team database, a file named by a copy kept aside at
 * check-in for a lead to merge (its only record until then) is in use too. The files no message or
 * attachment names (UNNAMED_BY_RECORDS, each side read once: asked of each file in turn, the local
 * register read every attachment for each, 1 s at 16,000 files inside the write of every check-in,
 * anonymisation and destruction); the few left are then tested against the settings and copies.
 */
export async function dropUnreferencedBlobs(db: Kysely<DB>, only?: string): Promise<string[]> {
  const { rows } = await sql<{ sha256: string }>`
    SELECT u.sha256 FROM (${sql.raw(UNNAMED_BY_RECORDS)}) AS u
    WHERE NOT EXISTS (SELECT 1 FROM meta m WHERE m.key = ${TEMPLATE_KEY} AND m.value LIKE '%' || u.sha256 || '%')
      ${isPostgres(db) ? sql`AND NOT EXISTS (SELECT 1 FROM pending_checkins p WHERE p.resolved_at IS NULL AND strpos(p.copy, u.sha256) > 0)` : sql``}
      ${only === undefined ? sql`` : sql`AND u.sha256 = ${only}`}
    ORDER BY u.sha256`.execute(db);
  const shas = rows.map((r) => r.sha256);
  for (const sha of shas) {
    if (isPostgres(db)) await db.deleteFrom('blob_chunks').where('sha256', '=', sha).execute();
    await db.deleteFrom('blobs').where('sha256', '=', sha).execute();
  }
  return shas;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each of `needles` (case-insensitive) with `by`. */
export function replacer(needles: string[], by: string): (s: string) => string {
  const parts = needles.map((n) => n.trim()).filter((n) => n.length >= 2);
  if (parts.length === 0) return (s) => s;
  const re = new RegExp(parts.sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'giu');
  return (s) => s.replace(re, by);
}

/** Rewrites the case's correspondence with `replace`, dropping source files (they hold the details
 * verbatim), re-hashing each item and re-indexing it; returns how many values changed. */
export async function anonymiseCorrespondence(db: Kysely<DB>, caseId: number, replace: (s: string) => string): Promise<number> {
  let changed = 0;
  const items = await db.selectFrom('correspondence').selectAll().where('case_id', '=', caseId).execute();
  for (const it of items) {
    const next = {
      ...it,
      from_text: replace(it.from_text),
      to_text: replace(it.to_text),
      cc_text: replace(it.cc_text),
      subject: replace(it.subject),
      body: replace(it.body),
      headers: it.headers === null ? null : replace(it.headers),
      source_sha256: null,
      source_filename: it.source_filename === null ? null : replace(it.source_filename),
    };
    for (const k of ['from_text', 'to_text', 'cc_text', 'subject', 'body', 'headers', 'source_sha256'] as const) if (next[k] !== it[k]) changed++;
    await db
      .updateTable('correspondence')
      .set({ ...next, content_hash: correspondenceContentHash(next) })
      .where('id', '=', it.id)
      .execute();
  }
  // Attachments that came with the correspondence (and letters sent) name the requester too; their
  // text goes from the search index with them (what this write indexed first, so it goes too).
  const removed = db.selectFrom('attachments').select('id').where('case_id', '=', caseId).where('role', '=', 'correspondence');
  await flushIndex(db);
  await db.deleteFrom('search_index').where('kind', '=', 'attachment').where('item_id', 'in', removed).execute();
  await db.deleteFrom('attachments').where('case_id', '=', caseId).where('role', '=', 'correspondence').execute();
  // A file whose text was still to be read keeps none: read later, it would name the requester again.
  await abandonPendingTexts(db, caseId, 'Text not extracted: the case was anonymised before its text was read.');
  for (const r of await indexedTextOfCase(db, caseId)) await replaceIndexedText(db, r.rowid, replace(r.title), replace(r.body));
  const events = await db.selectFrom('case_events').select(['id', 'note']).where('case_id', '=', caseId).where('note', 'is not', null).execute();
  for (const e of events) await db.updateTable('case_events').set({ note: replace(e.note!) }).where('id', '=', e.id).execute();
  const fields = await db.selectFrom('letter_fields').selectAll().where('case_id', '=', caseId).execute();
  for (const f of fields) await db.updateTable('letter_fields').set({ fields: replace(f.fields) }).where('case_id', '=', caseId).where('kind', '=', f.kind).execute();
  return changed;
}

export async function anonymiseCaseRow(db: Kysely<DB>, caseId: number, replace: (s: string) => string, label: string, now: string): Promise<void> {
  const c = await db.selectFrom('cases').select(['summary', 'request_text']).where('id', '=', caseId).executeTakeFirstOrThrow();
  await detachRequester(db, caseId, label, now);
  await db.updateTable('cases').set({ summary: replace(c.summary), request_text: replace(c.request_text), anonymised_at: now, updated_at: now }).where('id', '=', caseId).execute();
}
