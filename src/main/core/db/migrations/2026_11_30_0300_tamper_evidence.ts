// Tamper evidence: every audit row carries a hash chain link, every item of correspondence a hash
// of its stored text and headers with its source's hash; existing rows are back-filled. The audit
// log stays append-only; the one update allowed is a redaction (content replaced when a case is
// destroyed or anonymised), which keeps the row's hashes so the chain still verifies.
import { sql, type Kysely } from 'kysely';
import { auditContentHash, chainHash, CHAIN_START, correspondenceContentHash, type AuditContent, type CorrespondenceContent } from '../integrity';

/** Links every existing audit row and hashes every item of correspondence (the same on both engines). */
async function backfill(db: Kysely<any>): Promise<void> {
  const rows = (await sql<AuditContent>`SELECT id, at, actor, action, case_id, summary, detail FROM audit_log ORDER BY id`.execute(db)).rows;
  let previous = CHAIN_START;
  for (const r of rows) {
    const content = auditContentHash(r);
    previous = chainHash(previous, content);
    await sql`UPDATE audit_log SET content_hash = ${content}, hash = ${previous} WHERE id = ${r.id}`.execute(db);
  }
  const items = (await sql<CorrespondenceContent & { id: number }>`SELECT * FROM correspondence`.execute(db)).rows;
  for (const c of items) {
    await sql`UPDATE correspondence SET content_hash = ${correspondenceContentHash(c)} WHERE id = ${c.id}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of [
    sql`ALTER TABLE audit_log ADD COLUMN content_hash TEXT`,
    sql`ALTER TABLE audit_log ADD COLUMN hash TEXT`,
    sql`ALTER TABLE audit_log ADD COLUMN redacted_at TEXT`,
    sql`ALTER TABLE correspondence ADD COLUMN content_hash TEXT`,
    sql`DROP TRIGGER audit_log_no_update`,
  ]) {
    await s.execute(db);
  }
  await backfill(db);
  for (const s of [
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
          AND NEW.case_id IS OLD.case_id AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    sql`CREATE TRIGGER audit_log_hashed BEFORE INSERT ON audit_log
        WHEN NEW.hash IS NULL OR NEW.content_hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit row needs its hash chain link'); END`,
  ]) {
    await s.execute(db);
  }
}

/**
 * On the team database the server computes the chain itself, so that no client can write a row
 * that claims another actor or breaks the chain: a BEFORE INSERT trigger takes a lock (appends
 * are one at a time, in commit order), numbers the row, sets its actor to the login
 * (current_user) and computes both hashes exactly as db/integrity.ts does (the canonical JSON
 * array, then the link), so verification is the same code on both engines.
 */
export async function postgres(db: Kysely<any>): Promise<void> {
  for (const s of [
    sql`ALTER TABLE audit_log ADD COLUMN content_hash TEXT`,
    sql`ALTER TABLE audit_log ADD COLUMN hash TEXT`,
    sql`ALTER TABLE audit_log ADD COLUMN redacted_at TEXT`,
    sql`ALTER TABLE correspondence ADD COLUMN content_hash TEXT`,
    sql`DROP TRIGGER audit_log_no_update ON audit_log`,
  ]) {
    await s.execute(db);
  }
  await backfill(db);
  for (const s of [
    sql`CREATE FUNCTION audit_log_guard_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.id = OLD.id AND NEW.at = OLD.at
             AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
             AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'the audit log is append-only';
        END $$`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard_update()`,
    sql`CREATE FUNCTION audit_log_json(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(to_json(t)::text, 'null') $$`,
    sql`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          previous TEXT;
          last_id INTEGER;
        BEGIN
          PERFORM pg_advisory_xact_lock(1146307404);
          SELECT id, hash INTO last_id, previous FROM audit_log ORDER BY id DESC LIMIT 1;
          NEW.id := coalesce(last_id, 0) + 1;
          NEW.actor := current_user;
          NEW.redacted_at := NULL;
          NEW.content_hash := encode(sha256(convert_to('[' || NEW.id || ',' || audit_log_json(NEW.at) || ',' || audit_log_json(NEW.actor) || ','
            || audit_log_json(NEW.action) || ',' || coalesce(NEW.case_id::text, 'null') || ',' || audit_log_json(NEW.summary) || ','
            || audit_log_json(NEW.detail) || ']', 'UTF8')), 'hex');
          NEW.hash := encode(sha256(convert_to(coalesce(previous, repeat('0', 64)) || chr(10) || NEW.content_hash, 'UTF8')), 'hex');
          RETURN NEW;
        END $$`,
    sql`CREATE TRIGGER audit_log_hashed BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
  ]) {
    await s.execute(db);
  }
}
