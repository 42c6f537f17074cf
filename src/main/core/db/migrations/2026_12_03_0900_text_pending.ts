// An attachment's text can be waiting to be read: a large import stores its files first and reads
// the text of their PDFs for search afterwards (services/text-reader.service.ts), so the officer
// has the correspondence in the case without waiting on the PDF reader. The text status gains
// 'pending', and a partial index finds the files still waiting, however large the register.
// Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';
import { widenChecks } from './2026_11_30_0900_widen_regimes_activities_acts';

const FROM = "CHECK (text_status IN ('ok', 'encrypted', 'unreadable', 'not-applicable'))";
const TO = "CHECK (text_status IN ('ok', 'encrypted', 'unreadable', 'not-applicable', 'pending'))";
const PENDING_INDEX = "CREATE INDEX attachments_text_pending ON attachments (id) WHERE text_status = 'pending'";

export async function up(db: Kysely<any>): Promise<void> {
  await widenChecks(db, 'text_pending', [{ table: 'attachments', from: FROM, to: TO }]);
  await sql.raw(PENDING_INDEX).execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE attachments DROP CONSTRAINT attachments_text_status_check, ADD CONSTRAINT attachments_text_status_check ${TO}`).execute(db);
  await sql.raw(PENDING_INDEX).execute(db);
  // An officer's app records the text it read of the files in the cases it may change.
  await sql.raw(`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_officer') THEN
      GRANT UPDATE (text_status, text_note) ON attachments TO disclose_officer;
    END IF;
  END $$`).execute(db);
}
