// zod input schemas: the one place where what may cross into main is defined. Main parses every
// payload with these before the core sees it; the renderer uses them to validate forms.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { CASE_EVENT_TYPES, REGIMES } from '../domain/clocks/events';
import { REGIONS } from '../domain/calendar/holidays';
import { CLOCK_NAMES } from '../domain/clocks/clocks';
import { referenceFormatProblem } from '../domain/reference';
import { LETTER_KINDS } from '../domain/letters/kinds';
import { SEND_CHANNELS } from '../domain/letters/sending';
import { CASE_FILTERS } from '../domain/reports';
import { CASE_STATUSES, RESPONSE_OUTCOMES, REVIEW_OUTCOMES } from '../domain/status';
import { COST_ACTIVITIES } from '../domain/costs/types';
import { recordsInputSchemas } from './records';
import { ATTACHMENT_ROLES, CHANNELS, DIRECTIONS, MARKABLE_EVENTS } from '../domain/correspondence';
import { redactionSchemas } from './redaction-schemas';

/**
 * The one rule for text that crosses into main: C0/C1 control characters (NUL included), bidi
 * overrides and isolates are refused, since stored they make one value display as another (a
 * reference "FOI/\u202e0001/6202" reads as a different case). Tab and newline are fine in free text.
 */
// eslint-disable-next-line no-control-regex -- the point of the pattern is to find control characters
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
// eslint-disable-next-line no-control-regex -- as above, and a one-line field takes no tab or newline either
const UNSAFE_LINE = /[\u0000-\u001f]/u;
export function unsafeTextProblem(s: string, oneLine = false): string | null {
  if (UNSAFE_TEXT.test(s)) return 'Contains control characters or direction overrides';
  if (oneLine && UNSAFE_LINE.test(s)) return 'Must be a single line';
  return null;
}
const safe = (oneLine: boolean) => (s: string, ctx: z.RefinementCtx) => {
  const problem = unsafeTextProblem(s, oneLine);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** Text as typed: NFC-normalised (so "Zoë" is one form however it was typed), unsafe characters refused. */
const text = (max: number) =>
  z
    .string()
    .max(max, `Must be ${max} characters or fewer`)
    .superRefine(safe(false))
    .transform((s) => s.normalize('NFC'));

/** A short value on one line (a name, a reference, a query). */
const line = (max: number) => z.string().max(max, `Must be ${max} characters or fewer`).superRefine(safe(true));

const requiredText = (max: number, what: string) =>
  text(max).refine((s) => s.trim() !== '', `Enter ${what}`).transform((s) => s.trim());

/** Dates a case file can hold: no request predates FOIA's passing, none is due after this century. */
export const DATE_RANGE = { from: '1990-01-01', to: '2100-12-31' } as const;
const inRange = (s: string) => s.slice(0, 10) >= DATE_RANGE.from && s.slice(0, 10) <= DATE_RANGE.to;
export const isoDate = z
  .string()
  .refine(isIsoDate, 'Enter a real date as YYYY-MM-DD')
  .refine(inRange, `Enter a date between ${DATE_RANGE.from.slice(0, 4)} and ${DATE_RANGE.to.slice(0, 4)}`);
export const regime = z.enum(REGIMES, { error: 'Regime must be one of foia, eir, eisr, foisa, sar' });
export const reference = line(200).transform((s) => s.trim()).pipe(z.string().min(1, 'Enter a case reference').max(60));
const email = line(400)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(254)
      .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Enter an email address like name@example.org'),
  );

export const settingsInput = z.object({
  name: requiredText(200, "the authority's name"),
  address: text(1000),
  email,
  centralGovernment: z.boolean(),
  referenceFormat: line(200)
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const problem = referenceFormatProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  signatoryName: requiredText(200, "the signatory's name"),
  signatoryTitle: text(200),
  region: z.enum(REGIONS),
});

export const requesterInput = z.object({
  name: requiredText(300, "the requester's name"),
  email: email.default(''),
  address: text(1000).default(''),
  organisation: text(300).default(''),
});

