// The settings feature over the core (contract: src/shared/ipc/features/settings.ts).
import type { settings } from '../../../shared/ipc/features/settings';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { getSettings } from '../repositories/settings.repository';
import { updateSettings } from '../services/settings.service';

export const settingsHandlers = (ctx: CoreContext) =>
  ({
    'settings:get': () => getSettings(ctx.db),
    'settings:update': (input) => updateSettings(ctx, input),
  }) satisfies FeatureHandlers<typeof settings>;
