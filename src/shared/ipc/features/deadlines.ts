// A statutory clock worked out on demand: a start date in, the due date and its working out.
import { z } from 'zod';
import { CLOCK_NAMES, type ClockResult } from '../../domain/clocks/clocks';
import { channel, type Agrees, type Same } from '../define';
import { isoDate } from '../fields';

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

export const calendarName = z.enum(['all-uk', 'scotland', 'england-and-wales', 'northern-ireland', 'calendar-days', 'calendar-months']);

export const clockResult = z.object({
  clock: z.enum(CLOCK_NAMES),
  from: z.string(),
  due: z.string(),
  calendar: calendarName,
  basis: z.string(),
  steps: z.array(z.string()),
  provisional: z.boolean(),
});
type _Clock = Agrees<Same<z.output<typeof clockResult>, ClockResult>>;

export const deadlines = {
  'deadlines:compute': channel(deadlineInput, clockResult),
};
