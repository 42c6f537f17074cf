// The hostile corpus: files built to hurt an importer or a bundle, made at test time (none is
// committed). Decompression bombs (PDF content and object streams, PNG pixels), looping and
// oversized Outlook files, PDFs carrying JavaScript, Launch and file links, forms and embedded
// files, deeply nested and cyclic PDFs, HTML mail 100,000 elements deep or wide, 20 MB lines,
// escape sequences and direction overrides in names and subjects, and seeded random damage.
// `npx tsx test/hostile/make-corpus.ts DIR` writes them to DIR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFDict } from 'pdf-lib';
import { compoundFile, deflateBomb, jpegHeader, onePage, png, random, rawPdf, stream } from './make-corpus-bytes';

export interface HostileFile {
  name: string;
  /** What it is built to do, for the figures and for failures. */
  kind: 'bomb' | 'loop' | 'active' | 'huge-text' | 'html' | 'nesting' | 'names' | 'random' | 'damaged';
  bytes: Uint8Array;
  /** Active content the bundle must not carry (checked on the output). */
  active?: boolean;
}

const eml = (headers: string[], body: string, type = 'text/plain; charset=utf-8') => Buffer.from([...headers, 'MIME-Version: 1.0', `Content-Type: ${type}`, '', body, ''].join('\r\n'));
const mailHead = (subject: string) => ['From: Requester <requester@example.org>', 'To: foi@borsetshire.example.gov.uk', `Subject: ${subject}`, 'Date: Mon, 2 Nov 2026 09:00:00 +0000', `Message-ID: <${subject.replace(/\W+/g, '.').slice(0, 40)}.${Math.abs(hash(subject))}@example.org>`];
function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (Math.imul(h, 31) + (c.codePointAt(0) ?? 0)) | 0;
  return h;
}
const withAttachment = (subject: string, name: string, type: string, bytes: Uint8Array) =>
  Buffer.from(
    [...mailHead(subject), 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="x"', '', '--x', 'Content-Type: text/plain', '', 'See attached.', '--x', `Content-Type: ${type}; name="${name}"`, 'Content-Transfer-Encoding: base64', `Content-Disposition: attachment; filename="${name}"`, '', Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n'), '--x--', ''].join('\r\n'),
  );

/** A genuine one-page PDF to add active content to. */
async function activePdf(add: (doc: PDFDocument, page: PDFDict) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.drawText('A document with active content in it.', { x: 60, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  add(doc, page.node);
  return doc.save({ useObjectStreams: false });
}
const js = (doc: PDFDocument, code: string) => doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of(code) }));
const annot = (doc: PDFDocument, page: PDFDict, dict: Record<string, unknown>) => {
  const ref = doc.context.register(doc.context.obj({ Type: 'Annot', Rect: [50, 50, 200, 80], ...dict } as never));
  page.set(PDFName.of('Annots'), doc.context.obj([ref]));
  return ref;
};

