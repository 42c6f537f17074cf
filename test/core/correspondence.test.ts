// Correspondence and attachments through the core on a real database and blob store: .eml and
// .msg imports with their attachments, the published sample threads, duplicates, limits, damaged
// files, unsafe names, marking an item on the timeline, and search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Core } from '../../src/main/core';
import { AUTHORITY, databaseArgsFor, ok, tempDir, testCore } from '../helpers/core';
import { alterStored, whereStored } from '../helpers/stored';
import { asAdmin, onTeamDatabase } from '../helpers/team';
import { buildMsg, eml, msgSpecs } from '../fixtures/mail/make-fixtures';
import { SAMPLES_DIR } from '../helpers/samples';

let core: Core;
let dataDir: string;
let files: string;
let chosen: string[] = [];
const saved: string[] = [];
let ref: string;

beforeEach(async () => {
  dataDir = tempDir();
  files = tempDir('disclose-files-');
  core = await testCore({
    dataDir,
    today: '2026-11-20',
    maxImportBytes: 2 * 1024 * 1024,
    host: {
      chooseFiles: async () => chosen,
      chooseSavePath: async ({ defaultName }) => {
        const p = join(files, `saved-${defaultName}`);
        saved.push(p);
        return p;
      },
      printPdf: async () => true,
    },
  });
  ok(await core.invoke('settings:update', AUTHORITY));
  ref = ok(await core.invoke('cases:create', { regime: 'foia', received: '2025-07-01', requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org' }, summary: 'Mill Lane potholes' })).reference;
});
afterEach(async () => {
  await core.close();
});

function file(name: string, bytes: Uint8Array | string): string {
  const p = join(files, name);
  writeFileSync(p, bytes);
  return p;
}

async function importPaths(...paths: string[]) {
  chosen = paths;
  return ok(await core.invoke('correspondence:importChosen', { reference: ref }));
}

async function textPdf(text: string): Promise<Uint8Array> {
  const d = await PDFDocument.create({ updateMetadata: false });
  d.addPage().drawText(text, { x: 50, y: 700, size: 12, font: await d.embedFont(StandardFonts.Helvetica) });
  return d.save();
}

describe('importing email', () => {
  it('keeps an .eml with its headers, text and every attachment, each stored by SHA-256', async () => {
    const r = await importPaths(file('request.eml', eml.alternativeWithInlineAndPdf));
    expect(r.added).toHaveLength(1);
    const c = ok(await core.invoke('cases:get', { reference: ref }));
    const item = c.correspondence[0]!;
    expect(item).toMatchObject({ direction: 'in', channel: 'email', messageId: 'req-001@example.org', sourceFormat: 'eml' });
    expect(item.subject).toContain('potholes on Mill Lane');
    expect(item.headers?.some(([name]) => name.toLowerCase() === 'received')).toBe(true);
    expect(item.attachments.length).toBeGreaterThanOrEqual(2);
    for (const a of item.attachments) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(whereStored(dataDir, a.sha256)).not.toBeNull();
    }
    expect(item.attachments.map((a) => a.role)).toEqual(item.attachments.map(() => 'correspondence'));
  });

  it('recognises the same message imported twice (Message-ID), and the same file twice (hash)', async () => {
    const p = file('request.eml', eml.alternativeWithInlineAndPdf);
    await importPaths(p);
    const again = await importPaths(p, file('copy.eml', eml.alternativeWithInlineAndPdf));
    expect(again.added).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('same Message-ID'), expect.stringContaining('same Message-ID')]);
    const noId = file('noid.eml', eml.noHeaders);
    await importPaths(noId);
    expect((await importPaths(noId)).skipped[0]?.reason).toContain('Already in this case');
    expect(ok(await core.invoke('cases:get', { reference: ref })).correspondence).toHaveLength(2);
  });

  it('imports Outlook .msg files, with Unicode names and attachments', async () => {
    const r = await importPaths(file('plain.msg', buildMsg(msgSpecs.plain)), file('docs.msg', buildMsg(msgSpecs.withAttachments)));
    expect(r.skipped).toEqual([]);
    const c = ok(await core.invoke('cases:get', { reference: ref }));
    const docs = c.correspondence.find((i) => i.subject.includes('王先生'))!;
    expect(docs.sourceFormat).toBe('msg');
    expect(docs.attachments.map((a) => a.originalFilename)).toContain('Zoë Ó Dónaill — response.pdf');
  });

  it('makes unsafe attachment names safe and keeps the original name as data', async () => {
    await importPaths(file('names.eml', eml.filenames));
    const atts = ok(await core.invoke('cases:get', { reference: ref })).correspondence[0]!.attachments;
    for (const a of atts) {
      expect(a.filename).not.toMatch(/[/\\]|^\.\.?$/);
      expect(a.filename).not.toMatch(/^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\.|$)/i);
    }
    expect(atts.map((a) => a.originalFilename)).toEqual(expect.arrayContaining([expect.stringContaining('passwd')]));
  });

  it('keeps a malformed message with what could be read, and warns', async () => {
    const r = await importPaths(file('broken.eml', eml.truncated));
    expect(r.added).toHaveLength(1);
    expect(r.added[0]!.warnings.length).toBeGreaterThan(0);
  });
});

