// A data folder as an older Disclose left it: the schema up to a given migration, with cases and
// audit rows written the old way (no hash columns), for upgrade and kill-loop tests.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import { DATABASE_FILE } from '../../src/main/core/constants';

export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();

export async function makeOldFolder(dir: string, upTo: string, rows = 500): Promise<void> {
  const sqlite = new Database(join(dir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<unknown>({ dialect: new DiscloseSqliteDialect(sqlite) });
  const subset = Object.fromEntries(MIGRATION_NAMES.slice(0, MIGRATION_NAMES.indexOf(upTo) + 1).map((n) => [n, MIGRATIONS[n]!]));
  await migrate(sqlite, db, 'old', subset);
  const insert = sqlite.transaction(() => {
    for (let i = 1; i <= rows; i++) {
      sqlite.prepare("INSERT INTO requesters (id, name, email, created_at) VALUES (?, ?, '', '2025-01-01T00:00:00Z')").run(i, `Requester ${i}`);
      sqlite
        .prepare("INSERT INTO cases (id, reference, regime, received_date, requester_id, summary, created_at, updated_at) VALUES (?, ?, 'foia', '2025-03-03', ?, ?, '2025-03-03T00:00:00Z', '2025-03-03T00:00:00Z')")
        .run(i, `FOI/2025/${String(i).padStart(4, '0')}`, i, `Old case ${i}`);
      sqlite.prepare("INSERT INTO case_events (case_id, type, date, recorded_at) VALUES (?, 'received', '2025-03-03', '2025-03-03T00:00:00Z')").run(i);
      sqlite.prepare("INSERT INTO audit_log (at, actor, action, case_id, summary, detail) VALUES ('2025-03-03T00:00:00Z', 'old', 'case.created', ?, ?, '{}')").run(i, `Created case ${i}`);
    }
  });
  insert();
  await db.destroy();
}
