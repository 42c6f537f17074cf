// Cases: create with the next reference, read with every derived date, edit with an audit trail.
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { CaseDetail, CaseEventRecord, CaseRecord } from '../../../shared/domain/cases';
import { deriveCaseClocks, eventLabel } from '../../../shared/domain/clocks/events';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { addCalendarDays, formatLongDate, type IsoDate } from '../../../shared/domain/dates';
import { caseStanding, OUTCOME_LABELS, RESPONSE_OUTCOMES, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES, type ResponseOutcome, type ReviewOutcome } from '../../../shared/domain/status';
import { formatReference, referenceScope } from '../../../shared/domain/reference';
import * as cases from '../repositories/cases.repository';
import type { FoundCase } from '../repositories/cases.repository';
import { possibleDuplicates as possibleDuplicatesOf } from '../../../shared/domain/case-list';
import { findEvent, insertEvent, listEvents, moveReceivedEvent, voidEvent } from '../repositories/events.repository';
import { getSettings } from '../repositories/settings.repository';
import { listCorrespondence } from '../repositories/correspondence.repository';
import { indexItem } from '../repositories/search.repository';
import { checkVersion } from './versions';

type Derived = Omit<CaseDetail, 'correspondence' | 'attachments' | 'possibleDuplicates'>;

function toDetail(record: CaseRecord, events: CaseEventRecord[], calendars: Calendars, today: IsoDate): Derived {
  // Voided events stay in the record but drive no clock and no status.
  const clocks = deriveCaseClocks(record.regime, record.received, events, calendars, today);
  const standing = caseStanding(events, clocks, calendars, today);
  return {
    ...record,
    events,
    clocks,
    dueDate: clocks.response.due,
    daysLeft: standing.daysLeft,
    status: standing.status,
    deadline: standing.deadline,
    standing,
    outcome: standing.outcome,
    reviewOutcome: standing.reviewOutcome,
  };
}

/** The case as the officer reads it, from the case the operation resolved (as of `today`). */
export async function caseDetail(ctx: CoreContext, found: FoundCase, today: IsoDate = ctx.today()): Promise<CaseDetail> {
  const events = (await listEvents(ctx.db, [found.id])).get(found.id) ?? [];
  const { items, direct } = await listCorrespondence(ctx.db, found.id);
  const calendars = await ctx.calendars();
  const rec = found.record;
  const asCandidate = (r: CaseRecord) => ({ reference: r.reference, requesterName: r.requester.name, requesterEmail: r.requester.email, summary: r.summary, received: r.received });
  // 60 working days never span more than 100 calendar days, so this window holds every candidate.
  const others = await cases.casesReceivedBetween(ctx.db, addCalendarDays(rec.received, -100), addCalendarDays(rec.received, 100), found.id);
  const possibleDuplicates = possibleDuplicatesOf(asCandidate(rec), others.map(asCandidate), calendars.allUk)
    .map((d) => ({ reference: d.reference, received: d.received, summary: d.summary }));
  return { ...toDetail(rec, events, calendars, today), correspondence: items, attachments: direct, possibleDuplicates };
}

export async function getCase(ctx: CoreContext, reference: string): Promise<CaseDetail> {
  return caseDetail(ctx, await cases.requireCase(ctx.db, reference));
}

/** The case as a write left it, read back by the id the write resolved. */
export async function caseAfterWrite(ctx: CoreContext, id: number): Promise<CaseDetail> {
  return caseDetail(ctx, await cases.requireCaseById(ctx.db, id));
}

/** The case as the letters and the bundle use it: voided events and correspondence left out. */
export function liveRecord<T extends Pick<CaseDetail, 'events' | 'correspondence'>>(detail: T): T {
  return { ...detail, events: detail.events.filter((e) => !e.voided), correspondence: detail.correspondence.filter((c) => !c.voided) };
}

