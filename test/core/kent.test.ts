// The Kent County Council request of 2012 (test/fixtures/samples/kent-social-services-facebook-thread.txt),
// reproduced end to end through the core: acknowledgement due 12 April 2012, the s12 estimate at
// exactly 18 hours = £450 (not over the limit, SI 2004/3244 reg 3, 4), the s12 refusal refused
// until the estimate exceeds the limit and s16 advice is recorded, then the refusal letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Core } from '../../src/main/core';
import { ok, tempDir, testCore } from '../helpers/core';

const REF = 'FOI/12/0385';
let core: Core;
let saveDir: string;
const saved: string[] = [];

beforeAll(async () => {
  saveDir = tempDir('disclose-kent-');
  core = await testCore({
    today: '2012-04-10',
    host: {
      chooseSavePath: async ({ defaultName }) => {
        const p = join(saveDir, defaultName);
        saved.push(p);
        return p;
      },
      printPdf: async () => true,
      chooseFiles: async () => null,
    },
  });
  ok(await core.invoke('settings:update', {
    name: 'Kent County Council',
    address: 'Sessions House\nCounty Road\nMaidstone ME14 1XQ',
    email: 'foi@example.kent.gov.uk',
    centralGovernment: false,
    referenceFormat: 'FOI/{yy}/{seq:4}',
    signatoryName: 'Information Access Officer',
    signatoryTitle: 'Information Resilience & Transparency Team',
    region: 'england-and-wales',
  }));
});

afterAll(async () => {
  await core.close();
});

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('Kent County Council, FOI/12/0385 (2012)', () => {
  it('acknowledges with the due date Kent gave: 12 April 2012 (s10(1); docs/law.md §3.1(a))', async () => {
    const c = ok(await core.invoke('cases:create', {
      regime: 'foia',
      received: '2012-03-12',
      reference: REF,
      requester: { name: 'Sandy Joyce', email: 'request@example.org' },
      summary: 'Social workers and Facebook',
      requestText: '2) How many hours are spent on this practise?\n3) How much does it cost in man hours to do this?',
    }));
    expect(c.dueDate).toBe('2012-04-12');
    ok(await core.invoke('letters:save', { reference: REF, kind: 'acknowledgement' }));
    expect(pdfText(saved.at(-1)!)).toContain('12 April 2012');
  });

  it('counts 18 hours as exactly £450, which does not exceed the £450 limit (reg 3, reg 4(4))', async () => {
    const v = ok(await core.invoke('costs:set', {
      reference: REF,
      scope: 'comply',
      lines: [{ activity: 'locating', description: 'social workers asked to search their case files', quantity: 360, minutesEach: 3 }],
    }));
    expect(v.comply?.totals).toMatchObject({ totalMinutes: 1080, costPence: 45000, limitPence: 45000, exceeds: false, limitHours: 18 });
    const draft = ok(await core.invoke('letters:draft', { reference: REF, kind: 's12-refusal' }));
    expect(draft.problems.join(' ')).toMatch(/does not exceed/);
    expect(await core.invoke('letters:save', { reference: REF, kind: 's12-refusal' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses under s12 once the estimate is over the limit, with the working and the s16 advice (s17(5))', async () => {
    ok(await core.invoke('costs:set', {
      reference: REF,
      scope: 'comply',
      lines: [
        { activity: 'locating', description: 'social workers asked to search their case files', quantity: 360, minutesEach: 3, sample: { items: 10, minutes: 30, note: 'Ten social workers timed' } },
        { activity: 'extracting', description: 'searches whose time and cost are recorded', quantity: 60, minutesEach: 2 },
      ],
    }));
    ok(await core.invoke('costs:setAdvice', {
      reference: REF,
      s16Advice: 'If you limit your request to the child protection teams in one district, we could ask those social workers within the cost limit.',
    }));
    const draft = ok(await core.invoke('letters:draft', { reference: REF, kind: 's12-refusal' }));
    expect(draft.problems).toEqual([]);
    const result = ok(await core.invoke('letters:save', { reference: REF, kind: 's12-refusal' }));
    const text = pdfText(result.path!);
    expect(text).toContain('£450');
    expect(text).toContain('20 h');
    expect(text).toContain('child protection teams in one district');
    expect(text).toMatch(/section 12/i);
    expect(text).toContain('Wycliffe House');
    execFileSync('qpdf', ['--check', result.path!]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', result.path!, 'test-results/letters/kent-s12-refusal']);
    const audit = ok(await core.invoke('audit:list', { reference: REF }));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['costs.estimated', 'costs.advice', 'letter.saved']));
  });
});