describe('the published sample threads (test/fixtures/samples)', () => {
  it('imports each thread as correspondence and the disclosed documents as attachments, searchable', async () => {
    const samples = SAMPLES_DIR;
    const threads = ['kent-social-services-facebook-thread.txt', 'home-office-social-media-request-thread.txt'];
    const paths = threads.map((t, i) => {
      const body = readFileSync(join(samples, t), 'utf8');
      return file(`${t}.eml`, [`From: requester${i}@example.org`, `To: foi@borsetshire.example.gov.uk`, `Subject: ${body.split('\n')[0]}`, `Message-ID: <sample-${i}@example.org>`, 'Date: Mon, 12 Mar 2012 09:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', body].join('\r\n'));
    });
    const docs = ['home-office-social-networking-guidance.txt', 'ico-social-media-policy-2013.txt'].map((d) => join(samples, d));
    const r = await importPaths(...paths, ...docs);
    expect(r.skipped).toEqual([]);
    expect(r.added.map((a) => a.kind)).toEqual(['email', 'email', 'attachment', 'attachment']);
    const hits = ok(await core.invoke('search:query', { query: 'exceptional circumstance' }));
    expect(hits[0]).toMatchObject({ reference: ref, kind: 'correspondence' });
    expect(hits[0]!.snippet).toMatch(/\[exceptional\]/i);
    const policy = ok(await core.invoke('search:query', { query: 'social media policy' }));
    expect(policy.some((h) => h.kind === 'attachment' && h.title === 'ico-social-media-policy-2013.txt')).toBe(true);
  });
});

