// Retention: a destroyed case keeps a minimal row for the statistics, marked with when it was
// destroyed; an anonymised case is marked likewise.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE cases ADD COLUMN destroyed_at TEXT`.execute(db);
  await sql`ALTER TABLE cases ADD COLUMN anonymised_at TEXT`.execute(db);
}

export const postgres = up;
