// The first schema. Frozen: later changes are new migrations, never edits to this file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      configured INTEGER NOT NULL DEFAULT 0 CHECK (configured IN (0, 1)),
      name TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      central_government INTEGER NOT NULL DEFAULT 0 CHECK (central_government IN (0, 1)),
      reference_format TEXT NOT NULL DEFAULT 'FOI/{yyyy}/{seq:4}',
      signatory_name TEXT NOT NULL DEFAULT '',
      signatory_title TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT 'england-and-wales'
    ) STRICT`,
    sql`INSERT INTO settings (id) VALUES (1)`,
    sql`CREATE TABLE requesters (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      email TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX requesters_email ON requesters (email COLLATE NOCASE)`,
    sql`CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      reference TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(reference)) > 0),
      regime TEXT NOT NULL CHECK (regime IN ('foia', 'eir', 'foisa', 'sar')),
      received_date TEXT NOT NULL CHECK (received_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      requester_id INTEGER NOT NULL REFERENCES requesters (id),
      summary TEXT NOT NULL DEFAULT '',
      request_text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX cases_received ON cases (received_date)`,
    sql`CREATE TABLE reference_counters (scope TEXT PRIMARY KEY, last_seq INTEGER NOT NULL) STRICT`,
    sql`CREATE TABLE case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      type TEXT NOT NULL,
      date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      estimate TEXT,
      note TEXT,
      recorded_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX case_events_case ON case_events (case_id, date)`,
    sql`CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      case_id INTEGER REFERENCES cases (id),
      summary TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT`,
    sql`CREATE INDEX audit_log_case ON audit_log (case_id, id)`,
    // The audit log is append-only: a record of who did what is worthless if it can be rewritten.
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    sql`CREATE TABLE holidays (
      date TEXT NOT NULL,
      region TEXT NOT NULL CHECK (region IN ('england-and-wales', 'scotland', 'northern-ireland')),
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('shipped', 'officer')),
      added_at TEXT,
      PRIMARY KEY (date, region)
    ) STRICT`,
    sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,
    sql`CREATE TABLE letters (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      kind TEXT NOT NULL,
      letter_date TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      saved_to TEXT,
      created_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX letters_case ON letters (case_id)`,
  ];
  for (const s of statements) await s.execute(db);
}

/** The same schema on the team database. SQLite's case-blind references (COLLATE NOCASE) become an
 * ICU collation blind to case; GLOB checks become regular expressions; the audit log's guards are
 * PL/pgSQL triggers. */
export async function postgres(db: Kysely<any>): Promise<void> {
  const ISO = `'^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'`;
  const statements = [
    sql`CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)`,
    sql`CREATE TABLE settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      configured INTEGER NOT NULL DEFAULT 0 CHECK (configured IN (0, 1)),
      name TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      central_government INTEGER NOT NULL DEFAULT 0 CHECK (central_government IN (0, 1)),
      reference_format TEXT NOT NULL DEFAULT 'FOI/{yyyy}/{seq:4}',
      signatory_name TEXT NOT NULL DEFAULT '',
      signatory_title TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT 'england-and-wales'
    )`,
    sql`INSERT INTO settings (id) VALUES (1)`,
    sql`CREATE TABLE requesters (
      id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      email TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '',
      organisation TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX requesters_email ON requesters (lower(email))`,
    sql.raw(`CREATE TABLE cases (
      id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      reference TEXT COLLATE nocase NOT NULL UNIQUE CHECK (length(trim(reference)) > 0),
      regime TEXT NOT NULL CHECK (regime IN ('foia', 'eir', 'foisa', 'sar')),
      received_date TEXT NOT NULL CHECK (received_date ~ ${ISO}),
      requester_id INTEGER NOT NULL REFERENCES requesters (id),
      summary TEXT NOT NULL DEFAULT '',
      request_text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`),
    sql`CREATE INDEX cases_received ON cases (received_date)`,
    sql`CREATE TABLE reference_counters (scope TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)`,
    sql.raw(`CREATE TABLE case_events (
      id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      type TEXT NOT NULL,
      date TEXT NOT NULL CHECK (date ~ ${ISO}),
      estimate TEXT,
      note TEXT,
      recorded_at TEXT NOT NULL
    )`),
    sql`CREATE INDEX case_events_case ON case_events (case_id, date)`,
    sql`CREATE TABLE audit_log (
      id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      case_id INTEGER REFERENCES cases (id),
      summary TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}'
    )`,
    sql`CREATE INDEX audit_log_case ON audit_log (case_id, id)`,
    sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    sql`CREATE TABLE holidays (
      date TEXT NOT NULL,
      region TEXT NOT NULL CHECK (region IN ('england-and-wales', 'scotland', 'northern-ireland')),
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('shipped', 'officer')),
      added_at TEXT,
      PRIMARY KEY (date, region)
    )`,
    sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    sql`CREATE TABLE letters (
      id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      kind TEXT NOT NULL,
      letter_date TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      saved_to TEXT,
      created_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX letters_case ON letters (case_id)`,
  ];
  for (const s of statements) await s.execute(db);
}
