// Correspondence in and out, attachments stored once by SHA-256, and the full-text index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      created_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE TABLE correspondence (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'portal', 'phone', 'in-person', 'other')),
      sent_at TEXT NOT NULL,
      from_text TEXT NOT NULL DEFAULT '',
      to_text TEXT NOT NULL DEFAULT '',
      cc_text TEXT NOT NULL DEFAULT '',
      subject TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '',
      headers TEXT,
      message_id TEXT,
      source_sha256 TEXT REFERENCES blobs (sha256),
      source_filename TEXT,
      source_format TEXT,
      warnings TEXT NOT NULL DEFAULT '[]',
      event_id INTEGER REFERENCES case_events (id),
      created_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX correspondence_case ON correspondence (case_id, sent_at)`,
    // The same message imported twice into a case is recognised (Message-ID, else the file's hash).
    sql`CREATE UNIQUE INDEX correspondence_message ON correspondence (case_id, message_id) WHERE message_id IS NOT NULL`,
    sql`CREATE UNIQUE INDEX correspondence_source ON correspondence (case_id, source_sha256) WHERE source_sha256 IS NOT NULL`,
    sql`CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      correspondence_id INTEGER REFERENCES correspondence (id),
      sha256 TEXT NOT NULL REFERENCES blobs (sha256),
      filename TEXT NOT NULL,
      original_filename TEXT NOT NULL,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('correspondence', 'disclosed', 'withheld', 'evidence')),
      inline INTEGER NOT NULL DEFAULT 0 CHECK (inline IN (0, 1)),
      text_status TEXT NOT NULL CHECK (text_status IN ('ok', 'encrypted', 'unreadable', 'not-applicable')),
      text_note TEXT,
      created_at TEXT NOT NULL
    ) STRICT`,
    sql`CREATE INDEX attachments_case ON attachments (case_id, correspondence_id)`,
    // A file added directly to a case (not from an email) is recognised if added again.
    sql`CREATE UNIQUE INDEX attachments_direct ON attachments (case_id, sha256) WHERE correspondence_id IS NULL`,
    sql`CREATE VIRTUAL TABLE search_index USING fts5(
      case_id UNINDEXED, kind UNINDEXED, item_id UNINDEXED, title, body,
      tokenize = 'unicode61 remove_diacritics 2'
    )`,
    sql`INSERT INTO search_index (case_id, kind, item_id, title, body)
        SELECT id, 'case', id, reference || ' ' || summary, request_text FROM cases`,
  ];
  for (const s of statements) await s.execute(db);
}
