// The shipped holiday table and the calendars built from it, as the core builds them.
import { readFileSync } from 'node:fs';
import { parseShippedHolidays } from '../../src/shared/domain/calendar/holidays';
import { createCalendar } from '../../src/shared/domain/calendar/calendar';
import type { Calendars } from '../../src/shared/domain/clocks/clocks';

export const shippedTable = parseShippedHolidays(JSON.parse(readFileSync('resources/uk-bank-holidays.json', 'utf8')));

export const calendars: Calendars = {
  allUk: createCalendar(shippedTable, 'all-uk'),
  scotland: createCalendar(shippedTable, 'scotland'),
  sar: createCalendar(shippedTable, 'england-and-wales'),
  englandWales: createCalendar(shippedTable, 'england-and-wales'),
};
