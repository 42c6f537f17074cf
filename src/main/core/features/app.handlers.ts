// The app feature over the core (contract: src/shared/ipc/features/app.ts).
import { join } from 'node:path';
import type { app } from '../../../shared/ipc/features/app';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { APP_VERSION, DATABASE_FILE } from '../constants';

export const appHandlers = (ctx: CoreContext) =>
  ({
    'app:info': async () => ({
      version: APP_VERSION,
      dataDir: ctx.dataDir,
      databaseFile: join(ctx.dataDir, DATABASE_FILE),
      today: ctx.today(),
    }),
    // The core is open: whatever opening did is over.
    'app:opening': async () => ({ opening: false, step: '', done: 0, total: 0 }),
  }) satisfies FeatureHandlers<typeof app>;
