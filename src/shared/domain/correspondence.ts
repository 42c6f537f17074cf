// Correspondence in and out of a case, and the files that came with it or were added to it.
import type { CaseEventType } from './clocks/events';

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CHANNELS = ['email', 'post', 'portal', 'phone', 'in-person', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  post: 'Post',
  portal: 'Online portal',
  phone: 'Phone note',
  'in-person': 'In person or by hand',
  other: 'Other',
};

/** What a file is to the case: what the regulator asks to see separately (docs/law.md §6.3). */
export const ATTACHMENT_ROLES = ['correspondence', 'disclosed', 'withheld', 'evidence'] as const;
export type AttachmentRole = (typeof ATTACHMENT_ROLES)[number];

export const ROLE_LABELS: Record<AttachmentRole, string> = {
  correspondence: 'Correspondence',
  disclosed: 'Information disclosed',
  withheld: 'Information withheld',
  evidence: 'Evidence or search record',
};

/** Events an incoming or outgoing item can be marked as, putting it on the case timeline. */
export const MARKABLE_EVENTS: readonly CaseEventType[] = [
  'acknowledged',
  'clarification-sought',
  'clarification-received',
  'fees-notice',
  'fee-received',
  'pit-extension',
  'eir-extension',
  'sar-extension',
  'responded',
  'review-requested',
  'review-completed',
  'ico-complaint',
  'ico-decision',
  'tribunal-appeal',
];

/** 'pending': a PDF stored by an import whose text is still to be read for search (in the background, straight after). */
export type TextStatus = 'ok' | 'encrypted' | 'unreadable' | 'not-applicable' | 'pending';

export interface AttachmentInfo {
  id: number;
  correspondenceId: number | null;
  /** Safe to write to any file system; the name as received is kept in originalFilename. */
  filename: string;
  originalFilename: string;
  contentType: string;
  sha256: string;
  size: number;
  role: AttachmentRole;
  inline: boolean;
  /** Whether text could be extracted for search ("text not extracted" otherwise, with the reason). */
  textStatus: TextStatus;
  textNote: string | null;
}

export interface CorrespondenceItem {
  id: number;
  direction: Direction;
  channel: Channel;
  /** ISO instant (or a date, for items logged by hand). */
  sentAt: string;
  from: string;
  to: string;
  cc: string;
  subject: string;
  body: string;
  headers: [string, string][] | null;
  messageId: string | null;
  sourceFilename: string | null;
  sourceFormat: 'eml' | 'msg' | null;
  sourceSha256: string | null;
  warnings: string[];
  /** The timeline event this item was marked as, if any. */
  markedAs: CaseEventType | null;
  attachments: AttachmentInfo[];
  /** Voided items stay in the record, struck through, and leave the bundle and the clocks. */
  voided: boolean;
  voidReason: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
}

export interface ImportOutcome {
  added: { file: string; kind: 'email' | 'attachment'; id: number; subject?: string; attachments: number; warnings: string[] }[];
  skipped: { file: string; reason: string }[];
}

export interface SearchHit {
  reference: string;
  kind: 'case' | 'correspondence' | 'attachment';
  itemId: number;
  title: string;
  /** The hit in context, with the matched words between [ and ]. */
  snippet: string;
}
