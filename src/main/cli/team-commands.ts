// The team database's commands: setting it up, adding officers, moving a local register in.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import { DATABASE_FILE } from '../core/constants';
import { importLocalRegister } from '../core/db/team-import';
import { UsageError, type Parsed, required, str } from './args';
import type { Command } from './commands';
import { addOfficer, teamInit } from '../core/db/team-admin';
import { databaseUrl } from './database';

function teamUrl(p: Parsed): string {
  const url = databaseUrl(p);
  if (!url) throw new UsageError('--database postgres://… (or DISCLOSE_DATABASE_URL) is required: it names the team database');
  return url;
}

const noPositionals = (p: Parsed) => {
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals[0]}`);
};

export const TEAM_COMMANDS: Command[] = [
  {
    words: ['team', 'init'],
    options: {},
    // The schema may not exist yet: nothing is opened first.
    standalone: true,
    async run({ parsed: p }) {
      noPositionals(p);
      const r = await teamInit(teamUrl(p));
      return { value: r, text: `The team database ${r.database} is ready (${r.migrations} schema steps applied; roles disclose_officer and disclose_lead granted).` };
    },
  },
  {
    words: ['team', 'officer', 'add'],
    options: { login: { type: 'string' }, name: { type: 'string' }, lead: { type: 'boolean', default: false } },
    standalone: true,
    async run({ parsed: p, now }) {
      noPositionals(p);
      const r = await addOfficer(teamUrl(p), { login: required(p, 'login'), name: required(p, 'name'), lead: p.values.lead === true }, now);
      return {
        value: r,
        text: `${r.name} (${r.login}) ${r.created ? 'can now log in' : 'was already a login'} as ${r.lead ? 'a lead' : 'an officer'}.${r.created ? ' IT sets how the login authenticates (a password, or single sign-on).' : ''}`,
      };
    },
  },
  {
    words: ['team', 'import'],
    options: { from: { type: 'string' }, officer: { type: 'string' } },
    // Opens the local register and the team database itself, in that order.
    standalone: true,
    async run({ parsed: p, now }) {
      noPositionals(p);
      const from = resolve(required(p, 'from'));
      if (!existsSync(join(from, DATABASE_FILE))) throw new DiscloseError('NOT_FOUND', `There is no local register in ${from} (no ${DATABASE_FILE}).`);
      const officer = str(p, 'officer');
      const r = await importLocalRegister(teamUrl(p), from, { now, ...(officer ? { officer } : {}) });
      return {
        value: r,
        text: `Imported ${r.cases} cases (allocated to ${r.officer}), ${r.correspondence} items of correspondence, ${r.files} stored files and ${r.auditRows} audit rows from ${r.from} into ${r.database}.`,
      };
    },
  },
];

export const TEAM_USAGE = `Team database (PostgreSQL; --database postgres://… or DISCLOSE_DATABASE_URL):
  team init                                   create or upgrade the schema, the roles disclose_officer and disclose_lead
  team officer add --login LOGIN --name NAME [--lead]
  team import --from DIR [--officer LOGIN]     move a local register (its data folder) into the team database
`;

