// What the period statistics count of each case (src/shared/domain/statistics.ts caseStatsFacts),
// stored with its other derived dates (2026_12_02_0900_derived) and written in the same
// transaction: how the response stands (in time, within an extension, late, closed with nothing
// due, or still awaited: pending or overdue is told by comparing today with response_due), by how
// many days a late one was late, the first response's outcome, and whether the review was answered
// in time and how it ended. The events a period counts once per case (a review requested, a
// complaint, a decision notice, an appeal) are found by kind and date. Every snapshot is marked for
// deriving again, so a register upgraded gets the new columns at its first read. Frozen.
import { sql, type Kysely } from 'kysely';
import { DERIVED_COLUMNS } from './2026_12_02_0900_derived';

export const STATISTICS_COLUMNS = ['answered', 'late_days', 'response_outcome', 'review_in_time', 'review_result'];

function statements(integer: string) {
  return [
    sql.raw(`ALTER TABLE cases ADD COLUMN answered TEXT`),
    sql.raw(`ALTER TABLE cases ADD COLUMN late_days ${integer}`),
    sql.raw(`ALTER TABLE cases ADD COLUMN response_outcome TEXT`),
    sql.raw(`ALTER TABLE cases ADD COLUMN review_in_time ${integer}`),
    sql.raw(`ALTER TABLE cases ADD COLUMN review_result TEXT`),
    // A period's reviews, complaints, decisions and appeals, read by kind and date.
    sql`CREATE INDEX case_events_type_date ON case_events (type, date)`,
    sql`UPDATE cases SET derived_on = NULL`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements('INTEGER')) await s.execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  // The guard on a checked-out case's row (2026_12_02_1100_checkout) lets its derived columns move:
  // these too. Replaced before the snapshots are marked, which it would otherwise check row by row.
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = sql.raw(`SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`);
  const unguarded = sql.raw(`ARRAY[${['version', ...DERIVED_COLUMNS, ...STATISTICS_COLUMNS].map((c) => `'${c}'`).join(', ')}]`);
  await sql`CREATE OR REPLACE FUNCTION disclose_lease_guard_case() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ${unguarded}) = (to_jsonb(OLD) - ${unguarded}) THEN RETURN NEW; END IF;
        PERFORM disclose_lease_refuse(OLD.id);
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`.execute(db);
  for (const s of statements('integer')) await s.execute(db);
  // Officers keep them current as they do the other derived columns.
  await sql.raw(`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_officer') THEN
      GRANT UPDATE (${STATISTICS_COLUMNS.join(', ')}) ON cases TO disclose_officer;
    END IF;
  END $$`).execute(db);
}
