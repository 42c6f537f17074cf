// Upgrading the schema so that a crash at any instant leaves a database that opens: each migration
// runs in its own IMMEDIATE transaction together with its version mark and the application_id
// (SQLite's DDL and header fields are transactional), so it is either wholly applied or not at all.
// The write lock also settles the race of several processes opening a fresh folder together: one
// upgrades, the others wait for it and then find nothing left to do.
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { DiscloseError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';

/** PRAGMA application_id for Disclose databases ("DSCL"), so other SQLite files are recognised. */
export const APPLICATION_ID = 0x4453434c;

/** The table Kysely's own migrator used, kept so that every existing database upgrades in place. */
const MARKS = 'kysely_migration';

function appliedNames(sqlite: Database.Database): string[] {
  const has = sqlite.prepare('SELECT 1 FROM sqlite_schema WHERE type = ? AND name = ?').get('table', MARKS);
  return has ? (sqlite.prepare(`SELECT name FROM ${MARKS} ORDER BY name`).pluck().all() as string[]) : [];
}

/** Migrations not yet applied; throws DB_NEWER when the database knows ones we do not. */
export function pendingMigrations(sqlite: Database.Database, file: string, all: Record<string, Migration> = MIGRATIONS): string[] {
  const applied = appliedNames(sqlite);
  const unknown = applied.filter((n) => !(n in all));
  if (unknown.length > 0) {
    throw new DiscloseError(
      'DB_NEWER',
      `${file} was written by a newer version of Disclose (it has changes this version does not know: ${unknown.join(', ')}). Update Disclose to open it; nothing was changed.`,
    );
  }
  return Object.keys(all)
    .sort()
    .filter((n) => !applied.includes(n));
}

/**
 * Applies every pending migration, one transaction each. Foreign key enforcement is off while
 * they run, as SQLite's procedure for changing a table's definition requires (a table rebuilt to
 * widen a CHECK constraint is dropped and renamed while other tables refer to it; the pragma has
 * no effect inside a transaction, so it is set outside), and every reference is checked with
 * foreign_key_check before each migration commits.
 */
export async function migrate(sqlite: Database.Database, db: Kysely<unknown>, file: string, all: Record<string, Migration> = MIGRATIONS, onStep?: MigrationSteps): Promise<void> {
  const enforced = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) sqlite.pragma('foreign_keys = OFF');
  try {
    await migrateEach(sqlite, db, file, all, onStep);
  } finally {
    if (enforced) sqlite.pragma('foreign_keys = ON');
  }
}

/**
 * Told before each migration of an upgrade runs: how many of how many are done (those pending at
 * the start). Not told when the register is new (every migration pending): that is a moment's work.
 */
export type MigrationSteps = (done: number, total: number) => Promise<void> | void;

async function migrateEach(sqlite: Database.Database, db: Kysely<unknown>, file: string, all: Record<string, Migration>, onStep?: MigrationSteps): Promise<void> {
  const pending = onStep ? pendingMigrations(sqlite, file, all).length : 0;
  const total = pending < Object.keys(all).length ? pending : 0;
  let done = 0;
  for (;;) {
    // Said outside the transaction: the step may wait for whoever is told (a window showing it).
    if (onStep && done < total) await onStep(done, total);
    done++;
    sqlite.exec('BEGIN IMMEDIATE');
    let name: string | undefined;
    try {
      // Re-read under the write lock: another process may have upgraded while we waited.
      name = pendingMigrations(sqlite, file, all)[0];
      if (name === undefined) {
        sqlite.exec('COMMIT');
        return;
      }
      sqlite.exec(`CREATE TABLE IF NOT EXISTS ${MARKS} (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`);
      await all[name]!.up(db);
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} references would be left pointing nowhere`);
      sqlite.prepare(`INSERT INTO ${MARKS} (name, timestamp) VALUES (?, ?)`).run(name, new Date().toISOString());
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      sqlite.exec('COMMIT');
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      if (err instanceof DiscloseError) throw err;
      throw new DiscloseError('INTERNAL', `Could not upgrade the database${name ? ` (${name})` : ''}; nothing of that step was kept: ${(err as Error).message}`);
    }
  }
}
