// The redaction feature over the core (contract: src/shared/ipc/features/redaction.ts).
import type { redaction } from '../../../shared/ipc/features/redaction';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { addMarks, markBySearch, produceCopy, redactionOverview, redactionPage, removeMark } from '../services/redaction.service';
import { makePack } from '../services/pack.service';

export const redactionHandlers = (ctx: CoreContext) =>
  ({
    'redaction:list': (input) => redactionOverview(ctx, input.reference),
    'redaction:page': (input) => redactionPage(ctx, input.reference, input.target, input.page),
    'redaction:mark': (input) => addMarks(ctx, input),
    'redaction:search': (input) => markBySearch(ctx, input),
    'redaction:remove': (input) => removeMark(ctx, input.reference, input.id),
    'redaction:produce': (input) => produceCopy(ctx, input.reference, input.target),
    'pack:export': (input) => makePack(ctx, input.reference, input.format),
  }) satisfies FeatureHandlers<typeof redaction>;