export async function createCase(ctx: CoreContext, input: ParsedInput<'cases:create'>): Promise<CaseDetail> {
  if (input.received > ctx.today()) {
    throw new DiscloseError('VALIDATION', `The date received (${input.received}) is in the future.`, { received: 'Date received cannot be in the future' });
  }
  const created = await ctx.write(async ({ db: trx, audit, now: at }) => {
    const settings = await getSettings(trx);
    let ref = input.reference;
    if (ref !== undefined) {
      if (await cases.referenceExists(trx, ref)) {
        throw new DiscloseError('CONFLICT', `The reference ${ref} is already used by another case.`, { reference: 'Already in use' });
      }
    } else {
      const rc = { received: input.received, regime: input.regime };
      const scope = referenceScope(settings.referenceFormat, rc);
      // Skip numbers already taken (a case carried over with a reference of its own).
      do ref = formatReference(settings.referenceFormat, rc, await cases.takeNextSequence(trx, scope));
      while (await cases.referenceExists(trx, ref));
    }
    const now = at.toISOString();
    const requesterId = await cases.insertRequester(trx, input.requester, now);
    const caseId = await cases.insertCase(
      trx,
      { reference: ref, regime: input.regime, received: input.received, summary: input.summary, requestText: input.requestText, requesterId, officer: ctx.actor },
      now,
    );
    await insertEvent(trx, caseId, { type: 'received', date: input.received }, now);
    await indexItem(trx, 'case', caseId, caseId, `${ref} ${input.summary}`, `${input.requester.name}\n${input.requestText}`);
    await audit({
      action: 'case.created',
      caseId,
      summary: `Logged ${input.regime.toUpperCase()} request ${ref} from ${input.requester.name}, received ${input.received}`,
      detail: { reference: ref, regime: input.regime, received: input.received },
    });
    return caseId;
  });
  return caseAfterWrite(ctx, created);
}

type Changes = ParsedInput<'cases:update'>['changes'];

export async function updateCase(ctx: CoreContext, reference: string, changes: Changes, ifVersion?: number): Promise<CaseDetail> {
  if (changes.received !== undefined && changes.received > ctx.today()) {
    throw new DiscloseError('VALIDATION', `The date received (${changes.received}) is in the future.`, { received: 'Date received cannot be in the future' });
  }
  const caseId = await ctx.write(async ({ db: trx, audit, now: at }) => {
    const found = await cases.requireCase(trx, reference);
    await checkVersion({ db: trx }, found.id, found.record.reference, ifVersion);
    const before = found.record;
    const after: CaseRecord = {
      ...before,
      ...changes,
      requester: changes.requester ? { ...before.requester, ...changes.requester } : before.requester,
    };
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['regime', 'received', 'summary', 'requestText'] as const) {
      if (after[key] !== before[key]) diff[key] = { from: before[key], to: after[key] };
    }
    for (const key of ['name', 'email', 'address', 'organisation'] as const) {
      if (after.requester[key] !== before.requester[key]) diff[`requester.${key}`] = { from: before.requester[key], to: after.requester[key] };
    }
    if (Object.keys(diff).length === 0) return found.id;
    const now = at.toISOString();
    await cases.updateCaseFields(trx, found.id, after, now);
    if (Object.keys(diff).some((k) => k.startsWith('requester.'))) await cases.updateRequester(trx, found.requesterId, after.requester);
    if (diff.received) await moveReceivedEvent(trx, found.id, after.received);
    await indexItem(trx, 'case', found.id, found.id, `${after.reference} ${after.summary}`, `${after.requester.name}\n${after.requestText}`);
    await audit({ action: 'case.updated', caseId: found.id, summary: `Edited ${Object.keys(diff).join(', ')}`, detail: diff });
    return found.id;
  });
  return caseAfterWrite(ctx, caseId);
}

