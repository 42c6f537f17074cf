// Redaction: the marks an officer draws or finds on a document (each with the exemption relied
// on), and each redacted copy filed, linked to the document it was made from and to the marks it
// burned in. A mark belongs to an attachment or to an email (as it is rendered for the bundle).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE redaction_marks (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      attachment_id INTEGER REFERENCES attachments (id),
      correspondence_id INTEGER REFERENCES correspondence (id),
      page INTEGER NOT NULL CHECK (page >= 1),
      x REAL NOT NULL CHECK (x >= 0),
      y REAL NOT NULL CHECK (y >= 0),
      w REAL NOT NULL CHECK (w > 0),
      h REAL NOT NULL CHECK (h > 0),
      code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 80),
      matched TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      CHECK ((attachment_id IS NULL) <> (correspondence_id IS NULL))
    ) STRICT`,
    sql`CREATE INDEX redaction_marks_attachment ON redaction_marks (attachment_id, page) WHERE attachment_id IS NOT NULL`,
    sql`CREATE INDEX redaction_marks_correspondence ON redaction_marks (correspondence_id, page) WHERE correspondence_id IS NOT NULL`,
    sql`CREATE TABLE redacted_copies (
      copy_attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id),
      case_id INTEGER NOT NULL REFERENCES cases (id),
      source_attachment_id INTEGER REFERENCES attachments (id),
      source_correspondence_id INTEGER REFERENCES correspondence (id),
      source_sha256 TEXT NOT NULL,
      marks TEXT NOT NULL CHECK (json_valid(marks) AND json_type(marks) = 'array'),
      pages TEXT NOT NULL CHECK (json_valid(pages) AND json_type(pages) = 'array'),
      verified INTEGER NOT NULL CHECK (verified = 1),
      produced_at TEXT NOT NULL,
      CHECK ((source_attachment_id IS NULL) <> (source_correspondence_id IS NULL))
    ) STRICT`,
  ];
  for (const s of statements) await s.execute(db);
}
