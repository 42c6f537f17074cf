// Anonymising a case removed the files that came with its correspondence but left their text in the
// search index, where a search could still find them and name files the case no longer has (the
// text itself was rewritten without the requester's details). Anonymising now takes them out
// (retention.repository.ts); this takes out what earlier versions left: every index entry of a file
// or item of correspondence that no longer exists. Nothing else is changed. On the local register
// the triggers take the entries out of the full-text index too.
// Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';

const ORPHANS = [
  "DELETE FROM search_index WHERE kind = 'attachment' AND item_id NOT IN (SELECT id FROM attachments)",
  "DELETE FROM search_index WHERE kind = 'correspondence' AND item_id NOT IN (SELECT id FROM correspondence)",
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of ORPHANS) await sql.raw(statement).execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  for (const statement of ORPHANS) await sql.raw(statement).execute(db);
}
