// Saved internet messages (.eml, RFC 5322 + MIME). mailparser does the MIME work, including the
// transfer encodings, RFC 2047 words and legacy charsets (through iconv-lite and, for ISO-2022-JP,
// encoding-japanese). This file turns its output into ParsedMessage and never throws for a damaged
// message: an officer must still be able to file what could be read, with a note of what could not.
import mailparser, { type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { safeFilename } from './filenames';
import { convertHtml } from './html';
import { MailParseError, type ParsedAttachment, type ParsedMessage } from './types';

export { MailParseError } from './types';

// mailparser is CommonJS: under Node's ESM loader only its default export (module.exports) exists.
const { simpleParser } = mailparser;

/** The options every .eml is read with (the import benchmark times mailparser with the same). */
export const PARSER_OPTIONS = {
  skipHtmlToText: true, // we render HTML ourselves (htmlToText), the same way for .eml and .msg
  skipTextToHtml: true,
  skipTextLinks: true,
  keepCidLinks: true, // keep cid: links; the images are kept once, as inline attachments
  // Passed through to the MIME splitter: keep an attached message/rfc822 as one .eml file instead
  // of merging its body and attachments into the outer message.
  ignoreEmbedded: true,
};

// Files officers drag in by mistake. Their signatures are unmistakable, so say so rather than
// "parse" a PDF into an email of garbage.
const NOT_EMAIL_SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['an Outlook .msg or old Office file', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/** Throws MailParseError when the bytes cannot be an email: empty, a known binary type, or binary data. */
export function assertCouldBeEmail(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new MailParseError('The file is empty.');
  for (const [what, signature] of NOT_EMAIL_SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) throw new MailParseError(`The file is ${what}, not an email.`);
  }
  // Text mail has almost no control bytes; ESC is allowed because ISO-2022-JP uses it.
  const length = Math.min(bytes.length, 1024);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  if (control > length / 10) throw new MailParseError('The file is binary data, not an email.');
}

/** "Name <addr>" (or just the address) for every mailbox, group members included. */
export function formatAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const out: string[] = [];
  const visit = (entries: AddressObject['value']): void => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address && entry.name) out.push(`${entry.name} <${entry.address}>`);
      else if (entry.address || entry.name) out.push(entry.address || entry.name);
    }
  };
  for (const object of field === undefined ? [] : Array.isArray(field) ? field : [field]) visit(object.value);
  return out;
}

/** Header lines as [name, value], continuation lines unfolded (RFC 5322 s2.2.3), values otherwise as sent. */
export function headerPairs(lines: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of lines) {
    const unfolded = line.replace(/\r?\n(?=[ \t])/gu, '').replace(/\r?\n$/u, '');
    const colon = unfolded.indexOf(':');
    if (colon <= 0) continue; // not a header line; kept out rather than invented a name for it
    pairs.push([unfolded.slice(0, colon).trim(), unfolded.slice(colon + 1).trim()]);
  }
  return pairs;
}

/** An RFC 5322 date (or any Date-parseable text) as an ISO instant, or null. */
export function toIsoInstant(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = new Date(value.replace(/\([^)]*\)/gu, ' ').trim()).getTime(); // drop "(BST)" comments
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function firstHeader(headers: [string, string][], name: string): string | null {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

export function stripAngles(id: string | null | undefined): string | null {
  const trimmed = id?.trim();
  if (!trimmed) return null;
  return /<([^>]*)>/u.exec(trimmed)?.[1]?.trim() || trimmed.replace(/^<|>$/gu, '') || null;
}

/**
 * Multipart boundaries declared but never closed: the message was cut short. The closing line is
 * looked for in the bytes (`raw` is their Latin-1 text, one character a byte), where the search is
 * several times quicker than in the text.
 */
function unclosedBoundaries(raw: string, bytes: Buffer): string[] {
  const declared = new Set<string>();
  for (const match of raw.matchAll(/boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+))/giu)) declared.add(match[1] ?? match[2] ?? '');
  return [...declared].filter((boundary) => boundary && !bytes.includes(`--${boundary}--`, 0, 'latin1'));
}

// mailparser hands header lines over as one char per byte. Raw 8-bit headers are UTF-8 nowadays
// (RFC 6532); anything else is left as the bytes read, which is what was sent.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function utf8OrAsIs(line: string): string {
  if (!/[\x80-\xff]/u.test(line)) return line;
  try {
    return strictUtf8.decode(Buffer.from(line, 'latin1'));
  } catch {
    return line;
  }
}

const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/u;

