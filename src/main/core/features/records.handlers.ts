// The records feature over the core (contract: src/shared/ipc/features/records.ts).
import type { records } from '../../../shared/ipc/features/records';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { backupNow, backupStatus, configureBackups, verify } from '../services/records.service';
import { anonymiseCase, applyRetention, retentionView, setRetentionPolicy } from '../services/retention.service';

export const recordsHandlers = (ctx: CoreContext) =>
  ({
    'records:verify': async () => verify(ctx),
    'records:backupStatus': () => backupStatus(ctx),
    'records:backupNow': (input) => backupNow(ctx, input.reason),
    'records:configureBackups': (input) => configureBackups(ctx, input),
    'retention:list': (input) => retentionView(ctx, input.asOf),
    'retention:setPolicy': (input) => setRetentionPolicy(ctx, input),
    'retention:apply': (input) => applyRetention(ctx, input.before),
    'cases:anonymise': (input) => anonymiseCase(ctx, input.reference),
  }) satisfies FeatureHandlers<typeof records>;