async function activeFiles(): Promise<HostileFile[]> {
  const files: [string, (doc: PDFDocument, page: PDFDict) => void][] = [
    ['open-action-javascript.pdf', (doc) => doc.catalog.set(PDFName.of('OpenAction'), js(doc, 'app.alert("opened")'))],
    ['document-javascript.pdf', (doc) => doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: doc.context.obj({ Names: [PDFString.of('a'), js(doc, 'app.alert(1)')] }) }))],
    ['page-open-action.pdf', (doc, page) => page.set(PDFName.of('AA'), doc.context.obj({ O: js(doc, 'this.exportDataObject({cName:"x"})') }))],
    ['launch-link.pdf', (doc, page) => annot(doc, page, { Subtype: 'Link', A: doc.context.obj({ S: 'Launch', F: PDFString.of('C:\\Windows\\System32\\cmd.exe') }) })],
    ['file-uri-link.pdf', (doc, page) => annot(doc, page, { Subtype: 'Link', A: doc.context.obj({ S: 'URI', URI: PDFString.of('file:///etc/passwd') }) })],
    ['remote-goto.pdf', (doc, page) => annot(doc, page, { Subtype: 'Link', A: doc.context.obj({ S: 'GoToR', F: PDFString.of('\\\\evil\\share\\x.pdf'), D: [0, 'Fit'] }) })],
    ['form-with-script.pdf', (doc, page) => {
      const widget = annot(doc, page, { Subtype: 'Widget', FT: 'Tx', T: PDFString.of('name'), AA: doc.context.obj({ K: js(doc, 'event.value = 1') }) });
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [widget] }));
    }],
    ['embedded-file.pdf', (doc, page) => {
      const file = doc.context.register(doc.context.flateStream('MZ not really a program', { Type: 'EmbeddedFile' }));
      const spec = doc.context.obj({ Type: 'Filespec', F: PDFString.of('payload.exe'), EF: doc.context.obj({ F: file }) });
      annot(doc, page, { Subtype: 'FileAttachment', FS: spec });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: doc.context.obj({ Names: [PDFString.of('payload.exe'), spec] }) }));
    }],
    ['note-with-action.pdf', (doc, page) => annot(doc, page, { Subtype: 'Text', Contents: PDFString.of('A sticky note'), A: js(doc, 'app.alert(2)') })],
    ['rich-media.pdf', (doc, page) => annot(doc, page, { Subtype: 'RichMedia' })],
    ['chained-actions.pdf', (doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'GoTo', D: [0, 'Fit'], Next: js(doc, 'app.launchURL("http://x")') }))],
  ];
  const out: HostileFile[] = [];
  for (const [name, add] of files) out.push({ name, kind: 'active', bytes: await activePdf(add), active: true });
  return out;
}

