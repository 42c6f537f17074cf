// FOI statistics for a period, by regime: the cases the period counts are read by index with what
// is stored of each (the domain's CaseStatsFacts, kept with the case's other derived dates), the
// domain turns them into the figures, and they are shown, saved as CSV, or printed as a PDF report.
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import { formatLongDate, type IsoDate } from '../../../shared/domain/dates';
import type { Regime } from '../../../shared/domain/clocks/events';
import { formatProvision } from '../../../shared/domain/exemptions/catalogue';
import type { Act } from '../../../shared/domain/exemptions/types';
import { OUTCOME_LABELS, PERIOD_EVENTS, perPeriodEvent, periodStatistics, RESPONSE_OUTCOMES, statisticsRows, type PeriodCases, type PeriodEvent, type Statistics, type StatsRow } from '../../../shared/domain/statistics';
import { holdsOn, storedStanding } from '../../../shared/domain/stored-standing';
import type { LetterView } from '../../../shared/domain/letters/view';
import { listEvents } from '../repositories/events.repository';
import { factsOfRow } from '../repositories/derived.repository';
import { appliedToCasesReceivedIn, casesReceivedIn, casesWithEventsIn, type Period, type PeriodCaseRow } from '../repositories/statistics.repository';
import { getSettings } from '../repositories/settings.repository';
import { csvField } from '../bundle/zip';
import { renderLetter } from '../pdf/letter';
import { writeFileAtomic } from './letters.service';
import { ensureDerived } from './derived.service';

export interface StatisticsInput {
  from: IsoDate;
  to: IsoDate;
  regime?: Regime | undefined;
  officer?: string | undefined;
}

/** The rows as the domain counts them; a snapshot that does not hold for `today` (a register that cannot be written) is derived afresh in memory. */
async function toStatsRows(ctx: CoreContext, rows: readonly PeriodCaseRow[], today: IsoDate): Promise<StatsRow[]> {
  const stale = rows.filter((r) => !holdsOn({ derived: r.answered, derivedOn: r.derived_on, validUntil: r.valid_until }, today));
  const events = stale.length > 0 ? await listEvents(ctx.db, [...new Set(stale.map((r) => r.id))]) : new Map();
  const calendars = stale.length > 0 ? await ctx.calendars() : null;
  return rows.map((r) => {
    if (!events.has(r.id)) return Object.assign(factsOfRow(r)!, { reference: r.reference, responseDue: r.response_due! });
    const d = storedStanding(r.regime as Regime, r.received_date, events.get(r.id) ?? [], calendars!, today);
    return { reference: r.reference, responseDue: d.standing.dueDate, ...d.facts };
  });
}

export async function statistics(ctx: CoreContext, input: StatisticsInput): Promise<Statistics> {
  if (input.from > input.to) throw new DiscloseError('VALIDATION', `The period starts (${input.from}) after it ends (${input.to}).`, { from: 'After the end date' });
  if (input.officer) {
    // Cases carry an officer only on a team database; a local register has one officer.
    throw new DiscloseError('VALIDATION', 'This register does not assign cases to officers: statistics by officer need the team database.', { officer: 'No officers in a local register' });
  }
  const today = ctx.today();
  await ensureDerived(ctx, today);
  // Only the cases the period's figures count, however many years the register holds.
  const period: Period = { from: input.from, to: input.to, regime: input.regime ?? null };
  const received = await casesReceivedIn(ctx.db, period);
  const withEvents = await casesWithEventsIn(ctx.db, period, PERIOD_EVENTS);
  const rows = await toStatsRows(ctx, [...received, ...withEvents], today);
  const withEvent = perPeriodEvent((): StatsRow[] => []);
  withEvents.forEach((e, i) => withEvent[e.type as PeriodEvent].push(rows[received.length + i]!));
  const applied = (await appliedToCasesReceivedIn(ctx.db, period)).map((a) => [a.reference, formatProvision({ act: a.act as Act, section: a.section, subsection: a.subsection })] as const);
  const cases: PeriodCases = { received: rows.slice(0, received.length), withEvent, applied };
  return periodStatistics(cases, period, today);
}

function reportView(authority: string, s: Statistics): LetterView {
  const list = (items: [string, number][]) => ({ kind: 'list' as const, items: items.map(([k, v]) => `${k}: ${v}`) });
  const exemptions = Object.entries(s.exemptions);
  return {
    title: `Information request statistics ${s.from} to ${s.to}`,
    date: s.to,
    letterhead: { name: authority, lines: [] },
    recipient: [],
    references: [{ label: 'Period', value: `${formatLongDate(s.from)} to ${formatLongDate(s.to)}` }, ...(s.regime ? [{ label: 'Regime', value: s.regime.toUpperCase() }] : [])],
    subject: 'Information request statistics',
    salutation: '',
    blocks: [
      { kind: 'heading', text: 'Requests and timeliness' },
      list([['Received', s.received], ['Answered within the statutory time', s.inTime], ['Answered within a permitted extension', s.extendedInTime], ['Answered late', s.late], ['Late by up to 5 days', s.lateBy.upTo5], ['Late by 6 to 20 days', s.lateBy.upTo20], ['Late by more than 20 days', s.lateBy.over20], ['Not yet answered, within time', s.pending], ['Not yet answered, overdue', s.overdue]]),
      { kind: 'paragraph', text: s.ratePercent === null ? 'No response rate yet: nothing in the period has been answered or fallen due.' : `Answered in time: ${s.ratePercent}% (${s.band}, on the Information Commissioner's bands: good 95% or more, adequate 90% to 95%).` },
      { kind: 'heading', text: 'Outcomes' },
      list(RESPONSE_OUTCOMES.map((o) => [OUTCOME_LABELS[o], s.outcomes[o]])),
      { kind: 'heading', text: 'Exemptions and exceptions applied' },
      exemptions.length ? list(exemptions) : { kind: 'paragraph', text: 'None.' },
      { kind: 'heading', text: 'Reviews, complaints and appeals' },
      list([['Reviews received', s.reviews.received], ['Reviews completed in time', s.reviews.answeredInTime], ['Upheld', s.reviews.upheld], ['Upheld in part', s.reviews.partlyUpheld], ['Overturned', s.reviews.overturned], ['Still under review', s.reviews.pending], ['Complaints to the Commissioner', s.ico.complaints], ['Decision notices', s.ico.decisions], ['Tribunal appeals', s.tribunal.appeals]]),
      { kind: 'paragraph', text: 'Each request is counted in the period it was received; one still unanswered at the end of the period is counted as within time or overdue, never left out.' },
    ],
    closing: '',
    signatory: { name: '', title: '', authority: '' },
  };
}

export async function saveStatistics(ctx: CoreContext, input: StatisticsInput, format: 'csv' | 'pdf'): Promise<{ saved: boolean; path: string | null; size: number }> {
  const s = await statistics(ctx, input);
  const path = await ctx.host.chooseSavePath({
    title: `Save the statistics as ${format.toUpperCase()}`,
    defaultName: `statistics ${s.from} to ${s.to}.${format}`,
    filters: [{ name: format === 'csv' ? 'CSV' : 'PDF document', extensions: [format] }],
    slot: format,
  });
  if (path === null) return { saved: false, path: null, size: 0 };
  const bytes = format === 'csv'
    ? new Uint8Array(Buffer.from(`${statisticsRows(s).map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n')}\r\n`, 'utf8'))
    : await renderLetter(reportView((await getSettings(ctx.db)).name, s), await ctx.fonts());
  writeFileAtomic(path, bytes);
  return { saved: true, path, size: bytes.length };
}
