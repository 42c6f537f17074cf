// Importing many files at once, as a folder of a year's emails arrives: the files are stored a
// batch to a transaction (src/main/core/services/import.service.ts), yet each keeps its own audit
// row, the outcome lists them in the order given, duplicates are recognised within the batch as
// across batches, the same bytes are stored once, and a file the database refuses in the middle
// of a batch costs only itself. Throughput is measured in bench/import.ts, not here.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../src/main/core';
import { sha256Hex } from '../../src/main/core/blobs';
import { AUTHORITY, databaseArgsFor, ok, tempDir, testCore } from '../helpers/core';
import { storedShas } from '../helpers/stored';
import { asAdmin, onTeamDatabase } from '../helpers/team';

let core: Core;
let dataDir: string;
let folder: string;
let chosen: string[] = [];
let ref: string;

beforeEach(async () => {
  dataDir = tempDir();
  folder = tempDir('disclose-folder-');
  core = await testCore({ dataDir, host: { chooseFiles: async () => chosen, chooseSavePath: async () => null, printPdf: async () => true } });
  ok(await core.invoke('settings:update', AUTHORITY));
  ref = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Priya Patel' }, summary: 'Gritting routes' })).reference;
});
afterEach(async () => {
  await core.close();
});

const LOGO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('the council logo, shown in every signature')]);

/** An email with the council's logo inline and, when given, a file attached. */
function email(n: number, opts: { subject?: string; messageId?: string; attachment?: { name: string; bytes: Buffer } } = {}): Buffer {
  const parts = [
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Message ${n} about the gritting routes.`,
    '--b',
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: inline; filename="logo.png"',
    '',
    LOGO.toString('base64'),
    ...(opts.attachment ? ['--b', 'Content-Type: text/csv', 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${opts.attachment.name}"`, '', opts.attachment.bytes.toString('base64')] : []),
    '--b--',
  ];
  const head = ['From: Priya Patel <priya@example.org>', 'To: foi@example.gov.uk', `Subject: ${opts.subject ?? `Gritting ${n}`}`, `Message-ID: <${opts.messageId ?? `grit-${n}@example.org`}>`, 'Date: Mon, 2 Nov 2026 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', ''];
  return Buffer.from([...head, ...parts].join('\r\n'));
}

function put(name: string, bytes: Buffer): string {
  const p = join(folder, name);
  writeFileSync(p, bytes);
  return p;
}

async function importAll(paths: string[]) {
  chosen = paths;
  return ok(await core.invoke('correspondence:importChosen', { reference: ref }));
}

const storedFiles = () => storedShas(dataDir);
const auditActions = async () => ok(await core.invoke('audit:list', { reference: ref, limit: 1000 })).map((e) => e.action);

