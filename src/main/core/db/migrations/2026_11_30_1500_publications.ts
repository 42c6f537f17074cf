// The disclosure log: a case's response marked for publication, with the officer's own title,
// summary and topic (never the requester's identity). One row per case. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE publications (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    topic TEXT NOT NULL DEFAULT '',
    marked_at TEXT NOT NULL,
    marked_by TEXT NOT NULL
  ) STRICT`.execute(db);
}

export async function postgres(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE publications (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    summary TEXT NOT NULL CHECK (length(trim(summary)) > 0),
    topic TEXT NOT NULL DEFAULT '',
    marked_at TEXT NOT NULL,
    marked_by TEXT NOT NULL
  )`.execute(db);
}