describe('attachments added directly', () => {
  it('extracts PDF text for search, and marks an encrypted PDF "text not extracted" but keeps it', async () => {
    const plain = file('minutes.pdf', await textPdf('Highways committee minutes about Mill Lane resurfacing'));
    const locked = join(files, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', plain, locked]);
    const r = await importPaths(plain, locked);
    expect(r.added).toHaveLength(2);
    const atts = ok(await core.invoke('cases:get', { reference: ref })).attachments;
    expect(atts.find((a) => a.filename === 'minutes.pdf')?.textStatus).toBe('ok');
    expect(atts.find((a) => a.filename === 'locked.pdf')).toMatchObject({ textStatus: 'encrypted', textNote: expect.stringContaining('Text not extracted') });
    expect(ok(await core.invoke('search:query', { query: 'resurfacing' }))[0]).toMatchObject({ reference: ref, kind: 'attachment' });
  });

  it('refuses a file over the maximum size and an empty one, and still imports the rest', async () => {
    const big = file('huge.bin', new Uint8Array(3 * 1024 * 1024));
    const empty = file('empty.txt', '');
    const fine = file('note.txt', 'A phone note about Mill Lane');
    const r = await importPaths(big, empty, fine, join(files, 'missing.pdf'));
    expect(r.added.map((a) => a.file)).toEqual([fine]);
    expect(r.skipped.map((s) => s.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('over the 2.0 MB limit'), expect.stringContaining('is empty'), expect.stringContaining('Cannot read')]),
    );
    expect(r.skipped).toHaveLength(3);
  });

  it('imports bytes sent by the app (drag and drop), with a role', async () => {
    const r = ok(await core.invoke('correspondence:import', { reference: ref, role: 'withheld', files: [{ name: 'tender prices.txt', data: Buffer.from('Bidder A: £1m').toString('base64') }] }));
    expect(r.added).toHaveLength(1);
    expect(ok(await core.invoke('cases:get', { reference: ref })).attachments[0]).toMatchObject({ role: 'withheld', size: 14 });
  });

  it('verifies the stored copy on every read: a damaged file is reported, never exported', async () => {
    const p = file('note.txt', 'Original content');
    await importPaths(p);
    const a = ok(await core.invoke('cases:get', { reference: ref })).attachments[0]!;
    ok(await core.invoke('attachments:save', { id: a.id }));
    expect(readFileSync(saved.at(-1)!, 'utf8')).toBe('Original content');
    alterStored(dataDir, a.sha256, 'Tampered content');
    if (onTeamDatabase) {
      // On the team database the local copy is a cache: a damaged one is replaced from the database, checked.
      ok(await core.invoke('attachments:save', { id: a.id }));
      expect(readFileSync(saved.at(-1)!, 'utf8')).toBe('Original content');
      writeFileSync(join(dataDir, 'blobs', a.sha256.slice(0, 2), a.sha256), 'Tampered content');
      const schema = new URL(databaseArgsFor(dataDir)[1]!).searchParams.get('schema')!;
      await asAdmin((c) => c.query("UPDATE blob_chunks SET data = convert_to('Tampered content', 'UTF8') WHERE sha256 = $1", [a.sha256]), schema);
    }
    const r = await core.invoke('attachments:save', { id: a.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringContaining('altered or damaged') } });
  });

  it('changes an attachment role with an audit entry', async () => {
    await importPaths(file('records.txt', 'search record'));
    const a = ok(await core.invoke('cases:get', { reference: ref })).attachments[0]!;
    expect(ok(await core.invoke('attachments:setRole', { id: a.id, role: 'evidence' })).role).toBe('evidence');
    expect(ok(await core.invoke('audit:list', { reference: ref })).map((e) => e.action)).toContain('attachment.role');
  });
});

describe('the timeline and logging by hand', () => {
  it('marks an incoming email as the clarification, restarting the clock (s1(3))', async () => {
    const clar = file('clar.eml', ['From: zoe@example.org', 'To: foi@borsetshire.example.gov.uk', 'Subject: Re: clarification', 'Message-ID: <clar@example.org>', 'Date: Tue, 8 Jul 2025 09:00:00 +0100', '', 'I mean the 2024 repairs only.'].join('\r\n'));
    await importPaths(clar);
    const before = ok(await core.invoke('cases:get', { reference: ref }));
    const items = ok(await core.invoke('correspondence:mark', { reference: ref, id: before.correspondence[0]!.id, as: 'clarification-received' }));
    expect(items[0]!.markedAs).toBe('clarification-received');
    const after = ok(await core.invoke('cases:get', { reference: ref }));
    expect(after.dueDate > before.dueDate).toBe(true);
    expect(await core.invoke('correspondence:mark', { reference: ref, id: before.correspondence[0]!.id, as: 'responded' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('logs a phone note by hand and finds it by search', async () => {
    ok(await core.invoke('correspondence:add', { reference: ref, direction: 'in', channel: 'phone', sentAt: '2025-07-03', from: 'Zoë Ó Dónaill', subject: 'Phone call', body: 'Asked whether the culvert survey is included.' }));
    expect(ok(await core.invoke('search:query', { query: 'culvert' }))[0]).toMatchObject({ reference: ref, kind: 'correspondence' });
    // FTS syntax typed by an officer is searched for, not parsed.
    expect(ok(await core.invoke('search:query', { query: 'cul"vert (' }))).toHaveLength(1);
    expect(ok(await core.invoke('search:query', { query: 'culvert NEAR' }))).toEqual([]);
    expect(ok(await core.invoke('search:query', { query: '"' }))).toEqual([]);
  });
});