function bombs(): HostileFile[] {
  const bomb = deflateBomb(1);
  const contentBomb = rawPdf([...onePage(), stream('/Filter /FlateDecode', bomb)]);
  const objStmBomb = rawPdf([...onePage(), stream('', Buffer.from('BT ET')), stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', bomb)]);
  const hiddenObjStm = rawPdf([...onePage(), stream('', Buffer.from('BT ET')), stream('/Ty#70e /Obj#53tm /N 1 /First 4 /Filter /Fl#61teDecode', bomb)]);
  return [
    { name: 'content-stream-bomb.pdf', kind: 'bomb', bytes: contentBomb },
    { name: 'object-stream-bomb.pdf', kind: 'bomb', bytes: objStmBomb },
    { name: 'hidden-object-stream-bomb.pdf', kind: 'bomb', bytes: hiddenObjStm },
    { name: 'pixel-bomb.png', kind: 'bomb', bytes: png(15_000, 15_000) },
    { name: 'pixel-bomb-header-only.png', kind: 'bomb', bytes: png(30_000, 30_000, false) },
    { name: 'wide-strip.png', kind: 'bomb', bytes: png(4_000_000, 1, false) },
    { name: 'jpeg-claims-huge.jpg', kind: 'bomb', bytes: jpegHeader(65_000, 65_000) },
    { name: 'bomb-attached.eml', kind: 'bomb', bytes: withAttachment('Report attached', 'report.pdf', 'application/pdf', contentBomb) },
    { name: 'image-bomb-attached.eml', kind: 'bomb', bytes: withAttachment('Photo', 'photo.png', 'image/png', png(30_000, 30_000, false)) },
  ];
}

function loopingMsgs(): HostileFile[] {
  const root = { name: 'Root Entry', type: 5 as const, child: 1 };
  const subject = { name: '__substg1.0_0037001F', type: 2 as const, start: 2, size: 600 };
  return [
    // The directory's own chain points at itself: the reader walked it for ever.
    { name: 'fat-self-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, 1], dir: [root, subject] }) },
    { name: 'fat-two-cycle.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, 2, 1], dir: [root, subject], extraSectors: [Buffer.alloc(512)] }) },
    { name: 'stream-chain-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2, 2], dir: [root, { ...subject, size: 1_000_000 }], extraSectors: [Buffer.alloc(512)] }) },
    { name: 'directory-sibling-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2], dir: [root, { ...subject, right: 1 }] }) },
    { name: 'directory-child-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2], dir: [root, { name: '__nameid_version1.0', type: 1, child: 1 }] }) },
    { name: 'stream-claims-4gb.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2, -2], dir: [root, { ...subject, size: 0xfffffff0 }], extraSectors: [Buffer.alloc(512)] }) },
    { name: 'difat-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2], dir: [root, subject], header: { batCount: 0x7fffffff, xbatStart: 1, xbatCount: 0x7fffffff } }) },
    { name: 'mini-fat-loop.msg', kind: 'loop', bytes: compoundFile({ fat: [-3, -2, -2], dir: [{ ...root, start: 2, size: 512 }, subject], header: { sbatStart: 1, sbatCount: 0x7fffffff }, extraSectors: [Buffer.alloc(512)] }) },
  ];
}

function structural(): HostileFile[] {
  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  return [
    { name: 'nested-arrays.pdf', kind: 'nesting', bytes: rawPdf([...onePage('', `/Deep ${deep}`), stream('', Buffer.from('BT ET'))]) },
    { name: 'nested-dicts.pdf', kind: 'nesting', bytes: rawPdf([...onePage(), stream('', Buffer.from('BT ET')), '<< /A '.repeat(50_000) + '>>'.repeat(50_000)]) },
    { name: 'page-tree-cycle.pdf', kind: 'loop', bytes: rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', stream('', Buffer.from('BT ET'))]) },
    { name: 'page-count-lie.pdf', kind: 'damaged', bytes: rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', stream('', Buffer.from('BT ET'))]) },
    { name: 'xref-prev-loop.pdf', kind: 'loop', bytes: (() => {
      const pdf = rawPdf([...onePage(), stream('', Buffer.from('BT ET'))]);
      const at = pdf.lastIndexOf('xref');
      return Buffer.from(pdf.toString('latin1').replace('/Root 1 0 R', `/Root 1 0 R /Prev ${at}`), 'latin1');
    })() },
    { name: 'truncated.pdf', kind: 'damaged', bytes: rawPdf([...onePage(), stream('/Filter /FlateDecode', deflateBomb(0.0625))]).subarray(0, 3000) },
    { name: 'deep-mime.eml', kind: 'nesting', bytes: Buffer.from([...mailHead('Deep MIME'), 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b0"', '', ...Array.from({ length: 400 }, (_, i) => `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n`), 'hello'].join('\r\n')) },
    { name: 'many-parts.eml', kind: 'nesting', bytes: Buffer.from([...mailHead('Many parts'), 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="p"', '', ...Array.from({ length: 5_000 }, (_, i) => `--p\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="part-${i}.txt"\r\n\r\npart ${i}`), '--p--', ''].join('\r\n')) },
  ];
}

function mail(): HostileFile[] {
  return [
    { name: 'nested-100k.eml', kind: 'html', bytes: eml(mailHead('Deep HTML'), `<html><body>${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}</body></html>`, 'text/html; charset=utf-8') },
    { name: 'table-100k-cells.eml', kind: 'html', bytes: eml(mailHead('Wide table'), `<table><tr>${'<td>cell</td>'.repeat(100_000)}</tr></table>`, 'text/html; charset=utf-8') },
    { name: 'table-50k-rows.eml', kind: 'html', bytes: eml(mailHead('Long table'), `<table>${'<tr><td>a</td><td>b</td></tr>'.repeat(50_000)}</table>`, 'text/html; charset=utf-8') },
    { name: 'html-10mb.eml', kind: 'html', bytes: eml(mailHead('Long HTML'), `<p>${'word '.repeat(2_000_000)}</p>`, 'text/html; charset=utf-8') },
    { name: 'escape-subject.eml', kind: 'names', bytes: eml(mailHead('Hello \x1b]0;owned\x07\x1b[2J\x1b[31mred'), 'Body with \x1b[1mbold\x1b[0m and a NUL \x00 byte.') },
    { name: 'bidi-subject.eml', kind: 'names', bytes: eml(mailHead('Invoice \u202efdp.exe'), 'Right-to-left override in the subject.') },
    { name: 'evil-attachment-names.eml', kind: 'names', bytes: withAttachment('Names', '../../etc/\u202egpj.exe\x00.txt', 'text/plain', Buffer.from('hello')) },
    { name: 'one-line-body.eml', kind: 'huge-text', bytes: eml(mailHead('One long line'), 'x'.repeat(5_000_000)) },
    { name: 'no-headers.msg', kind: 'damaged', bytes: Buffer.from('Subject: only\r\nFrom: x\r\n\r\n' + '\x00\x01\x02'.repeat(1000), 'latin1') },
  ];
}

function texts(): HostileFile[] {
  const json = JSON.stringify(Array.from({ length: 300_000 }, (_, i) => ({ id: i, v: 'abcdefghij'.repeat(5) }))).slice(0, 20_000_000);
  return [
    { name: 'minified-export.json', kind: 'huge-text', bytes: Buffer.from(json) },
    { name: 'one-token-20mb.txt', kind: 'huge-text', bytes: Buffer.alloc(20 * 1024 * 1024, 'q') },
    { name: 'combining-marks.txt', kind: 'huge-text', bytes: Buffer.from(`a${'\u0301'.repeat(500_000)} b${'\u0308'.repeat(100_000)}`) },
    { name: 'control-chars.txt', kind: 'names', bytes: Buffer.from(Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(i % 32)).join('')) },
    { name: 'report\u202etxt.exe', kind: 'names', bytes: Buffer.from('a file whose name reverses its extension') },
  ];
}

function randomFiles(): HostileFile[] {
  const next = random(17);
  const out: HostileFile[] = [];
  const base = rawPdf([...onePage(), stream('', Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET'))]);
  for (let i = 0; i < 8; i++) {
    const damaged = Buffer.from(base);
    for (let k = 0; k < 20; k++) damaged[Math.floor(next() * damaged.length)] = Math.floor(next() * 256);
    out.push({ name: `bit-flipped-${i}.pdf`, kind: 'random', bytes: damaged });
  }
  for (const [i, ext] of ['pdf', 'msg', 'eml', 'png', 'jpg', 'msg'].entries()) {
    const bytes = Buffer.alloc(2048 + Math.floor(next() * 4096));
    for (let k = 0; k < bytes.length; k++) bytes[k] = Math.floor(next() * 256);
    // Give some the right signature, so they get past the first look.
    if (ext === 'msg' && i > 2) Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    if (ext === 'pdf') bytes.write('%PDF-1.4\n', 0, 'latin1');
    if (ext === 'png') Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    out.push({ name: `random-${i}.${ext}`, kind: 'random', bytes });
  }
  return out;
}

export async function makeCorpus(): Promise<HostileFile[]> {
  return [...bombs(), ...loopingMsgs(), ...structural(), ...mail(), ...texts(), ...randomFiles(), ...(await activeFiles())];
}

if (process.argv[1] && /make-corpus\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2] ?? 'hostile-corpus';
  mkdirSync(dir, { recursive: true });
  const files = await makeCorpus();
  // eslint-disable-next-line no-control-regex -- a NUL cannot be in a file name on disk
  for (const f of files) writeFileSync(join(dir, f.name.replace(/[\\/\u0000]/g, '_')), f.bytes);
  console.log(`${files.length} hostile files written to ${dir}`);
}
