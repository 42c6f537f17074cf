// The bundle's pages go to disk document by document (src/main/core/bundle/streamed.ts, sink.ts):
// once a document is settled, pdf-lib holds none of its objects, so memory does not grow with the
// pages; pages drawn last (the cover, the index) still land where they belong, each page gets its
// stamp with the final numbers, and the file is a valid PDF. Time and peak memory at 1,000 and
// 10,000 pages are measured in bench/bundle.ts, not here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontFiles, type FontFiles } from '../../src/main/core/pdf/fonts';
import { typesetter } from '../../src/main/core/bundle/draw';
import { composePages } from '../../src/main/core/bundle/compose';
import { PdfSink } from '../../src/main/core/bundle/sink';
import { Stamper } from '../../src/main/core/bundle/stamp';
import { StreamedPages } from '../../src/main/core/bundle/streamed';
import { Pacer } from '../../src/main/core/bundle/collect';
import { fileDigest, sha256Hex } from '../../src/main/core/blobs';
import { deliver } from '../../src/main/core/bundle/deliver';
import { readOnce } from '../../src/main/core/services/bundle.service';
import type { CoreContext } from '../../src/main/core/context';
import { tempDir } from '../helpers/core';
import { collectUntil } from '../helpers/gc';

let fonts: FontFiles;
beforeAll(async () => {
  fonts = await loadFontFiles(join(process.cwd(), 'resources'));
});

