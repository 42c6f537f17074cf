// The files of the demo register, made directly as bytes: one-page-per-50-lines PDFs in Helvetica
// (letters, decision notices, withheld documents), CSV and text files, and the saved emails (.eml)
// that carry them. Writing them by hand keeps 50,000 cases to minutes; what the app would read out
// of each (the text pdf.js extracts, the fields mailparser gives) is worked out alongside, and the
// tests check both against the app's own readers.
import { createHash } from 'node:crypto';
import { safeFilename } from '../mail/filenames';

export interface DemoFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
  /** The text the app's import would index: pdf.js's for a PDF, the file itself for text. */
  text: string;
}

/** Text a standard PDF font can show: typographic marks to their plain forms, anything else dropped. */
function pdfSafe(line: string): string {
  return line
    .replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/£/g, 'GBP ').replace(/µ/g, 'u').replace(/…/g, '...')
    .normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\x20-\x7e]/g, '').replace(/ {2,}/g, ' ').trimEnd();
}

function wrap(text: string, width = 92): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of pdfSafe(para).split(' ')) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PDF of the text, 50 lines a page, with a title; and the text pdf.js reads back from it. */
export function pdfFile(name: string, title: string, text: string): DemoFile {
  const lines = [pdfSafe(title), '', ...wrap(text)];
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 50) pages.push(lines.slice(i, i + 50));
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [i, page] of pages.entries()) {
    const ops = ['BT', '/F1 10.5 Tf', '14 TL', '56 790 Td'];
    for (const l of page) ops.push(l ? `(${escapePdf(l)}) Tj T*` : 'T*');
    ops.push('ET');
    const stream = ops.join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // pdf.js gives each page's lines, and the extraction puts a blank line between pages.
  const read = pages.map((p) => p.filter((l) => l !== '').join('\n')).filter(Boolean).join('\n\n');
  return { name, contentType: 'application/pdf', bytes: Buffer.from(pdf, 'latin1'), text: read };
}

export function textFile(name: string, contentType: 'text/plain' | 'text/csv', text: string): DemoFile {
  return { name, contentType, bytes: Buffer.from(text, 'utf8'), text };
}

export interface Mailbox {
  name: string;
  address: string;
}

export interface EmailParts {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  /** Milliseconds since 1970, whole seconds. */
  sentMs: number;
  messageId: string;
  body: string;
  files: readonly DemoFile[];
}

/** What the app's email import stores from the message (src/main/core/mail/eml.ts), worked out without parsing it. */
export interface ReadEmail {
  source: Uint8Array;
  headers: [string, string][];
  from: string;
  to: string;
  subject: string;
  sentAt: string;
  body: string;
  messageId: string;
  /** The attachments as the import names them. */
  files: DemoFile[];
}

const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const encodedWord = (s: string) => (ascii(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);
const mailbox = (m: Mailbox) => (m.name ? `${ascii(m.name) ? `"${m.name.replace(/["\\]/g, '')}"` : encodedWord(m.name)} <${m.address}>` : m.address);
const shown = (m: Mailbox) => (m.name ? `${ascii(m.name) ? m.name.replace(/["\\]/g, '') : m.name} <${m.address}>` : m.address);
const base64Lines = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** A saved email with its attachments, and what the import makes of it. */
export function emailFile(e: EmailParts): ReadEmail {
  const boundary = `=_demo_${createHash('sha256').update(e.messageId).digest('hex').slice(0, 24)}`;
  const headers: [string, string][] = [
    ['From', mailbox(e.from)],
    ['To', mailbox(e.to)],
    ['Subject', encodedWord(e.subject)],
    ['Date', rfc5322Date(e.sentMs)],
    ['Message-ID', `<${e.messageId}>`],
    ['MIME-Version', '1.0'],
    e.files.length ? ['Content-Type', `multipart/mixed; boundary="${boundary}"`] : ['Content-Type', 'text/plain; charset=utf-8'],
    ...(e.files.length ? [] : [['Content-Transfer-Encoding', 'base64'] as [string, string]]),
  ];
  const text = e.body.replace(/\r?\n/g, '\r\n');
  const body = base64Lines(Buffer.from(text, 'utf8'));
  const parts = e.files.length === 0
    ? body
    : [
        'This is a multi-part message in MIME format.',
        `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', body,
        ...e.files.flatMap((f) => [
          `--${boundary}`, `Content-Type: ${f.contentType}; name="${f.name}"`, `Content-Disposition: attachment; filename="${f.name}"`,
          'Content-Transfer-Encoding: base64', '', base64Lines(f.bytes),
        ]),
        `--${boundary}--`, '',
      ].join('\r\n');
  const source = Buffer.from(`${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${parts}`, 'utf8');
  return {
    source,
    headers,
    from: shown(e.from),
    to: shown(e.to),
    subject: e.subject,
    sentAt: new Date(e.sentMs).toISOString(),
    body: e.body,
    messageId: e.messageId,
    files: e.files.map((f) => ({ ...f, name: safeFilename(f.name) })),
  };
}
