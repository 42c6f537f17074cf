// The attachments whose text is still to be read for search (text_status 'pending'), and the
// writing of that text once read. Found through a partial index, however large the register.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { TextStatus } from '../../../shared/domain/correspondence';
import { indexItem } from './search.repository';
import { isPostgres } from '../db/engine';

export interface PendingText {
  id: number;
  case_id: number;
  sha256: string;
  original_filename: string;
  size: number;
}

/** Which files: all (no field), or those of the cases named and, when given, of the cases allocated to `officer`. */
export interface PendingScope {
  caseIds?: number[];
  officer?: string;
}

/** The next few waiting, oldest first, after `afterId`. A copy being checked in (local register) is left as it is. */
export async function pendingTexts(db: Kysely<DB>, afterId: number, limit: number, scope: PendingScope = {}): Promise<PendingText[]> {
  let q = db
    .selectFrom('attachments')
    .select(['attachments.id', 'attachments.case_id', 'attachments.sha256', 'attachments.original_filename', 'attachments.size'])
    .where('attachments.text_status', '=', 'pending')
    .where('attachments.id', '>', afterId);
  if (scope.caseIds !== undefined || scope.officer !== undefined) {
    const { caseIds = [], officer } = scope;
    q = q.where((eb) =>
      eb.or([
        ...(caseIds.length > 0 ? [eb('attachments.case_id', 'in', caseIds)] : []),
        ...(officer !== undefined ? [eb('attachments.case_id', 'in', eb.selectFrom('cases').select('cases.id').where('cases.officer', '=', officer))] : []),
        ...(caseIds.length === 0 && officer === undefined ? [eb.val(false)] : []),
      ]),
    );
  }
  if (!isPostgres(db)) q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('checkouts').select('checkouts.case_id').whereRef('checkouts.case_id', '=', 'attachments.case_id').where('checkouts.status', '<>', 'out'))));
  return q.orderBy('attachments.id').limit(limit).execute();
}

/** How many are waiting: in one case, or in the whole register. */
export async function countPendingTexts(db: Kysely<DB>, caseId?: number): Promise<number> {
  let q = db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('text_status', '=', 'pending');
  if (caseId !== undefined) q = q.where('case_id', '=', caseId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Files what was read, and indexes the text, only if the file is still waiting for it (a case
 * anonymised, or a file removed, meanwhile is left as it now is). True when it was written.
 */
export async function settleText(db: Kysely<DB>, p: PendingText, read: { textStatus: Exclude<TextStatus, 'pending'>; textNote: string | null; text: string }): Promise<boolean> {
  const done = await db.updateTable('attachments').set({ text_status: read.textStatus, text_note: read.textNote }).where('id', '=', p.id).where('text_status', '=', 'pending').returning('id').execute();
  if (done.length === 0) return false;
  // As an import that reads the text at once: a file with no text has no entry in the index.
  if (read.text) await indexItem(db, 'attachment', p.id, p.case_id, p.original_filename, read.text);
  return true;
}

/** A case being anonymised: the text of its files still waiting is never to be read (it would name the requester). */
export async function abandonPendingTexts(db: Kysely<DB>, caseId: number, note: string): Promise<void> {
  await db.updateTable('attachments').set({ text_status: 'unreadable', text_note: note }).where('case_id', '=', caseId).where('text_status', '=', 'pending').execute();
}
