// The typed contract, derived from the features' declarations (features/*.ts): for each channel
// what the caller sends, what the core receives after parsing, and what it answers; and the
// result envelope the renderer sees.
import type { z } from 'zod';
import type { Result } from '../errors';
import type { Channel } from './channels';
import type { Contract } from './features';

export type { Channel } from './channels';
export type { AppInfo } from './features/app';
export type { AuditEntry } from './features/audit';
export type { HolidayList, HolidayChange, DueDateChange } from './features/holidays';
export type { CostView } from './features/costs';
export type { TemplateInfo, LetterDraft } from './features/letters';
export type { CaseCorrespondence, AttachmentContent, SaveResult, FileTicket } from './features/correspondence';
export type { BundlePreview, BundleExport, BundleProgress } from './features/bundles';
export type { VerifyProblem, VerifyReport, BackupResult, BackupStatus, RetentionPolicy, RetentionCandidate, RetentionView, RetentionOutcome } from './features/records';
import type { FileTicket } from './features/correspondence';

/** What the caller sends (before defaults are applied). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What the core receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The API the renderer sees as `window.api`. */
export interface DiscloseApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Desktop app only: tickets for dropped or chosen files, read by path in main (the browser
   * fallback has no paths and sends the bytes with correspondence:import instead). */
  fileTickets?(files: File[]): Promise<(FileTicket | null)[]>;
}
