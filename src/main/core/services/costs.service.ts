// Section 12: the estimate by permitted activity, its cost against the appropriate limit, the
// confirm-or-deny estimate (s12(2)), reg 5 aggregation, and the s16 advice that goes with a refusal.
import { addCalendarDays } from '../../../shared/domain/dates';
import type { CaseRecord } from '../../../shared/domain/cases';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { CostEstimate, CostLine, EstimateScope } from '../../../shared/domain/costs/types';
import { aggregateTotals, aggregationCandidates, appropriateLimit, AGGREGATION_WORKING_DAYS, costTotals, costWorking, CostRuleError, formatMinutes, formatPence, sameRequester, validateCostLine, workingDaySpan } from '../../../shared/domain/costs/s12';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { CostView } from '../../../shared/ipc/contract';
import { casesReceivedBetween, findCaseById, requireCase, requireCaseById, type FoundCase } from '../repositories/cases.repository';
import { getSettings } from '../repositories/settings.repository';
import { getS16Advice, linkAggregation, listCostLines, listLinks, replaceCostLines, setS16Advice, unlinkAggregation } from '../repositories/costs.repository';

export async function getCosts(ctx: CoreContext, reference: string): Promise<CostView> {
  return costsOf(ctx, await requireCase(ctx.db, reference));
}

/** The costs of the case the operation resolved. */
export async function costsOf(ctx: CoreContext, found: FoundCase): Promise<CostView> {
  const db = ctx.db;
  const settings = await getSettings(db);
  const limit = appropriateLimit(found.record.regime, settings.centralGovernment);
  const links = await listLinks(db, found.id);
  const ids = [found.id, ...links.map((l) => l.linkedCaseId)];
  const comply = await listCostLines(db, ids, 'comply');
  const confirm = await listCostLines(db, [found.id], 'confirm-or-deny');
  // The linked requests, and every other received within reach of the 60 working days (which never
  // span more than 100 calendar days): the aggregation check needs no more of the register.
  const nearby = await casesReceivedBetween(db, addCalendarDays(found.record.received, -100), addCalendarDays(found.record.received, 100), found.id);
  const byId = new Map<number, CaseRecord>();
  for (const l of links) {
    const linkedCase = await findCaseById(db, l.linkedCaseId);
    if (linkedCase) byId.set(l.linkedCaseId, linkedCase.record);
  }

  const estimate = (scope: EstimateScope, lines: CostLine[] | undefined): CostEstimate | null => {
    if (!lines || lines.length === 0) return null;
    const totals = costTotals(lines, limit);
    const aggregatedWith =
      scope === 'comply'
        ? links.map((l) => ({
            reference: l.reference,
            received: byId.get(l.linkedCaseId)?.received ?? '',
            totalMinutes: costTotals(comply.get(l.linkedCaseId) ?? [], limit).totalMinutes,
            reason: l.reason,
          }))
        : [];
    return { scope, lines, totals, aggregatedWith, aggregateTotals: aggregatedWith.length ? aggregateTotals(lines, aggregatedWith, limit) : null };
  };

  const linked = new Set(links.map((l) => l.reference));
  const calendars = await ctx.calendars();
  const candidates = aggregationCandidates(
    toAggregationCase(found.record),
    nearby.filter((c) => !linked.has(c.reference)).map((c) => toAggregationCase(c)),
    calendars.allUk,
  );
  const complyEstimate = estimate('comply', comply.get(found.id));
  return {
    reference: found.record.reference,
    regime: found.record.regime,
    limit,
    comply: complyEstimate,
    confirmOrDeny: estimate('confirm-or-deny', confirm.get(found.id)),
    s16Advice: await getS16Advice(db, found.id),
    working: complyEstimate ? costWorking(complyEstimate.lines, complyEstimate.aggregateTotals ?? complyEstimate.totals, { guideOnly: limit.guideOnly, regime: found.record.regime }) : [],
    candidates,
  };
}

function toAggregationCase(c: { reference: string; regime: Regime; requester: { name: string; email: string }; received: string; summary: string }) {
  return { reference: c.reference, regime: c.regime, requesterName: c.requester.name, requesterEmail: c.requester.email, received: c.received, summary: c.summary };
}

/** Every line checked against the case's own regime (FOISA counts providing, never determining; SAR has no limit). */
function linesForRegime(lines: readonly CostLine[], regime: Regime): CostLine[] {
  return lines.map((line, i) => {
    try {
      return validateCostLine(line, regime);
    } catch (err) {
      if (err instanceof CostRuleError) throw new DiscloseError('VALIDATION', err.message, { [`lines.${i}.${err.field}`]: err.message });
      throw err;
    }
  });
}

