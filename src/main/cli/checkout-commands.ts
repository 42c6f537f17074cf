// Taking team cases offline: check-out into a folder, work there without --database, check-in; a
// lead's release; the copies kept aside when a lease was lost.
import { resolve } from 'node:path';
import { fromDate, isIsoDate } from '../../shared/domain/dates';
import { leaseText } from '../../shared/domain/checkout';
import { openPostgres } from '../core/db/postgres';
import { checkoutCases, openLocalSide } from '../core/services/checkout.service';
import { checkinCases } from '../core/services/checkin.service';
import { removeEmptyCopies } from '../core/services/checkout-app.service';
import { positional, required, str, UsageError, type Parsed } from './args';
import type { Command } from './commands';
import { databaseUrl } from './database';

function refsOf(p: Parsed): string[] {
  if (p.positionals.length === 0) throw new UsageError('Name at least one case reference');
  return p.positionals;
}

function idOf(p: Parsed): { id: number } | { reference: string } {
  const id = str(p, 'id');
  if (id !== undefined) {
    if (!/^\d+$/u.test(id) || p.positionals.length > 0) throw new UsageError('--id N names the copy kept aside (give it or a case reference, not both)');
    return { id: Number(id) };
  }
  return { reference: positional(p, 'A case reference (or --id N)') };
}

/** Runs `work` with the team database (as the login) and the folder of copies, both closed after. */
async function bothSides<T>(p: Parsed, now: Date, work: (team: Awaited<ReturnType<typeof openPostgres>>, local: Awaited<ReturnType<typeof openLocalSide>>) => Promise<T>): Promise<T> {
  const url = databaseUrl(p);
  if (!url) throw new UsageError('--database postgres://… (or DISCLOSE_DATABASE_URL) is required: it names the team database');
  const dir = str(p, 'data-dir');
  if (!dir) throw new UsageError('--data-dir DIR is required: the folder that holds the checked-out copies');
  const team = await openPostgres(url);
  try {
    const local = await openLocalSide(resolve(dir), team.login, () => now);
    try {
      return await work(team, local);
    } finally {
      await local.close();
    }
  } finally {
    await team.db.destroy();
  }
}

