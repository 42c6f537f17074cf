// The reports feature over the core (contract: src/shared/ipc/features/reports.ts).
import type { reports } from '../../../shared/ipc/features/reports';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { dashboard, timeliness } from '../services/case-list.service';
import { saveStatistics, statistics } from '../services/statistics.service';

export const reportsHandlers = (ctx: CoreContext) =>
  ({
    'reports:dashboard': ({ today = ctx.today() }) => dashboard(ctx, today),
    'reports:timeliness': ({ from, to, today = ctx.today() }) => timeliness(ctx, from, to, today),
    'reports:statistics': (input) => statistics(ctx, input),
    'reports:saveStatistics': ({ format, ...input }) => saveStatistics(ctx, input, format),
  }) satisfies FeatureHandlers<typeof reports>;
