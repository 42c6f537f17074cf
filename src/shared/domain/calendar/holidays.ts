// The UK bank holiday table: the shipped data (resources/uk-bank-holidays.json) parsed and
// checked, plus the officer-added days the core merges in. We ship a table rather than rules
// because proclamations move and add days (BFDA 1971 s1(2)-(3); docs/law.md §8.3).
import { z } from 'zod';
import { type IsoDate } from '../dates';
import { dayNumber } from './days';

export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof REGIONS)[number];

export type HolidayKind = 'regular' | 'substitute' | 'one_off' | 'moved';

export interface Holiday {
  date: IsoDate;
  region: Region;
  name: string;
  kind: HolidayKind;
  /** 'rule': derived by rule for a year after the shipped table (calendar/rules.ts), never stored. */
  source: 'shipped' | 'officer' | 'rule';
  /** For a `moved` holiday, the date it was moved from (e.g. 2012-05-28 for 2012-06-04). */
  movedFrom?: IsoDate;
}

/** A day that one source lists and we deliberately leave out (docs/law.md §2.4). */
export interface DisputedHoliday {
  date: IsoDate;
  region: Region;
  note: string;
}

export interface HolidayTable {
  holidays: readonly Holiday[];
  /** The last year GOV.UK has published; later years are rule-derived and provisional (§8.10). */
  publishedThrough: number;
  /**
   * The last year the shipped table lists; later years are derived by rule (calendar/rules.ts).
   * Defaults to the latest year of any shipped holiday.
   */
  coveredThrough?: number;
  disputed?: readonly DisputedHoliday[];
}

const REGION_LABELS: Record<Region, { long: string; short: string }> = {
  'england-and-wales': { long: 'England and Wales', short: 'E&W' },
  scotland: { long: 'Scotland', short: 'Scotland' },
  'northern-ireland': { long: 'Northern Ireland', short: 'NI' },
};

export function regionLabel(r: Region): string {
  return REGION_LABELS[r].long;
}

/** The short form used inside explanations: "St Patrick's Day substitute, NI". */
export function regionShort(r: Region): string {
  return REGION_LABELS[r].short;
}

const isoDate = z.string().refine(
  (s) => {
    try {
      dayNumber(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a real date in YYYY-MM-DD form' },
);

const entrySchema = z
  .object({
    date: isoDate,
    name: z.string().trim().min(1),
    substitute: z.boolean(),
    one_off: z.boolean().optional(),
    moved_from: isoDate.optional(),
  })
  .refine((e) => [e.substitute, e.one_off === true, e.moved_from !== undefined].filter(Boolean).length <= 1, {
    message: 'a holiday can be only one of substitute, one_off or moved',
  });

const regionList = z.array(entrySchema);

const fileSchema = z.object({
  description: z.string(),
  sources: z.array(z.string()).optional(),
  /** Optional explicit field; otherwise read from the description's "Years after 2027 …". */
  published_through: z.number().int().min(2000).max(2200).optional(),
  disputed: z
    .array(z.object({ date: isoDate, region: z.enum(REGIONS), note: z.string() }))
    .optional(),
  regions: z.object({
    'england-and-wales': regionList,
    scotland: regionList,
    'northern-ireland': regionList,
  }),
});

type Entry = z.infer<typeof entrySchema>;

function kindOf(e: Entry): HolidayKind {
  if (e.moved_from !== undefined) return 'moved';
  if (e.one_off === true) return 'one_off';
  return e.substitute ? 'substitute' : 'regular';
}

// The shipped file states the cut-off in prose ("Years after 2027 are derived from the rules and
// are provisional …"). Refuse to guess when it does not: a wrong year would either hide or
// invent the "provisional" warning on every deadline.
const PUBLISHED_THROUGH = /years after (\d{4})\b[^.]*provisional/i;

/** Parses and validates the shipped holiday file; throws an Error saying what is wrong. */
export function parseShippedHolidays(json: unknown): HolidayTable {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Bank holiday data is not valid:\n${z.prettifyError(parsed.error)}`);
  }
  const file = parsed.data;

  let publishedThrough = file.published_through;
  if (publishedThrough === undefined) {
    const m = PUBLISHED_THROUGH.exec(file.description);
    if (!m) {
      throw new Error(
        'Bank holiday data does not say which years are published: add "published_through" ' +
          'or a description sentence "Years after YYYY … are provisional".',
      );
    }
    publishedThrough = Number(m[1]);
  }

  const holidays: Holiday[] = [];
  for (const region of REGIONS) {
    const seen = new Set<IsoDate>();
    for (const e of file.regions[region]) {
      if (seen.has(e.date)) {
        throw new Error(`Bank holiday data is not valid: ${e.date} is listed twice for ${regionLabel(region)}.`);
      }
      seen.add(e.date);
      const h: Holiday = { date: e.date, region, name: e.name, kind: kindOf(e), source: 'shipped' };
      if (e.moved_from !== undefined) h.movedFrom = e.moved_from;
      holidays.push(h);
    }
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return {
    holidays,
    publishedThrough,
    disputed: (file.disputed ?? []).map((d) => ({ date: d.date, region: d.region, note: d.note })),
  };
}
