// What the repositories need to know of the engine under a Kysely handle (a transaction included).
import { PostgresAdapter, type Kysely } from 'kysely';

export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
