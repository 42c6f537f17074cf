// The records commands as scripts use them: verify (exit 1 on a problem), backup, restore,
// retention list/apply, case anonymise, with their JSON fields.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../helpers/core';
import { flipStored } from '../helpers/stored';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--today', '2026-11-20'], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('disclose-cli-records-');
  const made = cli(['case', 'create', '--regime', 'foia', '--received', '2019-03-12', '--requester', 'Ada Lovelace', '--email', 'ada@example.org', '--data-dir', dir]);
  expect(made.status).toBe(0);
  expect(cli(['case', 'event', 'FOI/2019/0001', '--type', 'responded', '--date', '2019-04-01', '--data-dir', dir]).status).toBe(0);
  const f = join(tempDir(), 'note.txt');
  writeFileSync(f, 'Ada Lovelace asked about engines');
  expect(cli(['import', 'FOI/2019/0001', f, '--role', 'evidence', '--data-dir', dir]).status).toBe(0);
}, 60_000);

describe('records commands', () => {
  it('verify --json prints ok, checked and problems; a flipped byte exits 1 and is named', () => {
    const copy = tempDir();
    const backup = join(tempDir(), 'b.tar');
    const b = cli(['backup', '--out', backup, '--json', '--data-dir', dir]);
    expect(b.status).toBe(0);
    expect(b.json()).toMatchObject({ file: backup, cases: 1, blobs: 1, auditChainHead: { id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const r = cli(['restore', backup, '--data-dir', copy, '--json']);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ dataDir: copy, setAside: null, checked: { cases: 1, blobs: 1 } });
    const ok = cli(['verify', '--json', '--data-dir', copy]);
    expect(ok.status).toBe(0);
    expect(ok.json()).toEqual({ ok: true, checked: { cases: 1, blobs: 1, auditRows: expect.any(Number) }, problems: [] });
    const db = new Database(join(copy, 'disclose.sqlite3'), { readonly: true });
    const sha = db.prepare('SELECT sha256 FROM blobs').pluck().get() as string;
    db.close();
    flipStored(copy, sha, 3);
    const bad = cli(['verify', '--json', '--data-dir', copy]);
    expect(bad.status).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false, problems: [{ kind: 'blob-altered', detail: expect.stringContaining(sha) }] });
    expect(cli(['verify', '--data-dir', copy]).stdout).toMatch(/^Verification found 1 problem\(s\):\n {2}blob-altered: stored file/);
  });

  it('restore refuses a folder that is not empty (exit 1, JSON error) and replaces it with --replace', () => {
    const backup = join(tempDir(), 'b.tar');
    expect(cli(['backup', '--out', backup, '--data-dir', dir]).status).toBe(0);
    const target = tempDir();
    writeFileSync(join(target, 'something.txt'), 'keep me');
    const refused = cli(['restore', backup, '--data-dir', target, '--json']);
    expect(refused.status).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringContaining('--replace') } });
    const done = cli(['restore', backup, '--data-dir', target, '--replace', '--json']);
    expect(done.status).toBe(0);
    expect(readFileSync(join(done.json().setAside, 'something.txt'), 'utf8')).toBe('keep me');
    expect(cli(['restore', '--data-dir', target]).status).toBe(2);
  });

  it('retention list, apply (only with --confirm) and case anonymise', () => {
    const list = cli(['retention', 'list', '--json', '--data-dir', dir]);
    expect(list.status).toBe(0);
    expect(list.json().due).toEqual([{ reference: 'FOI/2019/0001', regime: 'foia', lastAction: '2019-04-01', destroyFrom: '2022-04-01', appealed: false }]);
    const other = cli(['case', 'create', '--regime', 'sar', '--received', '2026-11-02', '--requester', 'Grace Hopper', '--email', 'grace@example.org', '--json', '--data-dir', dir]).json();
    const anon = cli(['case', 'anonymise', other.reference, '--json', '--data-dir', dir]);
    expect(anon.status).toBe(0);
    expect(anon.json()).toMatchObject({ reference: other.reference });
    expect(cli(['case', 'show', other.reference, '--json', '--data-dir', dir]).json().requester.name).toBe(`Anonymised requester (${other.reference})`);
    const unconfirmed = cli(['retention', 'apply', '--before', '2026-11-20', '--data-dir', dir]);
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--confirm/);
    const applied = cli(['retention', 'apply', '--before', '2026-11-20', '--confirm', '--json', '--data-dir', dir]);
    expect(applied.status).toBe(0);
    expect(applied.json()).toEqual({ destroyed: ['FOI/2019/0001'], blobsRemoved: 1 });
    expect(cli(['verify', '--json', '--data-dir', dir]).json()).toMatchObject({ ok: true });
  });
});
