// Moving a local register into the team database: every case with everything in it (events,
// correspondence, stored files, letters, estimates, exemptions, redaction marks, notes), the
// officer's own holidays and templates, and the audit log with its original actors, each row
// marked as imported. One transaction: the team database has all of it or none of it. The local
// register is verified first (a register whose history was altered is not carried over as if it
// were sound) and left as it was.
/* eslint-disable @typescript-eslint/no-explicit-any -- rows are copied table by table, whatever their columns */
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import { DATABASE_FILE } from '../constants';
import { BlobStore } from '../blobs';
import { openDatabase } from './connection';
import { openPostgres, connectionError } from './postgres';
import { correspondenceContentHash } from './integrity';
import { verifyRecords } from '../services/verify.service';
import { indexItem, type IndexKind } from '../repositories/search.repository';
import { heldBytes, storeChunks } from '../repositories/blob-chunks.repository';

export interface TeamImportResult {
  from: string;
  database: string;
  cases: number;
  correspondence: number;
  files: number;
  auditRows: number;
  /** Who the imported cases are allocated to. */
  officer: string;
}

type Row = Record<string, any>;
type IdMap = Map<number, number>;

const without = (r: Row, ...keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));
const mapped = (m: IdMap, id: number | null, what: string): number | null => {
  if (id === null) return null;
  const to = m.get(id);
  if (to === undefined) throw new DiscloseError('DB_CORRUPT', `The local register refers to a missing ${what} (${id}); nothing was imported.`);
  return to;
};

