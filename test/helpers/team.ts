// The team database in tests: each register is a fresh schema in the run's test database, so that
// tests stay independent without creating a database each.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** True when this run tests the core on the team database (the core-pg project). */
export const onTeamDatabase = process.env.DISCLOSE_TEST_ENGINE === 'postgres';

export function testClusterUrl(): string {
  const url = inject('pgUrl');
  if (!url) throw new Error('No test PostgreSQL cluster (is PostgreSQL installed?)');
  return url;
}

/** A new empty schema and a URL that uses it (as the admin, or as `user`). */
export async function freshTeamSchema(user?: string): Promise<{ url: string; schema: string }> {
  const base = testClusterUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return { url: urlFor(base, schema, user), schema };
}

export function urlFor(base: string, schema: string, user?: string): string {
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  if (user) u.username = encodeURIComponent(user);
  return u.toString();
}

/** Runs SQL as the cluster's administrator (role set-up, inspection). */
export async function asAdmin<T>(work: (c: pg.Client) => Promise<T>, schema?: string): Promise<T> {
  const c = new pg.Client({ connectionString: testClusterUrl(), ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
