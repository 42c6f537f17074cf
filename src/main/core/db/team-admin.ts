// Setting up and staffing the team database: the roles, the schema, the privileges, the officers.
// Run by the authority's database administrator or a lead whose login may create roles.
import { sql, type Kysely } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import type { DB } from './schema';
import { connectionError, openPostgres, parseDatabaseUrl } from './postgres';
import { CASE_TABLES } from './migrations/2026_12_01_0900_team';
import { DERIVED_COLUMNS } from './migrations/2026_12_02_0900_derived';
import { STATISTICS_COLUMNS } from './migrations/2026_12_03_1100_statistics_facts';

export const OFFICER_ROLE = 'disclose_officer';
export const LEAD_ROLE = 'disclose_lead';

const LOGIN = /^[a-z_][a-z0-9_.@-]{0,62}$/u;
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables an officer adds to as casework (never the audit log, beyond adding to it). */
const CASEWORK = ['cases', 'requesters', 'reference_counters', 'cost_lines', ...CASE_TABLES] as const;
/** What an officer may change in place, table by table: only what casework changes (a filed
 * message's text, a note, a letter filed or a redacted copy stay as they were made). */
const OFFICER_UPDATES: Record<string, string[] | 'all'> = {
  cases: ['reference', 'regime', 'received_date', 'summary', 'request_text', 'updated_at', 's16_advice', ...DERIVED_COLUMNS, ...STATISTICS_COLUMNS],
  requesters: ['name', 'email', 'address', 'organisation'],
  reference_counters: 'all',
  case_events: ['date', 'note', 'voided_at', 'voided_by', 'void_reason'],
  correspondence: ['event_id', 'channel', 'voided_at', 'voided_by', 'void_reason'],
  attachments: ['role', 'text_status', 'text_note'],
  cost_estimates: 'all',
  cost_lines: 'all',
  case_links: 'all',
  exemptions_applied: 'all',
  letter_fields: 'all',
  publications: 'all',
  redaction_marks: 'all',
};
/** Stored files are content-addressed: added, never changed (a changed file would no longer be what its name says). */
const STORED_FILES = ['blobs', 'blob_chunks'] as const;
/** Rows an officer may remove: ones a case's work replaces (an estimate's lines, an exemption taken off, an index entry). */
const REPLACEABLE = ['search_index', 'cost_lines', 'cost_estimates', 'case_links', 'exemptions_applied', 'letter_fields', 'redaction_marks', 'redacted_copies', 'publications'] as const;
/** Settings a lead manages for the team. */
const LEAD_MANAGED = ['settings', 'letter_templates', 'holidays', 'officers', 'meta'] as const;
/** Functions the roles call (everything else in the schema is the owner's; PostgreSQL lets PUBLIC run any function unless told). */
const OFFICER_FUNCTIONS = ['disclose_is_lead()', 'disclose_sees_case(cases)', 'disclose_requester_visible(integer)', 'disclose_blob_visible(text)', 'disclose_reference_taken(text)', 'disclose_search(tsquery, integer, integer, integer, integer[])', 'disclose_pairs(tsvector, boolean)', 'audit_log_json(text)', 'audit_log_last()',
  // Check-out and check-in (each checks who may do what, and audits).
  'disclose_checkout(integer, text, text, text)', 'disclose_checkin_begin(integer, text, text)', 'disclose_checking_in(integer)', 'disclose_keep_checkin(integer, text, text)',
  'disclose_release(integer, text)', 'disclose_resolve_checkin(integer, text)'];

async function ensureRole(db: Kysely<DB>, role: string): Promise<void> {
  const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${role}`.execute(db);
  if (Number(exists.rows[0]!.n) === 0) await sql.raw(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`).execute(db);
}

