import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Holiday, HolidayKind, Region } from '../../../shared/domain/calendar/holidays';

export async function listHolidays(db: Kysely<DB>): Promise<Holiday[]> {
  const rows = await db.selectFrom('holidays').selectAll().orderBy('date').orderBy('region').execute();
  return rows.map((r) => ({
    date: r.date,
    region: r.region as Region,
    name: r.name,
    kind: r.kind as HolidayKind,
    source: r.source as Holiday['source'],
  }));
}

/** Replaces the shipped rows; days an officer added are kept. */
export async function replaceShippedHolidays(db: Kysely<DB>, holidays: readonly Holiday[]): Promise<void> {
  await db.deleteFrom('holidays').where('source', '=', 'shipped').execute();
  const chunk = 200;
  for (let i = 0; i < holidays.length; i += chunk) {
    await db
      .insertInto('holidays')
      .values(
        holidays.slice(i, i + chunk).map((h) => ({ date: h.date, region: h.region, name: h.name, kind: h.kind, source: 'shipped', added_at: null })),
      )
      .onConflict((oc) => oc.columns(['date', 'region']).doNothing())
      .execute();
  }
}

/** A day an officer adds; `addedAt` marks it as theirs. */
export async function insertHoliday(db: Kysely<DB>, h: Holiday, addedAt: string): Promise<void> {
  await db.insertInto('holidays').values({ date: h.date, region: h.region, name: h.name, kind: h.kind, source: h.source, added_at: addedAt }).execute();
}

export async function deleteHoliday(db: Kysely<DB>, date: string, region: Region): Promise<void> {
  await db.deleteFrom('holidays').where('date', '=', date).where('region', '=', region).execute();
}

export async function getMeta(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
