// The records contract: verification, backups, retention and anonymisation.
import { z } from 'zod';
import { REGIMES, type Regime } from '../domain/clocks/events';
import { isIsoDate } from '../domain/dates';

export interface VerifyProblem {
  kind: string;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: { cases: number; blobs: number; auditRows: number };
  problems: VerifyProblem[];
}

export interface BackupResult {
  file: string;
  size: number;
  createdAt: string;
  cases: number;
  blobs: number;
  auditChainHead: { id: number; hash: string };
}

export interface BackupStatus {
  /** The folder automatic backups go to; null when none is chosen. */
  folder: string | null;
  everyHours: number;
  keep: number;
  last: { at: string; file: string; size: number } | null;
  /** Hours since the last good backup; null when there has been none. */
  ageHours: number | null;
  /** What the officer should be told (no backup, or the last one is old); null when all is well. */
  warning: string | null;
}

export interface RetentionPolicy {
  regime: Regime;
  /** Years after the last action on the case. */
  years: number;
  /** Years after the last action where the requester complained to the regulator or appealed. */
  appealYears: number;
  source: string;
  edited: boolean;
}

export interface RetentionCandidate {
  reference: string;
  regime: Regime;
  lastAction: string;
  /** The date from which the case may be destroyed under the policy. */
  destroyFrom: string;
  appealed: boolean;
}

export interface RetentionView {
  policies: RetentionPolicy[];
  /** Cases past their retention date on `asOf`, oldest first (a review list; nothing is removed). */
  due: RetentionCandidate[];
  destroyed: number;
  asOf: string;
}

export interface RetentionOutcome {
  destroyed: string[];
  blobsRemoved: number;
}

const isoDate = z.string().refine(isIsoDate, 'Enter a real date as YYYY-MM-DD');
const years = z.number().int().min(0).max(100);
const empty = z.object({}).strict();
const reference = z.string().trim().min(1, 'Enter a case reference').max(60);

export const recordsInputSchemas = {
  'records:verify': empty,
  'records:backupStatus': empty,
  'records:backupNow': z.object({ reason: z.enum(['manual', 'schedule', 'close']).default('manual') }),
  'records:configureBackups': z.object({ folder: z.string().trim().max(4000).nullable(), everyHours: z.number().int().min(1).max(24 * 31), keep: z.number().int().min(1).max(1000) }),
  'retention:list': z.object({ asOf: isoDate.optional() }),
  'retention:setPolicy': z.object({ regime: z.enum(REGIMES), years, appealYears: years }),
  'retention:apply': z.object({ before: isoDate, confirm: z.literal(true, { error: 'Destruction needs confirmation' }) }),
  'cases:anonymise': z.object({ reference }),
} as const;

export interface RecordsOutputs {
  'records:verify': VerifyReport;
  'records:backupStatus': BackupStatus;
  'records:backupNow': BackupResult | null;
  'records:configureBackups': BackupStatus;
  'retention:list': RetentionView;
  'retention:setPolicy': RetentionView;
  'retention:apply': RetentionOutcome;
  'cases:anonymise': { reference: string; replaced: number };
}
