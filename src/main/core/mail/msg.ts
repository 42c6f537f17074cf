// Outlook .msg files ([MS-OXMSG]: MAPI properties in an OLE compound file), what officers get when
// they drag a message out of Outlook. @kenjiuno/msgreader reads the compound file; this file maps
// its fields to ParsedMessage, preferring the MAPI properties (already Unicode) and falling back to
// the transport headers Outlook keeps for received mail.
import msgreaderModule, { type FieldsData } from '@kenjiuno/msgreader';
import mailparser from 'mailparser';
import { firstHeader, formatAddresses, headerPairs, isShownInBody, stripAngles, toIsoInstant } from './eml';
import { safeFilename } from './filenames';
import { convertHtml } from './html';
import { MailParseError, type ParsedAttachment, type ParsedMessage } from './types';
import { guardMsgReader } from './msg-guard';

export { MailParseError } from './types';

// CommonJS interop: under Node's ESM loader the default import is module.exports, whose `default`
// is the class; a bundler may hand over the class itself.
type MsgReaderClass = typeof msgreaderModule;
const MsgReader: MsgReaderClass = (msgreaderModule as unknown as { default?: MsgReaderClass }).default ?? msgreaderModule;
type Reader = InstanceType<MsgReaderClass>;
guardMsgReader();

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

// Fields msgreader decodes that its typings do not list.
type Fields = FieldsData & { messageCodepage?: number; internetCodepage?: number; attachMimeTag?: string; messageClass?: string };

// Windows code pages (PR_MESSAGE_CODEPAGE, PR_INTERNET_CPID) as WHATWG labels. iconv-lite, which
// msgreader uses for 8-bit strings, accepts the same labels (it ignores case and punctuation).
const CODEPAGES: Record<number, string> = {
  437: 'ibm437', 850: 'ibm850', 866: 'ibm866', 874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5',
  1200: 'utf-16le', 1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 1253: 'windows-1253',
  1254: 'windows-1254', 1255: 'windows-1255', 1256: 'windows-1256', 1257: 'windows-1257', 1258: 'windows-1258',
  20127: 'us-ascii', 20866: 'koi8-r', 21866: 'koi8-u', 28591: 'iso-8859-1', 28592: 'iso-8859-2', 28595: 'iso-8859-5',
  28597: 'iso-8859-7', 28599: 'iso-8859-9', 28605: 'iso-8859-15', 50220: 'iso-2022-jp', 51932: 'euc-jp',
  54936: 'gb18030', 65001: 'utf-8',
};

