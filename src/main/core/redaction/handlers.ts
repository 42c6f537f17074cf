// The redaction channels over the core, spread into createHandlers (handlers.ts).
import type { Handlers } from '../handlers';
import type { CoreContext } from '../context';
import { addMarks, markBySearch, produceCopy, redactionOverview, redactionPage, removeMark } from '../services/redaction.service';
import { makePack } from '../services/pack.service';

type RedactionChannel = 'redaction:list' | 'redaction:page' | 'redaction:mark' | 'redaction:search' | 'redaction:remove' | 'redaction:produce' | 'pack:export';

export function redactionHandlers(ctx: CoreContext): Pick<Handlers, RedactionChannel> {
  return {
    'redaction:list': (input) => redactionOverview(ctx, input.reference),
    'redaction:page': (input) => redactionPage(ctx, input.reference, input.target, input.page),
    'redaction:mark': (input) => addMarks(ctx, input),
    'redaction:search': (input) => markBySearch(ctx, input),
    'redaction:remove': (input) => removeMark(ctx, input.reference, input.id),
    'redaction:produce': (input) => produceCopy(ctx, input.reference, input.target),
    'pack:export': (input) => makePack(ctx, input.reference, input.format),
  };
}
