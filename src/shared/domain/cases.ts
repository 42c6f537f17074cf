// A case file as the officer sees it: the request, its requester, and where it stands.
import type { IsoDate } from './dates';
import type { CaseClocks, CaseEvent, Regime } from './clocks/events';
import type { CaseStanding, CaseStatus, DeadlineInForce, ResponseOutcome, ReviewOutcome } from './status';
import type { AttachmentInfo, CorrespondenceItem } from './correspondence';

export interface Requester {
  name: string;
  email: string;
  /** Postal address, one line per line. */
  address: string;
  organisation: string;
}

export interface CaseRecord {
  reference: string;
  regime: Regime;
  /** The day the request arrived (day 0), even a weekend or bank holiday (ICO LTT47). */
  received: IsoDate;
  requester: Requester;
  summary: string;
  requestText: string;
  createdAt: string;
  updatedAt: string;
  /** The login of the officer the case is allocated to; null when nobody has it yet. */
  officer: string | null;
  /** Moves on with every recorded change, so that a save made from an older copy is refused. */
  version: number;
}

export interface CaseEventRecord extends CaseEvent {
  id: number;
  recordedAt: string;
  voided: boolean;
  voidReason: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
}

export { STATUS_LABELS, type CaseStatus } from './status';

export const REGIME_LABELS: Record<Regime, string> = {
  foia: 'FOIA',
  eir: 'EIR',
  eisr: 'EISR',
  foisa: 'FOISA',
  sar: 'SAR',
};

export const REGIME_NAMES: Record<Regime, string> = {
  foia: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
  eisr: 'Environmental Information (Scotland) Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002',
  sar: 'UK GDPR subject access',
};

export interface CaseListItem {
  reference: string;
  regime: Regime;
  requesterName: string;
  summary: string;
  received: IsoDate;
  /** The statutory response deadline (after restarts, pauses and extensions). */
  dueDate: IsoDate;
  /** Days to the deadline in force on its own calendar; negative when overdue; null when none is in force. */
  daysLeft: number | null;
  status: CaseStatus;
  /** The date the authority must act by now (response, extension, review, appeal window), if any. */
  deadline: DeadlineInForce | null;
  standing: CaseStanding;
  outcome: ResponseOutcome | null;
  onHold: CaseClocks['onHold'];
  provisional: boolean;
  /** Answered within the deadline or a permitted extension; null while not yet known (§7). */
  inTime: boolean | null;
  officer: string | null;
}

export interface CaseDetail extends CaseRecord {
  events: CaseEventRecord[];
  /** Every item in and out, oldest first, each with its attachments. */
  correspondence: CorrespondenceItem[];
  /** Files added to the case directly (not from an email). */
  attachments: AttachmentInfo[];
  clocks: CaseClocks;
  dueDate: IsoDate;
  daysLeft: number | null;
  status: CaseStatus;
  deadline: DeadlineInForce | null;
  standing: CaseStanding;
  outcome: ResponseOutcome | null;
  reviewOutcome: ReviewOutcome | null;
  /** Earlier or later requests that look the same (same requester, similar summary, 60 working days). */
  possibleDuplicates: { reference: string; received: IsoDate; summary: string }[];
}
