// What a stored file becomes in a bundle: a PDF's own pages, an image placed on a page, a text
// file set as text, or (anything else) a native file listed and attached to the PDF. Files that
// cannot be read say why, in words an officer can pass on; nothing here throws.
import { PDFDocument } from 'pdf-lib';
import { htmlToText } from '../mail/html';
import { loadDecrypted, mayBeEncrypted, PdfPasswordError } from './decrypt';
import { BUNDLE_LIMITS, pdfStreamProblem } from './limits';

export type Source =
  | { kind: 'pdf'; doc: PDFDocument; note: string | null }
  | { kind: 'image'; format: 'png' | 'jpeg' }
  | { kind: 'text'; text: string }
  | { kind: 'native'; reason: string }
  /** `reason` is short, for the index; `detail` is the technical cause, for the manifest. */
  | { kind: 'failed'; reason: string; detail?: string };

const describeError = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 200);

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** pdf-lib reports damaged objects on the console; count them instead, for the manifest. */
async function quietly<T>(run: () => Promise<T>): Promise<{ value: T; warnings: number }> {
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => {
    warnings++;
  };
  try {
    return { value: await run(), warnings };
  } finally {
    console.warn = warn;
  }
}

/** Opens a PDF for copying its pages: owner-password-only encryption is removed, damage is reported. */
export async function openPdf(bytes: Uint8Array): Promise<Extract<Source, { kind: 'pdf' | 'failed' }>> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { kind: 'failed', reason: 'it is not a PDF file, though it is named as one', detail: 'no %PDF header' };
  const tooLarge = pdfStreamProblem(bytes);
  if (tooLarge) return { kind: 'failed', reason: `it is too large when decompressed: ${tooLarge}` };
  try {
    const { value, warnings } = await quietly(async () => {
      if (!mayBeEncrypted(bytes)) return { doc: await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity, ignoreEncryption: true }), wasEncrypted: false };
      return loadDecrypted(bytes);
    });
    const pages = value.doc.getPageCount();
    if (pages === 0) return { kind: 'failed', reason: 'the file is damaged: no pages could be read from it' };
    if (pages > BUNDLE_LIMITS.maxPagesPerPdf) return { kind: 'failed', reason: `it has ${pages.toLocaleString('en-GB')} pages, over the limit of ${BUNDLE_LIMITS.maxPagesPerPdf.toLocaleString('en-GB')} that a bundle reproduces from one file` };
    const notes = [
      value.wasEncrypted ? 'encrypted with an owner password only (it opens without one); decrypted to reproduce it' : '',
      warnings ? `damaged: ${warnings} unreadable part${warnings === 1 ? '' : 's'} skipped` : '',
    ].filter(Boolean);
    return { kind: 'pdf', doc: value.doc, note: notes.join('; ') || null };
  } catch (err) {
    if (err instanceof PdfPasswordError) return { kind: 'failed', reason: 'encrypted: it needs a password to open' };
    if (err instanceof RangeError && /call stack/i.test(err.message)) return { kind: 'failed', reason: 'its objects are nested too deeply to read (beyond the depth the PDF reader can follow)', detail: describeError(err) };
    if (/encrypt|crypt filter|security handler/i.test(describeError(err))) return { kind: 'failed', reason: 'encrypted in a way Disclose cannot open', detail: describeError(err) };
    return { kind: 'failed', reason: 'the file is damaged and cannot be read as a PDF', detail: describeError(err) };
  }
}

/** A stored copy that failed its check, in short words for the index; the full message goes in the manifest. */
export function blobProblem(err: unknown): { reason: string; detail: string } {
  const code = (err as { code?: string }).code;
  const detail = describeError(err);
  if (code === 'DB_CORRUPT') return { reason: 'the stored copy has been altered or damaged since it was filed: its SHA-256 no longer matches', detail };
  if (code === 'IO') return { reason: 'the stored copy is missing from the data folder', detail };
  return { reason: 'the stored copy could not be read', detail };
}

/** Text in its own encoding when declared, else UTF-8, else Windows-1252 (what old Outlook sends). */
function decodeText(bytes: Uint8Array, contentType: string): string {
  const declared = /charset="?([\w-]+)"?/i.exec(contentType)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared, { fatal: false }).decode(bytes);
    } catch {
      // an unknown label: fall through
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const TEXT_TYPES = /^(text\/(plain|csv|markdown|x-log|tab-separated-values)|application\/(json|xml)|text\/xml)\b/i;
const TEXT_NAMES = /\.(txt|csv|tsv|log|md|json|xml)$/i;
const KIND_NAMES: [RegExp, string][] = [
  [/\.(docx?|odt|rtf)$/i, 'a word-processor document'],
  [/\.(xlsx?|ods)$/i, 'a spreadsheet'],
  [/\.(pptx?|odp)$/i, 'a presentation'],
  [/\.(zip|7z|rar|gz|tar)$/i, 'an archive'],
  [/\.(eml|msg)$/i, 'an email message'],
  [/\.(gif|bmp|tiff?|webp|heic|svg)$/i, 'an image in a format PDF cannot hold directly'],
  [/\.(mp3|wav|m4a|mp4|mov|avi)$/i, 'audio or video'],
];

/** Decides what `bytes` will be in the bundle. PDFs are opened later (by openPdf), as they are copied. */
export function classify(bytes: Uint8Array, contentType: string, filename: string): Source | { kind: 'pdf-pending' } {
  const type = contentType.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || type === 'application/pdf' || /\.pdf$/i.test(filename)) return { kind: 'pdf-pending' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return { kind: 'image', format: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (type.startsWith('text/html') || /\.html?$/i.test(filename)) return { kind: 'text', text: htmlToText(decodeText(bytes, contentType)) };
  if (TEXT_TYPES.test(type) || TEXT_NAMES.test(filename)) return { kind: 'text', text: decodeText(bytes, contentType) };
  const what = KIND_NAMES.find(([re]) => re.test(filename))?.[1] ?? `a ${type || 'binary'} file`;
  return { kind: 'native', reason: `Not printed: ${what}, which Disclose does not convert; the file is attached to this PDF` };
}

export { describeError };
