// The records commands: verify, backup, restore, retention and anonymisation.
import { resolve } from 'node:path';
import { restoreBackup } from '../core/backup/restore';
import { isIsoDate } from '../../shared/domain/dates';
import { required, UsageError, type Parsed } from './args';
import type { Command } from './commands';

function onePositional(p: Parsed, what: string): string {
  const v = p.positionals[0];
  if (v === undefined) throw new UsageError(`${what} is required`);
  if (p.positionals.length > 1) throw new UsageError(`Unexpected argument: ${p.positionals[1]}`);
  return v;
}

const noPositionals = (p: Parsed) => {
  if (p.positionals.length > 0) throw new UsageError(`Unexpected argument: ${p.positionals[0]}`);
};

export const RECORDS_COMMANDS: Command[] = [
  {
    words: ['verify'],
    options: {},
    async run({ parsed: p, call }) {
      noPositionals(p);
      const r = await call('records:verify', {});
      const text = [
        r.ok ? 'Verified: no problems found.' : `Verification found ${r.problems.length} problem(s):`,
        ...r.problems.map((x) => `  ${x.kind}: ${x.detail}`),
        `Checked ${r.checked.cases} cases, ${r.checked.blobs} stored files, ${r.checked.auditRows} audit rows.`,
      ].join('\n');
      return { value: r, text, exitCode: r.ok ? 0 : 1 };
    },
  },
  {
    words: ['backup'],
    options: { out: { type: 'string' } },
    async run({ parsed: p, call }) {
      noPositionals(p);
      required(p, 'out');
      const r = await call('records:backupNow', { reason: 'manual' });
      if (!r) throw new UsageError('--out FILE is required');
      return { value: r, text: `Backed up ${r.cases} cases and ${r.blobs} stored files to ${r.file} (${r.size} bytes); audit chain head ${r.auditChainHead.id}:${r.auditChainHead.hash.slice(0, 16)}…` };
    },
  },
  {
    words: ['restore'],
    options: { replace: { type: 'boolean', default: false } },
    // Runs without opening the target: it may be empty, or about to be set aside.
    standalone: true,
    async run({ parsed: p, now }) {
      const file = resolve(onePositional(p, 'The backup FILE'));
      const dir = required(p, 'data-dir');
      const r = await restoreBackup(file, dir, { replace: p.values.replace === true, now });
      return {
        value: r,
        text: `Restored the backup of ${r.createdAt} into ${r.dataDir}: ${r.checked.cases} cases, ${r.checked.blobs} stored files, ${r.checked.auditRows} audit rows, every hash checked.${r.setAside ? `\nThe folder that was there is kept as ${r.setAside}.` : ''}`,
      };
    },
  },
  {
    words: ['retention', 'list'],
    options: {},
    async run({ parsed: p, call }) {
      noPositionals(p);
      const r = await call('retention:list', {});
      const text = [
        ...r.policies.map((x) => `${x.regime.toUpperCase()}: ${x.years} years after the last action, ${x.appealYears} after a complaint or appeal${x.edited ? ' (set by the authority)' : ''}`),
        `Source: ${r.policies.find((x) => !x.edited)?.source ?? 'set by the authority'}`,
        '',
        r.due.length === 0 ? `No case is past its retention date on ${r.asOf}.` : `Past their retention date on ${r.asOf}:`,
        ...r.due.map((c) => `  ${c.reference}  ${c.regime.toUpperCase()}  last action ${c.lastAction}${c.appealed ? ' (appealed)' : ''}  may be destroyed from ${c.destroyFrom}`),
        `Already destroyed: ${r.destroyed}`,
      ].join('\n');
      return { value: r, text };
    },
  },
  {
    words: ['retention', 'apply'],
    options: { before: { type: 'string' }, confirm: { type: 'boolean', default: false } },
    async run({ parsed: p, call }) {
      noPositionals(p);
      const before = required(p, 'before');
      if (!isIsoDate(before)) throw new UsageError('--before must be a date as YYYY-MM-DD');
      if (p.values.confirm !== true) throw new UsageError('Destruction cannot be undone: add --confirm (run "retention list" first to review)');
      const r = await call('retention:apply', { before, confirm: true });
      return { value: r, text: r.destroyed.length === 0 ? 'No case was due for destruction.' : `Destroyed the content of ${r.destroyed.join(', ')}; ${r.blobsRemoved} stored files removed. A minimal record of each remains for the statistics.` };
    },
  },
  {
    words: ['case', 'anonymise'],
    options: {},
    async run({ parsed: p, call }) {
      const r = await call('cases:anonymise', { reference: onePositional(p, 'The case reference') });
      return { value: r, text: `Anonymised the requester of ${r.reference} (${r.replaced} stored values changed).` };
    },
  },
];

export const RECORDS_USAGE = `  verify        check the database, every stored file, the audit chain and content hashes (exit 1 on a problem)
  backup --out FILE         one file with the database, every stored file and a manifest of SHA-256s
  restore FILE --data-dir DIR [--replace]
              into an empty folder, or replacing the one there (kept, renamed); every hash checked
  retention list            the retention policy per regime and the cases past their date
  retention apply --before YYYY-MM-DD --confirm
              destroy the content of cases past their date, keeping a minimal record
  case anonymise REF        replace the requester's details wherever the case stores them
`;
