// Each case keeps what is derived from its events (src/shared/domain/stored-standing.ts): the stage
// it has reached, the date in force and the day it turns overdue, the response due date, whether it
// was answered in time, how long that holds and the days a holiday could move it, and the text the
// case list filters on (reference, requester and summary, folded to lower case). Written in the
// same transaction as the change that moves them; lists, counts and reports then read them by index
// instead of deriving every case. Rows start empty: the core derives them when it opens. Frozen.
import { sql, type Kysely } from 'kysely';

export const DERIVED_COLUMNS = ['derived', 'stage', 'deadline_due', 'overdue_from', 'response_due', 'derived_on', 'valid_until', 'window_from', 'window_to', 'list_text', 'in_time'];

function statements(integer: string) {
  return [
    ...DERIVED_COLUMNS.filter((c) => c !== 'in_time').map((c) => sql.raw(`ALTER TABLE cases ADD COLUMN ${c} TEXT`)),
    sql.raw(`ALTER TABLE cases ADD COLUMN in_time ${integer}`),
    // The dashboard's and the filters' questions: what is at which stage, due when.
    sql`CREATE INDEX cases_stage_due ON cases (stage, deadline_due)`,
    sql`CREATE INDEX cases_deadline_due ON cases (deadline_due)`,
    // Which snapshots have expired (or were never made) by a given day.
    sql`CREATE INDEX cases_valid_until ON cases (valid_until)`,
    sql`CREATE INDEX cases_derived_on ON cases (derived_on)`,
    // Which cases a holiday on a given day could move.
    sql`CREATE INDEX cases_window ON cases (window_to, window_from)`,
    // The list's orders (newest received; the date shown in the Due column), read a page at a
    // time in index order rather than sorting the register for each page.
    sql`CREATE INDEX cases_received_id ON cases (received_date, id)`,
    sql`CREATE INDEX cases_due_shown ON cases ((COALESCE(deadline_due, response_due, '')), id)`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements('INTEGER')) await s.execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  for (const s of statements('integer')) await s.execute(db);
  // Officers keep the snapshot current as they work (a read may re-derive an expired one): they may
  // write these columns, and nothing else new. On a register set up before, the roles exist.
  await sql.raw(`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_officer') THEN
      GRANT UPDATE (${DERIVED_COLUMNS.join(', ')}) ON cases TO disclose_officer;
    END IF;
  END $$`).execute(db);
}
