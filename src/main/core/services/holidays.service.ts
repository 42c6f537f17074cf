// Officers may add a day proclaimed at short notice (a state funeral, a jubilee): every open case's
// deadline is recomputed at once, and the audit log keeps each due date before and after
// (docs/law.md §2.4 point 2, §8.3).
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { DueDateChange, HolidayChange, HolidayList, ParsedInput } from '../../../shared/ipc/contract';
import { isWeekend, formatLongDate } from '../../../shared/domain/dates';
import { regionLabel, type Holiday } from '../../../shared/domain/calendar/holidays';
import { deleteHoliday, getMeta, insertHoliday, listHolidays } from '../repositories/holidays.repository';
import type { StoredStanding } from '../../../shared/domain/stored-standing';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { caseIdsSpanning, storedSnapshots } from '../repositories/derived.repository';
import { ensureDerived, rederive } from './derived.service';
import { loadCalendars } from './calendar.service';

export async function holidayList(ctx: CoreContext): Promise<HolidayList> {
  return {
    holidays: await listHolidays(ctx.db),
    publishedThrough: Number((await getMeta(ctx.db, 'holidays.publishedThrough')) ?? '0'),
  };
}

/** The response due dates stored for cases still awaiting their response, by reference. */
async function awaitingDueDates(db: Kysely<DB>, ids: readonly number[]): Promise<Map<string, { id: number; due: string }>> {
  const due = new Map<string, { id: number; due: string }>();
  for (const [id, s] of await storedSnapshots(db, ids)) {
    const standing = s.derived ? (JSON.parse(s.derived) as StoredStanding) : null;
    if (standing && AWAITING.includes(standing.stage)) due.set(s.reference, { id, due: standing.dueDate });
  }
  return due;
}

const AWAITING: readonly string[] = ['open', 'extended', 'on-hold'];

/**
 * Applies a change to the holiday table in one transaction: only the cases whose counting spans the
 * day are derived again, and each moved due date is audited.
 */
async function changeCalendar(ctx: CoreContext, holiday: Holiday, verb: 'added' | 'removed', change: (trx: Kysely<DB>, now: Date) => Promise<void>): Promise<HolidayChange> {
  const today = ctx.today();
  // Every snapshot current for today first, so that "before" is what the officer saw.
  await ensureDerived(ctx, today);
  let affected: DueDateChange[] = [];
  await ctx.write(async ({ db: trx, audit, now, calendarChanged }) => {
    const spanning = await caseIdsSpanning(trx, holiday.date);
    const before = await awaitingDueDates(trx, spanning);
    await change(trx, now);
    // Derived again on the changed table, read inside the transaction (the one connection is ours).
    const changed = await loadCalendars(trx);
    calendarChanged(changed);
    await rederive(trx, changed, spanning, today);
    const after = await awaitingDueDates(trx, spanning);
    affected = [...after].filter(([ref, a]) => before.has(ref) && before.get(ref)!.due !== a.due).map(([reference, a]) => ({ reference, from: before.get(reference)!.due, to: a.due }));
    await audit({
      action: `holiday.${verb}`,
      caseId: null,
      summary: `${verb === 'added' ? 'Added' : 'Removed'} ${holiday.name} on ${formatLongDate(holiday.date)} (${regionLabel(holiday.region)}); ${affected.length} open case${affected.length === 1 ? '' : 's'} recomputed`,
      detail: { holiday, affected },
    });
    // Each moved case gets its own entry, so its audit trail shows the original due date.
    for (const a of affected) {
      await audit({
        action: 'case.deadline-recomputed',
        caseId: after.get(a.reference)!.id,
        summary: `Due date moved from ${formatLongDate(a.from)} to ${formatLongDate(a.to)}: ${holiday.name} ${verb}`,
        detail: { ...a, holiday },
      });
    }
  }).finally(() => ctx.invalidateCalendars());
  return { holiday, affected };
}

export async function addHoliday(ctx: CoreContext, input: ParsedInput<'holidays:add'>): Promise<HolidayChange> {
  if (isWeekend(input.date)) {
    throw new DiscloseError('VALIDATION', `${formatLongDate(input.date)} is a weekend day, which is never a working day: nothing to add.`, { date: 'Choose a weekday' });
  }
  const existing = (await listHolidays(ctx.db)).find((h) => h.date === input.date && h.region === input.region);
  if (existing) {
    throw new DiscloseError('CONFLICT', `${formatLongDate(input.date)} is already a bank holiday in ${regionLabel(input.region)} (${existing.name}).`, { date: 'Already a holiday' });
  }
  const holiday: Holiday = { date: input.date, region: input.region, name: input.name, kind: 'one_off', source: 'officer' };
  return changeCalendar(ctx, holiday, 'added', (trx, now) => insertHoliday(trx, holiday, now.toISOString()));
}

export async function removeHoliday(ctx: CoreContext, input: ParsedInput<'holidays:remove'>): Promise<HolidayChange> {
  const existing = (await listHolidays(ctx.db)).find((h) => h.date === input.date && h.region === input.region);
  if (!existing) throw new DiscloseError('NOT_FOUND', `No bank holiday on ${formatLongDate(input.date)} in ${regionLabel(input.region)}.`);
  if (existing.source !== 'officer') {
    throw new DiscloseError('VALIDATION', `${existing.name} comes from the published table and cannot be removed; only days added in Disclose can.`);
  }
  return changeCalendar(ctx, existing, 'removed', (trx) => deleteHoliday(trx, input.date, input.region));
}
