// Indexes for lists that read far more cases than they show, found by reading the plans of the
// app's commands on a register of 50,000 cases (bench/README.md, "The plans at 50,000 cases"):
// - an officer's cases ("Mine", or one officer's), newest first: the cases were found by officer,
//   then every one of them sorted to show the first 50 (69 ms where one officer holds them all);
//   now read in order from (officer, received_date, id), which replaces the index on officer alone;
// - the cases at one stage (closed, say), newest first: likewise, 35,000 closed cases sorted to
//   show 50 (53 ms), now read in order from (stage, received_date, id);
// - a case's redacted copies, found by reading every attachment of the register (7–18 ms at 45,000)
//   for want of an index on their case, and its redaction marks, found by reading every mark.
// Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';

const STATEMENTS = [
  'CREATE INDEX cases_officer_received ON cases (officer, received_date, id)',
  'DROP INDEX cases_officer',
  'CREATE INDEX cases_stage_received ON cases (stage, received_date, id)',
  'CREATE INDEX redacted_copies_case ON redacted_copies (case_id)',
  'CREATE INDEX redaction_marks_case ON redaction_marks (case_id)',
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
