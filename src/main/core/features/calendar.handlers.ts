// The deadlines and holidays features over the core (contracts: src/shared/ipc/features/deadlines.ts, holidays.ts).
import type { deadlines } from '../../../shared/ipc/features/deadlines';
import type { holidays } from '../../../shared/ipc/features/holidays';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import { computeClock } from '../../../shared/domain/clocks/clocks';
import type { CoreContext } from '../context';
import { addHoliday, holidayList, removeHoliday } from '../services/holidays.service';

export const deadlinesHandlers = (ctx: CoreContext) =>
  ({
    'deadlines:compute': async ({ clock, from, pausedFrom, pausedTo }) =>
      computeClock(clock, { from, ...(pausedFrom && pausedTo ? { pausedFrom, pausedTo } : {}) }, await ctx.calendars()),
  }) satisfies FeatureHandlers<typeof deadlines>;

export const holidaysHandlers = (ctx: CoreContext) =>
  ({
    'holidays:list': () => holidayList(ctx),
    'holidays:add': (input) => addHoliday(ctx, input),
    'holidays:remove': (input) => removeHoliday(ctx, input),
  }) satisfies FeatureHandlers<typeof holidays>;
