// Publishing and Word letters through the command line, as scripts use them.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { tempDir } from '../helpers/core';
import { runCli } from '../helpers/cli';

let dir = '';
const cli = (args: string[]) => runCli(args, dir);

beforeAll(() => {
  dir = tempDir('disclose-cli-pub-');
  expect(cli(['settings', 'set', '--name', 'Borsetshire County Council', '--signatory-name', 'Alex Morgan', '--address', 'County Hall\\nFelpersham']).status).toBe(0);
  expect(cli(['case', 'create', '--regime', 'foia', '--received', '2026-04-01', '--requester', 'Zoë Ó Dónaill-Nguyễn 王', '--email', 'zoe@example.org', '--summary', 'Cycle lanes', '--json', '--today', '2026-04-02']).status).toBe(0);
});

describe('CLI: letters in Word, the disclosure log', () => {
  it('letter --out FILE.docx writes a Word copy with the letter text', async () => {
    const out = join(tempDir(), 'ack.docx');
    const r = cli(['letter', 'FOI/2026/0001', '--kind', 'acknowledgement', '--out', out, '--json', '--today', '2026-04-02']);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ saved: true, format: 'docx', path: out });
    const text = (await mammoth.extractRawText({ buffer: readFileSync(out) })).value;
    expect(text).toContain('Zoë Ó Dónaill-Nguyễn 王');
    expect(text).toContain('Borsetshire County Council');
  });

  it('settings docx-template refuses a file that is not a Word document, and clears', () => {
    const bogus = join(tempDir(), 'x.docx');
    writeFileSync(bogus, 'not a zip');
    const r = cli(['settings', 'docx-template', '--file', bogus, '--json']);
    expect(r.status).toBe(1);
    expect(r.json().error.message).toMatch(/Word template cannot be read/);
    const missing = cli(['settings', 'docx-template', '--file', join(tempDir(), 'none.docx'), '--json']);
    expect(missing.status).toBe(1);
    expect(missing.json().error).toMatchObject({ code: 'IO', message: expect.stringContaining('there is no such file') });
    expect(cli(['settings', 'docx-template', '--clear', '--json']).json()).toEqual({ sha256: null, name: null });
  });

  it('case publish and disclosure-log', () => {
    expect(cli(['case', 'event', 'FOI/2026/0001', '--type', 'responded', '--date', '2026-04-20', '--outcome', 'granted', '--json']).status).toBe(0);
    const refused = cli(['case', 'publish', 'FOI/2026/0001', '--title', 'Cycle lanes', '--summary', 'zoe@example.org asked', '--json']);
    expect(refused.status).toBe(1);
    const p = cli(['case', 'publish', 'FOI/2026/0001', '--title', 'Cycle lanes', '--summary', 'Cycle lane budget', '--topic', 'Transport', '--json']);
    expect(p.json()).toMatchObject({ reference: 'FOI/2026/0001', published: true, title: 'Cycle lanes', topic: 'Transport' });
    const out = join(tempDir(), 'log');
    const log = cli(['disclosure-log', '--from', '2026-04-01', '--to', '2026-06-30', '--out', out, '--json']);
    expect(log.status).toBe(0);
    expect(log.json()).toMatchObject({ out, requests: 1 });
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // The public page says the outcome in words, not its code.
    expect(readFileSync(join(out, 'requests', 'foi-2026-0001.html'), 'utf8')).toContain('<dd>Granted in full</dd>');
    // Written beside the folder and renamed into place: no staging folder is left behind.
    expect(readdirSync(dirname(out)).filter((n) => n.includes('disclose-tmp'))).toEqual([]);
    expect(cli(['disclosure-log', '--from', '2026-04-01', '--to', '2026-06-30', '--json']).status).toBe(2);
  });

  it('report statistics: JSON with the contract fields, CSV and PDF', () => {
    const s = cli(['report', 'statistics', '--from', '2026-04-01', '--to', '2026-06-30', '--json', '--today', '2026-07-01']).json();
    expect(s).toMatchObject({ received: 1, inTime: 1, extendedInTime: 0, late: 0, reviews: { received: 0, upheld: 0, partlyUpheld: 0, overturned: 0 } });
    expect(Object.keys(s.outcomes)).toEqual(['granted', 'part-granted', 'refused', 'not-held', 's12', 's14', 'withdrawn', 'transferred']);
    expect(s.exemptions).toEqual({});
    const csv = join(tempDir(), 'stats.csv');
    expect(cli(['report', 'statistics', '--from', '2026-04-01', '--to', '2026-06-30', '--csv', csv]).status).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^figure,count,definition,cases\r\nreceived,1,/);
    const pdf = join(tempDir(), 'stats.pdf');
    expect(cli(['report', 'statistics', '--from', '2026-04-01', '--to', '2026-06-30', '--pdf', pdf]).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(cli(['report', 'statistics', '--from', '2026-04-01', '--to', '2026-06-30', '--officer', 'jbloggs', '--json']).status).toBe(1);
  });
});
