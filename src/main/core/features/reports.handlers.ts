// The reports feature over the core (contract: src/shared/ipc/features/reports.ts).
import type { reports } from '../../../shared/ipc/features/reports';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import { dashboardCounts, timelinessReport } from '../../../shared/domain/reports';
import type { CoreContext } from '../context';
import { listCaseItems } from '../services/cases.service';
import { saveStatistics, statistics } from '../services/statistics.service';

export const reportsHandlers = (ctx: CoreContext) =>
  ({
    'reports:dashboard': async ({ today = ctx.today() }) => dashboardCounts(await listCaseItems(ctx, today), today),
    'reports:timeliness': async ({ from, to, today = ctx.today() }) => timelinessReport(await listCaseItems(ctx, today), from, to),
    'reports:statistics': (input) => statistics(ctx, input),
    'reports:saveStatistics': ({ format, ...input }) => saveStatistics(ctx, input, format),
  }) satisfies FeatureHandlers<typeof reports>;
