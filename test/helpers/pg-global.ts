// Global set-up for the tests on the team database: a throwaway PostgreSQL cluster for the whole
// run (or the one CI started, named by DISCLOSE_TEST_PG_URL), stopped and removed at the end.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain script without type declarations
import { postgresBinDir, startCluster, stopCluster } from '../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the test cluster's database; '' when PostgreSQL is not installed here. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  let url = process.env.DISCLOSE_TEST_PG_URL ?? '';
  let dir: string | null = null;
  if (!url) {
    // DISCLOSE_TEST_NO_POSTGRES: run as a machine without PostgreSQL would (to check that the rest still passes).
    if (process.env.DISCLOSE_TEST_NO_POSTGRES || !postgresBinDir()) {
      if (process.env.CI && !process.env.DISCLOSE_TEST_NO_POSTGRES) throw new Error('PostgreSQL is not installed: the team database tests need it (apt-get install -y postgresql).');
      console.warn('PostgreSQL is not installed here: the team database tests are skipped (apt-get install -y postgresql to run them).');
      project.provide('pgUrl', '');
      return () => undefined;
    }
    dir = mkdtempSync(join(tmpdir(), 'disclose-pg-'));
    url = (startCluster as (d: string) => string)(dir);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `disclose_test_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  project.provide('pgUrl', u.toString());
  return () => {
    if (dir) (stopCluster as (d: string) => void)(dir);
  };
}
