// The demo feature over the core (contract: src/shared/ipc/features/demo.ts).
import type { demo } from '../../../shared/ipc/features/demo';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { generateDemo } from '../services/demo.service';

export const demoHandlers = (ctx: CoreContext) =>
  ({
    'demo:generate': (input) => generateDemo(ctx, input),
  }) satisfies FeatureHandlers<typeof demo>;