export const createCaseInput = z.object({
  regime,
  received: isoDate,
  requester: requesterInput,
  summary: text(500).default(''),
  requestText: text(100_000).default(''),
  /** Only for cases carried over from another system; new cases take the next reference. */
  reference: reference.optional(),
});

export const updateCaseInput = z.object({
  reference,
  changes: z
    .object({
      regime,
      received: isoDate,
      requester: requesterInput,
      summary: text(500),
      requestText: text(100_000),
    })
    .partial(),
});

export const addEventInput = z.object({
  reference,
  type: z.enum(CASE_EVENT_TYPES),
  date: isoDate,
  estimate: isoDate.optional(),
  note: text(5000).optional(),
  /** With 'responded' (granted … transferred) or 'review-completed' (upheld, partly-upheld, overturned). */
  outcome: z.enum([...RESPONSE_OUTCOMES, ...REVIEW_OUTCOMES], { error: `Outcome must be one of ${[...RESPONSE_OUTCOMES, ...REVIEW_OUTCOMES].join(', ')}` }).optional(),
});

const voidReason = requiredText(1000, 'why this is being voided');

export const caseListInput = z.object({
  today: isoDate.optional(),
  filter: z.enum(CASE_FILTERS).default('all'),
  regime: regime.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** Words to find in the reference, requester or summary (all of them, any case). */
  text: line(200).optional(),
});

export const letterInput = z.object({
  reference,
  kind: z.enum(LETTER_KINDS),
  /** The date on the letter (and, when sent, the day its event is recorded); today by default. */
  letterDate: isoDate.optional(),
  /** Who signs this letter, when not the authority's usual signatory (a reviewer, say). */
  signedBy: line(200).transform((s) => s.trim()).optional(),
  signedByTitle: line(200).transform((s) => s.trim()).optional(),
});

/** Saving or printing a letter; with `sent`, the letter moves the case (its event, by `via`). */
export const letterOutputInput = letterInput.extend({
  sent: z.boolean().default(false),
  via: z.enum(SEND_CHANNELS, { error: 'Sent by email, post or hand' }).optional(),
});


export const deadlineInput = z
  .object({ clock: z.enum(CLOCK_NAMES), from: isoDate, pausedFrom: isoDate.optional(), pausedTo: isoDate.optional() })
  .superRefine((v, ctx) => {
    if ((v.pausedFrom === undefined) !== (v.pausedTo === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['pausedTo'], message: 'A pause needs both its first and its last day' });
    } else if (v.pausedFrom && v.pausedTo && v.pausedTo < v.pausedFrom) {
      ctx.addIssue({ code: 'custom', path: ['pausedTo'], message: 'The pause ends before it starts' });
    } else if (v.pausedFrom && v.pausedFrom < v.from) {
      ctx.addIssue({ code: 'custom', path: ['pausedFrom'], message: 'The pause starts before day 0' });
    }
  });

export const holidayInput = z.object({
  date: isoDate,
  region: z.enum(REGIONS, { error: 'Region must be england-and-wales, scotland or northern-ireland' }),
  name: requiredText(120, 'the name of the holiday'),
  note: text(1000).optional(),
});

