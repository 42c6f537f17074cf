// Taking cases offline: check-out and check-in. Frozen.
// On the team database: a lease per case checked out (who, since when, until when, to which copy),
// held by the server; a guard on every table of a case that refuses any write while it is out
// (SQLSTATE DL001, whoever writes and however: the app, another program, raw SQL); the check-in
// that returns the lease and writes the copy's changes, whose audit rows keep the time they were
// made on the laptop (occurred_at, hashed with the row) beside the server's own; and the copies
// kept aside when the lease was lost meanwhile, for a lead to merge by hand.
// On the local register: which cases it holds as checked-out copies, each row as it was checked out
// (to tell what changed offline), and guards so that only those copies can change there.
import { sql, type Kysely } from 'kysely';
import { DERIVED_COLUMNS } from './2026_12_02_0900_derived';

/** The advisory lock space of the case guard (two-key form): a check-out takes it exclusively for
 * the case, every write to the case shares it, so no write slips in while a copy is being made. */
export const LEASE_LOCK = 1145850673;

/** Audit rows that say something about a case without changing it: allowed while it is out (a
 * holiday that moves its deadline; a copy kept aside; a merge done). */
const NOTES = `('case.deadline-recomputed', 'checkout.kept-aside', 'checkout.merged')`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE audit_log ADD COLUMN occurred_at TEXT`,
    sql`DROP TRIGGER audit_log_no_update`,
    sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
          AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
          AND NEW.case_id IS OLD.case_id AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash
          AND NEW.imported = OLD.imported AND NEW.occurred_at IS OLD.occurred_at)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
    sql`CREATE TABLE checkouts (
      case_id INTEGER PRIMARY KEY REFERENCES cases (id),
      reference TEXT NOT NULL,
      team TEXT NOT NULL,
      database TEXT NOT NULL,
      login TEXT NOT NULL,
      lease_id INTEGER NOT NULL,
      server_case_id INTEGER NOT NULL,
      server_version INTEGER NOT NULL,
      taken_at TEXT NOT NULL,
      until TEXT NOT NULL,
      audit_after INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('out', 'checking-in', 'returned')),
      token TEXT,
      outcome TEXT CHECK (outcome IS NULL OR outcome IN ('checked-in', 'kept-aside')),
      returned_at TEXT
    ) STRICT`,
    sql`CREATE TABLE checkout_rows (
      case_id INTEGER NOT NULL REFERENCES checkouts (case_id),
      tbl TEXT NOT NULL,
      local_key TEXT NOT NULL,
      server_key TEXT NOT NULL,
      base TEXT NOT NULL,
      PRIMARY KEY (case_id, tbl, local_key)
    ) STRICT`,
    sql`CREATE INDEX checkout_rows_server ON checkout_rows (tbl, server_key)`,
    // Every change the app makes has its audit row in the same transaction, so refusing the row
    // refuses the change. A copy being checked in is frozen (what is sent is what was checked).
    sql`CREATE TRIGGER checkout_frozen BEFORE INSERT ON audit_log
        WHEN NEW.imported = 0 AND NEW.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM checkouts WHERE case_id = NEW.case_id AND status <> 'out')
        BEGIN SELECT RAISE(ABORT, 'CHECKED_OUT: this copy is being checked in to the team database, or has been: it cannot be changed on this computer (run "case checkin" again to finish).'); END`,
    // A register of checked-out copies holds nothing else: new cases and the team's settings,
    // templates and holidays are changed on the team database, where colleagues see them.
    sql`CREATE TRIGGER checkout_only_copies BEFORE INSERT ON audit_log
        WHEN NEW.imported = 0 AND EXISTS (SELECT 1 FROM checkouts) AND (
          (NEW.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM checkouts WHERE case_id = NEW.case_id))
          OR (NEW.case_id IS NULL AND (NEW.action GLOB 'settings.*' OR NEW.action GLOB 'template.*' OR NEW.action GLOB 'holiday.*' OR NEW.action GLOB 'retention.*')))
        BEGIN SELECT RAISE(ABORT, 'CHECKED_OUT: this computer holds cases checked out from the team database: only those can be changed here. New cases and the team''s settings, templates and holidays are changed on the team database.'); END`,
  ];
  for (const s of statements) await s.execute(db);
}

/** The columns of a case's row that may change while it is out: its version and its derived dates. */
const UNGUARDED_CASE_COLUMNS = `ARRAY[${['version', ...DERIVED_COLUMNS].map((c) => `'${c}'`).join(', ')}]`;

/** The tables whose rows carry a case_id, guarded by it (the search index is derived, not guarded). */
export const GUARDED_BY_CASE = [
  'case_events',
  'correspondence',
  'attachments',
  'letters',
  'cost_estimates',
  'case_links',
  'exemptions_applied',
  'letter_fields',
  'redaction_marks',
  'redacted_copies',
  'publications',
  'case_notes',
] as const;

export async function postgres(db: Kysely<any>): Promise<void> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const pinned = sql.raw(`SET search_path = pg_catalog, "${schema.replace(/"/g, '""')}", pg_temp`);
  const lock = sql.raw(String(LEASE_LOCK));
  const now = sql.raw(`to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const statements = [
    sql`ALTER TABLE audit_log ADD COLUMN occurred_at TEXT`,
    // Which team database a copy came from, whatever address reached it.
    sql`INSERT INTO meta (key, value) VALUES ('team.id', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING`,
    sql`CREATE TABLE case_leases (
      id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      holder TEXT NOT NULL,
      taken_at TEXT NOT NULL,
      until TEXT NOT NULL CHECK (until ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
      server_version INTEGER NOT NULL,
      copy_id TEXT NOT NULL,
      device TEXT NOT NULL DEFAULT '',
      released_at TEXT,
      released_by TEXT,
      release_kind TEXT CHECK (release_kind IN ('checked-in', 'released')),
      released_xact xid8,
      checkin_token TEXT,
      CHECK ((released_at IS NULL) = (release_kind IS NULL))
    )`,
    sql`CREATE UNIQUE INDEX case_leases_out ON case_leases (case_id) WHERE released_at IS NULL`,
    sql`CREATE INDEX case_leases_case ON case_leases (case_id, id)`,
    sql`CREATE TABLE pending_checkins (
      id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases (id),
      lease_id INTEGER NOT NULL REFERENCES case_leases (id),
      officer TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      token TEXT NOT NULL UNIQUE,
      reason TEXT NOT NULL,
      copy TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution TEXT
    )`,
    sql`CREATE INDEX pending_checkins_case ON pending_checkins (case_id, id)`,
    // Refuses a write to a case that is checked out, naming who has it. A case the login cannot
    // see is left to row-level security (which refuses it without saying whose it is).
    sql`CREATE FUNCTION disclose_lease_refuse(cid INTEGER) RETURNS void LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          c cases;
          l RECORD;
        BEGIN
          IF cid IS NULL THEN RETURN; END IF;
          PERFORM pg_advisory_xact_lock_shared(${lock}, cid);
          SELECT * INTO c FROM cases WHERE id = cid;
          IF NOT FOUND OR NOT disclose_sees_case(c) THEN RETURN; END IF;
          SELECT x.holder, x.taken_at, x.until, coalesce(o.name, x.holder) AS name INTO l
            FROM case_leases x LEFT JOIN officers o ON o.login = x.holder WHERE x.case_id = cid AND x.released_at IS NULL;
          IF NOT FOUND THEN RETURN; END IF;
          IF l.holder = session_user THEN
            RAISE EXCEPTION '% is checked out to you (since %, until %): change it on the copy you took and check it in, or ask a lead to release it.',
              c.reference, replace(left(l.taken_at, 16), 'T', ' '), l.until USING ERRCODE = 'DL001';
          END IF;
          RAISE EXCEPTION '% is checked out by % (%) since %, until %: it can be read but not changed until it is checked in or a lead releases it.',
            c.reference, l.name, l.holder, replace(left(l.taken_at, 16), 'T', ' '), l.until USING ERRCODE = 'DL001';
        END $$`,
    sql`CREATE FUNCTION disclose_lease_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            -- Nested: NEW.action exists on the audit log only (each table compiles its own copy).
            IF TG_TABLE_NAME = 'audit_log' THEN
              IF NEW.action IN ${sql.raw(NOTES)} THEN RETURN NEW; END IF;
            END IF;
            PERFORM disclose_lease_refuse(NEW.case_id);
            RETURN NEW;
          END IF;
          PERFORM disclose_lease_refuse(OLD.case_id);
          IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
          IF NEW.case_id IS DISTINCT FROM OLD.case_id THEN PERFORM disclose_lease_refuse(NEW.case_id); END IF;
          RETURN NEW;
        END $$`,
    // The case's own row: only its version may move while it is out (a note about it, as above), and
    // what is derived from its events (a deadline passing, a holiday proclaimed: 2026_12_02_0900_derived).
    sql`CREATE FUNCTION disclose_lease_guard_case() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ${sql.raw(UNGUARDED_CASE_COLUMNS)}) = (to_jsonb(OLD) - ${sql.raw(UNGUARDED_CASE_COLUMNS)}) THEN RETURN NEW; END IF;
          PERFORM disclose_lease_refuse(OLD.id);
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`,
    sql`CREATE FUNCTION disclose_lease_guard_lines() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN PERFORM disclose_lease_refuse((SELECT case_id FROM cost_estimates WHERE id = OLD.estimate_id)); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM disclose_lease_refuse((SELECT case_id FROM cost_estimates WHERE id = NEW.estimate_id)); END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`,
    sql`CREATE FUNCTION disclose_lease_guard_requester() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          cid INTEGER;
        BEGIN
          FOR cid IN SELECT id FROM cases WHERE requester_id = OLD.id LOOP PERFORM disclose_lease_refuse(cid); END LOOP;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END $$`,
    ...GUARDED_BY_CASE.map((t) => sql.raw(`CREATE TRIGGER ${t}_checked_out BEFORE INSERT OR UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION disclose_lease_guard()`)),
    sql`CREATE TRIGGER audit_log_checked_out BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION disclose_lease_guard()`,
    sql`CREATE TRIGGER cases_checked_out BEFORE UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION disclose_lease_guard_case()`,
    sql`CREATE TRIGGER cost_lines_checked_out BEFORE INSERT OR UPDATE OR DELETE ON cost_lines FOR EACH ROW EXECUTE FUNCTION disclose_lease_guard_lines()`,
    sql`CREATE TRIGGER requesters_checked_out BEFORE UPDATE OR DELETE ON requesters FOR EACH ROW EXECUTE FUNCTION disclose_lease_guard_requester()`,
    // Taking the lease: refused when the case is out already (saying to whom); the same copy asking
    // again (its first copy was never written) gets its own lease back. Audited before the lease
    // exists, so the audit row is the case's last change before it went out.
    sql`CREATE FUNCTION disclose_checkout(cid INTEGER, due TEXT, copy TEXT, device TEXT)
        RETURNS TABLE (lease_id INTEGER, taken_at TEXT, server_version INTEGER, again BOOLEAN)
        LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          c cases;
          l RECORD;
          lid INTEGER;
          at TEXT;
        BEGIN
          IF NOT pg_has_role(session_user, 'disclose_officer', 'member') THEN
            RAISE EXCEPTION 'only an officer of the team may check out a case' USING ERRCODE = '42501';
          END IF;
          SELECT * INTO c FROM cases WHERE id = cid;
          IF NOT FOUND OR NOT disclose_sees_case(c) THEN RAISE EXCEPTION 'No such case.' USING ERRCODE = 'DL002'; END IF;
          IF c.destroyed_at IS NOT NULL THEN RAISE EXCEPTION '% was destroyed under the retention policy: there is nothing to take offline.', c.reference USING ERRCODE = 'DL003'; END IF;
          -- The date itself is the app's to check against the officer's today (a laptop's clock may not be the server's).
          IF due IS NULL OR due !~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$' THEN
            RAISE EXCEPTION 'A case is checked out until a date (YYYY-MM-DD), not %.', coalesce(due, 'none') USING ERRCODE = 'DL003';
          END IF;
          PERFORM pg_advisory_xact_lock(${lock}, cid);
          SELECT x.id, x.holder, x.taken_at, x.until, x.copy_id, x.server_version, coalesce(o.name, x.holder) AS name INTO l
            FROM case_leases x LEFT JOIN officers o ON o.login = x.holder WHERE x.case_id = cid AND x.released_at IS NULL;
          IF FOUND THEN
            IF l.holder = session_user AND l.copy_id = copy THEN
              RETURN QUERY SELECT l.id, l.taken_at, l.server_version, true;
              RETURN;
            END IF;
            RAISE EXCEPTION '% is already checked out by % (%) since %, until %.', c.reference, l.name, l.holder, replace(left(l.taken_at, 16), 'T', ' '), l.until
              USING ERRCODE = 'DL001';
          END IF;
          at := ${now};
          INSERT INTO audit_log (at, actor, action, case_id, summary, detail)
            VALUES (at, session_user, 'case.checked-out', cid, format('Checked out to %s until %s%s', session_user, due, CASE WHEN device = '' THEN '' ELSE ' (' || device || ')' END),
                    json_build_object('until', due, 'device', device, 'copy', copy)::text);
          INSERT INTO case_leases (case_id, holder, taken_at, until, server_version, copy_id, device)
            VALUES (cid, session_user, at, due, (SELECT version FROM cases WHERE id = cid), copy, device) RETURNING id INTO lid;
          RETURN QUERY SELECT x.id, x.taken_at, x.server_version, false FROM case_leases x WHERE x.id = lid;
        END $$`,
    // The start of a check-in: the holder returns the lease inside the transaction that writes the
    // copy's changes ('ok', audited here, whatever client asks); 'done' when this very check-in was
    // recorded before (its answer was lost), 'kept' when it was kept aside before, 'lost' when a
    // lead released the case meanwhile (or another copy came back first).
    sql`CREATE FUNCTION disclose_checkin_begin(lid INTEGER, tok TEXT, counts TEXT) RETURNS TEXT LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          l case_leases;
        BEGIN
          SELECT * INTO l FROM case_leases WHERE id = lid FOR UPDATE;
          IF NOT FOUND OR l.holder <> session_user THEN RAISE EXCEPTION 'There is no such check-out of yours on the team database.' USING ERRCODE = 'DL002'; END IF;
          IF l.released_at IS NULL THEN
            UPDATE case_leases SET released_at = ${now}, released_by = session_user, release_kind = 'checked-in',
              released_xact = pg_current_xact_id(), checkin_token = tok WHERE id = lid;
            INSERT INTO audit_log (at, actor, action, case_id, summary, detail)
              VALUES (${now}, session_user, 'case.checked-in', l.case_id, format('Checked in (checked out on %s until %s); the changes made offline follow', left(l.taken_at, 10), l.until),
                      (coalesce(counts, '{}')::jsonb || jsonb_build_object('lease', lid, 'token', tok))::text);
            RETURN 'ok';
          END IF;
          IF l.release_kind = 'checked-in' AND l.checkin_token = tok THEN RETURN 'done'; END IF;
          IF EXISTS (SELECT 1 FROM pending_checkins WHERE token = tok) THEN RETURN 'kept'; END IF;
          RETURN 'lost';
        END $$`,
    // Whether the login is checking the case in, in this transaction: only then may an audit row
    // carry the time a change was made offline.
    sql`CREATE FUNCTION disclose_checking_in(cid INTEGER) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER ${pinned} AS $$
        SELECT EXISTS (SELECT 1 FROM case_leases WHERE case_id = cid AND holder = session_user AND release_kind = 'checked-in' AND released_xact = pg_current_xact_id()) $$`,
    // A copy whose lease was lost is kept whole, beside the live case, for a lead to merge; why it was
    // lost is the server's to say.
    sql`CREATE FUNCTION disclose_keep_checkin(lid INTEGER, tok TEXT, content TEXT, OUT pending_id INTEGER, OUT reason TEXT) LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          l case_leases;
        BEGIN
          SELECT * INTO l FROM case_leases WHERE id = lid;
          IF NOT FOUND OR l.holder <> session_user THEN RAISE EXCEPTION 'There is no such check-out of yours on the team database.' USING ERRCODE = 'DL002'; END IF;
          IF l.released_at IS NULL THEN RAISE EXCEPTION 'The case is still checked out to you: check it in.' USING ERRCODE = 'DL003'; END IF;
          SELECT p.id, p.reason INTO pending_id, reason FROM pending_checkins p WHERE p.token = tok;
          IF FOUND THEN RETURN; END IF;
          reason := CASE WHEN l.release_kind = 'released' THEN format('%s released it on %s', l.released_by, left(l.released_at, 10))
                         ELSE format('it was checked in already on %s, from another copy', left(l.released_at, 10)) END;
          INSERT INTO pending_checkins (case_id, lease_id, officer, submitted_at, token, reason, copy)
            VALUES (l.case_id, lid, session_user, ${now}, tok, reason, content) RETURNING id INTO pending_id;
          INSERT INTO audit_log (at, actor, action, case_id, summary, detail)
            VALUES (${now}, session_user, 'checkout.kept-aside', l.case_id, format('The copy checked out on %s came back after %s: kept aside (#%s) for a lead to merge', left(l.taken_at, 10), reason, pending_id),
                    json_build_object('lease', lid, 'pending', pending_id)::text);
        END $$`,
    // A lead takes a case back (a laptop lost, an officer away): the copy is then kept aside at check-in.
    sql`CREATE FUNCTION disclose_release(cid INTEGER, why TEXT) RETURNS INTEGER LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          l case_leases;
          c cases;
        BEGIN
          IF NOT disclose_is_lead() THEN RAISE EXCEPTION 'Only a lead may release a case checked out by someone.' USING ERRCODE = '42501'; END IF;
          SELECT * INTO c FROM cases WHERE id = cid;
          IF NOT FOUND THEN RAISE EXCEPTION 'No such case.' USING ERRCODE = 'DL002'; END IF;
          SELECT * INTO l FROM case_leases WHERE case_id = cid AND released_at IS NULL FOR UPDATE;
          IF NOT FOUND THEN RAISE EXCEPTION '% is not checked out.', c.reference USING ERRCODE = 'DL003'; END IF;
          UPDATE case_leases SET released_at = ${now}, released_by = session_user, release_kind = 'released' WHERE id = l.id;
          INSERT INTO audit_log (at, actor, action, case_id, summary, detail)
            VALUES (${now}, session_user, 'case.released', cid, format('Released from %s (checked out on %s until %s)%s', l.holder, left(l.taken_at, 10), l.until, CASE WHEN why = '' THEN '' ELSE ': ' || why END),
                    json_build_object('lease', l.id, 'holder', l.holder, 'reason', why)::text);
          RETURN l.id;
        END $$`,
    sql`CREATE FUNCTION disclose_resolve_checkin(kid INTEGER, note TEXT) RETURNS void LANGUAGE plpgsql SECURITY DEFINER ${pinned} AS $$
        DECLARE
          p pending_checkins;
        BEGIN
          IF NOT disclose_is_lead() THEN RAISE EXCEPTION 'Only a lead may mark a kept-aside copy as merged.' USING ERRCODE = '42501'; END IF;
          SELECT * INTO p FROM pending_checkins WHERE id = kid FOR UPDATE;
          IF NOT FOUND THEN RAISE EXCEPTION 'No such copy kept aside.' USING ERRCODE = 'DL002'; END IF;
          IF p.resolved_at IS NOT NULL THEN RAISE EXCEPTION 'That copy was marked merged on % by %.', left(p.resolved_at, 10), p.resolved_by USING ERRCODE = 'DL003'; END IF;
          UPDATE pending_checkins SET resolved_at = ${now}, resolved_by = session_user, resolution = note WHERE id = kid;
          INSERT INTO audit_log (at, actor, action, case_id, summary, detail)
            VALUES (${now}, session_user, 'checkout.merged', p.case_id, format('Merged the copy kept aside (#%s, from %s)%s', kid, p.officer, CASE WHEN note = '' THEN '' ELSE ': ' || note END),
                    json_build_object('pending', kid, 'note', note)::text);
        END $$`,
    // The audit chain as before, with the offline time: set only by a check-in, and hashed with the
    // row (a row without it hashes exactly as before, so existing chains verify unchanged).
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
            NEW.at := ${now};
            IF NEW.occurred_at IS NOT NULL AND NOT disclose_checking_in(NEW.case_id) THEN
              RAISE EXCEPTION 'only a check-in may record when an offline change was made' USING ERRCODE = '42501';
            END IF;
          END IF;
          NEW.redacted_at := NULL;
          NEW.content_hash := encode(sha256(convert_to('[' || NEW.id || ',' || audit_log_json(NEW.at) || ',' || audit_log_json(NEW.actor) || ','
            || audit_log_json(NEW.action) || ',' || coalesce(NEW.case_id::text, 'null') || ',' || audit_log_json(NEW.summary) || ','
            || audit_log_json(NEW.detail) || CASE WHEN NEW.occurred_at IS NULL THEN '' ELSE ',' || audit_log_json(NEW.occurred_at) END || ']', 'UTF8')), 'hex');
          NEW.hash := encode(sha256(convert_to(coalesce(previous, repeat('0', 64)) || chr(10) || NEW.content_hash, 'UTF8')), 'hex');
          RETURN NEW;
        END $$`,
    sql`CREATE OR REPLACE FUNCTION audit_log_guard_update() RETURNS trigger LANGUAGE plpgsql ${pinned} AS $$
        BEGIN
          IF OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL AND NEW.id = OLD.id AND NEW.at = OLD.at
             AND NEW.actor = OLD.actor AND NEW.action = OLD.action AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id
             AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash AND NEW.imported = OLD.imported
             AND NEW.occurred_at IS NOT DISTINCT FROM OLD.occurred_at THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'the audit log is append-only';
        END $$`,
    // Leases follow the case's visibility; a copy kept aside is its officer's and the leads'.
    // Officers only read these tables: the functions above are the only way to change them.
    sql`ALTER TABLE case_leases ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY case_leases_visible ON case_leases USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_leases.case_id))`,
    sql`ALTER TABLE pending_checkins ENABLE ROW LEVEL SECURITY`,
    sql`CREATE POLICY pending_checkins_visible ON pending_checkins USING ((officer = session_user OR disclose_is_lead()) AND EXISTS (SELECT 1 FROM cases c WHERE c.id = pending_checkins.case_id))`,
  ];
  for (const s of statements) await s.execute(db);
}
