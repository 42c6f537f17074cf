// The cases feature over the core (contract: src/shared/ipc/features/cases.ts).
import type { cases } from '../../../shared/ipc/features/cases';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import { caseListMatches } from '../../../shared/domain/case-list';
import { matchesFilter } from '../../../shared/domain/reports';
import type { CoreContext } from '../context';
import { addCaseEvent, createCase, getCase, listCaseItems, updateCase, voidCaseEvent } from '../services/cases.service';

export const casesHandlers = (ctx: CoreContext) =>
  ({
    'cases:list': async ({ today = ctx.today(), filter, mine, officer, ...by }) => {
      const only = mine ? ctx.actor : officer;
      return (await listCaseItems(ctx, today)).filter((i) => matchesFilter(i, filter, today) && caseListMatches(i, by) && (only === undefined || i.officer === only));
    },
    'cases:get': (input) => getCase(ctx, input.reference),
    'cases:create': (input) => createCase(ctx, input),
    'cases:update': (input) => updateCase(ctx, input.reference, input.changes, input.ifVersion),
    'cases:addEvent': (input) => addCaseEvent(ctx, input),
    'cases:voidEvent': (input) => voidCaseEvent(ctx, input),
  }) satisfies FeatureHandlers<typeof cases>;
