// The disclosure log and bundle features over the core (contracts: src/shared/ipc/features/disclosure.ts, bundles.ts).
import type { disclosure } from '../../../shared/ipc/features/disclosure';
import type { bundles } from '../../../shared/ipc/features/bundles';
import type { FeatureHandlers } from '../../../shared/ipc/define';
import type { CoreContext } from '../context';
import { exportDisclosureLog, publicationOf, publishCase } from '../services/disclosure.service';
import { bundleProgress, cancelBundle, exportBundle, previewBundle } from '../services/bundle.service';

export const disclosureHandlers = (ctx: CoreContext) =>
  ({
    'disclosure:get': (input) => publicationOf(ctx, input.reference),
    'disclosure:publish': (input) => publishCase(ctx, input),
    'disclosure:export': (input) => exportDisclosureLog(ctx, input.from, input.to),
  }) satisfies FeatureHandlers<typeof disclosure>;

export const bundlesHandlers = (ctx: CoreContext) =>
  ({
    'bundles:plan': (input) => previewBundle(ctx, input),
    'bundles:export': (input) => exportBundle(ctx, input),
    'bundles:progress': async (input) => bundleProgress(ctx, input.jobId),
    'bundles:cancel': async (input) => cancelBundle(ctx, input.jobId),
  }) satisfies FeatureHandlers<typeof bundles>;
