// Each regime takes its own law, and neither-confirm-nor-deny only where a provision gives it,
// through the core on a real database; and an s12(2) estimate alone makes an s12(2) notice.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { Regime } from '../../src/shared/domain/clocks/events';
import { AUTHORITY, ok, testCore } from '../helpers/core';

const open: Core[] = [];
async function core() {
  const c = await testCore({ today: '2026-11-20' });
  open.push(c);
  ok(await c.invoke('settings:update', AUTHORITY));
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});
const create = async (c: Core, regime: Regime) =>
  ok(await c.invoke('cases:create', { regime, received: '2026-11-02', requester: { name: 'Sam Okafor', email: 'sam@example.org' }, summary: 'Records' })).reference;

async function apply(c: Core, reference: string, provision: string, extra: Record<string, unknown> = {}) {
  return c.invoke('exemptions:apply', { reference, provision, engagement: 'Why it applies.', ...extra });
}

describe('each regime takes its own law', () => {
  it('refuses FOIA exemptions on a subject access request: only DPA 2018 Schedules 2-4 (UK GDPR Art 23; DPA 2018 s15)', async () => {
    const c = await core();
    const sar = await create(c, 'sar');
    const r = await apply(c, sar, 'FOIA s40(2)');
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!r.ok && r.error.message).toContain('A subject access request is refused only under the exemptions in the Data Protection Act 2018');
    expect(ok(await c.invoke('exemptions:list', { reference: sar }))).toEqual([]);
  });

  it('records a DPA Sch 2 para 16 exemption on a SAR with its own reasoning (para 16(2)-(3)), keeping earlier answers when applied again', async () => {
    const c = await core();
    const sar = await create(c, 'sar');
    const list = ok(await apply(c, sar, 'Sch 2 para 16', {
      item: 'the neighbours’ statements',
      reasoning: { consentSought: 'Asked on 3 Nov; refused.', reasonableness: 'Refused consent; statements given in confidence.' },
    }));
    expect(list[0]).toMatchObject({ ref: { act: 'DPA', section: 'Sch 2 para 16', subsection: '' }, reasoning: { consentSought: 'Asked on 3 Nov; refused.' } });
    // A second apply adds an answer and keeps the first (fields not given keep what was recorded).
    const again = ok(await apply(c, sar, 'DPA Sch 2 para 16', { item: 'the neighbours’ statements', reasoning: { confidentiality: 'Promised on the complaint form.' } }));
    expect(again[0]!.reasoning).toEqual({ consentSought: 'Asked on 3 Nov; refused.', reasonableness: 'Refused consent; statements given in confidence.', confidentiality: 'Promised on the complaint form.' });
  });

  it('refuses a reasoning field the provision does not ask for', async () => {
    const c = await core();
    const sar = await create(c, 'sar');
    const r = await apply(c, sar, 'DPA Sch 2 para 19', { reasoning: { consentSought: 'n/a' } });
    expect(!r.ok && r.error.message).toBe('DPA Sch 2 para 19 has no reasoning field consentSought; it takes privilege, stillGiven.');
  });

  it('refuses DPA exemptions on a FOI case, pointing to the FOI personal data exemption (FOIA s40(2))', async () => {
    const c = await core();
    const foi = await create(c, 'foia');
    const r = await apply(c, foi, 'DPA Sch 2 para 16');
    expect(!r.ok && r.error.message).toContain('for someone else\'s personal data cite FOIA s40(2)');
  });
});

describe('neither confirm nor deny from the catalogue', () => {
  it('FOISA s18(1): allowed for s30(b)(i), a listed exemption (ss28-35, 38, 39(1), 41)', async () => {
    const c = await core();
    const ref = await create(c, 'foisa');
    const list = ok(await apply(c, ref, 'FOISA s30(b)(i)', { ncnd: true }));
    expect(list[0]).toMatchObject({ ncnd: true });
  });

  it('FOISA s18(1) does not reach s36(1) or s39(2)', async () => {
    const c = await core();
    const ref = await create(c, 'foisa');
    for (const p of ['FOISA s36(1)', 'FOISA s39(2)']) {
      const r = await apply(c, ref, p, { ncnd: true });
      expect(!r.ok && r.error.message).toBe(`${p} has no neither-confirm-nor-deny provision: FOISA s18(1) allows it only for exemptions in sections 28 to 35, 38, 39(1) and 41.`);
    }
  });

  it('EIR reg 12(6): allowed for reg 12(5)(a), refused for reg 12(5)(e)', async () => {
    const c = await core();
    const ref = await create(c, 'eir');
    expect(ok(await apply(c, ref, 'EIR reg 12(5)(a)', { ncnd: true }))[0]).toMatchObject({ ncnd: true });
    const r = await apply(c, ref, 'EIR reg 12(5)(e)', { ncnd: true });
    expect(!r.ok && r.error.message).toContain('EIR reg 12(5)(e) has no neither-confirm-nor-deny provision');
  });

  it('FOIA s43(3) covers only s43(2): NCND refused for a trade secret (s43(1))', async () => {
    const c = await core();
    const ref = await create(c, 'foia');
    const r = await apply(c, ref, 'FOIA s43(1)', { ncnd: true });
    expect(!r.ok && r.error.message).toBe('FOIA s43(1) has no neither-confirm-nor-deny provision (it exists for s43(2)): no part of the Freedom of Information Act 2000 removes the duty to confirm or deny for it.');
    expect(ok(await apply(c, ref, 'FOIA s43(2)', { ncnd: true }))[0]).toMatchObject({ ncnd: true });
  });
});

describe('FOIA s12(2) through the letters', () => {
  it('a confirm-or-deny estimate alone over the limit produces an s12(2) notice', async () => {
    const c = await core();
    const ref = await create(c, 'foia');
    // 20 hours at £25 = £500 > £450 (SI 2004/3244 reg 3(3), reg 4(4)): the cost of finding out whether it is held.
    ok(await c.invoke('costs:set', { reference: ref, scope: 'confirm-or-deny', lines: [{ activity: 'determining', quantity: 40, minutesEach: 30 }] }));
    ok(await c.invoke('costs:setAdvice', { reference: ref, s16Advice: 'If you name the team, we can search its files within the limit.' }));
    const draft = ok(await c.invoke('letters:draft', { reference: ref, kind: 's12-refusal' }));
    expect(draft.problems).toEqual([]);
    const text = draft.view!.blocks.map((b) => (b.kind === 'list' ? b.items.join(' ') : b.text)).join('\n');
    expect(text).toContain('Under section 12(2) of the Act we are therefore not obliged to tell you whether we hold it');
    expect(text).toContain('finding out whether we hold the information would take 20 hours, which at £25 an hour is £500');
    expect(text).not.toContain('the cost of complying with it would exceed');
  });

  it('a confirm-or-deny estimate under the limit, with no other, is no basis for a refusal', async () => {
    const c = await core();
    const ref = await create(c, 'foia');
    ok(await c.invoke('costs:set', { reference: ref, scope: 'confirm-or-deny', lines: [{ activity: 'determining', quantity: 2, minutesEach: 30 }] }));
    const draft = ok(await c.invoke('letters:draft', { reference: ref, kind: 's12-refusal' }));
    expect(draft.problems.join(' ')).toContain('does not exceed the £450.00 limit: FOIA s12(2) applies only when the cost would exceed it.');
  });
});
