// The cases feature over the core (contract: src/shared/ipc/features/cases.ts).
import type { cases } from '../../../shared/ipc/features/cases';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { addCaseEvent, createCase, getCase, updateCase, voidCaseEvent } from '../services/cases.service';
import { casePage, listCaseItems } from '../services/case-list.service';

export const casesHandlers = (ctx: CoreContext) =>
  ({
    'cases:list': ({ today = ctx.today(), mine, officer, ...q }) => listCaseItems(ctx, today, { ...q, officer: mine ? ctx.actor : officer }),
    'cases:page': ({ today = ctx.today(), mine, officer, limit, after, ...q }) => casePage(ctx, { ...q, officer: mine ? ctx.actor : officer }, { limit, after }, today),
    'cases:get': (input) => getCase(ctx, input.reference),
    'cases:create': (input) => createCase(ctx, input),
    'cases:update': (input) => updateCase(ctx, input.reference, input.changes, input.ifVersion),
    'cases:addEvent': (input) => addCaseEvent(ctx, input),
    'cases:voidEvent': (input) => voidCaseEvent(ctx, input),
  }) satisfies FeatureHandlers<typeof cases>;
