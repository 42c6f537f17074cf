// A large import stores everything first and reads its PDFs' text for search straight after, in
// the background (src/main/core/services/text-reader.service.ts): the files are marked 'pending'
// until read, then carry their text (or why there is none) and are found by search. A small import
// reads the text before it returns. What is pending when the app stops is read when it next opens;
// a case anonymised meanwhile never has its text read. Throughput is measured in bench/import.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../src/main/core';
import { TEXT_AT_ONCE_UP_TO } from '../../src/main/core/services/import.service';
import { AUTHORITY, databaseArgsFor, ok, tempDir, testCore } from '../helpers/core';
import { asAdmin, onTeamDatabase } from '../helpers/team';
import { emailWithAttachment } from '../helpers/mail';
import { runCli, teamUrlFor } from '../helpers/cli';
import { spawn } from 'node:child_process';

let core: Core;
let dataDir: string;
let folder: string;
let chosen: string[] = [];
let ref: string;
const host = { chooseFiles: async () => chosen, chooseSavePath: async () => null, printPdf: async () => true };

beforeEach(async () => {
  dataDir = tempDir();
  folder = tempDir('disclose-folder-');
  core = await testCore({ dataDir, host });
  ok(await core.invoke('settings:update', AUTHORITY));
  ref = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn' }, summary: 'Gritting routes' })).reference;
});
afterEach(async () => {
  await core.close();
});

