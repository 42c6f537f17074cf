// The bank holiday table: the shipped days, and the days an officer adds when one is proclaimed.
import { z } from 'zod';
import { REGIONS, type Holiday } from '../../domain/calendar/holidays';
import { channel, type Agrees, type Same } from '../define';
import { empty, isoDate, requiredText, text } from '../fields';

export const holidayInput = z.object({
  date: isoDate,
  region: z.enum(REGIONS, { error: 'Region must be england-and-wales, scotland or northern-ireland' }),
  name: requiredText(120, 'the name of the holiday'),
  note: text(1000).optional(),
});

export const holiday = z.object({
  date: z.string(),
  region: z.enum(REGIONS),
  name: z.string(),
  kind: z.enum(['regular', 'substitute', 'one_off', 'moved']),
  source: z.enum(['shipped', 'officer', 'rule']),
  movedFrom: z.string().optional(),
});
type _Holiday = Agrees<Same<z.output<typeof holiday>, Holiday>>;

export const holidayList = z.object({
  holidays: z.array(holiday),
  /** Years after this are provisional until GOV.UK publishes them. */
  publishedThrough: z.number(),
});
export type HolidayList = z.output<typeof holidayList>;

/** An open case whose due date moved because the calendar changed. */
export const dueDateChange = z.object({ reference: z.string(), from: z.string(), to: z.string() });
export type DueDateChange = z.output<typeof dueDateChange>;

export const holidayChange = z.object({ holiday, affected: z.array(dueDateChange) });
export type HolidayChange = z.output<typeof holidayChange>;

export const holidays = {
  'holidays:list': channel(empty, holidayList),
  'holidays:add': channel(holidayInput, holidayChange),
  'holidays:remove': channel(z.object({ date: isoDate, region: z.enum(REGIONS) }), holidayChange),
};
