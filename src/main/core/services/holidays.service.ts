// Officers may add a day proclaimed at short notice (a state funeral, a jubilee): every open case's
// deadline is recomputed at once, and the audit log keeps each due date before and after
// (docs/law.md §2.4 point 2, §8.3).
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { DueDateChange, HolidayChange, HolidayList, ParsedInput } from '../../../shared/ipc/contract';
import { isWeekend, formatLongDate } from '../../../shared/domain/dates';
import { regionLabel, type Holiday } from '../../../shared/domain/calendar/holidays';
import { deleteHoliday, getMeta, insertHoliday, listHolidays } from '../repositories/holidays.repository';
import { findCaseIdsByReference } from '../repositories/cases.repository';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { caseItems } from './cases.service';
import { loadCalendars } from './calendar.service';

export async function holidayList(ctx: CoreContext): Promise<HolidayList> {
  return {
    holidays: await listHolidays(ctx.db),
    publishedThrough: Number((await getMeta(ctx.db, 'holidays.publishedThrough')) ?? '0'),
  };
}

/** Due dates of open cases, read through `db` with `calendars`: before a change, or inside it. */
async function openDueDates(db: Kysely<DB>, calendars: Calendars, today: IsoDate): Promise<Map<string, string>> {
  const items = await caseItems(db, calendars, today);
  return new Map(items.filter((i) => i.status === 'open' || i.status === 'extended' || i.status === 'overdue' || i.status === 'on-hold').map((i) => [i.reference, i.dueDate]));
}

/** Applies a change to the holiday table in one transaction, with the moved deadlines audited. */
async function changeCalendar(ctx: CoreContext, holiday: Holiday, verb: 'added' | 'removed', change: (trx: Kysely<DB>, now: Date) => Promise<void>): Promise<HolidayChange> {
  const today = ctx.today();
  const before = await openDueDates(ctx.db, await ctx.calendars(), today);
  let affected: DueDateChange[] = [];
  await ctx.write(async ({ db: trx, audit, now }) => {
    await change(trx, now);
    // Recompute with the changed table, read inside the transaction (the one connection is ours).
    const after = await openDueDates(trx, await loadCalendars(trx), today);
    affected = [...after].filter(([ref, due]) => before.get(ref) !== undefined && before.get(ref) !== due).map(([reference, to]) => ({ reference, from: before.get(reference)!, to }));
    const ids = await findCaseIdsByReference(trx, affected.map((a) => a.reference));
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
        caseId: ids.get(a.reference) ?? null,
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
