// Exemptions under the EISR and the DPA 2018 schedules, and the per-provision reasoning the DPA
// exemptions ask for (e.g. consent sought, DPA Sch 2 para 16(3)). SQLite cannot widen a CHECK in
// place, so the table is rebuilt with every row and column kept; reasoning is a JSON object.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE exemptions_applied_next (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      act TEXT NOT NULL CHECK (act IN ('FOIA', 'EIR', 'EISR', 'FOISA', 'DPA')),
      section TEXT NOT NULL,
      subsection TEXT NOT NULL DEFAULT '',
      item TEXT NOT NULL DEFAULT '',
      ncnd INTEGER NOT NULL DEFAULT 0 CHECK (ncnd IN (0, 1)),
      engagement TEXT NOT NULL DEFAULT '',
      pi_for TEXT NOT NULL DEFAULT '',
      pi_against TEXT NOT NULL DEFAULT '',
      balance TEXT NOT NULL DEFAULT '',
      decided_by TEXT NOT NULL DEFAULT '',
      decided_on TEXT,
      qp_name TEXT,
      qp_opinion_date TEXT,
      qp_material TEXT,
      reasoning TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(reasoning) AND json_type(reasoning) = 'object'),
      updated_at TEXT NOT NULL,
      UNIQUE (case_id, act, section, subsection, item)
    ) STRICT`,
    sql`INSERT INTO exemptions_applied_next (id, case_id, act, section, subsection, item, ncnd, engagement, pi_for, pi_against, balance, decided_by, decided_on, qp_name, qp_opinion_date, qp_material, updated_at)
      SELECT id, case_id, act, section, subsection, item, ncnd, engagement, pi_for, pi_against, balance, decided_by, decided_on, qp_name, qp_opinion_date, qp_material, updated_at FROM exemptions_applied`,
    sql`DROP TABLE exemptions_applied`,
    sql`ALTER TABLE exemptions_applied_next RENAME TO exemptions_applied`,
  ];
  for (const s of statements) await s.execute(db);
}


/** PostgreSQL changes the table in place: the reasoning column added, and the acts widened as the rebuild does. */
export async function postgres(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE exemptions_applied ADD COLUMN reasoning TEXT NOT NULL DEFAULT '{}' CHECK (json_typeof(reasoning::json) = 'object')`.execute(db);
  await sql`ALTER TABLE exemptions_applied DROP CONSTRAINT exemptions_applied_act_check,
    ADD CONSTRAINT exemptions_applied_act_check CHECK (act IN ('FOIA', 'EIR', 'EISR', 'FOISA', 'DPA'))`.execute(db);
}
