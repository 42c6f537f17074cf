// The command-line contract for corrections, outcomes, status and letters that move the case,
// exactly as issue 10 spells it, through `node scripts/cli.mjs`.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers/core';
import { runCli as cli } from '../helpers/cli';

let dir: string;
beforeAll(() => {
  dir = tempDir('disclose-cli10-');
  cli(['--help'], dir);
}, 60_000);

describe('case event --void, --outcome; case show status, daysLeft, outcome', () => {
  it('voids a mistaken event with a reason: voided and voidReason in case show, and the clock comes back', () => {
    const c = cli(['case', 'create', '--regime', 'foia', '--received', '2012-03-12', '--requester', 'Sandy Joyce', '--email', 'sandy@example.org', '--summary', 'Facebook', '--json', '--today', '2012-03-20'], dir).json();
    expect(c.reference).toBe('FOI/2012/0001');
    const held = cli(['case', 'event', 'FOI/2012/0001', '--type', 'clarification-sought', '--date', '2012-03-14', '--json', '--today', '2012-03-20'], dir).json();
    expect(held).toMatchObject({ status: 'on-hold', daysLeft: null });
    const id = held.events.find((e: { type: string }) => e.type === 'clarification-sought').id;
    const r = cli(['case', 'event', 'FOI/2012/0001', '--void', String(id), '--reason', 'Wrong case', '--json', '--today', '2012-03-20'], dir);
    expect(r.status).toBe(0);
    const show = cli(['case', 'show', 'FOI/2012/0001', '--json', '--today', '2012-03-20'], dir).json();
    expect(show).toMatchObject({ status: 'open', dueDate: '2012-04-12', daysLeft: 15, outcome: null });
    expect(show.events.find((e: { id: number }) => e.id === id)).toMatchObject({ voided: true, voidReason: 'Wrong case' });
    expect(show.events.find((e: { type: string }) => e.type === 'received')).toMatchObject({ voided: false, voidReason: null });
  });

  it('records a response with its outcome; an answered request shows no days overdue', () => {
    const r = cli(['case', 'event', 'FOI/2012/0001', '--type', 'responded', '--date', '2012-04-18', '--outcome', 'part-granted', '--today', '2012-04-20'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('overdue');
    const show = cli(['case', 'show', 'FOI/2012/0001', '--json', '--today', '2012-04-20'], dir).json();
    expect(show).toMatchObject({ status: 'responded', outcome: 'part-granted', daysLeft: null });
  });

  it('refuses a bad outcome (exit 1) and --void without --reason (exit 2)', () => {
    const bad = cli(['case', 'event', 'FOI/2012/0001', '--type', 'responded', '--date', '2012-04-18', '--outcome', 'maybe', '--json'], dir);
    expect(bad.status).toBe(1);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect(cli(['case', 'event', 'FOI/2012/0001', '--void', '2'], dir).status).toBe(2);
  });
});

describe('letter --sent --via --signed-by; case list --regime --text', () => {
  it('a letter saved as sent records its event on that date and files it by the channel chosen', () => {
    cli(['case', 'create', '--regime', 'eir', '--received', '2012-03-12', '--requester', 'Robin Green', '--summary', 'Air quality monitoring', '--today', '2012-03-20'], dir);
    const out = join(dir, 'ack.pdf');
    const r = cli(['letter', 'EIR/2012/0001', '--kind', 'acknowledgement', '--out', out, '--sent', '2012-03-13', '--via', 'post', '--signed-by', 'Jo Bloggs', '--json', '--today', '2012-03-20'], dir);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ saved: true, sent: '2012-03-13', via: 'post', status: 'open' });
    const show = cli(['case', 'show', 'EIR/2012/0001', '--json', '--today', '2012-03-20'], dir).json();
    expect(show.events.map((e: { type: string; date: string }) => `${e.type} ${e.date}`)).toContain('acknowledged 2012-03-13');
    expect(show.correspondence[0]).toMatchObject({ direction: 'out', channel: 'post', markedAs: 'acknowledged' });
    expect(cli(['letter', 'EIR/2012/0001', '--kind', 'acknowledgement', '--out', out, '--via', 'pigeon'], dir).status).toBe(2);
  });

  it('lists by regime and text', () => {
    const eir = cli(['case', 'list', '--regime', 'EIR', '--json', '--today', '2012-03-20'], dir).json();
    expect(eir.map((i: { reference: string }) => i.reference)).toEqual(['EIR/2012/0001']);
    const text = cli(['case', 'list', '--filter', 'all', '--text', 'facebook', '--json', '--today', '2012-03-20'], dir).json();
    expect(text.map((i: { reference: string }) => i.reference)).toEqual(['FOI/2012/0001']);
    expect(text[0]).toHaveProperty('status');
    expect(text[0]).toHaveProperty('daysLeft');
  });
});
