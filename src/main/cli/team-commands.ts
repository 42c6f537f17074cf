// The team database's commands: setting it up, adding officers, moving a local register in.
import { UsageError, type Parsed, required } from './args';
import type { Command } from './commands';
import { addOfficer, teamInit } from '../core/team';
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
];

export const TEAM_USAGE = `Team database (PostgreSQL; --database postgres://… or DISCLOSE_DATABASE_URL):
  team init                                   create or upgrade the schema, the roles disclose_officer and disclose_lead
  team officer add --login LOGIN --name NAME [--lead]
`;