async function source(name: string, pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${name} sheet ${p}`, { x: 60, y: 700, size: 14, font });
    if (p === pages) page.setRotation(degrees(90));
  }
  return PDFDocument.load(await doc.save());
}

const text = (file: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('a bundle streamed to disk', () => {
  it('holds no object of a settled document, and writes a valid PDF with every page in place and stamped', async () => {
    const path = join(tempDir(), 'streamed.pdf');
    const out = await PDFDocument.create({ updateMetadata: false });
    const sink = new PdfSink(out.context, path);
    const ts = await typesetter(out, fonts);
    const stampOf = (n: number, total: number, top: string | null) => ({ left: 'Open bundle · FOI/26/0001', right: `Page ${n} of ${total}`, top });
    // A heap that has always grown past its room by the next look: a collection at every look, every 5 pages.
    let collections = 0;
    let heap = 0;
    const pacer = new Pacer(() => collections++, () => (heap += 100), 10, 5);
    const pages = new StreamedPages(out, sink, new Stamper(ts.glyphs, ts.chains), stampOf(1234567890, 1234567890, null), pacer);
    const held = () => out.context.enumerateIndirectObjects().length;
    const before = held();

    const numbers: number[] = [];
    const refs: WeakRef<object>[] = [];
    // Copied in a function of its own, so that nothing here holds the source document afterwards
    // (refs are shared by number between documents: the source's own objects would hold some).
    const copyIn = async (name: string, n: number) => {
      const src = await source(name, n);
      for (const p of await out.copyPages(src, src.getPageIndices())) {
        out.addPage(p);
        numbers.push(p.ref.objectNumber);
        refs.push(new WeakRef(p.ref));
      }
    };
    for (const [name, n, top] of [['Alpha', 3, null], ['Bravo', 4, 'WITHHELD from the requester: s40(2)']] as const) {
      await copyIn(name, n);
      expect(held()).toBeGreaterThan(before + n);
      expect(await pages.settle(top)).toBe(n);
      // Only the catalog and the page tree's root stay: every page, its content and its fonts are on disk.
      expect(held()).toBe(before);
      expect(out.getPageCount()).toBe(0);
    }
    // Nor a ref object of its pages (pdf-lib's pool would keep one for the rest of the process): a
    // page is kept as its object number, and its ref made again when the page tree is written.
    expect(await collectUntil(() => refs.every((w) => w.deref() === undefined))).toBe(true);
    expect(numbers.map((_, i) => pages.pageRef(i)?.objectNumber)).toEqual(numbers);
    // A page drawn last and put first, as the cover is.
    ts.draw(composePages([{ kind: 'text', text: 'Cover of the bundle', font: 'bold', size: 16 }], ts.measure), new Map());
    expect(await pages.settle(null, 0)).toBe(1);
    expect(pages.count).toBe(8);
    expect(collections).toBe(1); // 3 + 4 pages settled, then the cover
    await pages.finish((i, top) => stampOf(i + 1, pages.count, top));
    expect(collections).toBe(2); // and 8 stamps: at the fourth, 5 pages made since the last

    expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
    const back = await PDFDocument.load(readFileSync(path));
    expect(back.getPageCount()).toBe(8);
    expect(back.getPages().map((p) => p.getRotation().angle)).toEqual([0, 0, 0, 90, 0, 0, 0, 90]);
    expect(text(path, 1)).toContain('Cover of the bundle');
    expect(text(path, 1)).toContain('Page 1 of 8');
    expect(text(path, 2)).toMatch(/Alpha sheet 1.*Open bundle · FOI\/26\/0001.*Page 2 of 8/);
    expect(text(path, 5)).toMatch(/WITHHELD from the requester: s40\(2\).*Bravo sheet 1.*Page 5 of 8/);
    expect(text(path, 4)).not.toContain('WITHHELD');
    expect(text(path, 8)).toContain('Page 8 of 8');
  });
});

describe('the finished bundle, delivered to the chosen path', () => {
  const made = (dir: string) => {
    const path = join(dir, 'bundle.pdf');
    const bytes = randomBytes(3 * 1024 * 1024 + 17); // over several of the chunks it is hashed in
    writeFileSync(path, bytes, { mode: 0o600 });
    return { path, bytes };
  };
  const savedMode = 0o666 & ~process.umask();

  it('is hashed a chunk at a time and renamed into place on the same disk, as a file saved anew', async () => {
    const { path, bytes } = made(tempDir());
    expect(await fileDigest(path)).toEqual({ size: bytes.length, sha256: sha256Hex(bytes) });
    const empty = join(tempDir(), 'empty.pdf');
    writeFileSync(empty, '');
    expect(await fileDigest(empty)).toEqual({ size: 0, sha256: sha256Hex(Buffer.alloc(0)) });
    const folder = tempDir();
    const target = join(folder, 'Open bundle.pdf');
    writeFileSync(target, 'an older bundle, replaced whole');
    await deliver(path, target);
    expect(sha256Hex(readFileSync(target))).toBe(sha256Hex(bytes));
    expect(statSync(target).mode & 0o777).toBe(savedMode);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual(['Open bundle.pdf']);
  });

  // /dev/shm is a memory disk on Linux: another disk than the temp folder, so the file cannot be renamed across.
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tempDir()).dev;
  it.skipIf(!otherDisk)('is copied beside the chosen name, synced and renamed when the chosen folder is on another disk', async () => {
    const memory = mkdtempSync('/dev/shm/disclose-test-');
    const { path, bytes } = made(memory);
    const folder = tempDir();
    const target = join(folder, 'Closed bundle.pdf');
    await deliver(path, target).finally(() => rmSync(memory, { recursive: true, force: true }));
    expect(sha256Hex(readFileSync(target))).toBe(sha256Hex(bytes));
    expect(statSync(target).mode & 0o777).toBe(savedMode);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder)).toEqual(['Closed bundle.pdf']);
  });

  it('says where it could not be written, and leaves nothing behind', async () => {
    const { path } = made(tempDir());
    const target = join(tempDir(), 'no such folder', 'Open bundle.pdf');
    await expect(deliver(path, target)).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining(`Could not write ${target}`) });
    expect(existsSync(path)).toBe(false);
  });
});

describe("the files an export reads, through the register's page cache", () => {
  it('are let go from the cache after each 16 MB read through it, on a local register; a team register keeps no cache here', () => {
    const emptied: string[] = [];
    const ctx = { sqlite: { open: true, pragma: (sql: string) => emptied.push(sql) } } as unknown as Pick<CoreContext, 'sqlite'>;
    const file = Buffer.alloc(3 * 1024 * 1024);
    const read = readOnce(ctx, () => file);
    for (let i = 0; i < 12; i++) expect(read('sha', 'name.pdf')).toBe(file); // 36 MB of files too large to be kept inside: not through the cache
    expect(emptied).toEqual([]);
    const small = Buffer.alloc(200 * 1024);
    const readSmall = readOnce(ctx, () => small);
    for (let i = 0; i < 180; i++) readSmall('sha', 'name.pdf'); // 36 MB: emptied at 16 MB and at 32
    expect(emptied).toEqual(['shrink_memory', 'shrink_memory']);
    const team = readOnce({ sqlite: null }, () => small);
    for (let i = 0; i < 180; i++) team('sha', 'name.pdf');
    expect(emptied).toHaveLength(2);
  });
});
