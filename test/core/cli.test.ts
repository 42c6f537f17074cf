// The command line is a contract: command names, options and JSON fields are checked here exactly
// as scripts use them, through `node scripts/cli.mjs` (what `npm run -s cli --` runs).
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/core';

function cli(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('disclose-cli-');
  // The first call may build the bundle; give it its own time.
  cli(['--help'], dir);
}, 60_000);

describe('case and letter commands', () => {
  it('creates a case and prints reference and dueDate (docs/law.md §3.1(a))', () => {
    const r = cli(['case', 'create', '--regime', 'foia', '--received', '2012-03-12', '--requester', 'Zoë Ó Dónaill-Nguyễn 王', '--email', 'zoe@example.org', '--address', '1 High Street\\nAmbridge', '--summary', 'Facebook guidance', '--json', '--today', '2012-03-13'], dir);
    expect(r.status).toBe(0);
    const c = r.json();
    expect(c.reference).toBe('FOI/2012/0001');
    expect(c.dueDate).toBe('2012-04-12');
    expect(c.requester.address).toBe('1 High Street\nAmbridge');
  });

  it('lists and shows cases as JSON, with every derived due date and its steps', () => {
    const list = cli(['case', 'list', '--json'], dir).json();
    expect(list[0]).toMatchObject({ reference: 'FOI/2012/0001', dueDate: '2012-04-12', requesterName: 'Zoë Ó Dónaill-Nguyễn 王' });
    const show = cli(['case', 'show', 'FOI/2012/0001', '--json'], dir).json();
    expect(show.clocks.response.steps).toContain('Day 20: Thu 12 Apr 2012.');
    expect(Array.isArray(show.clocks.deadlines)).toBe(true);
  });

  it('records an event and shows the moved due date', () => {
    const r = cli(['case', 'event', 'FOI/2012/0001', '--type', 'clarification-received', '--date', '2012-03-20', '--json'], dir);
    expect(r.status).toBe(0);
    expect(r.json().dueDate).toBe('2012-04-19');
  });

  it('writes the acknowledgement letter as a PDF', () => {
    const out = join(dir, 'ack.pdf');
    const r = cli(['letter', 'FOI/2012/0001', '--kind', 'acknowledgement', '--out', out], dir);
    expect(r.status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Zoë Ó Dónaill-Nguyễn 王');
    expect(text).toContain('19 April 2012');
  });
});

describe('the new letter kinds (a CLI contract)', () => {
  // Its own data folder, so the other tests' case counts are untouched.
  const d = tempDir('disclose-cli-letters-');
  const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

  it('letter --kind eir-extension: an EIR reg 7 notice with reasons', () => {
    const ref = cli(['case', 'create', '--regime', 'eir', '--received', '2026-03-02', '--requester', 'Ann Lee', '--email', 'ann@example.org', '--summary', 'River monitoring', '--json', '--today', '2026-03-03'], d).json().reference;
    expect(cli(['case', 'event', ref, '--type', 'eir-extension', '--date', '2026-03-20'], d).status).toBe(0);
    const out = join(d, 'eir-ext.pdf');
    const r = cli(['letter', ref, '--kind', 'eir-extension', '--field', 'reasons=Fourteen years of monitoring data in three systems.', '--out', out], d);
    expect(r.status, r.stderr).toBe(0);
    expect(pdfText(out)).toContain('regulation 7(3) requires us to tell you, with our reasons');
  });

  it('letter --kind sar-extension and --kind sar-refusal on a subject access request', () => {
    const ref = cli(['case', 'create', '--regime', 'sar', '--received', '2026-03-02', '--requester', 'Ann Lee', '--email', 'ann@example.org', '--summary', 'My file', '--json', '--today', '2026-03-03'], d).json().reference;
    expect(cli(['case', 'event', ref, '--type', 'sar-extension', '--date', '2026-03-20'], d).status).toBe(0);
    const ext = join(d, 'sar-ext.pdf');
    expect(cli(['letter', ref, '--kind', 'sar-extension', '--field', 'reasons=Twelve years of paper records.', '--out', ext], d).status).toBe(0);
    expect(pdfText(ext)).toContain('Article 12(3)');

    const refused = cli(['exemption', ref, '--apply', 'FOIA s40(2)', '--json'], d);
    expect(refused.status).toBe(1);
    expect(refused.json().error.message).toContain('Data Protection Act 2018');
    const applied = cli(['exemption', ref, '--apply', 'DPA Sch 2 para 2', '--engagement', 'A fraud investigation is open.', '--reason', 'purpose=prevention or detection of crime', '--reason', 'likelyPrejudice=You could destroy evidence.', '--json'], d);
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.json().exemptions[0].reasoning).toEqual({ purpose: 'prevention or detection of crime', likelyPrejudice: 'You could destroy evidence.' });
    const out = join(d, 'sar-refusal.pdf');
    const fields = ['outcome=refused', 'withheldSummary=Records of the investigation.', 'purposes=Benefit administration.', 'categories=Claims.', 'recipients=None.', 'retention=Six years.', 'source=You.'];
    const r = cli(['letter', ref, '--kind', 'sar-refusal', ...fields.flatMap((f) => ['--field', f]), '--out', out], d);
    expect(r.status, r.stderr).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('Paragraph 2 of Schedule 2 to the Data Protection Act 2018: Crime and taxation: general');
    expect(text).not.toContain('£450');
  });
});

