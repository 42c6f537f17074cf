// The team database: the same schema and queries as the local register, on a PostgreSQL server the
// authority's IT runs and backs up. Each officer connects as their own login; the server, not the
// app, decides who they are (current_user) and what they may see and change.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import type { DB } from './schema';
import { migratePostgres, pendingPostgresMigrations } from './migrate-postgres';

/** What a `postgres://` URL names, with the password kept out of every message. */
export interface TeamDatabase {
  config: pg.PoolConfig;
  /** A schema inside the database to use (`?schema=name`), for an authority that gives Disclose one. */
  schema: string | null;
  /** The URL without its password, for messages and the settings screen. */
  display: string;
  /** Whether the address carries a password (the app refuses to keep one). */
  hasPassword: boolean;
}

export function isPostgresUrl(url: string | undefined | null): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//iu.test(url);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

const LOCAL_HOSTS = new Set(['', 'localhost', '127.0.0.1', '[::1]', '::1']);

export function parseDatabaseUrl(url: string): TeamDatabase {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DiscloseError('VALIDATION', 'The team database address is not a valid postgres:// URL.');
  }
  if (!/^postgres(ql)?:$/iu.test(parsed.protocol)) throw new DiscloseError('VALIDATION', 'The team database address must start with postgres://.');
  const schema = parsed.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new DiscloseError('VALIDATION', `The schema name ${schema.slice(0, 70)} is not allowed (lower-case letters, digits and _).`);
  // A Unix socket folder is given as ?host=/path (libpq's convention). Anything that crosses a
  // network is encrypted and the server's certificate checked, unless the address says how
  // (sslmode, sslrootcert, sslcert, sslkey are read as libpq reads them); never in the clear.
  const socket = (parsed.searchParams.get('host') ?? '').startsWith('/');
  const local = socket || LOCAL_HOSTS.has(parsed.hostname);
  const sslmode = parsed.searchParams.get('sslmode');
  if (!local && sslmode === null) parsed.searchParams.set('sslmode', 'verify-full');
  if (!local && (sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer')) {
    throw new DiscloseError('VALIDATION', `The team database is on another computer: its connection must be encrypted (sslmode=${sslmode} would allow it in the clear). Use sslmode=verify-full (the default) or require.`);
  }
  const connection = new URL(parsed.toString());
  connection.searchParams.delete('schema');
  const config: pg.PoolConfig = {
    connectionString: connection.toString(),
    connectionTimeoutMillis: 10_000,
    // Never wait forever on a lock another officer holds: the write is refused with a message.
    statement_timeout: 30_000,
    lock_timeout: 15_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'disclose',
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const shown = new URL(url);
  shown.password = '';
  shown.searchParams.delete('password');
  return { config, schema, display: shown.toString(), hasPassword: parsed.password !== '' || parsed.searchParams.has('password') };
}

/** Counts, ids and sums come back as numbers, as they do from SQLite (int8 and numeric would be strings). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Network failures the driver reports by Node's error codes, not the server's. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Why the server could not be used, as the officer should read it. */
export function connectionError(err: unknown, display: string): DiscloseError {
  if (err instanceof DiscloseError) return err;
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  // Opening, a missing socket folder (ENOENT) or a name not yet resolvable (EAI_AGAIN) is a server out of reach too.
  if (NETWORK.has(code) || ['ENOENT', 'EAI_AGAIN', '57P01', '57P03'].includes(code) || /timeout|terminated|Connection terminated/iu.test(e.message ?? '')) {
    return new DiscloseError('OFFLINE', `The team database (${display}) cannot be reached: ${e.message ?? code}. Nothing was changed. Check the network or VPN, or ask IT whether the server is running.`);
  }
  if (code === '28P01' || code === '28000') {
    return new DiscloseError('FORBIDDEN', `The team database refused the login (${display}): ${e.message}. Check the user name and password, or ask your lead to add you with "team officer add".`);
  }
  if (code === '3D000') return new DiscloseError('NOT_FOUND', `The team database does not exist on that server (${display}). Ask IT to create it, then run "team init".`);
  return new DiscloseError('INTERNAL', `The team database (${display}) could not be opened: ${e.message ?? String(err)}`);
}

export interface OpenedTeamDatabase {
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The login the server knows this connection as: the audit's actor. */
  login: string;
  /** Whether that login holds the lead role. */
  lead: boolean;
  display: string;
}

export function poolFor(target: TeamDatabase): pg.Pool {
  const pool = new pg.Pool({ ...target.config, types });
  // An idle connection dropped by the server must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Connects, checks the schema (migrating it only when `migrate` is set: officers' apps never alter
 * a shared schema, `team init` does) and learns who the server says we are.
 */
export async function openPostgres(url: string, opts: { migrate?: boolean; check?: boolean } = {}): Promise<OpenedTeamDatabase> {
  const target = parseDatabaseUrl(url);
  const pool = poolFor(target);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    const who = await pool.query<{ login: string; lead: boolean }>(
      "SELECT current_user AS login, coalesce((SELECT pg_has_role(current_user, 'disclose_lead', 'member') FROM pg_roles WHERE rolname = 'disclose_lead'), false) AS lead",
    );
    if (opts.migrate) await migratePostgres(db, target.display);
    else if (opts.check !== false) {
      const pending = await pendingPostgresMigrations(db, target.display);
      if (pending.length > 0) {
        throw new DiscloseError('NOT_CONFIGURED', `The team database (${target.display}) has not been set up for this version of Disclose (${pending.length} change(s) to apply). Ask your lead or IT to run "team init".`);
      }
    }
    const { login, lead } = who.rows[0]!;
    return { db, pool, login, lead, display: target.display };
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw connectionError(err, target.display);
  }
}

/** A team database error, as the officer should read it; null when it is not one of the server's. */
export function translatePostgresError(err: unknown): DiscloseError | null {
  const e = err as { code?: unknown; message?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = e?.message ?? code;
  const lost = NETWORK.has(code) || code.startsWith('08') || code.startsWith('57P') || /Connection terminated|timeout exceeded when trying to connect/iu.test(e?.message ?? '');
  if (lost) return new DiscloseError('OFFLINE', `The team database cannot be reached (${message}); nothing was changed. Check the network or VPN and try again.`);
  // Anything else that is not a SQLSTATE (five characters) is not the server's: SQLite's codes, Node's.
  if (!/^[0-9A-Z]{5}$/u.test(code)) return null;
  if (code === '42501') {
    return new DiscloseError('FORBIDDEN', `The team database refused this (${message}). Only a lead may allocate cases or change the team's settings, templates and holidays, and nobody may change the audit log.`);
  }
  // The case guard (the checkout migration): a case checked out, a lease that is not there, a date out of range.
  if (code === 'DL001') return new DiscloseError('CHECKED_OUT', message);
  if (code === 'DL002') return new DiscloseError('NOT_FOUND', message);
  if (code === 'DL003') return new DiscloseError('VALIDATION', message);
  if (code === '23505') return new DiscloseError('CONFLICT', `That would duplicate an existing record: ${message}`);
  if (code === '40001' || code === '40P01') return new DiscloseError('CONFLICT', 'A colleague changed the same records at the same moment; nothing was changed. Try again.');
  if (code === '55P03' || code === '57014') return new DiscloseError('IO', "The team database was busy with a colleague's change for too long; nothing was changed. Try again.");
  if (code.startsWith('23')) return new DiscloseError('VALIDATION', `The team database refused the change: ${message}`);
  return null;
}
