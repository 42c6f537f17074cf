// The working-day calendars, built from the holiday table in the database (shipped days plus any
// an officer has added), so that a backup carries the calendar its deadlines were computed on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { parseShippedHolidays } from '../../../shared/domain/calendar/holidays';
import { createCalendar } from '../../../shared/domain/calendar/calendar';
import type { Calendars } from '../../../shared/domain/clocks/clocks';
import { getMeta, listHolidays, replaceShippedHolidays, setMeta } from '../repositories/holidays.repository';
import { appendAudit } from '../repositories/audit.repository';
import { getSettings } from '../repositories/settings.repository';
import { markStale } from '../repositories/derived.repository';

const SHIPPED_SHA = 'holidays.shipped.sha256';
const PUBLISHED_THROUGH = 'holidays.publishedThrough';

/** Loads the shipped holiday table into the database when it is new or has changed. */
export async function syncShippedHolidays(db: Kysely<DB>, resourcesDir: string, actor: string, now: Date): Promise<void> {
  const raw = readFileSync(join(resourcesDir, 'uk-bank-holidays.json'));
  const sha = createHash('sha256').update(raw).digest('hex');
  if ((await getMeta(db, SHIPPED_SHA)) === sha) return;
  const table = parseShippedHolidays(JSON.parse(raw.toString('utf8')));
  await db.transaction().execute(async (trx) => {
    // Another process opening the same folder may have loaded it while this one waited.
    if ((await getMeta(trx, SHIPPED_SHA)) === sha) return;
    await replaceShippedHolidays(trx, table.holidays);
    // A new table (an update of the app) may move any case's dates: each is derived again at the next read.
    await markStale(trx);
    await setMeta(trx, SHIPPED_SHA, sha);
    await setMeta(trx, PUBLISHED_THROUGH, String(table.publishedThrough));
    await appendAudit(trx, {
      at: now.toISOString(),
      actor,
      action: 'holidays.loaded',
      caseId: null,
      summary: `Loaded the shipped bank holiday table (${table.holidays.length} days, published through ${table.publishedThrough})`,
      detail: { sha256: sha },
    });
  });
}

export async function loadCalendars(db: Kysely<DB>): Promise<Calendars> {
  const holidays = await listHolidays(db);
  const publishedThrough = Number((await getMeta(db, PUBLISHED_THROUGH)) ?? '0');
  const table = { holidays, publishedThrough };
  const settings = await getSettings(db);
  return {
    allUk: createCalendar(table, 'all-uk'),
    scotland: createCalendar(table, 'scotland'),
    sar: createCalendar(table, settings.region),
    englandWales: createCalendar(table, 'england-and-wales'),
  };
}
