// A demo register: years of fictional casework, generated from a seed into an empty register, for
// demonstrations, screenshots and benchmarks. Every case is planned on the domain's own clocks and
// standing, then the officer's actions of all cases are replayed in time order and written in bulk,
// leaving the rows, stored files, search index and audit chain the app itself would have left.
// Only an empty register is filled: made-up cases must never sit among real ones.
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { DemoSummary } from '../../../shared/ipc/features/demo';
import { dayNumber, isoFromDayNumber } from '../../../shared/domain/calendar/days';
import { REGIMES } from '../../../shared/domain/clocks/events';
import { CASE_STATUSES } from '../../../shared/domain/status';
import { countCases } from '../repositories/cases.repository';
import { getSettings } from '../repositories/settings.repository';
import { auditChainHead } from '../repositories/audit.repository';
import { lastIds } from '../repositories/demo.repository';
import { planCases, shareMessages } from '../demo/plan';
import type { World } from '../demo/case-actions';
import { replay } from '../demo/replay';
import { DEMO_AUTHORITY } from '../demo/people';
import { DemoWriter } from '../demo/writer';
import { rederiveAll } from './derived.service';
import { loadCalendars } from './calendar.service';

const DAY = 86_400_000;
/** Actions written per transaction: a few large transactions, each leaving the register whole. */
const ACTIONS_PER_WRITE = 250_000;

function refuseUnlessEmpty(cases: number): void {
  if (cases > 0) {
    throw new DiscloseError('CONFLICT', `This register already holds ${cases} case${cases === 1 ? '' : 's'}: demo generate fills only an empty register, so that made-up cases never sit among real ones. Nothing was changed. Give an empty data folder with --data-dir.`);
  }
}

export async function generateDemo(ctx: CoreContext, input: ParsedInput<'demo:generate'>): Promise<DemoSummary> {
  const started = performance.now();
  if (ctx.engine === 'postgres') {
    throw new DiscloseError('VALIDATION', 'A demo register is generated into a local register (--data-dir, without --database); carry it to the team database with "team import".');
  }
  refuseUnlessEmpty(await countCases(ctx.db));
  const seed = input.seed;
  const nowMs = ctx.now().getTime();
  // Today, unless it has barely begun (a case cannot be worked in its first minutes).
  let today = ctx.today();
  if (dayNumber(today) * DAY + 2 * 3_600_000 > nowMs) today = isoFromDayNumber(dayNumber(today) - 1);
  const calendars = await ctx.calendars();
  const current = await getSettings(ctx.db);
  const settings = current.configured ? current : { ...DEMO_AUTHORITY, configured: true };
  const plans = shareMessages(planCases(seed, input.cases, calendars, today), input.messages ?? input.cases * 11);

  const world: World = { seed, settings, actor: ctx.actor, calendars, today, nowMs };
  const { configured: _, ...authority } = settings;
  const actions = replay(plans, world, current.configured ? undefined : { run: (w, ms) => w.setUp(ms, authority) });

  let writer: DemoWriter | null = null;
  for (let done = false; !done; ) {
    await ctx.write(async ({ db }) => {
      if (writer === null) {
        refuseUnlessEmpty(await countCases(db));
        writer = new DemoWriter(db, ctx.blobs, ctx.actor, await lastIds(db), await auditChainHead(db), current.referenceFormat);
      }
      writer.db = db;
      for (let n = 0; n < ACTIONS_PER_WRITE; n++) {
        const next = actions.next();
        if (next.done) {
          done = true;
          break;
        }
        await next.value.run(writer, next.value.ms);
        await writer.flush();
      }
      await writer.flush(true);
    });
  }
  // Every case's stored deadlines and status, derived once the whole history is written (a later
  // batch may add events to a case an earlier one created); were this cut short, the first read would.
  ctx.invalidateCalendars();
  const derivedOn = ctx.today();
  await ctx.write(async ({ db }) => rederiveAll(db, await loadCalendars(db), derivedOn));
  const tally = (writer as DemoWriter | null)!.tally;
  const statuses = Object.fromEntries(CASE_STATUSES.map((s) => [s, plans.filter((p) => p.story.standing.status === s).length]));
  const regimes = Object.fromEntries(REGIMES.map((r) => [r, plans.filter((p) => p.story.regime === r).length]));
  const received = plans.map((p) => p.story.received).sort();
  return {
    ...tally,
    statuses,
    regimes,
    seed,
    from: received[0] ?? today,
    to: today,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  } as DemoSummary;
}