const wholeNumber = (what: string, max: number) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} cannot be negative`).max(max, `${what} is implausibly large`);

export const costLineInput = z.object({
  activity: z.enum(COST_ACTIVITIES, {
    error: 'Only determining, locating, retrieving and extracting (FOIA, SI 2004/3244 reg 4(3)) or locating, retrieving and providing (FOISA, SSI 2004/467 reg 3) count towards the cost limit',
  }),
  description: text(500).default(''),
  quantity: wholeNumber('Quantity', 100_000).refine((n) => n > 0, 'Quantity must be at least 1'),
  minutesEach: wholeNumber('Minutes each', 10_000),
  sample: z
    .object({ items: wholeNumber('Sample size', 100_000).refine((n) => n > 0, 'A sample has at least one item'), minutes: wholeNumber('Sample minutes', 1_000_000), note: text(1000).optional() })
    .nullable()
    .optional(),
});

const scope = z.enum(['comply', 'confirm-or-deny']).default('comply');

const qualifiedPerson = z.object({
  name: requiredText(200, "the qualified person's name"),
  opinionDate: isoDate,
  materialPutToThem: requiredText(20_000, 'what was put to the qualified person'),
});

export const exemptionInput = z.object({
  reference,
  provision: line(200).transform((s) => s.trim()).pipe(z.string().min(1, 'Enter the exemption, e.g. FOIA s43(2)').max(80)),
  item: text(500).default('').transform((s) => s.trim()),
  ncnd: z.boolean().optional(),
  engagement: text(20_000).optional(),
  publicInterestFor: text(20_000).optional(),
  publicInterestAgainst: text(20_000).optional(),
  balance: text(20_000).optional(),
  decidedBy: text(200).optional(),
  decidedOn: isoDate.optional(),
  qualifiedPerson: qualifiedPerson.nullable().optional(),
  /** Answers to the provision's own reasoning fields (DPA 2018 exemptions), by field id. */
  reasoning: z.record(z.string().max(60), text(20_000)).optional(),
});

const letterKind = z.enum(LETTER_KINDS);
const letterFields = z.record(line(60), text(50_000));

/** Decodes inside the schema, so bad base64 is a validation issue and never an exception. */
function fromBase64(s: string, ctx: z.RefinementCtx): Uint8Array {
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Not base64' });
    return z.NEVER;
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** File bytes: a Uint8Array over Electron IPC, base64 text over the test bridge's JSON. */
const fileBytes = z.union([
  z.instanceof(Uint8Array),
  z
    .string()
    .max(700 * 1024 * 1024)
    .refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'Not base64')
    .transform(fromBase64),
]);

const role = z.enum(ATTACHMENT_ROLES);
/** A dropped file's name comes from the sender, not the officer: unsafe characters are stripped, not refused. */
const fileName = z
  .string()
  .min(1)
  .max(1000)
  .transform((s) => s.replace(new RegExp(UNSAFE_TEXT.source, 'gu'), '').replace(/[\n\t]/gu, ' '))
  .pipe(z.string().min(1, 'The file has no name'));
const instantOrDate = z
  .string()
  .max(40)
  .refine((s) => isIsoDate(s) || (!Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s)), 'Enter a date as YYYY-MM-DD')
  .refine(inRange, `Enter a date between ${DATE_RANGE.from.slice(0, 4)} and ${DATE_RANGE.to.slice(0, 4)}`);

export const empty = z.object({}).strict();

/** What a bundle export makes: the open bundle, the closed bundle, or a ZIP of the native files. */
export const BUNDLE_EXPORT_KINDS = ['open', 'closed', 'zip'] as const;
/** Chosen by the caller, so it can ask for progress while the export runs (IPC is request and response). */
const jobId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'A job id is 6 to 64 letters, digits, - or _');
const bundlePlanInput = z.object({
  reference,
  /** Who the bundle is for; by default the case's ICO complaint or tribunal appeal event says. */
  forum: z.enum(['ico', 'tribunal']).optional(),
  forumReference: line(100).transform((s) => s.trim()).optional(),
});

export const inputSchemas = {
  'app:info': empty,
  'settings:get': empty,
  'settings:update': settingsInput,
  'cases:list': caseListInput,
  'cases:get': z.object({ reference }),
  'cases:create': createCaseInput,
  'cases:update': updateCaseInput,
  'cases:addEvent': addEventInput,
  'cases:voidEvent': z.object({ reference, eventId: z.number().int().positive(), reason: voidReason }),
  'audit:list': z.object({ reference: reference.optional(), limit: z.number().int().min(1).max(1000).default(200) }),
  'deadlines:compute': deadlineInput,
  'holidays:list': empty,
  'holidays:add': holidayInput,
  'holidays:remove': z.object({ date: isoDate, region: z.enum(REGIONS) }),
  'reports:dashboard': z.object({ today: isoDate.optional() }),
  'reports:timeliness': z
    .object({ from: isoDate, to: isoDate, today: isoDate.optional() })
    .refine((v) => v.from <= v.to, { path: ['to'], message: 'The end of the period is before its start' }),
  'costs:get': z.object({ reference }),
  'costs:set': z.object({ reference, scope, lines: z.array(costLineInput).max(500) }),
  'costs:setAdvice': z.object({ reference, s16Advice: text(20_000) }),
  'costs:link': z.object({ reference, other: reference, reason: text(1000).default('') }),
  'costs:unlink': z.object({ reference, other: reference }),
  'exemptions:catalogue': empty,
  'exemptions:list': z.object({ reference }),
  'exemptions:apply': exemptionInput,
  'exemptions:remove': z.object({ reference, provision: line(200).transform((s) => s.trim()).pipe(z.string().min(1).max(80)), item: text(500).default('').transform((s) => s.trim()) }),
  'letters:templates': empty,
  'letters:saveTemplate': z.object({ kind: letterKind, subject: requiredText(300, 'a subject line'), body: requiredText(100_000, 'the letter text') }),
  'letters:resetTemplate': z.object({ kind: letterKind }),
  'letters:draft': letterInput,
  'letters:setDraft': z.object({ reference, kind: letterKind, fields: letterFields }),
  'correspondence:list': z.object({ reference }),
  'correspondence:add': z.object({
    reference,
    direction: z.enum(DIRECTIONS),
    channel: z.enum(CHANNELS),
    sentAt: instantOrDate,
    from: text(500).default(''),
    to: text(500).default(''),
    subject: text(1000).default(''),
    body: text(1_000_000).default(''),
  }),
  'correspondence:mark': z.object({ reference, id: z.number().int().positive(), as: z.enum(MARKABLE_EVENTS as [string, ...string[]]).transform((v) => v as (typeof MARKABLE_EVENTS)[number]), estimate: isoDate.optional() }),
  'correspondence:import': z.object({ reference, role: role.default('correspondence'), files: z.array(z.object({ name: fileName, data: fileBytes })).min(1).max(200) }),
  'correspondence:void': z.object({ reference, id: z.number().int().positive(), reason: voidReason }),
  'correspondence:importChosen': z.object({ reference, role: role.default('correspondence') }),
  // One-time tokens the desktop app issued for dropped or opened files (never paths, never bytes).
  'correspondence:importFiles': z.object({ reference, role: role.default('correspondence'), tokens: z.array(z.string().min(16).max(100)).min(1).max(200) }),
  'files:opened': z.object({}),
  'attachments:content': z.object({ id: z.number().int().positive() }),
  'attachments:save': z.object({ id: z.number().int().positive() }),
  'attachments:setRole': z.object({ id: z.number().int().positive(), role }),
  'search:query': z.object({ query: line(500), limit: z.number().int().min(1).max(500).default(50) }),
  'letters:save': letterOutputInput,
  'letters:print': letterOutputInput,
  'letters:saveDocx': letterInput,
  'letters:docxTemplate': empty,
  'letters:setDocxTemplate': z.object({ clear: z.boolean().default(false) }),
  'disclosure:get': z.object({ reference }),
  'disclosure:publish': z.object({
    reference,
    title: text(200).default(''),
    summary: text(5000).default(''),
    topic: text(100).default(''),
    unpublish: z.boolean().default(false),
  }).refine((v) => v.unpublish || (v.title.trim() !== '' && v.summary.trim() !== ''), { message: 'Enter a published title and summary', path: ['title'] }),
  'disclosure:export': z.object({ from: isoDate, to: isoDate }),
  'reports:statistics': z.object({ from: isoDate, to: isoDate, regime: regime.optional(), officer: text(100).optional() }),
  'reports:saveStatistics': z.object({ from: isoDate, to: isoDate, regime: regime.optional(), officer: text(100).optional(), format: z.enum(['csv', 'pdf']) }),
  'bundles:plan': bundlePlanInput,
  'bundles:export': bundlePlanInput.extend({ kind: z.enum(BUNDLE_EXPORT_KINDS), jobId: jobId.optional(), reveal: z.boolean().default(false) }),
  'bundles:progress': z.object({ jobId }),
  'bundles:cancel': z.object({ jobId }),
  ...redactionSchemas(reference),
  ...recordsInputSchemas,
} as const;
