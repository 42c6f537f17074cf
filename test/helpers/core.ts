// A real core on a real SQLite file in a fresh temp folder, with a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../src/main/core';
import { freshTeamSchema, onTeamDatabase } from './team';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';

const TEST_LOGIN = 'test-officer';

/** One schema per data folder, so that a test reopening a folder reopens the same register. */
const teamSchemas = new Map<string, Promise<string>>();
const teamUrls = new Map<string, string>();

/** The options that point a command line run at the register testCore opened on `dataDir`
 * (its team database schema in the core-pg project; nothing more locally). */
export function databaseArgsFor(dataDir: string): string[] {
  const url = teamUrls.get(dataDir);
  return url ? ['--database', url] : [];
}

function initTeamSchema(dataDir: string): Promise<string> {
  let url = teamSchemas.get(dataDir);
  if (!url) {
    // Set up by the administrator, then used as the test officer's own login (a lead), so that
    // the whole suite runs through the roles' privileges and row-level security.
    url = freshTeamSchema().then(async ({ url: admin }) => {
      await teamInit(admin);
      await addOfficer(admin, { login: TEST_LOGIN, name: 'Test Officer', lead: true }, new Date());
      const u = new URL(admin);
      u.username = TEST_LOGIN;
      teamUrls.set(dataDir, u.toString());
      return u.toString();
    });
    teamSchemas.set(dataDir, url);
  }
  return url;
}

export function tempDir(prefix = 'disclose-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function testCore(opts: Partial<CoreOptions> & { today?: string } = {}): Promise<Core> {
  const today = opts.today ?? '2026-11-20';
  // In the core-pg project every register is a fresh schema on the test cluster, set up as `team init` does.
  const dataDir = opts.dataDir ?? tempDir();
  if (onTeamDatabase && opts.database === undefined) opts = { ...opts, database: await initTeamSchema(dataDir) };
  const core = await openCore({
    dataDir,
    resourcesDir: 'resources',
    actor: 'test-officer',
    now: () => new Date(`${today}T10:00:00`),
    // Every answer in the core suite is checked against its channel's output schema.
    checkOutputs: true,
    ...opts,
  });
  // After every test's work, what is stored of each case's dates must be what the domain derives
  // afresh (a write path that forgot to re-derive shows here). A register a test broke on purpose
  // may not answer: only an answer with differences fails.
  const close = core.close.bind(core);
  core.close = async () => {
    const drift = await core.derivedDrift().catch(() => []);
    await close();
    if (drift.length > 0) throw new Error(`Stored deadlines differ from the events for ${drift.map((d) => d.reference).join(', ')}:\n${drift[0]!.stored}\n${drift[0]!.fresh}`);
  };
  return core;
}

/** Unwraps a result, failing the test with the error message when it is not ok. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const AUTHORITY = {
  name: 'Borsetshire County Council',
  address: 'County Hall\nFelpersham\nBorsetshire BC1 1AA',
  email: 'foi@borsetshire.example.gov.uk',
  centralGovernment: false,
  referenceFormat: 'FOI/{yyyy}/{seq:4}',
  signatoryName: 'Alex Morgan',
  signatoryTitle: 'Information Governance Officer',
  region: 'england-and-wales',
} as const;