export async function setCostLines(ctx: CoreContext, reference: string, scope: EstimateScope, lines: CostLine[]): Promise<CostView> {
  const id = await ctx.write(async ({ db: trx, audit, now }) => {
    const found = await requireCase(trx, reference);
    lines = linesForRegime(lines, found.record.regime);
    const settings = await getSettings(trx);
    await replaceCostLines(trx, found.id, scope, lines, now.toISOString());
    const totals = costTotals(lines, appropriateLimit(found.record.regime, settings.centralGovernment));
    await audit({
      action: 'costs.estimated',
      caseId: found.id,
      summary:
        lines.length === 0
          ? `Removed the ${scope === 'comply' ? 's12(1)' : 's12(2)'} estimate`
          : `${scope === 'comply' ? 'Section 12' : 'Confirm or deny (s12(2))'} estimate: ${formatMinutes(totals.totalMinutes)}, ${formatPence(totals.costPence)} against ${formatPence(totals.limitPence)}${totals.exceeds ? ' (exceeds)' : ''}`,
      detail: { scope, lines, totals },
    });
    return found.id;
  });
  return costsOf(ctx, await requireCaseById(ctx.db, id));
}

export async function setAdvice(ctx: CoreContext, reference: string, advice: string): Promise<CostView> {
  const id = await ctx.write(async ({ db: trx, audit, now }) => {
    const found = await requireCase(trx, reference);
    const before = await getS16Advice(trx, found.id);
    if (before === advice) return found.id;
    await setS16Advice(trx, found.id, advice, now.toISOString());
    await audit({ action: 'costs.advice', caseId: found.id, summary: 'Recorded section 16 advice', detail: { from: before, to: advice } });
    return found.id;
  });
  return costsOf(ctx, await requireCaseById(ctx.db, id));
}

/** Aggregation is mutual: each case's estimate then counts the other's (reg 5(2)). */
export async function linkCases(ctx: CoreContext, reference: string, other: string, reason: string, link: boolean): Promise<CostView> {
  // The calendar is read before the write: nothing inside it may use the core's own handle.
  const calendars = link ? await ctx.calendars() : null;
  const id = await ctx.write(async ({ db: trx, audit, now }) => {
    const a = await requireCase(trx, reference);
    const b = await requireCase(trx, other);
    if (a.id === b.id) throw new DiscloseError('VALIDATION', 'A case cannot be aggregated with itself.');
    if (link) {
      // Checked on linking too, not only when proposing (FOIA s12(4); SI 2004/3244 reg 5).
      if (a.record.regime !== 'foia' || b.record.regime !== 'foia') {
        throw new DiscloseError('VALIDATION', `Only FOIA requests can be aggregated (SI 2004/3244 reg 5): ${a.record.reference} is ${a.record.regime.toUpperCase()} and ${b.record.reference} is ${b.record.regime.toUpperCase()}.`);
      }
      const span = workingDaySpan(calendars!.allUk, a.record.received, b.record.received);
      if (span > AGGREGATION_WORKING_DAYS) {
        throw new DiscloseError('VALIDATION', `${a.record.reference} and ${b.record.reference} were received ${span} working days apart, counting both days: reg 5(2)(b) allows aggregation only within 60 consecutive working days.`);
      }
      const same = sameRequester(toAggregationCase(a.record), toAggregationCase(b.record));
      if (same === null && !reason.trim()) {
        throw new DiscloseError('VALIDATION', `${a.record.reference} and ${b.record.reference} have different requesters: say why they appear to be acting in concert or in a campaign (reg 5(1)(b)).`, { reason: 'Required for different requesters' });
      }
      await linkAggregation(trx, a.id, b.id, reason, now.toISOString());
    } else {
      await unlinkAggregation(trx, a.id, b.id);
    }
    for (const [c, o] of [[a, b], [b, a]] as const) {
      await audit({
        action: link ? 'costs.aggregated' : 'costs.unaggregated',
        caseId: c.id,
        summary: `${link ? 'Aggregated with' : 'No longer aggregated with'} ${o.record.reference} (reg 5)${link && reason ? `: ${reason}` : ''}`,
        detail: { other: o.record.reference, reason },
      });
    }
    return a.id;
  });
  return costsOf(ctx, await requireCaseById(ctx.db, id));
}