/** Read the file; when it declares a code page, read it again so 8-bit (PT_STRING8) strings decode right. */
function readFields(bytes: Uint8Array, warnings: string[]): { reader: Reader; fields: Fields } {
  const open = (ansiEncoding?: string): { reader: Reader; fields: Fields } => {
    // A fresh copy: `bytes` may be a view into a larger buffer (a Buffer from fs, a pooled slice),
    // and the reader takes a whole ArrayBuffer. Buffer#slice would not copy.
    const reader = new MsgReader(new Uint8Array(bytes).buffer);
    if (ansiEncoding) reader.parserConfig = { ansiEncoding };
    return { reader, fields: reader.getFileData() as Fields };
  };
  let first: { reader: Reader; fields: Fields };
  try {
    first = open();
  } catch (error) {
    throw new MailParseError(`The Outlook message is damaged and could not be read (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  if (first.fields.error) throw new MailParseError(`The file is not an Outlook message (${first.fields.error}).`);
  const label = CODEPAGES[first.fields.messageCodepage ?? 0];
  if (!label || label === 'iso-2022-jp') return first; // iconv-lite cannot decode ISO-2022-JP
  try {
    return open(label);
  } catch {
    warnings.push(`Text stored in code page ${first.fields.messageCodepage} could not be decoded; some characters may be wrong.`);
    return first;
  }
}

function decodeHtml(bytes: Uint8Array, fields: Fields): string {
  const meta = /<meta[^>]+charset=["']?([\w-]+)/iu.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 2048)))?.[1];
  const labels = [CODEPAGES[fields.internetCodepage ?? 0], meta, CODEPAGES[fields.messageCodepage ?? 0], 'utf-8'];
  for (const label of labels) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: try the next source of truth
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** SMTP addresses only: Exchange-internal ones ("/O=EXCHANGELABS/OU=...") mean nothing outside. */
function smtp(...candidates: (string | undefined)[]): string | undefined {
  return candidates.find((candidate) => candidate?.includes('@'));
}

function mailbox(name: string | undefined, address: string | undefined): string {
  const display = name?.trim();
  if (display && address && display !== address) return `${display} <${address}>`;
  return address ?? display ?? '';
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', htm: 'text/html', html: 'text/html', rtf: 'application/rtf',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', zip: 'application/zip', eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook', doc: 'application/msword', xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

function contentTypeOf(filename: string, declared: string | undefined): string {
  if (declared?.includes('/')) return declared.toLowerCase();
  const extension = /\.([a-z0-9]+)$/iu.exec(filename)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

function readAttachments(reader: Reader, fields: Fields, html: string | null, warnings: string[]): ParsedAttachment[] {
  const attachments: ParsedAttachment[] = [];
  for (const [index, raw] of (fields.attachments ?? []).entries()) {
    const attachment = raw as Fields;
    const fallback = `attachment-${index + 1}`;
    const label = attachment.fileName ?? attachment.fileNameShort ?? attachment.name ?? fallback;
    if (!attachment.innerMsgContent && attachment.dataId === undefined) {
      // Embedded OLE objects and attachments by reference have no bytes in the file.
      warnings.push(`The attachment "${label}" has no readable content (it may be a linked file or an embedded object).`);
      continue;
    }
    try {
      const { content } = reader.getAttachment(attachment);
      const contentId = stripAngles(attachment.pidContentId);
      let filename = safeFilename(label, fallback);
      if (attachment.innerMsgContent) {
        // The library rebuilds the embedded message as a standalone .msg compound file.
        const subject = attachment.name ?? attachment.innerMsgContentFields?.subject ?? 'Attached message';
        filename = safeFilename(/\.msg$/iu.test(subject) ? subject : `${subject}.msg`, `${fallback}.msg`);
      }
      attachments.push({
        filename,
        contentType: attachment.innerMsgContent ? 'application/vnd.ms-outlook' : contentTypeOf(filename, attachment.attachMimeTag),
        bytes: new Uint8Array(content),
        inline: isShownInBody(contentId, html),
        contentId,
      });
    } catch (error) {
      warnings.push(`The attachment "${label}" could not be read (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  return attachments;
}

export async function parseMsg(bytes: Uint8Array): Promise<ParsedMessage> {
  if (!isCompoundFile(bytes)) throw new MailParseError('The file is not an Outlook message (it is not an OLE compound file).');
  const warnings: string[] = [];
  const { reader, fields } = readFields(bytes, warnings);
  const looksLikeMessage = fields.messageClass || fields.subject !== undefined || fields.body !== undefined || fields.headers;
  if (!looksLikeMessage) throw new MailParseError('The compound file has no message properties: it may be a Word or Excel document.');

  const headers = fields.headers ? headerPairs(unfoldBlock(fields.headers)) : [];
  if (!fields.headers) warnings.push('The message has no internet headers (usual for a draft or a message that was never sent).');

  let html: string | null = fields.bodyHtml ?? (fields.html ? decodeHtml(fields.html, fields) : null);
  if (html !== null && !html.trim()) html = null;
  let text = fields.body ?? '';
  if (!text.trim() && html) {
    const converted = convertHtml(html);
    text = converted.text;
    warnings.push(...converted.notes);
  }
  if (!text.trim() && !html && fields.compressedRtf) warnings.push('The message body is stored only as rich text (RTF), which is not converted.');

  const recipients = fields.recipients ?? [];
  const address = (r: FieldsData): string => mailbox(r.name, smtp(r.smtpAddress, r.email));
  const bcc = recipients.filter((r) => r.recipType === 'bcc').length;
  if (bcc > 0) warnings.push(`${bcc} Bcc recipient${bcc === 1 ? ' is' : 's are'} not listed among the recipients.`);

  let from = mailbox(fields.senderName, smtp(fields.senderSmtpAddress, fields.senderEmail, fields.sentRepresentingSmtpAddress, fields.creatorSMTPAddress));
  let to = recipients.filter((r) => r.recipType === 'to' || r.recipType === undefined).map(address);
  let cc = recipients.filter((r) => r.recipType === 'cc').map(address);
  let subject = fields.subject ?? '';
  if (fields.headers && (!from || to.length + cc.length === 0 || !subject)) {
    // Some exports carry the addresses only in the transport headers: let mailparser decode them.
    const parsed = await mailparser.simpleParser(`${fields.headers.trimEnd()}\r\n\r\n`).catch(() => null);
    from ||= formatAddresses(parsed?.from).join(', ');
    if (to.length + cc.length === 0) [to, cc] = [formatAddresses(parsed?.to), formatAddresses(parsed?.cc)];
    subject ||= parsed?.subject ?? '';
  }

  const submitted = toIsoInstant(fields.clientSubmitTime ?? fields.messageDeliveryTime) ?? toIsoInstant(firstHeader(headers, 'date'));
  return {
    format: 'msg',
    messageId: stripAngles(fields.messageId ?? firstHeader(headers, 'message-id')),
    date: submitted,
    from,
    to,
    cc,
    subject,
    headers,
    text,
    html,
    attachments: readAttachments(reader, fields, html, warnings),
    warnings,
  };
}

/** Split a header block into logical header lines (folded continuations kept with their header). */
function unfoldBlock(block: string): string[] {
  const lines: string[] = [];
  for (const line of block.split(/\r?\n/u)) {
    if (line === '') break; // the blank line that ends the header block
    if (/^[ \t]/u.test(line) && lines.length > 0) lines[lines.length - 1] += `\r\n${line}`;
    else lines.push(line);
  }
  return lines;
}