export async function addCaseEvent(ctx: CoreContext, input: ParsedInput<'cases:addEvent'>): Promise<CaseDetail> {
  const caseId = await ctx.write(async ({ db: trx, audit, now }) => {
    const found = await cases.requireCase(trx, input.reference);
    if (input.date < found.record.received) {
      throw new DiscloseError('VALIDATION', `The event date ${input.date} is before the request was received (${found.record.received}).`, { date: 'Before the date received' });
    }
    if (input.estimate !== undefined && input.type !== 'pit-extension') {
      throw new DiscloseError('VALIDATION', 'An estimated date goes only with a public interest extension (s17(2)).', { estimate: 'Only for pit-extension' });
    }
    if (input.type === 'pit-extension' && input.estimate === undefined) {
      throw new DiscloseError('VALIDATION', 'A public interest extension needs the estimated date given to the requester (FOIA s17(2)).', { estimate: 'Enter the estimated date' });
    }
    if (input.type === 'received') {
      throw new DiscloseError('VALIDATION', 'The date received is part of the case: edit the case to change it.', { type: 'Edit the case instead' });
    }
    checkOutcome(input.type, input.outcome);
    await insertEvent(trx, found.id, input, now.toISOString());
    await audit({
      action: 'case.event',
      caseId: found.id,
      summary: `Recorded: ${eventLabel(input.type)}, ${formatLongDate(input.date)}${input.estimate ? ` (estimated date ${formatLongDate(input.estimate)})` : ''}${input.outcome ? ` (${outcomeLabel(input.outcome)})` : ''}`,
      detail: { type: input.type, date: input.date, estimate: input.estimate ?? null, note: input.note ?? null, outcome: input.outcome ?? null },
    });
    return found.id;
  });
  return caseAfterWrite(ctx, caseId);
}

function outcomeLabel(o: string): string {
  return OUTCOME_LABELS[o as ResponseOutcome] ?? REVIEW_OUTCOME_LABELS[o as ReviewOutcome] ?? o;
}

/** A response's outcome goes with 'responded'; a review's with 'review-completed'; nothing else has one. */
export function checkOutcome(type: string, outcome: string | undefined): void {
  if (outcome === undefined) return;
  const allowed: readonly string[] = type === 'responded' ? RESPONSE_OUTCOMES : type === 'review-completed' ? REVIEW_OUTCOMES : [];
  if (allowed.length === 0) {
    throw new DiscloseError('VALIDATION', 'An outcome goes only with a response (responded) or a review outcome (review-completed).', { outcome: 'Only for a response or review outcome' });
  }
  if (!allowed.includes(outcome)) {
    throw new DiscloseError('VALIDATION', `The outcome of ${type === 'responded' ? 'a response' : 'a review'} is one of ${allowed.join(', ')}.`, { outcome: `Choose one of ${allowed.join(', ')}` });
  }
}

/**
 * Corrections, never deletions: the event stays in the record, struck through with who voided it,
 * when and why, and leaves the clocks, the status, the chronology and the bundle.
 */
export async function voidCaseEvent(ctx: CoreContext, input: ParsedInput<'cases:voidEvent'>): Promise<CaseDetail> {
  const caseId = await ctx.write(async ({ db: trx, audit, now, actor }) => {
    const found = await cases.requireCase(trx, input.reference);
    const row = await findEvent(trx, found.id, input.eventId);
    if (!row) throw new DiscloseError('NOT_FOUND', `No event ${input.eventId} on ${input.reference}.`, { eventId: 'No such event on this case' });
    if (row.type === 'received') {
      throw new DiscloseError('VALIDATION', 'The request received is the case itself: edit the date received instead.', { eventId: 'Edit the case instead' });
    }
    if (row.voided_at !== null) throw new DiscloseError('CONFLICT', `Event ${input.eventId} was already voided on ${row.voided_at.slice(0, 10)}.`, { eventId: 'Already voided' });
    await voidEvent(trx, row.id, { at: now.toISOString(), by: actor, reason: input.reason });
    await audit({
      action: 'case.event.voided',
      caseId: found.id,
      summary: `Voided: ${eventLabel(row.type as CaseEventRecord['type'])}, ${formatLongDate(row.date)}. Reason: ${input.reason}`,
      detail: { eventId: row.id, type: row.type, date: row.date, reason: input.reason },
    });
    return found.id;
  });
  return caseAfterWrite(ctx, caseId);
}
