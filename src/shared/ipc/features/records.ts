// The records: verification, backups, retention and anonymisation.
import { z } from 'zod';
import { REGIMES } from '../../domain/clocks/events';
import { isIsoDate } from '../../domain/dates';
import { channel } from '../define';
import { empty } from '../fields';

const verifyReport = z.object({
  ok: z.boolean(),
  checked: z.object({ cases: z.number(), blobs: z.number(), auditRows: z.number() }),
  problems: z.array(z.object({ kind: z.string(), detail: z.string() })),
});
export type VerifyReport = z.output<typeof verifyReport>;
export type VerifyProblem = VerifyReport['problems'][number];

const backupResult = z.object({
  file: z.string(),
  size: z.number(),
  createdAt: z.string(),
  cases: z.number(),
  blobs: z.number(),
  auditChainHead: z.object({ id: z.number(), hash: z.string() }),
});
export type BackupResult = z.output<typeof backupResult>;

const backupStatus = z.object({
  /** The folder automatic backups go to; null when none is chosen. */
  folder: z.string().nullable(),
  everyHours: z.number(),
  keep: z.number(),
  last: z.object({ at: z.string(), file: z.string(), size: z.number() }).nullable(),
  /** Hours since the last good backup; null when there has been none. */
  ageHours: z.number().nullable(),
  /** What the officer should be told (no backup, or the last one is old); null when all is well. */
  warning: z.string().nullable(),
});
export type BackupStatus = z.output<typeof backupStatus>;

const retentionPolicy = z.object({
  regime: z.enum(REGIMES),
  /** Years after the last action on the case. */
  years: z.number(),
  /** Years after the last action where the requester complained to the regulator or appealed. */
  appealYears: z.number(),
  source: z.string(),
  edited: z.boolean(),
});
export type RetentionPolicy = z.output<typeof retentionPolicy>;

const retentionCandidate = z.object({
  reference: z.string(),
  regime: z.enum(REGIMES),
  lastAction: z.string(),
  /** The date from which the case may be destroyed under the policy. */
  destroyFrom: z.string(),
  appealed: z.boolean(),
});
export type RetentionCandidate = z.output<typeof retentionCandidate>;

const retentionView = z.object({
  policies: z.array(retentionPolicy),
  /** Cases past their retention date on `asOf`, oldest first (a review list; nothing is removed). */
  due: z.array(retentionCandidate),
  destroyed: z.number(),
  asOf: z.string(),
});
export type RetentionView = z.output<typeof retentionView>;

const retentionOutcome = z.object({ destroyed: z.array(z.string()), blobsRemoved: z.number() });
export type RetentionOutcome = z.output<typeof retentionOutcome>;

// Dates and references here predate the shared field rules and keep their own, looser, checks.
const isoDate = z.string().refine(isIsoDate, 'Enter a real date as YYYY-MM-DD');
const years = z.number().int().min(0).max(100);
const reference = z.string().trim().min(1, 'Enter a case reference').max(60);

export const records = {
  'records:verify': channel(empty, verifyReport),
  'records:backupStatus': channel(empty, backupStatus),
  'records:backupNow': channel(z.object({ reason: z.enum(['manual', 'schedule', 'close']).default('manual') }), backupResult.nullable()),
  'records:configureBackups': channel(z.object({ folder: z.string().trim().max(4000).nullable(), everyHours: z.number().int().min(1).max(24 * 31), keep: z.number().int().min(1).max(1000) }), backupStatus),
  'retention:list': channel(z.object({ asOf: isoDate.optional() }), retentionView),
  'retention:setPolicy': channel(z.object({ regime: z.enum(REGIMES), years, appealYears: years }), retentionView),
  'retention:apply': channel(z.object({ before: isoDate, confirm: z.literal(true, { error: 'Destruction needs confirmation' }) }), retentionOutcome),
  'cases:anonymise': channel(z.object({ reference }), z.object({ reference: z.string(), replaced: z.number() })),
};