export const CHECKOUT_COMMANDS: Command[] = [
  {
    words: ['case', 'checkout'],
    options: { until: { type: 'string' } },
    // Opens the team database and the folder itself.
    standalone: true,
    async run({ parsed: p, now }) {
      const refs = refsOf(p);
      const until = str(p, 'until');
      if (until !== undefined && !isIsoDate(until)) throw new UsageError('--until must be a date as YYYY-MM-DD');
      const r = await bothSides(p, now, (team, local) =>
        checkoutCases({ db: team.db, login: team.login, lead: team.lead, display: team.display }, local, refs, { until, today: fromDate(now) }),
      );
      return {
        value: r,
        text: [
          ...r.cases.map((c) => `Checked out ${c.reference} until ${c.until} (${c.files} stored file${c.files === 1 ? '' : 's'}).`),
          `The copies are in ${r.folder}: work on them there without --database, even with the team database out of reach;`,
          'colleagues see them read-only until you run "case checkin".',
        ].join('\n'),
      };
    },
  },
  {
    words: ['case', 'checkin'],
    options: {},
    standalone: true,
    async run({ parsed: p, now }) {
      const refs = refsOf(p);
      const r = await bothSides(p, now, (team, local) => checkinCases({ db: team.db, login: team.login, lead: team.lead, display: team.display }, local, refs, { now: () => now }));
      // Once nothing is out, the folder's register goes: the team database holds it all.
      if (r.remaining === 0) removeEmptyCopies(r.folder);
      const kept = r.cases.filter((c) => c.outcome === 'kept-aside');
      const lines = r.cases.map((c) =>
        c.outcome === 'already'
          ? `${c.reference} was checked in already.`
          : c.outcome === 'kept-aside'
            ? `${c.reference}: ${c.reason}. Your copy was kept aside on the team database (#${c.pendingId}) for a lead to merge; nothing was written to the case.`
            : `Checked in ${c.reference}: ${c.offline} change${c.offline === 1 ? '' : 's'} made offline (${c.changes.added} added, ${c.changes.changed} changed, ${c.changes.removed} removed).`,
      );
      lines.push(r.remaining === 0 ? `Nothing is checked out to ${r.folder} any more: its copies were removed.` : `${r.remaining} case${r.remaining === 1 ? ' is' : 's are'} still checked out to ${r.folder}.`);
      return {
        value: r,
        text: lines.join('\n'),
        ...(kept.length ? { exitCode: 1, problem: `${kept.map((c) => c.reference).join(', ')} ${kept.length === 1 ? 'was' : 'were'} kept aside for a lead to merge, not checked in.` } : {}),
      };
    },
  },
  {
    words: ['case', 'release'],
    options: { reason: { type: 'string' } },
    async run({ parsed: p, call }) {
      const r = await call('checkout:release', { reference: positional(p, 'A case reference'), reason: str(p, 'reason') ?? '' });
      return { value: r, text: `Released ${r.reference} from ${r.holder}: colleagues can change it again; the copy, if it comes back, is kept aside for a lead to merge.` };
    },
  },
  {
    words: ['case', 'checkouts'],
    options: {},
    async run({ call }) {
      const list = await call('checkout:leases', {});
      return { value: list, text: list.length ? list.map((l) => `${l.reference}\t${leaseText(l)}${l.risk ? `\t(${l.risk})` : ''}`).join('\n') : 'No case is checked out.' };
    },
  },
  {
    words: ['case', 'checkin-conflicts'],
    options: { all: { type: 'boolean', default: false } },
    async run({ parsed: p, call }) {
      const list = await call('checkout:keptAside', { all: p.values.all === true });
      return {
        value: list,
        text: list.length
          ? list.map((k) => `#${k.id}\t${k.reference}\tfrom ${k.officer}, ${k.submittedAt.slice(0, 16).replace('T', ' ')}: ${k.reason}${k.resolvedAt ? `\tmerged by ${k.resolvedBy}` : ''}`).join('\n')
          : 'No checked-out copy is waiting to be merged.',
      };
    },
  },
  {
    words: ['case', 'conflict', 'show'],
    options: { id: { type: 'string' } },
    async run({ parsed: p, call }) {
      const c = await call('checkout:keptAsideCopy', idOf(p));
      const out = [`#${c.id} ${c.reference}: the copy ${c.officer} checked out on ${c.takenAt.slice(0, 10)} came back after ${c.reason}.`, ''];
      for (const s of c.sections) {
        out.push(`${s.label}:`);
        for (const r of s.rows) {
          out.push(`  ${r.label} [${r.state}]`);
          for (const f of r.fields) out.push(`    ${f.column}: checked out "${f.checkedOut ?? '—'}" | laptop "${f.laptop ?? '—'}" | live "${f.live ?? '—'}"`);
        }
      }
      if (c.sections.length === 0) out.push('The copy and the live case do not differ.');
      out.push('', 'Made offline:', ...c.offline.map((a) => `  ${a.at.slice(0, 16).replace('T', ' ')} ${a.summary}`));
      return { value: c, text: out.join('\n') };
    },
  },
  {
    words: ['case', 'conflict', 'resolve'],
    options: { id: { type: 'string' }, note: { type: 'string' } },
    async run({ parsed: p, call }) {
      const c = await call('checkout:merged', { ...idOf(p), note: required(p, 'note') });
      return { value: c, text: `Marked the copy #${c.id} of ${c.reference} as merged.` };
    },
  },
];

export const CHECKOUT_USAGE = `Working offline (the team database):
  case checkout REF... --data-dir DIR --database URL [--until YYYY-MM-DD]
              copy each case whole into the register in DIR and check it out to you (14 days unless
              --until); colleagues see it read-only; work on it with --data-dir DIR alone
  case checkin REF... --data-dir DIR --database URL
              write the changes made offline to the team database and return the case; a case a lead
              released meanwhile is kept aside for merging (exit 1)
  case checkouts                              the cases checked out now, by whom, until when
  case release REF [--reason T]               a lead takes a case back (a lost laptop, say)
  case checkin-conflicts [--all]              copies kept aside, waiting for a lead to merge them
  case conflict show REF | --id N             a kept-aside copy beside the live case
  case conflict resolve REF | --id N --note T  a lead marks it merged
`;
