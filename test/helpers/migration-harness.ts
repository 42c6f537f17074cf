// Migration tests need a database migrated to a point, a description of its schema, and a way to put
// rows in and read them back. An engine provides these through an opener; the tests are written
// against this interface only, so another engine plugs in by passing its own opener.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { migrate } from '../../src/main/core/db/migrate';
import { DiscloseSqliteDialect } from '../../src/main/core/db/driver';
import { tempDir } from './core';

export const MIGRATION_ORDER = Object.keys(MIGRATIONS).sort();

export type Row = Record<string, unknown>;

/** What the tests compare: per table its columns and CHECK constraints; indexes; triggers. */
export interface Schema {
  tables: Record<string, { columns: Record<string, string>; checks: string[] }>;
  indexes: Record<string, string>;
  triggers: Record<string, string>;
  /** Row-level security policies (the team database), by table and name. */
  policies?: Record<string, string>;
}

export interface MigrationDb {
  /** Applies every migration up to and including `name` that is not applied yet. */
  migrateThrough(name: string): Promise<void>;
  schema(): Promise<Schema>;
  insert(table: string, row: Row): Promise<void>;
  update(table: string, set: Row, where: Row): Promise<void>;
  rows(table: string, orderBy: string): Promise<Row[]>;
  /** One statement in the engine's own SQL, with $1-style (PostgreSQL) or ? (SQLite) parameters. */
  query(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  /** A new, empty database. */
  open(): Promise<MigrationDb>;
}

/** The CHECK (...) clauses of a CREATE TABLE statement, whitespace normalised. */
export function checksOf(create: string): string[] {
  const out: string[] = [];
  const re = /\bCHECK\s*\(/gi;
  for (let m = re.exec(create); m; m = re.exec(create)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < create.length && depth > 0; i++) depth += create[i] === '(' ? 1 : create[i] === ')' ? -1 : 0;
    out.push(create.slice(m.index + m[0].length, i - 1).replace(/\s+/g, ' ').trim());
  }
  return out.sort();
}

const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

function sqliteSchema(sqlite: Database.Database): Schema {
  const objects = sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name <> 'kysely_migration' ORDER BY name").all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const virtual = objects.filter((o) => o.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(o.sql ?? '')).map((o) => o.name);
  // A full-text table's shadow tables are the engine's business, not the schema's.
  const shadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
  const schema: Schema = { tables: {}, indexes: {}, triggers: {} };
  for (const o of objects) {
    if (o.type === 'table' && !shadow(o.name)) {
      const cols = sqlite.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(o.name) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      schema.tables[o.name] = {
        columns: Object.fromEntries(cols.map((c) => [c.name, `${c.type}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ''}${c.pk ? ' PK' : ''}`])),
        checks: checksOf(o.sql ?? ''),
      };
      // Indexes SQLite makes for UNIQUE and PRIMARY KEY constraints, named by what they cover.
      const auto = sqlite.prepare("SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin <> 'c'").all(o.name) as { name: string; unique: number }[];
      for (const a of auto) {
        const cols = (sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(a.name) as { name: string }[]).map((c) => c.name);
        schema.indexes[`${o.name}(${cols.join(', ')})`] = a.unique ? 'UNIQUE' : '';
      }
    } else if (o.type === 'index' && !shadow(o.tbl_name)) schema.indexes[o.name] = norm(o.sql);
    else if (o.type === 'trigger') schema.triggers[o.name] = norm(o.sql);
  }
  return schema;
}

/** The local engine: better-sqlite3 files migrated by the app's own migrator. */
export const sqliteEngine: Engine = {
  name: 'sqlite',
  async open() {
    const sqlite = new Database(join(tempDir(), 'migrations.sqlite3'));
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<unknown>({ dialect: new DiscloseSqliteDialect(sqlite) });
    return {
      async migrateThrough(name) {
        const upTo = MIGRATION_ORDER.slice(0, MIGRATION_ORDER.indexOf(name) + 1);
        await migrate(sqlite, db, 'test', Object.fromEntries(upTo.map((n) => [n, MIGRATIONS[n]!])));
      },
      schema: async () => sqliteSchema(sqlite),
      async insert(table, row) {
        const cols = Object.keys(row);
        sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
      },
      async update(table, set, where) {
        const s = Object.keys(set).map((k) => `${k} = ?`).join(', ');
        const w = Object.keys(where).map((k) => `${k} = ?`).join(' AND ');
        sqlite.prepare(`UPDATE ${table} SET ${s} WHERE ${w}`).run(...Object.values(set), ...Object.values(where));
      },
      rows: async (table, orderBy) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all() as Row[],
      async query(text, params = []) {
        const statement = sqlite.prepare(text);
        if (statement.reader) return statement.all(...params) as Row[];
        statement.run(...params);
        return [];
      },
      close: () => db.destroy(),
    };
  },
};

export interface SchemaChange {
  tablesAdded?: string[];
  tablesRemoved?: string[];
  columnsAdded?: Record<string, string[]>;
  columnsRemoved?: Record<string, string[]>;
  columnsChanged?: Record<string, string[]>;
  checksAdded?: Record<string, string[]>;
  checksRemoved?: Record<string, string[]>;
  indexesAdded?: string[];
  indexesRemoved?: string[];
  indexesChanged?: string[];
  triggersAdded?: string[];
  triggersRemoved?: string[];
  triggersChanged?: string[];
  policiesAdded?: string[];
  policiesRemoved?: string[];
  policiesChanged?: string[];
}

function keyed<T>(before: Record<string, T>, after: Record<string, T>, same: (a: T, b: T) => boolean) {
  const added = Object.keys(after).filter((k) => !(k in before)).sort();
  const removed = Object.keys(before).filter((k) => !(k in after)).sort();
  const changed = Object.keys(after).filter((k) => k in before && !same(before[k]!, after[k]!)).sort();
  return { added, removed, changed };
}

/** What changed between two schemas, with empty parts left out. */
export function diffSchema(before: Schema, after: Schema): SchemaChange {
  const out: SchemaChange = {};
  const put = <K extends keyof SchemaChange>(k: K, v: SchemaChange[K]) => {
    if (Array.isArray(v) ? v.length > 0 : Object.keys(v ?? {}).length > 0) out[k] = v;
  };
  const t = keyed(before.tables, after.tables, () => true);
  put('tablesAdded', t.added);
  put('tablesRemoved', t.removed);
  const per = (pick: (b: Schema['tables'][string], a: Schema['tables'][string]) => string[]) =>
    Object.fromEntries(
      Object.keys(after.tables)
        .filter((n) => n in before.tables)
        .map((n) => [n, pick(before.tables[n]!, after.tables[n]!)] as const)
        .filter(([, v]) => v.length > 0),
    );
  put('columnsAdded', per((b, a) => keyed(b.columns, a.columns, (x, y) => x === y).added));
  put('columnsRemoved', per((b, a) => keyed(b.columns, a.columns, (x, y) => x === y).removed));
  put('columnsChanged', per((b, a) => keyed(b.columns, a.columns, (x, y) => x === y).changed));
  put('checksAdded', per((b, a) => a.checks.filter((c) => !b.checks.includes(c))));
  put('checksRemoved', per((b, a) => b.checks.filter((c) => !a.checks.includes(c))));
  const i = keyed(before.indexes, after.indexes, (x, y) => x === y);
  put('indexesAdded', i.added);
  put('indexesRemoved', i.removed);
  put('indexesChanged', i.changed);
  const g = keyed(before.triggers, after.triggers, (x, y) => x === y);
  put('triggersAdded', g.added);
  put('triggersRemoved', g.removed);
  put('triggersChanged', g.changed);
  const p = keyed(before.policies ?? {}, after.policies ?? {}, (x, y) => x === y);
  put('policiesAdded', p.added);
  put('policiesRemoved', p.removed);
  put('policiesChanged', p.changed);
  return out;
}

/** Opens a database at the migration before `name` (empty for the first). */
export async function openBefore(engine: Engine, name: string): Promise<MigrationDb> {
  const db = await engine.open();
  const previous = MIGRATION_ORDER[MIGRATION_ORDER.indexOf(name) - 1];
  if (previous) await db.migrateThrough(previous);
  return db;
}
