// A team's register: each case has an officer and a version (raised by every audited change, so
// two officers saving the same case can tell), internal notes, the officers known to the
// register, and audit rows carried over from a local register marked as imported.
// On the team database also: attachments held in the database in chunks (one backup holds the
// whole record), and row-level security, so that a subject access case (special category data)
// is visible only to its officer and the leads whatever client connects. Frozen.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE cases ADD COLUMN officer TEXT`,
    sql`ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0`,
    sql`CREATE INDEX cases_officer ON cases (officer)`,
    // A requester's cases, found without reading every case (duplicates, retention, and on the
    // team database the requester's visibility, which is asked of each requester row read).
    sql`CREATE INDEX cases_requester ON cases (requester_id)`,
    sql`CREATE TABLE case_notes (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      author TEXT NOT NULL,
      at TEXT NOT NULL,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0)
    ) STRICT`,
    sql`CREATE INDEX case_notes_case ON case_notes (case_id, id)`,
    sql`CREATE TABLE officers (
      login TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      lead INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
      added_at TEXT NOT NULL
    ) STRICT`,
    sql`ALTER TABLE audit_log ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1))`,
    // Every audited change to a case moves its version on, whichever code made it.
    sql`CREATE TRIGGER audit_log_case_version AFTER INSERT ON audit_log WHEN NEW.case_id IS NOT NULL
        BEGIN UPDATE cases SET version = version + 1 WHERE id = NEW.case_id; END`,
    sql`DROP TRIGGER audit_log_no_update`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
          AND NEW.case_id IS OLD.case_id AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash
          AND NEW.imported = OLD.imported)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
  ];
  for (const s of statements) await s.execute(db);
}

/** Tables whose rows belong to one case (by case_id) and follow its visibility. */
export const CASE_TABLES = [
  'case_events',
  'correspondence',
  'attachments',
  'letters',
  'cost_estimates',
  'case_links',
  'exemptions_applied',
  'letter_fields',
  'search_index',
  'redaction_marks',
  'redacted_copies',
  'publications',
  'case_notes',
] as const;

