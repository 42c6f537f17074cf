// Cases: create with the next reference, read with every derived date, edit with an audit trail.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { caseStatus, type CaseDetail, type CaseEventRecord, type CaseListItem, type CaseRecord } from '../../../shared/domain/cases';
import { deriveCaseClocks, eventLabel, isInTime, type CaseClocks } from '../../../shared/domain/clocks/events';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { workingDaysBetween } from '../../../shared/domain/calendar/calendar';
import { calendarDaysBetween, formatLongDate, type IsoDate } from '../../../shared/domain/dates';
import { formatReference, referenceScope } from '../../../shared/domain/reference';
import * as cases from '../repositories/cases.repository';
import { insertEvent, listEvents } from '../repositories/events.repository';
import { getSettings } from '../repositories/settings.repository';
import { inTransaction } from './transaction';
import { listCorrespondence } from '../repositories/correspondence.repository';
import { indexItem } from '../repositories/search.repository';

/** Days left on the clock's own calendar: working days for working-day clocks, else calendar days. */
export function daysLeft(clocks: CaseClocks, calendars: Calendars, today: IsoDate): number {
  const { due, calendar } = clocks.response;
  if (calendar === 'calendar-days' || calendar === 'calendar-months') return calendarDaysBetween(today, due);
  const cal = calendar === 'scotland' ? calendars.scotland : calendars.allUk;
  return due >= today ? workingDaysBetween(cal, today, due) : -workingDaysBetween(cal, due, today);
}

type Derived = Omit<CaseDetail, 'correspondence' | 'attachments'>;

function toDetail(record: CaseRecord, events: CaseEventRecord[], calendars: Calendars, today: IsoDate): Derived {
  const clocks = deriveCaseClocks(record.regime, record.received, events, calendars, today);
  return {
    ...record,
    events,
    clocks,
    dueDate: clocks.response.due,
    daysLeft: daysLeft(clocks, calendars, today),
    status: caseStatus(events, clocks, today),
  };
}

async function requireCase(db: Kysely<DB>, reference: string) {
  const found = await cases.findCase(db, reference);
  if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
  return found;
}

export async function getCase(ctx: CoreContext, reference: string, db: Kysely<DB> = ctx.db): Promise<CaseDetail> {
  const found = await requireCase(db, reference);
  const events = (await listEvents(db, [found.id])).get(found.id) ?? [];
  const { items, direct } = await listCorrespondence(db, found.id);
  return { ...toDetail(found.record, events, await ctx.calendars(), ctx.today()), correspondence: items, attachments: direct };
}

export async function listCaseItems(ctx: CoreContext, today: IsoDate = ctx.today()): Promise<CaseListItem[]> {
  const rows = await cases.listCases(ctx.db);
  const events = await listEvents(ctx.db, rows.map((r) => r.id));
  const calendars = await ctx.calendars();
  return rows.map(({ id, record }) => {
    const d = toDetail(record, events.get(id) ?? [], calendars, today);
    return {
      reference: d.reference,
      regime: d.regime,
      requesterName: d.requester.name,
      summary: d.summary,
      received: d.received,
      dueDate: d.dueDate,
      daysLeft: d.daysLeft,
      status: d.status,
      onHold: d.clocks.onHold,
      provisional: d.clocks.response.provisional,
      inTime: isInTime(d.clocks),
    };
  });
}

export async function createCase(ctx: CoreContext, input: ParsedInput<'cases:create'>): Promise<CaseDetail> {
  if (input.received > ctx.today()) {
    throw new DiscloseError('VALIDATION', `The date received (${input.received}) is in the future.`, { received: 'Date received cannot be in the future' });
  }
  const reference = await inTransaction(ctx, async (trx, audit) => {
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
    const now = ctx.now().toISOString();
    const requesterId = await cases.insertRequester(trx, input.requester, now);
    const caseId = await cases.insertCase(
      trx,
      { reference: ref, regime: input.regime, received: input.received, summary: input.summary, requestText: input.requestText, requesterId },
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
    return ref;
  });
  return getCase(ctx, reference);
}

type Changes = ParsedInput<'cases:update'>['changes'];

export async function updateCase(ctx: CoreContext, reference: string, changes: Changes): Promise<CaseDetail> {
  if (changes.received !== undefined && changes.received > ctx.today()) {
    throw new DiscloseError('VALIDATION', `The date received (${changes.received}) is in the future.`, { received: 'Date received cannot be in the future' });
  }
  await inTransaction(ctx, async (trx, audit) => {
    const found = await requireCase(trx, reference);
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
    if (Object.keys(diff).length === 0) return;
    const now = ctx.now().toISOString();
    await cases.updateCaseFields(trx, found.id, after, now);
    if (Object.keys(diff).some((k) => k.startsWith('requester.'))) await cases.updateRequester(trx, found.requesterId, after.requester);
    if (diff.received) {
      // The received event is day 0 of every clock: keep it in step with the case.
      await trx.updateTable('case_events').set({ date: after.received }).where('case_id', '=', found.id).where('type', '=', 'received').execute();
    }
    await indexItem(trx, 'case', found.id, found.id, `${after.reference} ${after.summary}`, `${after.requester.name}\n${after.requestText}`);
    await audit({ action: 'case.updated', caseId: found.id, summary: `Edited ${Object.keys(diff).join(', ')}`, detail: diff });
  });
  return getCase(ctx, reference);
}

export async function addCaseEvent(ctx: CoreContext, input: ParsedInput<'cases:addEvent'>): Promise<CaseDetail> {
  await inTransaction(ctx, async (trx, audit) => {
    const found = await requireCase(trx, input.reference);
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
    const now = ctx.now().toISOString();
    await insertEvent(trx, found.id, input, now);
    await audit({
      action: 'case.event',
      caseId: found.id,
      summary: `Recorded: ${eventLabel(input.type)}, ${formatLongDate(input.date)}${input.estimate ? ` (estimated date ${formatLongDate(input.estimate)})` : ''}`,
      detail: { type: input.type, date: input.date, estimate: input.estimate ?? null, note: input.note ?? null },
    });
  });
  return getCase(ctx, input.reference);
}