/** Make odd-but-common input readable: an mbox "From " line first, or no header block at all. */
function prepare(bytes: Uint8Array, warnings: string[]): Buffer {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 5).toString('latin1') === 'From ') {
    const end = buffer.indexOf(0x0a);
    buffer = end < 0 ? Buffer.alloc(0) : buffer.subarray(end + 1);
  }
  const firstLine = buffer.subarray(0, 1000).toString('latin1').split(/\r?\n/u)[0] ?? '';
  if (!HEADER_LINE.test(firstLine)) {
    warnings.push('No email headers were found: the whole file is kept as the message text.');
    // An empty header block, so the splitter does not swallow the first paragraph as "headers".
    buffer = Buffer.concat([Buffer.from('\r\n'), buffer]);
  }
  return buffer;
}

// An unnamed part still needs an extension for the officer's computer to open it.
const UNNAMED_EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'text/plain': '.txt',
  'text/html': '.html', 'text/calendar': '.ics', 'text/csv': '.csv', 'application/zip': '.zip', 'application/ms-tnef': '.dat',
};

async function attachmentFrom(part: Attachment, index: number, html: string | null): Promise<ParsedAttachment> {
  const isMessage = part.contentType === 'message/rfc822';
  const contentId = stripAngles(part.cid ?? part.contentId);
  let name = part.filename ?? '';
  if (!name && isMessage) {
    // A forwarded message rarely has a file name: name it after its own subject.
    const inner = await simpleParser(part.content, PARSER_OPTIONS).catch(() => null);
    name = inner?.subject?.trim() || 'Forwarded message';
  }
  const extension = UNNAMED_EXTENSIONS[part.contentType] ?? '';
  let filename = safeFilename(name, `attachment-${index + 1}${extension}`);
  if (isMessage && !/\.eml$/iu.test(filename)) filename = safeFilename(`${filename}.eml`);
  return {
    filename,
    contentType: part.contentType || 'application/octet-stream',
    bytes: new Uint8Array(part.content), // a copy: mailparser's Buffers may share a pooled ArrayBuffer
    inline: isShownInBody(contentId, html),
    contentId,
  };
}

/**
 * Inline means the body shows it (an html cid: link), so a viewer may leave it out of the list of
 * files. A part merely marked "Content-Disposition: inline" that the body never shows stays a
 * listed file, so nothing the sender attached is hidden from the officer.
 */
export function isShownInBody(contentId: string | null, html: string | null): boolean {
  return contentId !== null && html !== null && html.toLowerCase().includes(`cid:${contentId.toLowerCase()}`);
}

function emptyMessage(warnings: string[]): ParsedMessage {
  return { format: 'eml', messageId: null, date: null, from: '', to: [], cc: [], subject: '', headers: [], text: '', html: null, attachments: [], warnings };
}

export async function parseEml(bytes: Uint8Array): Promise<ParsedMessage> {
  assertCouldBeEmail(bytes);
  const warnings: string[] = [];
  const input = prepare(bytes, warnings);

  let mail: ParsedMail;
  try {
    mail = await simpleParser(input, PARSER_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    warnings.push(`The message structure could not be read (${reason}); its raw text is kept as the message text.`);
    return { ...emptyMessage(warnings), text: new TextDecoder('utf-8').decode(bytes) };
  }

  const headers = headerPairs((mail.headerLines ?? []).map((header) => utf8OrAsIs(header.line)));
  const rawDate = firstHeader(headers, 'date');
  const date = toIsoInstant(rawDate);
  if (rawDate && !date) warnings.push(`The date "${rawDate}" could not be understood.`);
  if (!firstHeader(headers, 'from')) warnings.push('The message has no sender (From header).');

  const raw = input.toString('latin1');
  for (const boundary of unclosedBoundaries(raw, input)) {
    warnings.push(`The message appears to be cut short: the MIME part "${boundary}" is never closed, so the last part may be incomplete.`);
  }

  const html = typeof mail.html === 'string' && mail.html.trim() ? mail.html : null;
  let text = mail.text ?? '';
  if (!text.trim() && html) {
    const converted = convertHtml(html);
    text = converted.text;
    warnings.push(...converted.notes);
  }

  const attachments: ParsedAttachment[] = [];
  for (const [index, part] of mail.attachments.entries()) attachments.push(await attachmentFrom(part, index, html));
  const subject = mail.subject ?? '';
  if ([subject, text, html ?? ''].some((field) => field.includes('\ufffd'))) {
    warnings.push('Some characters could not be decoded (an unknown character set or damaged encoding); they are shown as \ufffd.');
  }

  return {
    format: 'eml',
    messageId: stripAngles(mail.messageId ?? firstHeader(headers, 'message-id')),
    date,
    from: formatAddresses(mail.from).join(', '),
    to: formatAddresses(mail.to),
    cc: formatAddresses(mail.cc),
    subject,
    headers,
    text,
    html,
    attachments,
    warnings,
  };
}