export async function postgres(db: Kysely<any>): Promise<void> {
  // Every function below finds its tables in this schema and the system catalogue only: never in
  // a caller's temporary tables or another schema that could shadow them (pg_temp is named last).
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = sql.raw(`SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`);
  const statements = [
    // The login, never the role it may have switched to (session_user, not current_user).
    sql`ALTER TABLE cases ADD COLUMN officer TEXT DEFAULT session_user`,
    sql`ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 0`,
    sql`CREATE INDEX cases_officer ON cases (officer)`,
    sql`CREATE INDEX cases_requester ON cases (requester_id)`,
    sql`CREATE TABLE case_notes (
      id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      author TEXT NOT NULL DEFAULT session_user,
      at TEXT NOT NULL,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0)
    )`,
    sql`CREATE INDEX case_notes_case ON case_notes (case_id, id)`,
    sql`CREATE TABLE officers (
      login TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      lead INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
      added_at TEXT NOT NULL
    )`,
    sql`ALTER TABLE audit_log ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1))`,
    sql`CREATE TABLE blob_chunks (
      sha256 TEXT NOT NULL REFERENCES blobs (sha256),
      n INTEGER NOT NULL CHECK (n >= 0),
      data BYTEA NOT NULL,
      PRIMARY KEY (sha256, n)
    )`,
    sql`CREATE INDEX attachments_sha ON attachments (sha256)`,
    sql`CREATE INDEX correspondence_source_sha ON correspondence (source_sha256)`,
    sql`CREATE INDEX letters_sha ON letters (sha256)`,
    // Whether the login holds the lead role (false when the role has not been created yet).
    sql`CREATE FUNCTION disclose_is_lead() RETURNS boolean LANGUAGE sql STABLE ${pinned} AS $$
        SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclose_lead') AND pg_has_role(session_user, 'disclose_lead', 'member') $$`,
    // The one rule: a subject access case is its officer's and the leads'; every other case is the team's.
    sql`CREATE FUNCTION disclose_sees_case(c cases) RETURNS boolean LANGUAGE sql STABLE ${pinned} AS $$
        SELECT c.regime <> 'sar' OR c.officer = session_user OR disclose_is_lead() $$`,
    // The chain's last link, read past row-level security (an officer cannot see every row, but
    // every row is in the chain). Owned by the schema's owner; returns only the id and the hash.
    sql`CREATE FUNCTION audit_log_last(OUT last_id INTEGER, OUT last_hash TEXT) LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1 $$`,
    // The server writes each row's number, actor (the login) and time, and its two hashes exactly
    // as db/integrity.ts does; only a lead (or the administrator) may record rows carried over
    // from a local register, which keep their own actor and time and say so.
    sql`CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql ${pinned} AS $$
        DECLARE
          previous TEXT;
          last INTEGER;
        BEGIN
          PERFORM pg_advisory_xact_lock(1146307404);
          SELECT last_id, last_hash INTO last, previous FROM audit_log_last();
          NEW.id := coalesce(last, 0) + 1;
          IF NEW.imported = 1 THEN
            IF NOT disclose_is_lead() AND NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
              RAISE EXCEPTION 'only a lead may import audit rows' USING ERRCODE = '42501';
            END IF;
          ELSE
            NEW.actor := session_user;
            NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
          END IF;
          NEW.redacted_at := NULL;
          NEW.content_hash := encode(sha256(convert_to('[' || NEW.id || ',' || audit_log_json(NEW.at) || ',' || audit_log_json(NEW.actor) || ','
            || audit_log_json(NEW.action) || ',' || coalesce(NEW.case_id::text, 'null') || ',' || audit_log_json(NEW.summary) || ','
            || audit_log_json(NEW.detail) || ']', 'UTF8')), 'hex');
          NEW.hash := encode(sha256(convert_to(coalesce(previous, repeat('0', 64)) || chr(10) || NEW.content_hash, 'UTF8')), 'hex');
          RETURN NEW;
        END $$`,
    sql`CREATE OR REPLACE FUNCTION audit_log_guard_update() RETURNS trigger LANGUAGE plpgsql ${pinned} AS $$
        BEGIN
          IF OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.id = OLD.id AND NEW.at = OLD.at
             AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
             AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash AND NEW.imported = OLD.imported THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'the audit log is append-only';
        END $$`,
    // Every audited change to a case moves its version on (past row-level security: the row is
    // the officer's own change, already checked when it was made). Only for the audit log itself.
    sql`CREATE FUNCTION audit_log_case_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        BEGIN
          IF TG_RELID <> 'audit_log'::regclass THEN RAISE EXCEPTION 'audit_log_case_version is for the audit log only'; END IF;
          IF NEW.case_id IS NOT NULL THEN UPDATE cases SET version = version + 1 WHERE id = NEW.case_id; END IF;
          RETURN NULL;
        END $$`,
    sql`CREATE TRIGGER audit_log_case_version AFTER INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_case_version()`,
    // A requester (the data subject of a subject access request), a stored file and a reference
    // are seen through the cases that refer to them; these run past row-level security to ask
    // about cases the login cannot see, and answer only yes or no, for the login asking.
    sql`CREATE FUNCTION disclose_requester_visible(rid INTEGER) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT NOT EXISTS (SELECT 1 FROM cases c WHERE c.requester_id = rid)
            OR EXISTS (SELECT 1 FROM cases c WHERE c.requester_id = rid AND disclose_sees_case(c)) $$`,
    sql`CREATE FUNCTION disclose_blob_visible(sha TEXT) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT NOT (EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = sha) OR EXISTS (SELECT 1 FROM correspondence x WHERE x.source_sha256 = sha))
            OR EXISTS (SELECT 1 FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.sha256 = sha AND disclose_sees_case(c))
            OR EXISTS (SELECT 1 FROM correspondence x JOIN cases c ON c.id = x.case_id WHERE x.source_sha256 = sha AND disclose_sees_case(c)) $$`,
    // Whether a reference is taken, hidden case or not (so that numbering skips it), and nothing more.
    sql`CREATE FUNCTION disclose_reference_taken(ref TEXT) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT EXISTS (SELECT 1 FROM cases WHERE reference = ref) $$`,
    // Search past row-level security with the same rule applied inside: PostgreSQL may not use the
    // GIN index before a row-level policy (the text-match operator is not leakproof), which would
    // read every visible case for every search. Only for the team's officers.
    sql`CREATE FUNCTION disclose_search(q tsquery, lim INTEGER)
        RETURNS TABLE (rowid INTEGER, case_id INTEGER, kind TEXT, item_id INTEGER, title TEXT, body TEXT, rank REAL)
        LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT s.rowid, s.case_id, s.kind, s.item_id, s.title, s.body, ts_rank(s.terms, q)
        FROM search_index s JOIN cases c ON c.id = s.case_id
        WHERE pg_has_role(session_user, 'disclose_officer', 'member') AND s.terms @@ q AND disclose_sees_case(c)
        ORDER BY ts_rank(s.terms, q) DESC, s.rowid DESC LIMIT lim $$`,
    // A subject access case stays one unless a lead decides otherwise: moved to another regime it
    // would become visible to the whole team.
    sql`CREATE FUNCTION cases_keep_sar() RETURNS trigger LANGUAGE plpgsql ${pinned} AS $$
        BEGIN
          IF OLD.regime = 'sar' AND NEW.regime <> 'sar' AND NOT disclose_is_lead()
             AND NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
            RAISE EXCEPTION 'only a lead may move a subject access case to another regime' USING ERRCODE = '42501';
          END IF;
          RETURN NEW;
        END $$`,
    sql`CREATE TRIGGER cases_keep_sar BEFORE UPDATE OF regime ON cases FOR EACH ROW EXECUTE FUNCTION cases_keep_sar()`,
    // The functions from earlier steps are pinned too.
    sql`ALTER FUNCTION audit_log_json(TEXT) ${pinned}`,
    sql`ALTER FUNCTION audit_log_append_only() ${pinned}`,
    // Row-level security: a subject access case and everything in it is visible only to its
    // officer and the leads. The owner (IT's administrator) is not subject to it.
    sql`ALTER TABLE cases ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY cases_visible ON cases USING (regime <> 'sar' OR officer = session_user OR disclose_is_lead())`,
    // A case may name only a requester the login may see (no pointing a case at a hidden data
    // subject to read them), and an officer's new case is their own.
    sql`CREATE POLICY cases_requester_check ON cases AS RESTRICTIVE FOR INSERT WITH CHECK (disclose_requester_visible(requester_id) AND (officer = session_user OR disclose_is_lead()))`,
    sql`CREATE POLICY cases_requester_kept ON cases AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (disclose_requester_visible(requester_id))`,
    ...CASE_TABLES.flatMap((t) => [
      sql`ALTER TABLE ${sql.table(t)} ENABLE ROW LEVEL SECURITY`,
      sql.raw(`CREATE POLICY ${t}_visible ON ${t} USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = ${t}.case_id))`),
    ]),
    // A file may be filed on a case only when the login may see it already (or nobody has it yet).
    sql`CREATE POLICY attachments_file_check ON attachments AS RESTRICTIVE FOR INSERT WITH CHECK (disclose_blob_visible(sha256))`,
    sql`CREATE POLICY correspondence_file_check ON correspondence AS RESTRICTIVE FOR INSERT WITH CHECK (source_sha256 IS NULL OR disclose_blob_visible(source_sha256))`,
    sql`ALTER TABLE cost_lines ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY cost_lines_visible ON cost_lines USING (EXISTS (SELECT 1 FROM cost_estimates e WHERE e.id = cost_lines.estimate_id))`,
    sql`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY audit_log_visible ON audit_log USING (case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = audit_log.case_id))`,
    sql`ALTER TABLE requesters ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY requesters_visible ON requesters USING (disclose_requester_visible(id))`,
    // Stored files: listed by anyone (the bytes follow), seen only through a visible case; chunks
    // written only for a file listed in the same transaction (never added to someone else's file).
    sql`ALTER TABLE blobs ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY blobs_visible ON blobs FOR SELECT USING (disclose_blob_visible(sha256))`,
    sql`CREATE POLICY blobs_listed ON blobs FOR INSERT WITH CHECK (true)`,
    sql`CREATE POLICY blobs_removed ON blobs FOR DELETE USING (disclose_blob_visible(sha256))`,
    sql`ALTER TABLE blob_chunks ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY blob_chunks_visible ON blob_chunks FOR SELECT USING (disclose_blob_visible(sha256))`,
    sql`CREATE POLICY blob_chunks_written ON blob_chunks FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = blob_chunks.sha256 AND b.xmin = pg_current_xact_id()::xid))`,
    sql`CREATE POLICY blob_chunks_removed ON blob_chunks FOR DELETE USING (disclose_blob_visible(sha256))`,
  ];
  for (const s of statements) await s.execute(db);
}
