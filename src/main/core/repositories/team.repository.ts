// Who works the cases: allocation, internal notes, the officers the register knows, each case's
// version (for saves made from an older copy), and each officer's workload.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { isPostgres } from '../db/engine';

export interface CaseNote {
  id: number;
  author: string;
  at: string;
  text: string;
}

export async function setOfficer(db: Kysely<DB>, caseId: number, officer: string | null, now: string): Promise<void> {
  await db.updateTable('cases').set({ officer, updated_at: now }).where('id', '=', caseId).execute();
}

export async function insertNote(db: Kysely<DB>, caseId: number, author: string, at: string, text: string): Promise<number> {
  const row = await db.insertInto('case_notes').values({ case_id: caseId, author, at, text }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listNotes(db: Kysely<DB>, caseId: number): Promise<CaseNote[]> {
  return db.selectFrom('case_notes').select(['id', 'author', 'at', 'text']).where('case_id', '=', caseId).orderBy('id', 'desc').execute();
}

export async function listOfficers(db: Kysely<DB>): Promise<{ login: string; name: string; lead: boolean }[]> {
  const rows = await db.selectFrom('officers').select(['login', 'name', 'lead']).orderBy('name').execute();
  return rows.map((r) => ({ login: r.login, name: r.name, lead: r.lead === 1 }));
}

/** The case's version, read with the row locked on the team database (so that a check and the
 * change after it are one step: a colleague's save waits rather than slipping in between). */
export async function lockedVersion(db: Kysely<DB>, caseId: number): Promise<number> {
  const q = db.selectFrom('cases').select('version').where('id', '=', caseId);
  const row = await (isPostgres(db) ? q.forUpdate() : q).executeTakeFirstOrThrow();
  return row.version;
}

/** The audit rows of a case after the first `skip` (the changes made since that version). */
export async function changesSince(db: Kysely<DB>, caseId: number, version: number) {
  const rows = await db.selectFrom('audit_log').select(['id', 'at', 'actor', 'action', 'summary']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.slice(version);
}

/** The cases open per officer, for the lead's view of the team. */
export async function casesByOfficer(db: Kysely<DB>): Promise<{ id: number; officer: string | null }[]> {
  return db.selectFrom('cases').select(['id', 'officer']).where('destroyed_at', 'is', null).execute();
}
