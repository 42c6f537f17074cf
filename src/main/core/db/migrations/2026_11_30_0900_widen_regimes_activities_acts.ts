// Widens three CHECK constraints for the legal corrections: the EISR regime on cases, FOISA's
// "providing" cost activity (SSI 2004/467 reg 3), and the EISR and DPA 2018 provisions an
// exemption may cite. SQLite cannot alter a CHECK constraint, so each table is rebuilt from its
// own stored definition, keeping every row, id, index and trigger (the procedure of
// sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"). It needs foreign
// key enforcement off, which the database opener arranges and foreign_key_check verifies after.
// Frozen: later changes are new migrations.
import { sql, type Kysely } from 'kysely';

const CHANGES = [
  {
    table: 'cases',
    from: "CHECK (regime IN ('foia', 'eir', 'foisa', 'sar'))",
    to: "CHECK (regime IN ('foia', 'eir', 'eisr', 'foisa', 'sar'))",
  },
  {
    table: 'cost_lines',
    from: "CHECK (activity IN ('determining', 'locating', 'retrieving', 'extracting'))",
    to: "CHECK (activity IN ('determining', 'locating', 'retrieving', 'extracting', 'providing'))",
  },
  {
    table: 'exemptions_applied',
    from: "CHECK (act IN ('FOIA', 'EIR', 'FOISA'))",
    to: "CHECK (act IN ('FOIA', 'EIR', 'EISR', 'FOISA', 'DPA'))",
  },
];

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

async function rebuild(db: Kysely<any>, table: string, from: string, to: string): Promise<void> {
  const rows = (await sql<SchemaRow>`SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ${table}`.execute(db)).rows;
  const create = rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`Table ${table} is missing`);
  if (!create.includes(from)) {
    if (create.includes(to)) return; // already widened
    throw new Error(`Table ${table} does not have the expected constraint ${from}`);
  }
  const widened = `${table}_widened`;
  const definition = create.replace(from, to).replace(/^CREATE TABLE\s+("?)[A-Za-z_]+\1/, `CREATE TABLE ${widened}`);
  await sql.raw(definition).execute(db);
  await sql.raw(`INSERT INTO ${widened} SELECT * FROM ${table}`).execute(db);
  await sql.raw(`DROP TABLE ${table}`).execute(db);
  await sql.raw(`ALTER TABLE ${widened} RENAME TO ${table}`).execute(db);
  for (const r of rows) if (r.type !== 'table' && r.sql) await sql.raw(r.sql).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await widenChecks(db, 'widen_checks', CHANGES);
}

/** Rebuilds each table with its CHECK widened, all or nothing, foreign key enforcement off meanwhile (also used by later migrations). */
export async function widenChecks(db: Kysely<any>, savepoint: string, changes: readonly { table: string; from: string; to: string }[]): Promise<void> {
  const enforced = (await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys === 1;
  if (enforced) await sql`PRAGMA foreign_keys = OFF`.execute(db); // a no-op inside a transaction
  if ((await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db)).rows[0]?.foreign_keys === 1) {
    throw new Error('This upgrade rebuilds tables and must run with foreign key enforcement off.');
  }
  try {
    await sql.raw(`SAVEPOINT ${savepoint}`).execute(db);
    try {
      for (const c of changes) await rebuild(db, c.table, c.from, c.to);
      const broken = (await sql`PRAGMA foreign_key_check`.execute(db)).rows;
      if (broken.length > 0) throw new Error(`Rebuilding the tables broke ${broken.length} references`);
      await sql.raw(`RELEASE ${savepoint}`).execute(db);
    } catch (err) {
      await sql.raw(`ROLLBACK TO ${savepoint}`).execute(db);
      await sql.raw(`RELEASE ${savepoint}`).execute(db);
      throw err;
    }
  } finally {
    if (enforced) await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

/** PostgreSQL alters a CHECK constraint in place: drop it and add the wider one (rows are re-checked). */
export async function postgres(db: Kysely<any>): Promise<void> {
  for (const s of [
    `ALTER TABLE cases DROP CONSTRAINT cases_regime_check, ADD CONSTRAINT cases_regime_check ${CHANGES[0]!.to}`,
    `ALTER TABLE cost_lines DROP CONSTRAINT cost_lines_activity_check, ADD CONSTRAINT cost_lines_activity_check ${CHANGES[1]!.to}`,
    `ALTER TABLE exemptions_applied DROP CONSTRAINT exemptions_applied_act_check, ADD CONSTRAINT exemptions_applied_act_check ${CHANGES[2]!.to}`,
  ]) {
    await sql.raw(s).execute(db);
  }
}
