// Section 12: the estimate by permitted activity, its cost against the appropriate limit, the
// confirm-or-deny estimate (s12(2)), reg 5 aggregation, and the s16 advice that goes with a refusal.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import type { CostEstimate, CostLine, EstimateScope } from '../../../shared/domain/costs/types';
import { aggregateTotals, aggregationCandidates, appropriateLimit, AGGREGATION_WORKING_DAYS, costTotals, costWorking, CostRuleError, formatMinutes, formatPence, sameRequester, validateCostLine, workingDaySpan } from '../../../shared/domain/costs/s12';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { CostView } from '../../../shared/ipc/contract';
import { findCase, listCases } from '../repositories/cases.repository';
import { getSettings } from '../repositories/settings.repository';
import { getS16Advice, listCostLines, listLinks, replaceCostLines, setS16Advice } from '../repositories/costs.repository';
import { inTransaction } from './transaction';

async function requireCase(db: Kysely<DB>, reference: string) {
  const found = await findCase(db, reference);
  if (!found) throw new DiscloseError('NOT_FOUND', `No case with reference ${reference}.`);
  return found;
}

export async function getCosts(ctx: CoreContext, reference: string, db: Kysely<DB> = ctx.db): Promise<CostView> {
  const found = await requireCase(db, reference);
  const settings = await getSettings(db);
  const limit = appropriateLimit(found.record.regime, settings.centralGovernment);
  const links = await listLinks(db, found.id);
  const ids = [found.id, ...links.map((l) => l.linkedCaseId)];
  const comply = await listCostLines(db, ids, 'comply');
  const confirm = await listCostLines(db, [found.id], 'confirm-or-deny');
  const all = await listCases(db);
  const byId = new Map(all.map((c) => [c.id, c.record]));

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
    all.filter((c) => c.id !== found.id && !linked.has(c.record.reference)).map((c) => toAggregationCase(c.record)),
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
  await inTransaction(ctx, async (trx, audit) => {
    const found = await requireCase(trx, reference);
    lines = linesForRegime(lines, found.record.regime);
    const settings = await getSettings(trx);
    await replaceCostLines(trx, found.id, scope, lines, ctx.now().toISOString());
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
  });
  return getCosts(ctx, reference);
}

export async function setAdvice(ctx: CoreContext, reference: string, advice: string): Promise<CostView> {
  await inTransaction(ctx, async (trx, audit) => {
    const found = await requireCase(trx, reference);
    const before = await getS16Advice(trx, found.id);
    if (before === advice) return;
    await setS16Advice(trx, found.id, advice, ctx.now().toISOString());
    await audit({ action: 'costs.advice', caseId: found.id, summary: 'Recorded section 16 advice', detail: { from: before, to: advice } });
  });
  return getCosts(ctx, reference);
}

/** Aggregation is mutual: each case's estimate then counts the other's (reg 5(2)). */
export async function linkCases(ctx: CoreContext, reference: string, other: string, reason: string, link: boolean): Promise<CostView> {
  await inTransaction(ctx, async (trx, audit) => {
    const a = await requireCase(trx, reference);
    const b = await requireCase(trx, other);
    if (a.id === b.id) throw new DiscloseError('VALIDATION', 'A case cannot be aggregated with itself.');
    const now = ctx.now().toISOString();
    if (link) {
      // Checked on linking too, not only when proposing (FOIA s12(4); SI 2004/3244 reg 5).
      if (a.record.regime !== 'foia' || b.record.regime !== 'foia') {
        throw new DiscloseError('VALIDATION', `Only FOIA requests can be aggregated (SI 2004/3244 reg 5): ${a.record.reference} is ${a.record.regime.toUpperCase()} and ${b.record.reference} is ${b.record.regime.toUpperCase()}.`);
      }
      const span = workingDaySpan((await ctx.calendars()).allUk, a.record.received, b.record.received);
      if (span > AGGREGATION_WORKING_DAYS) {
        throw new DiscloseError('VALIDATION', `${a.record.reference} and ${b.record.reference} were received ${span} working days apart, counting both days: reg 5(2)(b) allows aggregation only within 60 consecutive working days.`);
      }
      const same = sameRequester(toAggregationCase(a.record), toAggregationCase(b.record));
      if (same === null && !reason.trim()) {
        throw new DiscloseError('VALIDATION', `${a.record.reference} and ${b.record.reference} have different requesters: say why they appear to be acting in concert or in a campaign (reg 5(1)(b)).`, { reason: 'Required for different requesters' });
      }
      for (const [x, y] of [[a.id, b.id], [b.id, a.id]] as const) {
        await trx
          .insertInto('case_links')
          .values({ case_id: x, linked_case_id: y, kind: 'aggregation', reason, created_at: now })
          .onConflict((oc) => oc.columns(['case_id', 'linked_case_id', 'kind']).doUpdateSet({ reason }))
          .execute();
      }
    } else {
      await trx.deleteFrom('case_links').where('kind', '=', 'aggregation').where((eb) => eb.or([eb.and([eb('case_id', '=', a.id), eb('linked_case_id', '=', b.id)]), eb.and([eb('case_id', '=', b.id), eb('linked_case_id', '=', a.id)])])).execute();
    }
    for (const [c, o] of [[a, b], [b, a]] as const) {
      await audit({
        action: link ? 'costs.aggregated' : 'costs.unaggregated',
        caseId: c.id,
        summary: `${link ? 'Aggregated with' : 'No longer aggregated with'} ${o.record.reference} (reg 5)${link && reason ? `: ${reason}` : ''}`,
        detail: { other: o.record.reference, reason },
      });
    }
  });
  return getCosts(ctx, reference);
}
