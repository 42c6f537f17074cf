// The case list an officer works from: text search, filters by regime, status and (when the
// product has officers) officer, sorting with closed cases last, and the duplicate-request check.
import { workingDaysBetween, type WorkingCalendar } from './calendar/calendar';
import type { CaseListItem } from './cases';
import type { Regime } from './clocks/events';
import type { IsoDate } from './dates';
import type { CaseStatus } from './status';

export interface CaseListFilter {
  regime?: Regime | undefined;
  status?: CaseStatus | undefined;
  text?: string | undefined;
  /** The seam for officers: cases carry no officer yet, so this is matched only when they do. */
  officer?: string | undefined;
}

type Searchable = Pick<CaseListItem, 'reference' | 'requesterName' | 'summary' | 'regime' | 'status'> & { officer?: string | null };

function words(s: string): string[] {
  return s.normalize('NFC').toLocaleLowerCase('en-GB').split(/\s+/).filter((w) => w !== '');
}

/** Every word typed must appear in the reference, the requester's name or the summary. */
export function caseListMatches(item: Searchable, f: CaseListFilter): boolean {
  if (f.regime && item.regime !== f.regime) return false;
  if (f.status && item.status !== f.status) return false;
  if (f.officer && (item.officer ?? '') !== f.officer) return false;
  if (f.text && f.text.trim() !== '') {
    const hay = `${item.reference} ${item.requesterName} ${item.summary}`.normalize('NFC').toLocaleLowerCase('en-GB');
    if (!words(f.text).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export const CASE_SORT_KEYS = ['reference', 'requesterName', 'received', 'dueDate', 'daysLeft', 'status'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

/**
 * The order of the list. By days left, cases with no deadline in force (responded, on hold, closed)
 * come after those with one, and closed cases come last whichever way the column is sorted; the
 * rest go by the date in force (the soonest first, ascending), so that cases on different
 * calendars (working days, calendar months) fall in the order their dates do. The Due column sorts
 * by the date it shows: the date in force, or the response deadline when none is. The register
 * sorts in SQL to this definition (repositories/case-list.repository.ts).
 */
export function compareCases<T extends Pick<CaseListItem, CaseSortKey | 'deadline'>>(a: T, b: T, key: CaseSortKey, dir: 1 | -1): number {
  if (key === 'daysLeft') {
    const rank = (i: T) => (i.status === 'closed' ? 2 : i.deadline === null ? 1 : 0);
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    const x = a.deadline?.due ?? '';
    const y = b.deadline?.due ?? '';
    if (x !== y) return (x < y ? -1 : 1) * dir;
    return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
  }
  const value = (i: T) => (key === 'dueDate' ? (i.deadline?.due ?? i.dueDate) : (i[key] ?? ''));
  const x = value(a);
  const y = value(b);
  return (x < y ? -1 : x > y ? 1 : 0) * dir;
}

/** Sorts a copy (compareCases). */
export function sortCases<T extends Pick<CaseListItem, CaseSortKey | 'deadline'>>(items: readonly T[], key: CaseSortKey, dir: 1 | -1): T[] {
  return [...items].sort((a, b) => compareCases(a, b, key, dir));
}

const STOP = new Set(['the', 'and', 'for', 'all', 'any', 'about', 'from', 'with', 'your', 'please', 'information', 'request', 'copy', 'copies', 'of', 'on', 'in', 'to', 'a']);

function keywords(s: string): Set<string> {
  return new Set(words(s.replace(/[^\p{L}\p{N}\s]/gu, ' ')).filter((w) => w.length >= 3 && !STOP.has(w)));
}

/** Share of keywords in common (Jaccard); 1 when both summaries say the same things. */
export function summarySimilarity(a: string, b: string): number {
  const x = keywords(a);
  const y = keywords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common += 1;
  return common / (x.size + y.size - common);
}

export interface DuplicateCandidate {
  reference: string;
  requesterName: string;
  requesterEmail: string;
  summary: string;
  received: IsoDate;
}

/** The window the Fees Regulations use for requests from one person (SI 2004/3244 reg 5(2)(b)). */
export const DUPLICATE_WINDOW_WORKING_DAYS = 60;

/**
 * Possible duplicates: the same requester (name or email, ignoring case), a similar summary (at
 * least half the keywords in common), received within 60 working days either side. A warning for
 * the officer, never a refusal: a repeated request is only refused under FOIA s14(2) on its facts.
 */
export function possibleDuplicates(c: DuplicateCandidate, others: readonly DuplicateCandidate[], calendar: WorkingCalendar): DuplicateCandidate[] {
  const same = (a: string, b: string) => a.trim() !== '' && a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
  return others.filter((o) => {
    if (o.reference === c.reference) return false;
    if (!same(o.requesterName, c.requesterName) && !same(o.requesterEmail, c.requesterEmail)) return false;
    const [from, to] = o.received <= c.received ? [o.received, c.received] : [c.received, o.received];
    if (workingDaysBetween(calendar, from, to) > DUPLICATE_WINDOW_WORKING_DAYS) return false;
    return summarySimilarity(o.summary, c.summary) >= 0.5;
  });
}
