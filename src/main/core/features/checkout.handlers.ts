// The check-out feature over the core (contract: src/shared/ipc/features/checkout.ts).
import type { checkout } from '../../../shared/ipc/features/checkout';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { bringBack, caseCheckout, checkoutState, keptAside, keptAsideCopy, leases, markMerged, releaseCase, takeOffline, workOffline } from '../services/checkout-app.service';

export const checkoutHandlers = (ctx: CoreContext) =>
  ({
    'checkout:state': () => checkoutState(ctx),
    'checkout:leases': () => leases(ctx),
    'checkout:case': (input) => caseCheckout(ctx, input.reference),
    'checkout:take': (input) => takeOffline(ctx, input.references, input.until),
    'checkout:checkin': (input) => bringBack(ctx, input.references),
    'checkout:release': (input) => releaseCase(ctx, input.reference, input.reason),
    'checkout:keptAside': (input) => keptAside(ctx, input.all),
    'checkout:keptAsideCopy': (input) => keptAsideCopy(ctx, input),
    'checkout:merged': (input) => markMerged(ctx, input),
    'checkout:workOffline': (input) => workOffline(ctx, input.offline),
  }) satisfies FeatureHandlers<typeof checkout>;
