// Check-out in tests: a team with two officers and a lead on a fresh schema, cores as each login,
// raw SQL as each login, and check-out/check-in run as the command line runs them.
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { openCore, type Core, type CoreOptions } from '../../src/main/core';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';
import { openPostgres } from '../../src/main/core/db/postgres';
import { checkoutCases, openLocalSide } from '../../src/main/core/services/checkout.service';
import { checkinCases } from '../../src/main/core/services/checkin.service';
import { AUTHORITY, ok, tempDir } from './core';
import { urlFor } from './team';

export const OFFICERS = [
  { login: 'alice', name: 'Alice Ng', lead: false },
  { login: 'bob', name: 'Bob Ó Briain', lead: false },
  { login: 'lee', name: 'Lee Okafor', lead: true },
] as const;

export type Login = (typeof OFFICERS)[number]['login'];

export interface Team {
  admin: string;
  schema: string;
  url(login: Login): string;
  core(login: Login, opts?: Partial<CoreOptions>): Promise<Core>;
  /** SQL as a login, straight to the server (what another program could do). */
  sql<T = Record<string, unknown>>(login: Login | 'admin', text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function makeTeam(admin: string, schema: string, now: () => Date = () => new Date('2026-11-20T10:00:00Z')): Promise<Team> {
  await teamInit(admin);
  for (const o of OFFICERS) await addOfficer(admin, o, new Date());
  const cores: Core[] = [];
  const team: Team = {
    admin,
    schema,
    url: (login) => urlFor(admin, schema, login),
    async core(login, opts = {}) {
      const c = await openCore({ dataDir: tempDir(), database: team.url(login), resourcesDir: 'resources', now, ...opts });
      cores.push(c);
      return c;
    },
    async sql<T>(login: Login | 'admin', text: string, params: unknown[] = []) {
      const c = new pg.Client({ connectionString: login === 'admin' ? admin : team.url(login), options: `-c search_path=${schema}` });
      await c.connect();
      try {
        return (await c.query(text, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
    close: async () => {
      for (const c of cores.splice(0)) await c.close();
    },
  };
  const lee = await team.core('lee');
  ok(await lee.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}/{yyyy}/{seq:4}' }));
  return team;
}

/** Checks cases out into `dir` as `login`, as `case checkout` does. */
export async function checkOut(team: Team, login: Login, dir: string, refs: string[], o: { until?: string; today?: string } = {}) {
  const t = await openPostgres(team.url(login));
  const local = await openLocalSide(dir, t.login, () => new Date());
  try {
    return await checkoutCases({ db: t.db, login: t.login, lead: t.lead, display: t.display }, local, refs, { until: o.until, today: o.today ?? '2026-11-20', device: 'test-laptop' });
  } finally {
    await local.close();
    await t.db.destroy();
  }
}

export async function checkIn(team: Team, login: Login, dir: string, refs: string[]) {
  const t = await openPostgres(team.url(login));
  const local = await openLocalSide(dir, t.login, () => new Date());
  try {
    return await checkinCases({ db: t.db, login: t.login, lead: t.lead, display: t.display }, local, refs, { now: () => new Date() });
  } finally {
    await local.close();
    await t.db.destroy();
  }
}

/** The command line, as `npm run -s cli --` runs it. */
export function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** Opens the copies in `dir` as the app does with no server: a local register. */
export function openCopies(dir: string, opts: Partial<CoreOptions> = {}): Promise<Core> {
  return openCore({ dataDir: dir, resourcesDir: 'resources', now: () => new Date('2026-11-21T09:30:00Z'), ...opts });
}

export { tempDir };