describe('deadline command', () => {
  it('prints clock, from, due, calendar and steps', () => {
    const r = cli(['deadline', '--clock', 'foi-response', '--from', '2012-03-12', '--json'], dir).json();
    expect(r).toMatchObject({ clock: 'foi-response', from: '2012-03-12', due: '2012-04-12', calendar: 'all-uk' });
    expect(r.steps[1]).toBe("Non-working days skipped: Mon 19 Mar (St Patrick's Day substitute, NI), Fri 6 Apr (Good Friday), Mon 9 Apr (Easter Monday).");
  });

  it('honours a pause (s10(2)) and every clock name in the contract', () => {
    const paused = cli(['deadline', '--clock', 'foi-response', '--from', '2026-10-01', '--paused-from', '2026-10-05', '--paused-to', '2026-10-09', '--json'], dir).json();
    expect(paused.due).toBe('2026-11-05');
    for (const clock of ['pit-extension', 'fee-payment', 'internal-review', 'internal-review-max', 'review-request-window', 'ico-complaint', 'tribunal-appeal', 'eir-response', 'eir-extended', 'eir-representations', 'eir-reconsideration', 'foisa-response', 'foisa-review', 'sar-response', 'sar-extended', 'school-longstop']) {
      const r = cli(['deadline', '--clock', clock, '--from', '2026-01-05', '--json'], dir);
      expect(r.status, `${clock}: ${r.stderr}`).toBe(0);
      expect(r.json().clock).toBe(clock);
    }
  }, 60_000);
});

