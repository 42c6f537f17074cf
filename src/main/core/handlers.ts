// One handler per contract channel: the whole of what an officer can do, over one core. Each
// feature's map is checked against its own contract (features/*.handlers.ts); the merged map is
// checked against the whole contract, so a channel without a handler fails to compile.
import type { Channel } from '../../shared/ipc/channels';
import type { Output, ParsedInput } from '../../shared/ipc/contract';
import type { CoreContext } from './context';
import { appHandlers } from './features/app.handlers';
import { settingsHandlers } from './features/settings.handlers';
import { casesHandlers } from './features/cases.handlers';
import { auditHandlers } from './features/audit.handlers';
import { deadlinesHandlers, holidaysHandlers } from './features/calendar.handlers';
import { reportsHandlers } from './features/reports.handlers';
import { costsHandlers, exemptionsHandlers } from './features/costs.handlers';
import { lettersHandlers } from './features/letters.handlers';
import { correspondenceHandlers } from './features/correspondence.handlers';
import { bundlesHandlers, disclosureHandlers } from './features/publishing.handlers';
import { redactionHandlers } from './features/redaction.handlers';
import { recordsHandlers } from './features/records.handlers';
import { teamHandlers } from './features/team.handlers';
import { demoHandlers } from './features/demo.handlers';
import { checkoutHandlers } from './features/checkout.handlers';

export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> };

export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...casesHandlers(ctx),
    ...auditHandlers(ctx),
    ...deadlinesHandlers(ctx),
    ...holidaysHandlers(ctx),
    ...reportsHandlers(ctx),
    ...costsHandlers(ctx),
    ...exemptionsHandlers(ctx),
    ...lettersHandlers(ctx),
    ...correspondenceHandlers(ctx),
    ...disclosureHandlers(ctx),
    ...bundlesHandlers(ctx),
    ...redactionHandlers(ctx),
    ...recordsHandlers(ctx),
    ...teamHandlers(ctx),
    ...demoHandlers(ctx),
    ...checkoutHandlers(ctx),
  } satisfies Handlers;
}