async function insertReturningId(tx: Kysely<any>, table: string, values: Row): Promise<number> {
  const row = await tx.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function importLocalRegister(url: string, fromDir: string, opts: { officer?: string; now: Date }): Promise<TeamImportResult> {
  const local = await openDatabase(join(fromDir, DATABASE_FILE));
  const blobs = new BlobStore(join(fromDir, 'blobs'), undefined, heldBytes(local.sqlite));
  const team = await openPostgres(url).catch((err: unknown) => {
    void local.db.destroy();
    throw err;
  });
  try {
    const report = verifyRecords(local.sqlite, blobs, fromDir, { now: opts.now.getTime() });
    // A file with one damaged copy beside an intact one goes over whole (get() reads the intact one).
    const serious = report.problems.filter((p) => !['orphan-file', 'temp-file', 'unreferenced-blob', 'blob-copy-damaged'].includes(p.kind));
    if (serious.length > 0) {
      throw new DiscloseError('DB_CORRUPT', `The local register in ${fromDir} does not verify (${serious[0]!.detail}); nothing was imported. Restore it from a backup first.`);
    }
    const src = local.db as Kysely<any>;
    const all = (table: string, order = 'id') => src.selectFrom(table).selectAll().orderBy(order).execute() as Promise<Row[]>;
    const officer = opts.officer ?? team.login;
    const cases = await all('cases');
    const clash = cases.length
      ? await (team.db as Kysely<any>).selectFrom('cases').select('reference').where('reference', 'in', cases.map((c) => c.reference)).execute()
      : [];
    if (clash.length > 0) {
      throw new DiscloseError('CONFLICT', `The team database already has ${clash.length === 1 ? 'a case' : 'cases'} with ${clash.length === 1 ? 'the reference' : 'the references'} ${clash.slice(0, 5).map((c) => c.reference).join(', ')}${clash.length > 5 ? '…' : ''}; nothing was imported.`);
    }
    const now = opts.now.toISOString();
    const result = await team.db.transaction().execute(async (trx) => {
      const tx = trx as Kysely<any>;
      const requesterIds: IdMap = new Map();
      for (const r of await all('requesters')) requesterIds.set(r.id, await insertReturningId(tx, 'requesters', without(r, 'id')));
      const caseIds: IdMap = new Map();
      for (const c of cases) {
        caseIds.set(c.id, await insertReturningId(tx, 'cases', { ...without(c, 'id', 'version'), requester_id: mapped(requesterIds, c.requester_id, 'requester'), officer }));
      }
      const eventIds: IdMap = new Map();
      for (const e of await all('case_events')) eventIds.set(e.id, await insertReturningId(tx, 'case_events', { ...without(e, 'id'), case_id: mapped(caseIds, e.case_id, 'case') }));
      let files = 0;
      for (const b of await all('blobs', 'sha256')) {
        const bytes = blobs.get(b.sha256);
        const added = await tx.insertInto('blobs').values(b).onConflict((oc) => oc.column('sha256').doNothing()).returning('sha256').execute();
        if (added.length > 0) await storeChunks(trx, b.sha256, bytes);
        files++;
      }
      const itemIds: IdMap = new Map();
      for (const c of await all('correspondence')) {
        const next = { ...without(c, 'id'), case_id: mapped(caseIds, c.case_id, 'case'), event_id: mapped(eventIds, c.event_id, 'event') };
        // The content hash covers the case it belongs to: re-made for the case's new number (the old one was verified above).
        itemIds.set(c.id, await insertReturningId(tx, 'correspondence', { ...next, content_hash: correspondenceContentHash(next as never) }));
      }
      const attachmentIds: IdMap = new Map();
      for (const a of await all('attachments')) {
        attachmentIds.set(a.id, await insertReturningId(tx, 'attachments', { ...without(a, 'id'), case_id: mapped(caseIds, a.case_id, 'case'), correspondence_id: mapped(itemIds, a.correspondence_id, 'item of correspondence') }));
      }
      for (const l of await all('letters')) await insertReturningId(tx, 'letters', { ...without(l, 'id'), case_id: mapped(caseIds, l.case_id, 'case') });
      const estimateIds: IdMap = new Map();
      for (const e of await all('cost_estimates')) estimateIds.set(e.id, await insertReturningId(tx, 'cost_estimates', { ...without(e, 'id'), case_id: mapped(caseIds, e.case_id, 'case') }));
      for (const l of await all('cost_lines')) await insertReturningId(tx, 'cost_lines', { ...without(l, 'id'), estimate_id: mapped(estimateIds, l.estimate_id, 'estimate') });
      for (const l of await all('case_links', 'case_id')) await tx.insertInto('case_links').values({ ...l, case_id: mapped(caseIds, l.case_id, 'case'), linked_case_id: mapped(caseIds, l.linked_case_id, 'case') }).execute();
      for (const x of await all('exemptions_applied')) await insertReturningId(tx, 'exemptions_applied', { ...without(x, 'id'), case_id: mapped(caseIds, x.case_id, 'case') });
      for (const f of await all('letter_fields', 'case_id')) await tx.insertInto('letter_fields').values({ ...f, case_id: mapped(caseIds, f.case_id, 'case') }).execute();
      for (const m of await all('redaction_marks')) {
        await insertReturningId(tx, 'redaction_marks', {
          ...without(m, 'id'),
          case_id: mapped(caseIds, m.case_id, 'case'),
          attachment_id: mapped(attachmentIds, m.attachment_id, 'attachment'),
          correspondence_id: mapped(itemIds, m.correspondence_id, 'item of correspondence'),
        });
      }
      for (const r of await all('redacted_copies', 'copy_attachment_id')) {
        await tx
          .insertInto('redacted_copies')
          .values({
            ...r,
            copy_attachment_id: mapped(attachmentIds, r.copy_attachment_id, 'attachment'),
            case_id: mapped(caseIds, r.case_id, 'case'),
            source_attachment_id: mapped(attachmentIds, r.source_attachment_id, 'attachment'),
            source_correspondence_id: mapped(itemIds, r.source_correspondence_id, 'item of correspondence'),
          })
          .execute();
      }
      for (const p of await all('publications', 'case_id')) await tx.insertInto('publications').values({ ...p, case_id: mapped(caseIds, p.case_id, 'case') }).execute();
      for (const n of await all('case_notes')) await insertReturningId(tx, 'case_notes', { ...without(n, 'id'), case_id: mapped(caseIds, n.case_id, 'case') });
      const byKind: Record<IndexKind, IdMap> = { case: caseIds, correspondence: itemIds, attachment: attachmentIds } as Record<IndexKind, IdMap>;
      for (const s of (await sql<Row>`SELECT case_id, kind, item_id, title, body FROM search_index`.execute(src)).rows) {
        const ids = byKind[s.kind as IndexKind];
        if (!ids) continue;
        await indexItem(trx, s.kind as IndexKind, mapped(ids, s.item_id, s.kind)!, mapped(caseIds, s.case_id, 'case')!, s.title, s.body);
      }
      for (const c of await all('reference_counters', 'scope')) {
        await tx
          .insertInto('reference_counters')
          .values(c)
          .onConflict((oc) => oc.column('scope').doUpdateSet({ last_seq: sql`greatest(reference_counters.last_seq, excluded.last_seq)` }))
          .execute();
      }
      for (const h of await src.selectFrom('holidays').selectAll().where('source', '=', 'officer').execute()) {
        await tx.insertInto('holidays').values(h).onConflict((oc) => oc.columns(['date', 'region']).doNothing()).execute();
      }
      for (const t of await all('letter_templates', 'kind')) await tx.insertInto('letter_templates').values(t).onConflict((oc) => oc.column('kind').doNothing()).execute();
      // The history: every row with its original actor and time, marked imported; the server links them into its chain.
      const audit = await all('audit_log');
      for (const a of audit) {
        await tx
          .insertInto('audit_log')
          .values({ at: a.at, actor: a.actor, action: a.action, case_id: mapped(caseIds, a.case_id, 'case'), summary: a.summary, detail: a.detail, imported: 1 })
          .execute();
      }
      const head = audit.at(-1);
      const counts = { cases: cases.length, correspondence: itemIds.size, files, auditRows: audit.length };
      await tx
        .insertInto('audit_log')
        .values({
          at: now,
          actor: team.login,
          action: 'register.imported',
          case_id: null,
          summary: `Imported a local register: ${counts.cases} cases, ${counts.correspondence} items of correspondence, ${counts.files} stored files, ${counts.auditRows} audit rows`,
          detail: JSON.stringify({ from: fromDir, ...counts, sourceChainHead: head ? { id: head.id, hash: head.hash } : null }),
        })
        .execute();
      return counts;
    });
    return { from: fromDir, database: team.display, officer, ...result };
  } catch (err) {
    throw connectionError(err, team.display);
  } finally {
    await local.db.destroy();
    await team.db.destroy();
  }
}