describe('errors: a clear message, a non-zero exit, nothing written', () => {
  it('refuses an unknown regime and an impossible date (exit 1)', () => {
    const r = cli(['case', 'create', '--regime', 'gdpr', '--received', '2012-02-30', '--requester', 'A', '--json'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/regime/i);
    expect(r.json().error.code).toBe('VALIDATION');
    expect(cli(['case', 'list', '--json'], dir).json()).toHaveLength(1);
  });

  it('refuses a missing option or an unknown one as usage (exit 2)', () => {
    expect(cli(['case', 'create', '--regime', 'foia', '--requester', 'A'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--received is required') });
    expect(cli(['case', 'list', '--colour'], dir).status).toBe(2);
    expect(cli(['frobnicate'], dir).status).toBe(2);
  });

  it('says NOT_FOUND for an unknown case and CONFLICT for a duplicate reference', () => {
    expect(cli(['case', 'show', 'FOI/1999/0001', '--json'], dir)).toMatchObject({ status: 1, stderr: expect.stringContaining('No case with reference') });
    const dup = cli(['case', 'create', '--regime', 'foia', '--received', '2012-03-12', '--requester', 'B', '--reference', 'FOI/2012/0001', '--json'], dir);
    expect(dup.status).toBe(1);
    expect(dup.json().error.code).toBe('CONFLICT');
  });

  it('refuses a data folder whose database is not SQLite', () => {
    const bad = tempDir();
    writeFileSync(join(bad, 'disclose.sqlite3'), 'not a database');
    const r = cli(['case', 'list'], bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not a Disclose database');
  });

  it('refuses to write a letter into a folder that does not exist', () => {
    const r = cli(['letter', 'FOI/2012/0001', '--kind', 'acknowledgement', '--out', join(dir, 'nope', 'a.pdf')], dir);
    expect(r.status).toBe(1);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('import and search commands', () => {
  it('imports files, lists them under case show, skips a duplicate, and finds them', () => {
    const emlPath = join(dir, 'clarify.eml');
    writeFileSync(emlPath, ['From: zoe@example.org', 'To: foi@example.gov.uk', 'Subject: Clarification about Facebook', 'Message-ID: <cli-1@example.org>', 'Date: Wed, 14 Mar 2012 10:00:00 +0000', '', 'I mean guidance on the use of Facebook by social workers.'].join('\r\n'));
    const first = cli(['import', 'FOI/2012/0001', emlPath, 'test/fixtures/samples/ico-social-media-policy-2013.txt', '--json'], dir);
    expect(first.status).toBe(0);
    expect(first.json().added.map((a: { kind: string }) => a.kind)).toEqual(['email', 'attachment']);
    const againRun = cli(['import', 'FOI/2012/0001', emlPath, '--json'], dir);
    // Nothing added: exit 1, so a script can tell (README, "Command line").
    expect(againRun.status).toBe(1);
    expect(againRun.stderr).toContain('Nothing was added to FOI/2012/0001');
    const again = againRun.json();
    expect(again.added).toEqual([]);
    expect(again.skipped[0].reason).toContain('Already in this case');
    const show = cli(['case', 'show', 'FOI/2012/0001', '--json'], dir).json();
    expect(show.correspondence[0]).toMatchObject({ subject: 'Clarification about Facebook', attachments: [] });
    expect(show.attachments[0]).toMatchObject({ filename: 'ico-social-media-policy-2013.txt', role: 'correspondence', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: expect.any(Number) });
    const hits = cli(['search', 'Facebook', 'social', '--json'], dir).json();
    expect(hits.map((h: { reference: string }) => h.reference)).toContain('FOI/2012/0001');
  });

  it('ends when an import is refused before any file is read: the parse workers started as the folder opened do not hold it open', () => {
    const emlPath = join(dir, 'nowhere.eml');
    writeFileSync(emlPath, 'From: zoe@example.org\r\nSubject: Nowhere\r\n\r\nHello\r\n');
    const started = Date.now();
    const r = spawnSync(process.execPath, ['scripts/cli.mjs', 'import', 'FOI/1999/0001', emlPath, '--data-dir', dir], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull(); // not stopped by the timeout
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/FOI\/1999\/0001/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('prints no escape sequences or direction overrides from a file to the terminal', () => {
    const emlPath = join(dir, 'escape.eml');
    writeFileSync(emlPath, ['From: x@example.org', 'To: foi@example.gov.uk', 'Subject: Hi \x1b]0;owned\x07\x1b[2J \u202eexe.pdf', 'Message-ID: <cli-esc@example.org>', '', 'Body'].join('\r\n'));
    const r = cli(['import', 'FOI/2012/0001', emlPath], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\\u001b]0;owned\\u0007\\u001b[2J \\u202eexe.pdf');
    // eslint-disable-next-line no-control-regex -- the point is that none reach the terminal
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
  });

  it('takes the global options before the command as well as after it (--data-dir DIR case list)', () => {
    const own = tempDir('disclose-cli-global-');
    const raw = (args: string[]) => spawnSync(process.execPath, ['scripts/cli.mjs', ...args], { encoding: 'utf8' });
    expect(JSON.parse(raw(['--data-dir', own, 'case', 'list', '--json']).stdout)).toEqual([]);
    const made = raw(['--json', '--today', '2026-01-05', '--data-dir', own, 'case', 'create', '--regime', 'foia', '--received', '2026-01-02', '--requester', 'Zoë']);
    expect(JSON.parse(made.stdout).reference).toBe('FOI/2026/0001');
    expect(JSON.parse(raw([`--data-dir=${own}`, 'case', 'show', 'FOI/2026/0001', '--json']).stdout).reference).toBe('FOI/2026/0001');
    expect(JSON.parse(raw(['case', 'list', '--json', '--data-dir', own]).stdout)).toHaveLength(1);
    // A folder named like a command word is still the folder, not the command.
    const named = join(tempDir('disclose-cli-global-'), 'case');
    expect(raw(['--data-dir', named, 'case', 'list', '--json']).status).toBe(0);
    expect(raw(['--data-dir', own, 'frobnicate']).status).toBe(2);
  });
});
