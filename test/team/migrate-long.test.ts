// An upgrade step of the team database may take longer than the connection's statement timeout
// (meant for an officer's statements): adding the search index's pairs to 550,000 documents took
// minutes, and was cancelled at 30 seconds. Each step now runs without that limit.
import { afterAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { migratePostgres } from '../../src/main/core/db/migrate-postgres';
import { parseDatabaseUrl, poolFor } from '../../src/main/core/db/postgres';
import type { DiscloseMigration } from '../../src/main/core/db/migrations';
import { freshTeamSchema } from '../helpers/team';

let db: Kysely<unknown> | undefined;
afterAll(async () => {
  await db?.destroy();
});

describe('team database upgrade steps', () => {
  it('run beyond the statement timeout of the connection, which still holds for everything else', async () => {
    const { url } = await freshTeamSchema();
    const parsed = parseDatabaseUrl(url);
    // The connection's limit made short for the test (the app's is 30 s).
    parsed.config.statement_timeout = 300;
    db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: poolFor(parsed) }) });
    await expect(sql`SELECT pg_sleep(1)`.execute(db)).rejects.toThrow(/statement timeout/);
    const slow: DiscloseMigration = { up: async () => {}, postgres: async (trx) => void (await sql`SELECT pg_sleep(1)`.execute(trx)) };
    await migratePostgres(db, 'test', { '2999_01_01_0000_slow': slow });
    expect((await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)).rows.map((r) => r.name)).toEqual(['2999_01_01_0000_slow']);
    await expect(sql`SELECT pg_sleep(1)`.execute(db)).rejects.toThrow(/statement timeout/);
  });
});