async function grantPrivileges(db: Kysely<DB>): Promise<void> {
  const schema = (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]!.s;
  const s = quoteIdent(schema);
  const list = (tables: readonly string[]) => tables.map(quoteIdent).join(', ');
  const updates = Object.entries(OFFICER_UPDATES).map(([t, cols]) => `GRANT UPDATE ${cols === 'all' ? '' : `(${cols.join(', ')}) `}ON ${s}.${quoteIdent(t)} TO ${OFFICER_ROLE}`);
  // A schema of Disclose's own is closed to everyone else; the shared `public` schema is left as IT set it.
  const ownSchema = schema === 'public' ? [] : [`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`];
  for (const statement of [
    `GRANT ${OFFICER_ROLE} TO ${LEAD_ROLE}`,
    ...ownSchema,
    `GRANT USAGE ON SCHEMA ${s} TO ${OFFICER_ROLE}`,
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${s} FROM PUBLIC`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC`,
    `GRANT EXECUTE ON FUNCTION ${OFFICER_FUNCTIONS.map((f) => `${s}.${f}`).join(', ')} TO ${OFFICER_ROLE}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${OFFICER_ROLE}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${OFFICER_ROLE}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${OFFICER_ROLE}`,
    `GRANT INSERT ON ${list(CASEWORK)} TO ${OFFICER_ROLE}`,
    ...updates,
    `GRANT INSERT ON ${list(STORED_FILES)} TO ${OFFICER_ROLE}`,
    `GRANT DELETE ON ${list(REPLACEABLE)} TO ${OFFICER_ROLE}`,
    // The audit log: officers add to it and read it; only the trigger-guarded redaction (retention) changes it, by a lead.
    `GRANT INSERT ON ${s}.audit_log TO ${OFFICER_ROLE}`,
    `GRANT INSERT, UPDATE, DELETE ON ${list(LEAD_MANAGED)} TO ${LEAD_ROLE}`,
    // Allocation, and the retention steps that detach a requester and rewrite a case's content.
    `GRANT UPDATE ON ${list(CASEWORK.filter((t) => t !== 'cases'))} TO ${LEAD_ROLE}`,
    `GRANT UPDATE (officer, requester_id, destroyed_at, anonymised_at) ON ${s}.cases TO ${LEAD_ROLE}`,
    `GRANT UPDATE (summary, detail, redacted_at) ON ${s}.audit_log TO ${LEAD_ROLE}`,
    // Retention: a lead destroys a case's content, and the files nothing refers to any more.
    `GRANT DELETE ON ${list([...CASEWORK.filter((t) => t !== 'cases' && t !== 'reference_counters'), ...STORED_FILES])} TO ${LEAD_ROLE}`,
  ]) {
    await sql.raw(statement).execute(db);
  }
}

/**
 * `team init`: creates the two roles if they are missing, creates or upgrades the schema, and
 * grants the roles what they may do. Safe to run again (after an upgrade of Disclose, say).
 */
export async function teamInit(url: string): Promise<{ database: string; login: string; migrations: number }> {
  const opened = await openPostgres(url, { migrate: false, check: false });
  try {
    try {
      await ensureRole(opened.db, OFFICER_ROLE);
      await ensureRole(opened.db, LEAD_ROLE);
    } catch (err) {
      if ((err as { code?: string }).code === '42501') {
        throw new DiscloseError('FORBIDDEN', `The login ${opened.login} may not create roles: run "team init" as the database administrator (or a login with CREATEROLE).`);
      }
      throw err;
    }
    // A schema named in the URL (?schema=) is created when missing: the authority may give Disclose one in a shared database.
    const schema = parseDatabaseUrl(url).schema;
    if (schema) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`).execute(opened.db);
    const { migratePostgres } = await import('./migrate-postgres');
    await migratePostgres(opened.db, opened.display);
    await grantPrivileges(opened.db);
    const marks = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(opened.db);
    return { database: opened.display, login: opened.login, migrations: Number(marks.rows[0]!.n) };
  } catch (err) {
    throw connectionError(err, opened.display);
  } finally {
    await opened.db.destroy();
  }
}

/** `team officer add`: the login role (created if missing, without a password: IT sets how it
 * authenticates), its grant, and its row in the register's list of officers. */
export async function addOfficer(url: string, o: { login: string; name: string; lead: boolean }, now: Date): Promise<{ login: string; name: string; lead: boolean; created: boolean }> {
  if (!LOGIN.test(o.login)) throw new DiscloseError('VALIDATION', `The login ${o.login.slice(0, 70)} is not allowed: lower-case letters, digits and _ . @ - (up to 63).`);
  if (!o.name.trim()) throw new DiscloseError('VALIDATION', 'The officer needs a name.');
  const opened = await openPostgres(url);
  try {
    // The login, its grant and its row together or not at all (role changes are transactional in PostgreSQL).
    const created = await opened.db.transaction().execute(async (db) => {
      const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_roles WHERE rolname = ${o.login}`.execute(db);
      const isNew = Number(exists.rows[0]!.n) === 0;
      try {
        if (isNew) await sql.raw(`CREATE ROLE ${quoteIdent(o.login)} LOGIN`).execute(db);
        await sql.raw(`GRANT ${o.lead ? LEAD_ROLE : OFFICER_ROLE} TO ${quoteIdent(o.login)}`).execute(db);
        if (!o.lead) await sql.raw(`REVOKE ${LEAD_ROLE} FROM ${quoteIdent(o.login)}`).execute(db);
      } catch (err) {
        if ((err as { code?: string }).code === '42501') throw new DiscloseError('FORBIDDEN', `The login ${opened.login} may not create or grant roles: ask the database administrator to add officers.`);
        throw err;
      }
      await db
        .insertInto('officers')
        .values({ login: o.login, name: o.name.trim(), lead: o.lead ? 1 : 0, added_at: now.toISOString() })
        .onConflict((oc) => oc.column('login').doUpdateSet({ name: o.name.trim(), lead: o.lead ? 1 : 0 }))
        .execute();
      return isNew;
    });
    return { login: o.login, name: o.name.trim(), lead: o.lead, created };
  } catch (err) {
    throw connectionError(err, opened.display);
  } finally {
    await opened.db.destroy();
  }
}
