// Aggregation for the cost limit is checked when linking, not only when proposing: FOIA cases
// only, the same person or persons in concert, within 60 consecutive working days (FOIA s12(4);
// SI 2004/3244 reg 5).
import { describe, expect, it } from 'vitest';
import { ok, testCore } from '../helpers/core';
import type { Regime } from '../../src/shared/domain/clocks/events';

async function setUp() {
  const core = await testCore({ today: '2025-12-01' });
  const make = async (reference: string, regime: Regime, received: string, name = 'Zoë Ó Dónaill-Nguyễn 王', email = 'zoe@example.org') =>
    ok(await core.invoke('cases:create', { reference, regime, received, requester: { name, email }, summary: 'Roads budget' }));
  await make('FOI/2025/0001', 'foia', '2025-06-02');
  await make('FOI/2025/0002', 'foia', '2025-06-10');
  await make('FOISA/2025/0001', 'foisa', '2025-06-05');
  await make('SAR/2025/0001', 'sar', '2025-06-05');
  await make('FOI/2025/0003', 'foia', '2025-10-01');
  await make('FOI/2025/0004', 'foia', '2025-06-12', 'Another Person', 'another@example.org');
  return core;
}

describe('aggregation links (SI 2004/3244 reg 5)', () => {
  it('proposes only FOIA cases from the same requester within 60 working days', async () => {
    const core = await setUp();
    const view = ok(await core.invoke('costs:get', { reference: 'FOI/2025/0001' }));
    expect(view.candidates.map((c) => c.reference)).toEqual(['FOI/2025/0002']);
    expect(ok(await core.invoke('costs:get', { reference: 'FOISA/2025/0001' })).candidates).toEqual([]);
    await core.close();
  });

  it('refuses to link across regimes, beyond 60 working days, or different requesters without a reason', async () => {
    const core = await setUp();
    const link = (other: string, reason = 'Same or similar information') => core.invoke('costs:link', { reference: 'FOI/2025/0001', other, reason });
    for (const other of ['FOISA/2025/0001', 'SAR/2025/0001']) {
      const r = await link(other);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Only FOIA requests can be aggregated') } });
    }
    expect(await link('FOI/2025/0003')).toMatchObject({ ok: false, error: { message: expect.stringContaining('60 consecutive working days') } });
    expect(await link('FOI/2025/0004', '')).toMatchObject({ ok: false, error: { message: expect.stringContaining('acting in concert') } });
    ok(await link('FOI/2025/0004', 'Both write for the same campaign group, with the same wording'));
    ok(await link('FOI/2025/0002'));
    const view = ok(await core.invoke('costs:get', { reference: 'FOI/2025/0001' }));
    expect(view.comply).toBeNull();
    const audit = ok(await core.invoke('audit:list', { reference: 'FOI/2025/0001', limit: 50 }));
    expect(audit.filter((a: { action: string }) => a.action === 'costs.aggregated')).toHaveLength(2);
    await core.close();
  });
});
