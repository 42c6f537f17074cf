// A case file as the officer sees it: the request, its requester, and where it stands.
import type { IsoDate } from './dates';
import type { CaseClocks, CaseEvent, CaseEventType, Regime } from './clocks/events';
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
}

export interface CaseEventRecord extends CaseEvent {
  id: number;
  recordedAt: string;
}

export type CaseStatus = 'open' | 'on-hold' | 'overdue' | 'responded' | 'under-review' | 'closed';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  'on-hold': 'On hold',
  overdue: 'Overdue',
  responded: 'Responded',
  'under-review': 'Internal review',
  closed: 'Closed',
};

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
  dueDate: IsoDate;
  /** Working days from today to the due date on the clock's calendar; negative when overdue. */
  daysLeft: number;
  status: CaseStatus;
  onHold: CaseClocks['onHold'];
  provisional: boolean;
  /** Answered within the deadline or a permitted extension; null while not yet known (§7). */
  inTime: boolean | null;
}

export interface CaseDetail extends CaseRecord {
  events: CaseEventRecord[];
  /** Every item in and out, oldest first, each with its attachments. */
  correspondence: CorrespondenceItem[];
  /** Files added to the case directly (not from an email). */
  attachments: AttachmentInfo[];
  clocks: CaseClocks;
  dueDate: IsoDate;
  daysLeft: number;
  status: CaseStatus;
}

function lastOf(events: readonly CaseEvent[], types: CaseEventType[]): CaseEvent | undefined {
  let found: CaseEvent | undefined;
  for (const e of events) if (types.includes(e.type) && (!found || e.date >= found.date)) found = e;
  return found;
}

/** Where a case stands, from its events and derived clocks (never stored). */
export function caseStatus(events: readonly CaseEvent[], clocks: CaseClocks, today: IsoDate): CaseStatus {
  if (lastOf(events, ['closed'])) return 'closed';
  const reviewRequested = lastOf(events, ['review-requested']);
  const reviewCompleted = lastOf(events, ['review-completed']);
  if (reviewRequested && (!reviewCompleted || reviewCompleted.date < reviewRequested.date)) return 'under-review';
  if (lastOf(events, ['responded'])) return 'responded';
  if (clocks.onHold) return 'on-hold';
  if (clocks.response.due < today) return 'overdue';
  return 'open';
}
