// The costs and exemptions features over the core (contracts: src/shared/ipc/features/costs.ts, exemptions.ts).
import type { costs } from '../../../shared/ipc/features/costs';
import type { exemptions } from '../../../shared/ipc/features/exemptions';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import { EXEMPTION_CATALOGUE } from '../../../shared/domain/exemptions/catalogue';
import type { CoreContext } from '../context';
import { getCosts, linkCases, setAdvice, setCostLines } from '../services/costs.service';
import { applyExemption, listExemptions, removeExemption } from '../services/exemptions.service';

export const costsHandlers = (ctx: CoreContext) =>
  ({
    'costs:get': (input) => getCosts(ctx, input.reference),
    'costs:set': (input) => setCostLines(ctx, input.reference, input.scope, input.lines),
    'costs:setAdvice': (input) => setAdvice(ctx, input.reference, input.s16Advice),
    'costs:link': (input) => linkCases(ctx, input.reference, input.other, input.reason, true),
    'costs:unlink': (input) => linkCases(ctx, input.reference, input.other, '', false),
  }) satisfies FeatureHandlers<typeof costs>;

export const exemptionsHandlers = (ctx: CoreContext) =>
  ({
    'exemptions:catalogue': async () => EXEMPTION_CATALOGUE,
    'exemptions:list': (input) => listExemptions(ctx, input.reference),
    'exemptions:apply': (input) => applyExemption(ctx, input),
    'exemptions:remove': (input) => removeExemption(ctx, input),
  }) satisfies FeatureHandlers<typeof exemptions>;
