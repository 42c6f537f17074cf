// The team database's commands: setting it up, adding officers, moving a local register in.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import { DATABASE_FILE } from '../core/constants';
import { importLocalRegister } from '../core/db/team-import';
import { positional, UsageError, type Parsed, required, str } from './args';
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
  team officers                               the officers of the team
  team workload                               each officer's active, overdue, due-this-week and on-hold cases
`;


/** Casework commands that belong to the team: allocation, notes, the officers and their load. */
export const TEAM_CASE_COMMANDS: Command[] = [
  {
    words: ['case', 'assign'],
    options: { to: { type: 'string' } },
    async run({ parsed: p, call }) {
      const c = await call('cases:assign', { reference: positional(p, 'A case reference'), to: required(p, 'to') });
      return { value: c, text: `${c.reference} is allocated to ${c.officer}.` };
    },
  },
  {
    words: ['case', 'note'],
    options: { text: { type: 'string' } },
    async run({ parsed: p, call }) {
      const reference = positional(p, 'A case reference');
      const notes = await call('cases:addNote', { reference, text: required(p, 'text').replace(/\\n/g, '\n') });
      return { value: notes[0], text: `Added a note to ${reference}.` };
    },
  },
  {
    words: ['case', 'notes'],
    options: {},
    async run({ parsed: p, call }) {
      const notes = await call('cases:notes', { reference: positional(p, 'A case reference') });
      return { value: notes, text: notes.length ? notes.map((n) => `${n.at} ${n.author}\n  ${n.text.replace(/\n/g, '\n  ')}`).join('\n') : 'No notes.' };
    },
  },
  {
    words: ['team', 'officers'],
    options: {},
    async run({ call }) {
      const list = await call('team:officers', {});
      return { value: list, text: list.length ? list.map((o) => `${o.login}\t${o.name}${o.lead ? '\t(lead)' : ''}`).join('\n') : 'No officers yet.' };
    },
  },
  {
    words: ['team', 'workload'],
    options: {},
    async run({ parsed: p, call }) {
      const today = str(p, 'today');
      const rows = await call('team:workload', today ? { today } : {});
      return {
        value: rows,
        text: ['Officer\tActive\tOverdue\tDue this week\tOn hold', ...rows.map((r) => `${r.name}${r.officer ? ` (${r.officer})` : ''}\t${r.active}\t${r.overdue}\t${r.dueThisWeek}\t${r.onHold}`)].join('\n'),
      };
    },
  },
];