describe('importing many files at once', () => {
  it('keeps every file with its own audit row, in the order given, recognises duplicates within the batch, and stores each content once', async () => {
    const sheet = (n: number) => Buffer.from(`Route,Miles\r\nA${n},${n * 3}\r\n`);
    const paths: string[] = [];
    const contents = new Set<string>([sha256Hex(LOGO)]);
    for (let n = 1; n <= 24; n++) {
      // Every third email carries the same spreadsheet; the others one of their own.
      const attachment = { name: `routes-${n}.csv`, bytes: n % 3 === 0 ? sheet(0) : sheet(n) };
      const bytes = email(n, { attachment });
      paths.push(put(`message-${n}.eml`, bytes));
      contents.add(sha256Hex(bytes)).add(sha256Hex(attachment.bytes));
    }
    // The same message saved twice (same Message-ID, other bytes), and the same file dropped twice.
    paths.splice(10, 0, put('again.eml', email(5, { subject: 'Gritting 5, saved again' })));
    const note = Buffer.from('A phone note about the gritting routes');
    paths.push(put('note.txt', note), put('note copy.txt', note));
    contents.add(sha256Hex(note));

    const r = await importAll(paths);

    const expected = paths.filter((p) => !/again\.eml|note copy\.txt/u.test(p));
    expect(r.added.map((a) => a.file)).toEqual(expected);
    expect(r.added.filter((a) => a.kind === 'email').every((a) => a.attachments === 2)).toBe(true);
    expect(r.skipped).toEqual([
      { file: join(folder, 'again.eml'), reason: 'Already in this case: "Gritting 5" (same Message-ID).' },
      { file: join(folder, 'note copy.txt'), reason: 'Already in this case as note.txt (same content).' },
    ]);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'correspondence.imported')).toHaveLength(24);
    expect(actions.filter((a) => a === 'attachment.added')).toHaveLength(1);
    // The logo in all 24 and the shared spreadsheet in 8: each stored once, as every other content.
    expect(storedFiles().sort()).toEqual([...contents].sort());
    const listed = ok(await core.invoke('correspondence:list', { reference: ref }));
    expect(listed.items).toHaveLength(24);
    expect(new Set(listed.items.flatMap((c) => c.attachments.map((a) => a.sha256)))).toContain(sha256Hex(LOGO));

    // The same folder again: everything recognised, nothing written.
    const again = await importAll(paths);
    expect(again.added).toEqual([]);
    expect(again.skipped).toHaveLength(paths.length);
    expect(storedFiles()).toHaveLength(contents.size);
  });

  it('a file the database refuses in the middle of a batch costs only itself: the others are kept, each with its audit row, and nothing of it is left', async () => {
    const refusal = onTeamDatabase
      ? [
          "CREATE FUNCTION refuse_subject() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.subject = 'Refuse me' THEN RAISE EXCEPTION 'refused by the database'; END IF; RETURN NEW; END $$",
          'CREATE TRIGGER refuse BEFORE INSERT ON correspondence FOR EACH ROW EXECUTE FUNCTION refuse_subject()',
        ]
      : ["CREATE TRIGGER refuse BEFORE INSERT ON correspondence WHEN NEW.subject = 'Refuse me' BEGIN SELECT RAISE(ABORT, 'refused by the database'); END"];
    if (onTeamDatabase) {
      const schema = new URL(databaseArgsFor(dataDir)[1]!).searchParams.get('schema')!;
      await asAdmin(async (c) => {
        for (const statement of refusal) await c.query(statement);
      }, schema);
    } else {
      const raw = new Database(join(dataDir, 'disclose.sqlite3'));
      for (const statement of refusal) raw.exec(statement);
      raw.close();
    }
    const paths = Array.from({ length: 12 }, (_, i) => put(`m${i + 1}.eml`, email(i + 1, { subject: i === 6 ? 'Refuse me' : `Gritting ${i + 1}`, attachment: { name: `sheet-${i + 1}.csv`, bytes: Buffer.from(`row,${i + 1}`) } })));

    const r = await importAll(paths);

    expect(r.added.map((a) => a.file)).toEqual(paths.filter((_, i) => i !== 6));
    expect(r.skipped).toEqual([{ file: paths[6], reason: expect.stringContaining('refused by the database') }]);
    const listed = ok(await core.invoke('correspondence:list', { reference: ref }));
    expect(listed.items.map((c) => c.subject).sort()).toEqual(paths.flatMap((_, i) => (i === 6 ? [] : [`Gritting ${i + 1}`])).sort());
    // Nothing half-written: no attachment row of the refused email, no audit row for it.
    expect(listed.items.flatMap((c) => c.attachments).map((a) => a.filename)).not.toContain('sheet-7.csv');
    expect(listed.direct).toEqual([]);
    const entries = ok(await core.invoke('audit:list', { reference: ref, limit: 1000 }));
    expect(entries.filter((e) => e.action === 'correspondence.imported')).toHaveLength(11);
    expect(entries.some((e) => e.summary.includes('Refuse me'))).toBe(false);
    expect(ok(await core.invoke('records:verify', {})).problems).toEqual([]);
  });
});
