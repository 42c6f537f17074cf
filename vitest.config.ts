import { defineConfig } from 'vitest/config';
// @ts-expect-error a plain script without type declarations
import { postgresBinDir } from './scripts/pg-cluster.mjs';

// better-sqlite3 13 is Node-API 10: on an older Node it crashes rather than failing cleanly.
if (Number(process.versions.napi) < 10) {
  throw new Error(
    `Disclose's tests need Node >= 22.14 (this is Node ${process.versions.node}). ` +
      'Run them via "npm test", which uses the Node shipped in node_modules, or install Node >= 22.14.',
  );
}

/**
 * The team database tests need PostgreSQL (a throwaway cluster the tests start, or the one CI
 * names in DISCLOSE_TEST_PG_URL). Where it is not installed they are left out with a notice; CI
 * always has it (and pg-global.ts refuses to run CI without it).
 */
const WITH_POSTGRES = !process.env.DISCLOSE_TEST_NO_POSTGRES && Boolean(process.env.DISCLOSE_TEST_PG_URL || process.env.CI || postgresBinDir());
if (!WITH_POSTGRES) console.warn('PostgreSQL is not installed: the team database tests are left out (apt-get install -y postgresql, or see docs/team.md).');

/** Core tests that run on both engines (every test of the core's behaviour through openCore). */
const TEAM_CORE_TESTS = [
  'bundle',
  'cases',
  'case-list-sql',
  'cli',
  'cli-casework',
  'cli-publishing',
  'cli-team',
  'legal-cli',
  'redaction-cli',
  'clocks',
  'corrections',
  'correspondence',
  'decisions',
  'hostile',
  'import-batch',
  'text-later',
  'ipc-fuzz',
  'kent',
  'legal-aggregation',
  'legal-exemptions',
  'letters-docx',
  'letters-template',
  'letters-sent',
  'records-retention',
  'redaction',
  'redaction-rotated',
  'search',
  'shell-files',
  'statistics-stored',
];

export default defineConfig({
  test: {
    // CI reads its summary from the JSON report (.ci/run); people read the default reporter.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      // The core tests on the local register; a few (the team database settings) also reach the test cluster.
      { test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node', testTimeout: 30_000, globalSetup: ['test/helpers/pg-global.ts'] } },
      // The same core tests on the team database (PostgreSQL, a throwaway cluster), and the tests
      // of what only the team database has (logins, privileges, row-level security, concurrency).
      // Left out: what is about the local file itself (its backups, disk, opening, migration of old files, processes).
      ...(WITH_POSTGRES
        ? [
            {
              test: {
                name: 'core-pg',
                include: [...TEAM_CORE_TESTS.map((t) => `test/core/${t}.test.ts`), 'test/team/**/*.test.ts'],
                environment: 'node' as const,
                testTimeout: 60_000,
                hookTimeout: 60_000,
                env: { DISCLOSE_TEST_ENGINE: 'postgres' },
                globalSetup: ['test/helpers/pg-global.ts'],
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          exclude: WITH_POSTGRES ? [] : ['test/e2e/team.test.ts', 'test/e2e/checkout.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The team screens are tested on a real team database too (test/e2e/team.test.ts).
          globalSetup: ['test/helpers/pg-global.ts'],
        },
      },
    ],
  },
});
