import type { CoreContext } from '../context';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { getSettings, saveSettings } from '../repositories/settings.repository';
import { markStale } from '../repositories/derived.repository';

export async function updateSettings(ctx: CoreContext, input: ParsedInput<'settings:update'>): Promise<AuthoritySettings> {
  await ctx.write(async ({ db: trx, audit }) => {
    const before = await getSettings(trx);
    await saveSettings(trx, input);
    const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => input[k] !== before[k]);
    // Subject access clocks roll forward on the authority's region's calendar: derived again at the next read.
    if (changed.includes('region')) await markStale(trx, { regime: 'sar' });
    await audit({
      action: 'settings.updated',
      caseId: null,
      summary: before.configured ? `Changed settings: ${changed.join(', ') || 'nothing'}` : 'Set up the authority',
      detail: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: input[k] }])),
    });
  });
  // The SAR calendar follows the authority's region.
  ctx.invalidateCalendars();
  return getSettings(ctx.db);
}
