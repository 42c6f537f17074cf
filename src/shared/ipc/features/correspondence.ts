// Correspondence in and out of a case, its files, opening and saving them, and search.
import { z } from 'zod';
import { ATTACHMENT_ROLES, CHANNELS, DIRECTIONS, MARKABLE_EVENTS, type AttachmentInfo, type CorrespondenceItem, type ImportOutcome, type SearchHit } from '../../domain/correspondence';
import { CASE_EVENT_TYPES } from '../../domain/clocks/events';
import { channel, type Agrees, type Same } from '../define';
import { fileBytes, fileName, id, instantOrDate, isoDate, line, reference, text, voidReason } from '../fields';

const role = z.enum(ATTACHMENT_ROLES);
/** Files whose text is still to be read, how many this app has read since it opened, and whether it is reading now. */
const textProgress = z.object({ pending: z.number().int().nonnegative(), read: z.number().int().nonnegative(), reading: z.boolean() });

export const attachmentInfo = z.object({
  id: z.number(),
  correspondenceId: z.number().nullable(),
  filename: z.string(),
  originalFilename: z.string(),
  contentType: z.string(),
  sha256: z.string(),
  size: z.number(),
  role,
  inline: z.boolean(),
  textStatus: z.enum(['ok', 'encrypted', 'unreadable', 'not-applicable', 'pending']),
  textNote: z.string().nullable(),
});
type _Attachment = Agrees<Same<z.output<typeof attachmentInfo>, AttachmentInfo>>;

export const correspondenceItem = z.object({
  id: z.number(),
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  sentAt: z.string(),
  from: z.string(),
  to: z.string(),
  cc: z.string(),
  subject: z.string(),
  body: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])).nullable(),
  messageId: z.string().nullable(),
  sourceFilename: z.string().nullable(),
  sourceFormat: z.enum(['eml', 'msg']).nullable(),
  sourceSha256: z.string().nullable(),
  warnings: z.array(z.string()),
  markedAs: z.enum(CASE_EVENT_TYPES).nullable(),
  attachments: z.array(attachmentInfo),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
});
type _Item = Agrees<Same<z.output<typeof correspondenceItem>, CorrespondenceItem>>;

const importOutcome = z.object({
  added: z.array(z.object({ file: z.string(), kind: z.enum(['email', 'attachment']), id: z.number(), subject: z.string().optional(), attachments: z.number(), warnings: z.array(z.string()) })),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});
type _Import = Agrees<Same<z.output<typeof importOutcome>, ImportOutcome>>;

const searchHit = z.object({ reference: z.string(), kind: z.enum(['case', 'correspondence', 'attachment']), itemId: z.number(), title: z.string(), snippet: z.string() });
type _Hit = Agrees<Same<z.output<typeof searchHit>, SearchHit>>;

const caseCorrespondence = z.object({
  items: z.array(correspondenceItem),
  /** Files added to the case directly, not from an email. */
  direct: z.array(attachmentInfo),
});
export type CaseCorrespondence = z.output<typeof caseCorrespondence>;

const attachmentContent = z.object({
  info: attachmentInfo,
  kind: z.enum(['image', 'pdf', 'text', 'none']),
  dataBase64: z.string().nullable(),
  text: z.string().nullable(),
});
export type AttachmentContent = z.output<typeof attachmentContent>;

/** A file saved where the officer chose; nothing saved (and nulls) when they cancelled. */
export const saveResult = z.object({ saved: z.boolean(), path: z.string().nullable(), size: z.number(), sha256: z.string().nullable() });
export type SaveResult = z.output<typeof saveResult>;

/** A file the desktop app may read on the officer's behalf, named by a one-time token. */
const fileTicket = z.object({ token: z.string(), name: z.string(), size: z.number() });
export type FileTicket = z.output<typeof fileTicket>;

export const correspondence = {
  'correspondence:list': channel(z.object({ reference }), caseCorrespondence),
  'correspondence:add': channel(
    z.object({
      reference,
      direction: z.enum(DIRECTIONS),
      channel: z.enum(CHANNELS),
      sentAt: instantOrDate,
      from: text(500).default(''),
      to: text(500).default(''),
      subject: text(1000).default(''),
      body: text(1_000_000).default(''),
    }),
    z.array(correspondenceItem),
  ),
  'correspondence:mark': channel(
    z.object({ reference, id, as: z.enum(MARKABLE_EVENTS as [string, ...string[]]).transform((v) => v as (typeof MARKABLE_EVENTS)[number]), estimate: isoDate.optional() }),
    z.array(correspondenceItem),
  ),
  'correspondence:void': channel(z.object({ reference, id, reason: voidReason }), z.array(correspondenceItem)),
  'correspondence:import': channel(z.object({ reference, role: role.default('correspondence'), files: z.array(z.object({ name: fileName, data: fileBytes })).min(1).max(200) }), importOutcome),
  'correspondence:importChosen': channel(z.object({ reference, role: role.default('correspondence') }), importOutcome),
  // One-time tokens the desktop app issued for dropped or opened files (never paths, never bytes).
  'correspondence:importFiles': channel(z.object({ reference, role: role.default('correspondence'), tokens: z.array(z.string().min(16).max(100)).min(1).max(200) }), importOutcome),
  'files:opened': channel(z.object({}), z.array(fileTicket)),
  'attachments:content': channel(z.object({ id }), attachmentContent),
  'attachments:save': channel(z.object({ id }), saveResult),
  'attachments:setRole': channel(z.object({ id, role }), attachmentInfo),
  // The text of PDFs a large import left to be read after it: how many wait (in one case, or all), and reading them now.
  'text:pending': channel(z.object({ reference: reference.optional() }), textProgress),
  'text:read': channel(z.object({}), textProgress),
  'search:query': channel(z.object({ query: line(500), limit: z.number().int().min(1).max(500).default(50) }), z.array(searchHit)),
};