/** A one-page letter whose text layer says `words`. */
async function letter(words: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(words, { x: 60, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** An email with a PDF letter attached. */
function email(n: number, pdf: Buffer): Buffer {
  return emailWithAttachment({
    from: 'foi@example.gov.uk',
    to: 'requester@example.org',
    subject: `Gritting ${n}`,
    messageId: `grit-letter-${n}@example.gov.uk`,
    text: `Letter ${n} is attached.`,
    attachment: { name: `letter-${n}.pdf`, type: 'application/pdf', bytes: pdf },
  });
}

function put(name: string, bytes: Buffer): string {
  const p = join(folder, name);
  writeFileSync(p, bytes);
  return p;
}

/** Emails numbered 1..n, each with a letter naming a word of its own ("saltbin1" ...), and a damaged PDF alone. */
async function folderOf(n: number): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 1; i <= n; i++) paths.push(put(`m${i}.eml`, email(i, await letter(`The saltbin${i} near the school is refilled weekly.`))));
  paths.push(put('damaged.pdf', Buffer.from('%PDF-1.7\nnot really a PDF at all')));
  return paths;
}

const attachments = async (reference = ref) => {
  const listed = ok(await core.invoke('correspondence:list', { reference }));
  return [...listed.items.flatMap((i) => i.attachments), ...listed.direct];
};
const found = async (word: string) => ok(await core.invoke('search:query', { query: word })).filter((h) => h.kind === 'attachment');

/** As if the app had stopped before reading them: the files' text marked as still to be read. */
async function markPending(): Promise<void> {
  const statement = "UPDATE attachments SET text_status = 'pending', text_note = 'Its text is still to be read for search.' WHERE content_type = 'application/pdf'";
  if (onTeamDatabase) {
    const schema = new URL(databaseArgsFor(dataDir)[1]!).searchParams.get('schema')!;
    await asAdmin(async (c) => {
      await c.query(statement);
      await c.query("DELETE FROM search_index WHERE kind = 'attachment'");
    }, schema);
  } else {
    const raw = new Database(join(dataDir, 'disclose.sqlite3'));
    raw.exec(statement);
    raw.exec("DELETE FROM search_index WHERE kind = 'attachment'");
    raw.close();
  }
}

describe('the text of PDFs in a large import is read after everything is stored', () => {
  it('stores the files first, marked pending, then reads each PDF and indexes its words, with no audit row of its own', async () => {
    chosen = await folderOf(TEXT_AT_ONCE_UP_TO + 2);
    const auditBefore = ok(await core.invoke('audit:list', { limit: 1000 })).length;
    const r = ok(await core.invoke('correspondence:importChosen', { reference: ref }));
    expect(r.added).toHaveLength(chosen.length);
    // The outcome does not warn about text still being read: it is not a problem with the file.
    expect(r.added.every((a) => a.warnings.length === 0)).toBe(true);

    await core.textRead();
    expect(ok(await core.invoke('text:pending', { reference: ref })).pending).toBe(0);
    const files = await attachments();
    const letters = files.filter((a) => a.filename.startsWith('letter-'));
    expect(letters).toHaveLength(TEXT_AT_ONCE_UP_TO + 2);
    expect(letters.every((a) => a.textStatus === 'ok')).toBe(true);
    expect(files.find((a) => a.filename === 'damaged.pdf')).toMatchObject({ textStatus: 'unreadable', textNote: expect.stringContaining('Text not extracted') });
    expect((await found('saltbin7')).map((h) => h.title)).toEqual(['letter-7.pdf']);
    expect((await found('saltbin22')).map((h) => h.title)).toEqual(['letter-22.pdf']);
    // One audit row per file imported; the text read afterwards is derived from the stored bytes, as deadlines are.
    expect(ok(await core.invoke('audit:list', { limit: 1000 })).length - auditBefore).toBe(chosen.length);
    expect(ok(await core.invoke('records:verify', {})).problems).toEqual([]);
  });

  it('a small import reads the text before it returns', async () => {
    chosen = (await folderOf(3)).slice(0, 3);
    ok(await core.invoke('correspondence:importChosen', { reference: ref }));
    expect((await attachments()).map((a) => a.textStatus)).toEqual(['ok', 'ok', 'ok']);
    expect((await found('saltbin2')).map((h) => h.title)).toEqual(['letter-2.pdf']);
  });

  it('reads what is left pending when the app next opens, and says how many wait meanwhile', async () => {
    chosen = await folderOf(TEXT_AT_ONCE_UP_TO + 1);
    ok(await core.invoke('correspondence:importChosen', { reference: ref }));
    await core.textRead();
    await core.close();
    await markPending();

    // A core that does not read in the background (one command of the CLI) only counts them.
    core = await testCore({ dataDir, host, ...(onTeamDatabase ? { database: databaseArgsFor(dataDir)[1]! } : {}) });
    expect(ok(await core.invoke('text:pending', {}))).toEqual({ pending: TEXT_AT_ONCE_UP_TO + 2, read: 0, reading: false });
    expect((await attachments()).find((a) => a.filename === 'letter-3.pdf')).toMatchObject({ textStatus: 'pending', textNote: 'Its text is still to be read for search.' });
    expect(await found('saltbin3')).toEqual([]);
    await core.close();

    // The app does.
    core = await testCore({ dataDir, host, readPendingText: true, ...(onTeamDatabase ? { database: databaseArgsFor(dataDir)[1]! } : {}) });
    await core.textRead();
    expect(ok(await core.invoke('text:pending', {}))).toEqual({ pending: 0, read: TEXT_AT_ONCE_UP_TO + 2, reading: false });
    expect((await found('saltbin3')).map((h) => h.title)).toEqual(['letter-3.pdf']);
  });

  it('a case anonymised before its files were read never has their text read (it would name the requester again)', async () => {
    chosen = await folderOf(TEXT_AT_ONCE_UP_TO + 1);
    ok(await core.invoke('correspondence:importChosen', { reference: ref, role: 'disclosed' }));
    await core.textRead();
    await markPending();
    ok(await core.invoke('cases:anonymise', { reference: ref }));
    expect(ok(await core.invoke('text:read', {})).pending).toBe(0);
    const files = await attachments();
    expect(files.every((a) => a.textStatus === 'unreadable' && a.textNote === 'Text not extracted: the case was anonymised before its text was read.')).toBe(true);
    expect(await found('saltbin3')).toEqual([]);
  });
});

describe('on the command line', () => {
  it('import prints its outcome once all is stored and ends once the text is read too; text status and text read say how many wait', async () => {
    const dir = tempDir('disclose-text-cli-');
    const paths = await folderOf(TEXT_AT_ONCE_UP_TO + 1);
    const reference = runCli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Sam Okafor', '--summary', 'Salt bins', '--json'], dir).json().reference as string;
    const imported = runCli(['import', reference, ...paths, '--json'], dir);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.json().added).toHaveLength(paths.length);
    // A search straight after finds the words of the PDFs: the command waited for them.
    const hits = runCli(['search', 'saltbin21', '--json'], dir).json() as { title: string }[];
    expect(hits.map((h) => h.title)).toContain('letter-21.pdf');
    expect(runCli(['text', 'status', reference, '--json'], dir).json()).toEqual({ pending: 0, read: 0, reading: false });
    const read = runCli(['text', 'read', '--json'], dir);
    expect(read.status, read.stderr).toBe(0);
    expect(read.json()).toEqual({ pending: 0, read: 0, reading: false });
    expect(runCli(['text', 'status', 'FOI/2026/9999', '--json'], dir)).toMatchObject({ status: 1 });
  });

  it('piped to a program that stops reading at once, the import still stores everything and reads the text, and ends without a stack trace', async () => {
    const dir = tempDir('disclose-text-pipe-');
    const paths = await folderOf(TEXT_AT_ONCE_UP_TO + 1);
    const reference = runCli(['case', 'create', '--regime', 'foia', '--received', '2026-11-02', '--requester', 'Sam Okafor', '--summary', 'Salt bins', '--json'], dir).json().reference as string;
    const team = onTeamDatabase ? ['--database', teamUrlFor(dir)] : [];
    const child = spawn(process.execPath, ['scripts/cli.mjs', 'import', reference, ...paths, '--data-dir', dir, ...team, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // as `| head -c 0` would
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
    expect(runCli(['text', 'status', reference, '--json'], dir).json()).toMatchObject({ pending: 0 });
    expect((runCli(['search', 'saltbin21', '--json'], dir).json() as { title: string }[]).map((h) => h.title)).toContain('letter-21.pdf');
  });
});
