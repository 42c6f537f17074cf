// Section 12 estimates (lines, sampling, aggregation links), exemptions applied with their
// public interest reasoning, s16 advice, editable letter templates and per-letter facts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE cases ADD COLUMN s16_advice TEXT NOT NULL DEFAULT ''`,
    sql`CREATE TABLE cost_estimates (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      scope TEXT NOT NULL CHECK (scope IN ('comply', 'confirm-or-deny')),
      updated_at TEXT NOT NULL,
      UNIQUE (case_id, scope)
    ) STRICT`,
    sql`CREATE TABLE cost_lines (
      id INTEGER PRIMARY KEY,
      estimate_id INTEGER NOT NULL REFERENCES cost_estimates (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      activity TEXT NOT NULL CHECK (activity IN ('determining', 'locating', 'retrieving', 'extracting')),
      description TEXT NOT NULL DEFAULT '',
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      minutes_each INTEGER NOT NULL CHECK (minutes_each >= 0),
      sample_items INTEGER CHECK (sample_items IS NULL OR sample_items > 0),
      sample_minutes INTEGER CHECK (sample_minutes IS NULL OR sample_minutes >= 0),
      sample_note TEXT
    ) STRICT`,
    sql`CREATE INDEX cost_lines_estimate ON cost_lines (estimate_id, position)`,
    sql`CREATE TABLE case_links (
      case_id INTEGER NOT NULL REFERENCES cases (id),
      linked_case_id INTEGER NOT NULL REFERENCES cases (id),
      kind TEXT NOT NULL CHECK (kind IN ('aggregation')),
      reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      PRIMARY KEY (case_id, linked_case_id, kind),
      CHECK (case_id <> linked_case_id)
    ) STRICT`,
    sql`CREATE TABLE exemptions_applied (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      act TEXT NOT NULL CHECK (act IN ('FOIA', 'EIR', 'FOISA')),
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
      updated_at TEXT NOT NULL,
      UNIQUE (case_id, act, section, subsection, item)
    ) STRICT`,
    sql`CREATE TABLE letter_templates (
      kind TEXT PRIMARY KEY,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TABLE letter_fields (
      case_id INTEGER NOT NULL REFERENCES cases (id),
      kind TEXT NOT NULL,
      fields TEXT NOT NULL DEFAULT '{}',
      updated_at TEXT NOT NULL,
      PRIMARY KEY (case_id, kind)
    ) STRICT`,
  ];
  for (const s of statements) await s.execute(db);
}
