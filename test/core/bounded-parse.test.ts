// Reading imported files under limits: the worker stops a file that takes too long or needs too
// much memory and goes on with the next; the Outlook reader's sector chains and directory are
// checked for loops; a source PDF's active content is removed before its pages are copied.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { BoundedParser } from '../../src/main/core/parse/bounded';
import { ParserPool } from '../../src/main/core/parse/pool';
import { parseMsg } from '../../src/main/core/mail/msg';
import { removeActiveContent } from '../../src/main/core/bundle/active';
import { compoundFile, deflateBomb, onePage, rawPdf, stream } from '../hostile/make-corpus-bytes';
import { makeCorpus } from '../hostile/make-corpus';

const eml = new TextEncoder().encode('From: a@example.org\r\nTo: b@example.org\r\nSubject: Plain\r\n\r\nHello\r\n');

describe('the bounded parser', () => {
  it('stops a file that needs more memory than allowed, says so, and reads the next file', async () => {
    const parser = new BoundedParser({ timeoutMs: 60_000, memoryMb: 128 });
    try {
      const bomb = rawPdf([...onePage(), stream('/Filter /FlateDecode', deflateBomb(1))]);
      // Asked at the same time (two imports at once): the files are read one after the other.
      const [r, next] = await Promise.all([parser.run({ kind: 'pdf-text', bytes: bomb }), parser.run({ kind: 'message', name: 'plain.eml', bytes: eml })]);
      expect(r).toMatchObject({ ok: false, status: 'too-large', reason: expect.stringContaining('too large when decompressed') });
      expect(next.ok && next.value && 'subject' in next.value && next.value.subject).toBe('Plain');
    } finally {
      await parser.close();
    }
  }, 120_000);

  it('reads a file on disk itself: its bytes, hash, message and each attachment\'s hash; a file gone or grown past the limit is an error, and the next is read', async () => {
    const parser = new BoundedParser({ timeoutMs: 60_000, memoryMb: 256 });
    const dir = mkdtempSync(join(tmpdir(), 'disclose-read-'));
    try {
      const attachment = Buffer.from('Route,Miles\r\nA1,3\r\n');
      const withFile = Buffer.from(
        ['From: Zoë <zoe@example.org>', 'Subject: Routes 王', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'See attached.', '--b', 'Content-Type: text/csv; name="routes.csv"', 'Content-Disposition: attachment; filename="routes.csv"', 'Content-Transfer-Encoding: base64', '', attachment.toString('base64'), '--b--', ''].join('\r\n'),
      );
      writeFileSync(join(dir, 'routes.eml'), withFile);
      writeFileSync(join(dir, 'note.txt'), 'not a message');
      const read = (name: string, size: number, maxBytes = 1 << 20) => parser.run({ kind: 'read-message', name: join(dir, name), path: join(dir, name), size, maxBytes });
      const r = await read('routes.eml', withFile.length);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(Buffer.from(r.value.bytes).equals(withFile)).toBe(true);
      expect(r.value.sha).toBe(createHash('sha256').update(withFile).digest('hex'));
      expect(r.value.message && 'subject' in r.value.message && r.value.message.subject).toBe('Routes 王');
      expect(r.value.attachmentShas).toEqual([createHash('sha256').update(attachment).digest('hex')]);
      const plain = await read('note.txt', 13);
      expect(plain.ok && plain.value.message === null && Buffer.from(plain.value.bytes).toString()).toBe('not a message');
      expect(await read('gone.eml', 10)).toMatchObject({ ok: false, status: 'failed', reason: expect.stringContaining('ENOENT') });
      expect(await read('routes.eml', 10, 100)).toMatchObject({ ok: false, status: 'failed', reason: expect.stringContaining('over the limit for one file') });
      expect((await read('routes.eml', withFile.length)).ok).toBe(true);
    } finally {
      await parser.close();
    }
  });

  it('hands a worker many files it reads from disk at once: it reads on through a main thread busy storing, which hands nothing over meanwhile', async () => {
    const parser = new BoundedParser({ timeoutMs: 60_000, memoryMb: 256 });
    const dir = mkdtempSync(join(tmpdir(), 'disclose-ahead-'));
    try {
      const read = (name: string) => parser.run({ kind: 'read-message', name: join(dir, name), path: join(dir, name), size: eml.length, maxBytes: 1 << 20 });
      writeFileSync(join(dir, 'warm.eml'), eml);
      expect((await read('warm.eml')).ok).toBe(true); // the worker started and its readers loaded
      const names = Array.from({ length: 60 }, (_, n) => `message-${n}.eml`);
      for (const name of names) writeFileSync(join(dir, name), eml);
      const answers = names.map(read);
      // Two seconds in which the main thread takes no message (as while it stores a batch): the
      // worker reads what it was handed. Then the files go: one handed over only now is not found.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
      for (const name of names) rmSync(join(dir, name));
      const outcomes = await Promise.all(answers);
      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(outcomes.map((o) => o.ok && o.value.message && 'subject' in o.value.message && o.value.message.subject)).toEqual(names.map(() => 'Plain'));
    } finally {
      await parser.close();
    }
  });

  it('stops a file that takes longer than allowed, says so, and reads the next file', async () => {
    const parser = new BoundedParser({ timeoutMs: 100, memoryMb: 512 });
    try {
      // 100,000 table rows take seconds to convert: far over a tenth of a second on any machine.
      const slow = new TextEncoder().encode(`From: a@example.org\r\nSubject: Rows\r\nContent-Type: text/html\r\n\r\n<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(100_000)}</table>`);
      expect(await parser.run({ kind: 'message', name: 'rows.eml', bytes: slow })).toMatchObject({ ok: false, status: 'too-slow', reason: 'took too long (more than 0.1 seconds)' });
    } finally {
      await parser.close();
    }
    const fresh = new BoundedParser({ timeoutMs: 30_000, memoryMb: 512 });
    try {
      expect((await fresh.run({ kind: 'message', name: 'plain.eml', bytes: eml })).ok).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe('the parser pool', () => {
  it('reads on more than one worker: while one is held by a slow file, another answers the next file', async () => {
    const pool = new ParserPool({ timeoutMs: 60_000, memoryMb: 512 }, 2);
    try {
      // Two files at once start both workers.
      const warm = await Promise.all([pool.run({ kind: 'message', name: 'a.eml', bytes: eml }), pool.run({ kind: 'message', name: 'b.eml', bytes: eml })]);
      expect(warm.map((r) => r.ok)).toEqual([true, true]);
      // Converting 200,000 table rows keeps one worker busy for seconds; a plain email takes the other milliseconds.
      const slow = new TextEncoder().encode(`From: a@example.org\r\nSubject: Rows\r\nContent-Type: text/html\r\n\r\n<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(200_000)}</table>`);
      let slowAnswered = false;
      const held = pool.run({ kind: 'message', name: 'rows.eml', bytes: slow }).then((r) => {
        slowAnswered = true;
        return r;
      });
      const next = await pool.run({ kind: 'message', name: 'plain.eml', bytes: eml });
      expect(next.ok && next.value && 'subject' in next.value && next.value.subject).toBe('Plain');
      expect(slowAnswered).toBe(false);
      // Closing the pool stops the slow file at once, and it says so.
      await pool.close();
      expect(await held).toEqual({ ok: false, status: 'failed', reason: 'the reader was closed' });
    } finally {
      await pool.close();
    }
  }, 120_000);
});

// `npm test` builds the app first; the worker the app starts is then a file of its own in out/main.
const BUILT_WORKER = resolve('out/main/parse-worker.js');
describe('the parse worker as built for the app', () => {
  it.skipIf(!existsSync(BUILT_WORKER))('answers a job from out/main, where the built core looks for it', async () => {
    const worker = new Worker(BUILT_WORKER);
    try {
      const replies: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        worker.on('message', (m: { ok?: boolean }) => {
          replies.push(m);
          if ('ok' in m) resolve();
        });
        worker.on('error', reject);
        worker.postMessage({ id: 7, job: { kind: 'message', name: 'plain.eml', bytes: eml } });
      });
      expect(replies).toEqual([{ id: 7, started: true }, expect.objectContaining({ id: 7, ok: true, value: expect.objectContaining({ subject: 'Plain' }) })]);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});

describe('the Outlook reader guard', () => {
  const root = { name: 'Root Entry', type: 5 as const, child: 1 };
  const subject = { name: '__substg1.0_0037001F', type: 2 as const, start: 2, size: 600 };
  it('stops at once on a FAT sector that points at itself, and on a directory that loops', async () => {
    for (const bytes of [compoundFile({ fat: [-3, 1], dir: [root, subject] }), compoundFile({ fat: [-3, -2], dir: [root, { ...subject, right: 1 }] })]) {
      const start = performance.now();
      await expect(parseMsg(bytes)).rejects.toThrow(/loops back on itself/u);
      expect(performance.now() - start).toBeLessThan(5_000);
    }
  });

  it('refuses a stream that claims more bytes than the file holds', async () => {
    await expect(parseMsg(compoundFile({ fat: [-3, -2, -2], dir: [root, { ...subject, size: 0xfffffff0 }], extraSectors: [Buffer.alloc(512)] }))).rejects.toThrow(/more than the whole file holds/u);
  });
});

describe('active content in a source PDF', () => {
  it('is removed from every page and counted; notes stay without their actions', async () => {
    const corpus = (await makeCorpus()).filter((f) => f.active);
    const said: string[] = [];
    for (const f of corpus) {
      const doc = await PDFDocument.load(f.bytes);
      said.push(...removeActiveContent(doc));
      for (const page of doc.getPages()) {
        expect(page.node.get(PDFName.of('AA'))).toBeUndefined();
        const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
        for (const a of annots) {
          const dict = doc.context.lookup(a) as import('pdf-lib').PDFDict;
          expect(dict.get(PDFName.of('Subtype'))?.toString()).toBe('/Text');
          expect(dict.get(PDFName.of('A'))).toBeUndefined();
        }
      }
    }
    const all = said.join(', ');
    for (const what of ['JavaScript action', 'Launch action', 'link', 'form field', 'form', 'embedded file', 'media player', 'document JavaScript', 'GoToR action', 'web or file link action']) expect(all).toContain(what);
  }, 60_000);
});
