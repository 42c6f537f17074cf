// The redact and pack commands as scripts use them (issue 12's contract): a mark by box on an item,
// marks by search, removal, the redacted copy with { attachment: { id, sha256, role }, redactedPages,
// verified }, the response pack as PDF and ZIP, and errors with exit 1 or 2 and JSON on stdout.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { tempDir } from '../helpers/core';
import { readStored } from '../helpers/stored';
import { boxOver, mixedPdf, type BuiltPdf } from '../helpers/redaction-pdfs';

let dir: string;
let files: string;
let pdf: BuiltPdf;
let item: number;
const REF = 'FOI/2026/0001';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dir, '--today', '2026-11-20'], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

beforeAll(async () => {
  dir = tempDir('disclose-redact-cli-');
  files = tempDir('disclose-redact-files-');
  pdf = await mixedPdf();
  writeFileSync(join(files, 'evaluation.pdf'), pdf.bytes);
  expect(cli('settings', 'set', '--name', 'Borsetshire County Council', '--signatory-name', 'Alex Morgan').status).toBe(0);
  expect(cli('case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Sam Requester', '--email', 'sam@example.org', '--summary', 'Tenders').status).toBe(0);
  expect(cli('exemption', REF, '--apply', 'FOIA s40(2)').status).toBe(0);
  expect(cli('exemption', REF, '--apply', 'FOIA s43(2)').status).toBe(0);
  const imported = cli('import', REF, join(files, 'evaluation.pdf'), '--role', 'disclosed', '--json');
  expect(imported.status).toBe(0);
  item = imported.json().added[0].id;
}, 120_000);

describe('redact', () => {
  it('adds a mark by box, in points from the top-left, and removes one', () => {
    const price = pdf.placed.find((p) => p.text === '48,250')!;
    const b = boxOver(price);
    const r = cli('redact', REF, '--item', String(item), '--page', '1', '--box', `${b.x},${b.y},${b.w},${b.h}`, '--code', 's43(2)', '--json');
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ target: { kind: 'attachment', id: item }, page: 1, box: b, code: 's43(2)' });
    const spare = cli('redact', REF, '--item', String(item), '--page', '2', '--box', '10,10,40,40', '--code', 's40(2)', '--json').json();
    const removed = cli('redact', REF, '--remove', String(spare.id), '--json');
    expect(removed.status).toBe(0);
    expect(removed.json()).toMatchObject({ id: spare.id, page: 2 });
    expect(cli('redact', REF, '--json').json().marks).toHaveLength(1);
  });

  it('marks every occurrence with --find', () => {
    const r = cli('redact', REF, '--item', String(item), '--find', 'Jane Smith', '--code', 's40(2)', '--json');
    expect(r.status).toBe(0);
    expect(r.json().marks).toHaveLength(2);
  });

  it('refuses with exit 2 for usage and exit 1 for what the core refuses, with JSON errors', () => {
    const usage = cli('redact', REF, '--item', String(item), '--page', '1', '--box', '1,2,3', '--code', 's40(2)', '--json');
    expect(usage.status).toBe(2);
    expect(usage.json().error.code).toBe('USAGE');
    const refused = cli('redact', REF, '--item', String(item), '--page', '1', '--box', '10,10,40,40', '--code', 's42', '--json');
    expect(refused.status).toBe(1);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('s40(2), s43(2)') });
    expect(refused.stderr).toContain('is not an exemption applied');
  });

  it('produces the copy: attachment with id, sha256 and role "disclosed", redactedPages, verified', () => {
    const r = cli('redact', REF, '--item', String(item), '--produce', '--json');
    expect(r.status).toBe(0);
    const made = r.json();
    expect(made).toMatchObject({ attachment: { id: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), role: 'disclosed' }, redactedPages: [1], verified: true });
    const blob = readStored(dir, made.attachment.sha256);
    expect(createHash('sha256').update(blob).digest('hex')).toBe(made.attachment.sha256);
    writeFileSync(join(files, 'copy.pdf'), blob);
    const text = execFileSync('pdftotext', [join(files, 'copy.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('48,250');
    expect(text).not.toContain('Smith');
    expect(text).toContain('Okonkwo'); // page 2 unmarked, kept as it was
  }, 60_000);
});

describe('pack', () => {
  it('writes the response letter and the redacted copy as one PDF, or as a ZIP', () => {
    expect(cli('letter', REF, '--kind', 'response', '--field', 'outcome=provided', '--field', 'informationProvided=Enclosed, redacted.', '--out', join(files, 'response.pdf')).status).toBe(0);
    const r = cli('pack', REF, '--out', join(files, 'pack.pdf'), '--json');
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ saved: true, format: 'pdf', letter: { kind: 'response' }, documents: [{ filename: 'evaluation (redacted).pdf', redacted: true }] });
    const text = execFileSync('pdftotext', [join(files, 'pack.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('refurbishment');
    expect(text).not.toContain('48,250');
    const zip = cli('pack', REF, '--out', join(files, 'pack.zip'), '--json');
    expect(zip.status).toBe(0);
    expect(execFileSync('unzip', ['-l', join(files, 'pack.zip')], { encoding: 'utf8' })).toContain('evaluation (redacted).pdf');
    const bad = cli('pack', REF, '--out', join(files, 'pack.docx'), '--json');
    expect(bad.status).toBe(2);
  }, 60_000);
});
