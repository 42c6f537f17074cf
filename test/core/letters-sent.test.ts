// Letters that move the case: saving a letter as sent records its event on the chosen date, files
// it as outgoing correspondence by the chosen channel, and signs it as the officer named.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';

const ZOE = { name: 'Zoë Ó Dónaill', email: 'zoe@example.org', address: '1 High Street\nAmbridge' };

async function kentCase(today: string) {
  const saveDir = tempDir();
  const c = await testCore({
    today,
    host: { chooseSavePath: async ({ defaultName }) => `${saveDir}/${defaultName}`, printPdf: async () => true, chooseFiles: async () => null },
  });
  ok(await c.invoke('settings:update', AUTHORITY));
  const { reference } = ok(await c.invoke('cases:create', { regime: 'foia', received: '2012-03-12', requester: ZOE, summary: 'Social workers and Facebook' }));
  return { c, reference };
}

describe('a letter saved as sent moves the case', () => {
  it('acknowledgement by email: acknowledged on the chosen date, filed as outgoing email linked to the event', async () => {
    const { c, reference } = await kentCase('2012-03-20');
    const saved = ok(await c.invoke('letters:save', { reference, kind: 'acknowledgement', sent: true, letterDate: '2012-03-13', via: 'email' }));
    expect(saved.saved).toBe(true);
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d.events.filter((e) => e.type === 'acknowledged').map((e) => e.date)).toEqual(['2012-03-13']);
    const out = d.correspondence.filter((i) => i.direction === 'out');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ channel: 'email', sentAt: '2012-03-13', markedAs: 'acknowledged' });
    const text = execFileSync('pdftotext', ['-layout', saved.path!, '-'], { encoding: 'utf8' });
    expect(text).toContain('13 March 2012');
    const audit = ok(await c.invoke('audit:list', { reference })).find((a) => a.action === 'letter.saved')!;
    expect(audit.summary).toContain('recorded: Acknowledged');
  });

  it('a clarification letter sent puts the case on hold (FOIA s1(3)); by hand is filed as in person', async () => {
    const { c, reference } = await kentCase('2012-03-20');
    ok(await c.invoke('letters:setDraft', { reference, kind: 'clarification', fields: { question: 'Which teams do you mean?' } }));
    ok(await c.invoke('letters:save', { reference, kind: 'clarification', sent: true, letterDate: '2012-03-14', via: 'hand' }));
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d).toMatchObject({ status: 'on-hold', daysLeft: null });
    expect(d.correspondence.find((i) => i.direction === 'out')).toMatchObject({ channel: 'in-person', markedAs: 'clarification-sought' });
  });

  it('a response sent records responded with its outcome: no "days overdue" once answered', async () => {
    const { c, reference } = await kentCase('2012-04-20');
    ok(await c.invoke('letters:setDraft', { reference, kind: 'response', fields: { outcome: 'provided', informationProvided: 'The guidance is enclosed.' } }));
    ok(await c.invoke('letters:save', { reference, kind: 'response', sent: true, letterDate: '2012-04-10', via: 'post' }));
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d).toMatchObject({ status: 'responded', outcome: 'granted', daysLeft: null, deadline: null });
    expect(d.clocks.response).toMatchObject({ status: 'met', metOn: '2012-04-10' });
  });

  it('the review outcome is signed by the reviewer named, records review-completed with its outcome, and a cost estimate within the limit does not stop it', async () => {
    const { c, reference } = await kentCase('2012-05-25');
    ok(await c.invoke('cases:addEvent', { reference, type: 'responded', date: '2012-04-10', outcome: 'refused' }));
    ok(await c.invoke('cases:addEvent', { reference, type: 'review-requested', date: '2012-04-20' }));
    ok(await c.invoke('costs:set', { reference, scope: 'comply', lines: [{ activity: 'locating', quantity: 10, minutesEach: 6 }] }));
    ok(await c.invoke('exemptions:apply', {
      reference, provision: 'FOIA s40(2)', item: 'names of staff',
      engagement: 'These are the personal data of junior staff who would not expect publication.', decidedBy: 'Alex Morgan', decidedOn: '2012-04-09',
    }));
    ok(await c.invoke('letters:setDraft', { reference, kind: 'review-outcome', fields: { outcome: 'upheld', reviewerName: 'Dr Amal Haddad', reviewerTitle: 'Head of Legal Services', findings: 'The names were rightly withheld.' } }));
    const draft = ok(await c.invoke('letters:draft', { reference, kind: 'review-outcome' }));
    expect(draft.problems).toEqual([]);
    expect(draft.view?.signatory).toMatchObject({ name: 'Dr Amal Haddad', title: 'Head of Legal Services' });
    const named = ok(await c.invoke('letters:draft', { reference, kind: 'review-outcome', signedBy: 'Pat Reviewer' }));
    expect(named.view?.signatory.name).toBe('Pat Reviewer');
    ok(await c.invoke('letters:save', { reference, kind: 'review-outcome', sent: true, letterDate: '2012-05-18' }));
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d).toMatchObject({ status: 'responded', reviewOutcome: 'upheld' });
    expect(d.events.find((e) => e.type === 'review-completed')).toMatchObject({ date: '2012-05-18', outcome: 'upheld' });
    // Sent by default the way the requester can be reached: they gave an email address.
    expect(d.correspondence.find((i) => i.markedAs === 'review-completed')?.channel).toBe('email');
  });

  it('an extension letter files against the extension already recorded, not a second one', async () => {
    const { c, reference } = await kentCase('2012-04-16');
    ok(await c.invoke('exemptions:apply', {
      reference, provision: 'FOIA s43(2)', item: 'contract prices',
      engagement: 'Prices are being re-tendered; disclosure would prejudice the tender.', publicInterestFor: 'Spending of public money.',
      publicInterestAgainst: 'Fair competition.', balance: 'Withhold until the tender closes.', decidedBy: 'Alex Morgan', decidedOn: '2012-04-09',
    }));
    ok(await c.invoke('cases:addEvent', { reference, type: 'pit-extension', date: '2012-04-10', estimate: '2012-05-10' }));
    ok(await c.invoke('letters:save', { reference, kind: 'pit-extension', sent: true, letterDate: '2012-04-10', via: 'email' }));
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d.events.filter((e) => e.type === 'pit-extension')).toHaveLength(1);
    expect(d).toMatchObject({ status: 'extended', deadline: { due: '2012-05-10' } });
    expect(d.correspondence.find((i) => i.direction === 'out')?.markedAs).toBe('pit-extension');
  });

  it('refuses a sent date in the future or before the request, writing nothing', async () => {
    const { c, reference } = await kentCase('2012-03-20');
    expect(await c.invoke('letters:save', { reference, kind: 'acknowledgement', sent: true, letterDate: '2012-03-21' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.invoke('letters:save', { reference, kind: 'acknowledgement', sent: true, letterDate: '2012-03-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d.events.map((e) => e.type)).toEqual(['received']);
    expect(d.correspondence).toEqual([]);
  });

  it('saved without "sent", a letter is filed but the case does not move', async () => {
    const { c, reference } = await kentCase('2012-03-20');
    ok(await c.invoke('letters:save', { reference, kind: 'acknowledgement' }));
    const d = ok(await c.invoke('cases:get', { reference }));
    expect(d.events.map((e) => e.type)).toEqual(['received']);
    expect(d.correspondence).toHaveLength(1);
  });
});
