// Upgrading the team database: the same migration names as the local register, each applied in
// one transaction with its mark (PostgreSQL's DDL is transactional), under an advisory lock so
// that two `team init` runs at once apply each step exactly once.
import { sql, type Kysely } from 'kysely';
import { DiscloseError } from '../../../shared/errors';
import { MIGRATIONS, type DiscloseMigration } from './migrations';

const MARKS = 'kysely_migration';
/** The advisory lock key that serialises schema changes ("DSCL"). */
const LOCK = 0x4453434c;

async function appliedNames<D>(db: Kysely<D>): Promise<string[]> {
  const has = await sql<{ t: string | null }>`SELECT to_regclass(${MARKS}) AS t`.execute(db);
  if (!has.rows[0]?.t) return [];
  return (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((r) => r.name);
}

export async function pendingPostgresMigrations<D>(db: Kysely<D>, display: string, all: Record<string, DiscloseMigration> = MIGRATIONS): Promise<string[]> {
  const applied = await appliedNames(db);
  const unknown = applied.filter((n) => !(n in all));
  if (unknown.length > 0) {
    throw new DiscloseError(
      'DB_NEWER',
      `The team database (${display}) was set up by a newer version of Disclose (it has changes this version does not know: ${unknown.join(', ')}). Update Disclose to use it; nothing was changed.`,
    );
  }
  return Object.keys(all)
    .sort()
    .filter((n) => !applied.includes(n));
}

/** Applies pending migrations up to and including `upTo` (all when omitted). */
export async function migratePostgres<D>(db: Kysely<D>, display: string, all: Record<string, DiscloseMigration> = MIGRATIONS, upTo?: string): Promise<void> {
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${LOCK})`.execute(trx);
      const name = (await pendingPostgresMigrations(trx, display, all))[0];
      if (name === undefined || (upTo !== undefined && name > upTo)) return true;
      await sql`CREATE TABLE IF NOT EXISTS kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`.execute(trx);
      // A step may rewrite a large table (the search index's pairs: minutes at 550,000 documents):
      // the connection's 30-second limit, meant for an officer's statements, does not apply to it.
      // A lock another login holds is still waited for only as long as lock_timeout says.
      await sql`SET LOCAL statement_timeout = 0`.execute(trx);
      try {
        await all[name]!.postgres(trx as unknown as Parameters<DiscloseMigration['postgres']>[0]);
      } catch (err) {
        throw new DiscloseError('INTERNAL', `Could not upgrade the team database (${name}); nothing of that step was kept: ${(err as Error).message}`);
      }
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(trx);
      return false;
    });
    if (done) return;
  }
}
