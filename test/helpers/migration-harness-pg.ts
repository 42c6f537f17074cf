// The team database's engine for the migration tests: a fresh schema on the test cluster, migrated
// by the app's own PostgreSQL migrator, described from the catalogues.
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { migratePostgres } from '../../src/main/core/db/migrate-postgres';
import { parseDatabaseUrl, poolFor } from '../../src/main/core/db/postgres';
import { MIGRATION_ORDER, type Engine, type Row, type Schema } from './migration-harness';
import { freshTeamSchema } from './team';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

async function describeSchema(db: Kysely<unknown>): Promise<Schema> {
  const schema: Schema = { tables: {}, indexes: {}, triggers: {}, policies: {} };
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; identity: string }>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default, c.is_identity AS identity
    FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'kysely_migration'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  for (const c of cols.rows) {
    const t = (schema.tables[c.table_name] ??= { columns: {}, checks: [] });
    t.columns[c.column_name] = `${c.data_type}${c.is_nullable === 'NO' ? ' NOT NULL' : ''}${c.column_default !== null ? ` DEFAULT ${c.column_default}` : ''}${c.identity === 'YES' ? ' IDENTITY' : ''}`;
  }
  const checks = await sql<{ table_name: string; def: string }>`
    SELECT rel.relname AS table_name, pg_get_constraintdef(con.oid) AS def
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE n.nspname = current_schema() AND con.contype = 'c'`.execute(db);
  for (const c of checks.rows) schema.tables[c.table_name]?.checks.push(norm(c.def));
  for (const t of Object.values(schema.tables)) t.checks.sort();
  const indexes = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> 'kysely_migration'`.execute(db);
  for (const i of indexes.rows) schema.indexes[i.indexname] = norm(i.indexdef.replace(/ ON [a-z0-9_]+\./g, ' ON '));
  const triggers = await sql<{ tgname: string; def: string }>`
    SELECT t.tgname, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class rel ON rel.oid = t.tgrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
    WHERE n.nspname = current_schema() AND NOT t.tgisinternal`.execute(db);
  for (const t of triggers.rows) schema.triggers[t.tgname] = norm(t.def.replace(/ ON [a-z0-9_]+\./g, ' ON '));
  const policies = await sql<{ tablename: string; policyname: string; qual: string | null }>`SELECT tablename, policyname, qual FROM pg_policies WHERE schemaname = current_schema()`.execute(db);
  for (const p of policies.rows) schema.policies![`${p.tablename}.${p.policyname}`] = norm(p.qual ?? '');
  return schema;
}

/** The team database: PostgreSQL, through the app's own migrator. */
export const postgresEngine: Engine = {
  name: 'postgres',
  async open() {
    const { url } = await freshTeamSchema();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: poolFor(parseDatabaseUrl(url)) }) });
    const ident = (name: string) => sql.id(name);
    return {
      async migrateThrough(name) {
        await migratePostgres(db, 'test', MIGRATIONS, MIGRATION_ORDER[MIGRATION_ORDER.indexOf(name)]);
      },
      schema: () => describeSchema(db),
      async insert(table, row) {
        const cols = Object.keys(row);
        await sql`INSERT INTO ${ident(table)} (${sql.join(cols.map(ident))}) VALUES (${sql.join(Object.values(row).map((v) => sql`${v}`))})`.execute(db);
      },
      async update(table, set, where) {
        const s = sql.join(Object.entries(set).map(([k, v]) => sql`${ident(k)} = ${v}`));
        const w = sql.join(Object.entries(where).map(([k, v]) => sql`${ident(k)} = ${v}`), sql` AND `);
        await sql`UPDATE ${ident(table)} SET ${s} WHERE ${w}`.execute(db);
      },
      rows: async (table, orderBy) => (await sql<Row>`SELECT * FROM ${ident(table)} ORDER BY ${sql.raw(orderBy)}`.execute(db)).rows,
      query: async (text, params = []) => (await db.executeQuery<Row>(CompiledQuery.raw(text, params))).rows,
      close: () => db.destroy(),
    };
  },
};
