// Case files: the register, one case with its timeline and clocks, and changes to them.
import { z } from 'zod';
import { CASE_EVENT_TYPES } from '../../domain/clocks/events';
import type { CaseClocks } from '../../domain/clocks/events';
import type { CaseDetail, CaseListItem } from '../../domain/cases';
import { CASE_FILTERS } from '../../domain/reports';
import { CASE_SORT_KEYS } from '../../domain/case-list';
import { CASE_STATUSES, RESPONSE_OUTCOMES, REVIEW_OUTCOMES, type CaseStanding } from '../../domain/status';
import { channel, type Agrees, type Same } from '../define';
import { email, id, isoDate, line, reference, regime, requiredText, text, voidReason } from '../fields';
import { attachmentInfo, correspondenceItem } from './correspondence';
import { calendarName, clockResult } from './deadlines';

export const requesterInput = z.object({
  name: requiredText(300, "the requester's name"),
  email: email.default(''),
  address: text(1000).default(''),
  organisation: text(300).default(''),
});

const createCaseInput = z.object({
  regime,
  received: isoDate,
  requester: requesterInput,
  summary: text(500).default(''),
  requestText: text(100_000).default(''),
  /** Only for cases carried over from another system; new cases take the next reference. */
  reference: reference.optional(),
});

const updateCaseInput = z.object({
  reference,
  /** The version the change was made from: refused (CONFLICT) when the case has moved on since. */
  ifVersion: z.number().int().nonnegative().optional(),
  changes: z.object({ regime, received: isoDate, requester: requesterInput, summary: text(500), requestText: text(100_000) }).partial(),
});

const addEventInput = z.object({
  reference,
  type: z.enum(CASE_EVENT_TYPES),
  date: isoDate,
  estimate: isoDate.optional(),
  note: text(5000).optional(),
  /** With 'responded' (granted … transferred) or 'review-completed' (upheld, partly-upheld, overturned). */
  outcome: z.enum([...RESPONSE_OUTCOMES, ...REVIEW_OUTCOMES], { error: `Outcome must be one of ${[...RESPONSE_OUTCOMES, ...REVIEW_OUTCOMES].join(', ')}` }).optional(),
});

const caseListInput = z.object({
  today: isoDate.optional(),
  filter: z.enum(CASE_FILTERS).default('all'),
  regime: regime.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Words to find in the reference, requester or summary (all of them, any case). */
  text: line(200).optional(),
  /** Only the cases allocated to the officer using the app. */
  mine: z.boolean().optional(),
  /** Only the cases allocated to this officer (a login). */
  officer: line(63).optional(),
  /** The column the list is sorted by (newest received first when not given), and which way. */
  sort: z.enum(CASE_SORT_KEYS).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

const casePageInput = caseListInput.extend({
  /** Rows on the page. */
  limit: z.number().int().min(1).max(1000).default(50),
  /** The `next` of the page before; the first page without it. */
  after: z.string().max(4000).optional(),
});

const onHold = z.enum(['clarification', 'fee', 'identity']).nullable();
const derivedDeadline = clockResult.extend({
  key: z.string(),
  label: z.string(),
  status: z.enum(['pending', 'met', 'missed', 'not-applicable']),
  metOn: z.string().nullable().optional(),
  completedBy: z.enum(CASE_EVENT_TYPES).nullable().optional(),
  warning: z.string().nullable().optional(),
});
const caseClocks = z.object({ response: derivedDeadline, onHold, deadlines: z.array(derivedDeadline) });
type _Clocks = Agrees<Same<z.output<typeof caseClocks>, CaseClocks>>;

const deadlineInForce = z.object({ key: z.string(), label: z.string(), due: z.string(), calendar: calendarName });
const outcome = z.enum(RESPONSE_OUTCOMES).nullable();
const reviewOutcome = z.enum(REVIEW_OUTCOMES).nullable();
const standing = z.object({
  status: z.enum(CASE_STATUSES),
  deadline: deadlineInForce.nullable(),
  daysLeft: z.number().nullable(),
  onHold: z.enum(['clarification', 'fee', 'identity', 'fee-unpaid']).nullable(),
  extendedTo: z.string().nullable(),
  outcome,
  reviewOutcome,
});
type _Standing = Agrees<Same<z.output<typeof standing>, CaseStanding>>;

/** Where a case stands, as both the register and the case itself show it. */
const where = {
  dueDate: z.string(),
  daysLeft: z.number().nullable(),
  status: z.enum(CASE_STATUSES),
  deadline: deadlineInForce.nullable(),
  standing,
  outcome,
};

export const caseListItem = z.object({
  reference: z.string(),
  regime,
  requesterName: z.string(),
  summary: z.string(),
  received: z.string(),
  ...where,
  onHold,
  provisional: z.boolean(),
  inTime: z.boolean().nullable(),
  officer: z.string().nullable(),
});
type _ListItem = Agrees<Same<z.output<typeof caseListItem>, CaseListItem>>;

const caseEventRecord = z.object({
  type: z.enum(CASE_EVENT_TYPES),
  date: z.string(),
  estimate: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  outcome: z.string().nullable().optional(),
  id: z.number(),
  recordedAt: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedBy: z.string().nullable(),
});

export const caseDetail = z.object({
  reference: z.string(),
  regime,
  received: z.string(),
  requester: z.object({ name: z.string(), email: z.string(), address: z.string(), organisation: z.string() }),
  summary: z.string(),
  requestText: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  officer: z.string().nullable(),
  version: z.number().int(),
  events: z.array(caseEventRecord),
  correspondence: z.array(correspondenceItem),
  attachments: z.array(attachmentInfo),
  clocks: caseClocks,
  ...where,
  reviewOutcome,
  possibleDuplicates: z.array(z.object({ reference: z.string(), received: z.string(), summary: z.string() })),
});
type _Detail = Agrees<Same<z.output<typeof caseDetail>, CaseDetail>>;

export const cases = {
  'cases:list': channel(caseListInput, z.array(caseListItem)),
  'cases:page': channel(casePageInput, z.object({ items: z.array(caseListItem), next: z.string().nullable(), total: z.number().int() })),
  'cases:get': channel(z.object({ reference }), caseDetail),
  'cases:create': channel(createCaseInput, caseDetail),
  'cases:update': channel(updateCaseInput, caseDetail),
  'cases:addEvent': channel(addEventInput, caseDetail),
  'cases:voidEvent': channel(z.object({ reference, eventId: id, reason: voidReason }), caseDetail),
};
