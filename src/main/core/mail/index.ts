// One entry point for a dropped file: is it an email we can read, and which kind? Anything that is
// not (or turns out not to be) a message comes back as null, and the caller stores the file as a
// plain attachment, so no bytes are ever refused or lost.
import { parseEml } from './eml';
import { isCompoundFile, parseMsg } from './msg';
import { MailParseError, type ParsedMessage } from './types';

export { htmlToText } from './html';
export { safeFilename } from './filenames';
export { parseEml, parseMsg };
export { MailParseError, type ParsedAttachment, type ParsedMessage } from './types';

const EML_EXTENSIONS = new Set(['eml']);
const MSG_EXTENSIONS = new Set(['msg', 'oft']); // .oft is an Outlook template: same format

// Headers that almost every message has near the top; two of them make a headerless-named file an
// email. One alone is not enough ("Subject: ..." can start an ordinary text file).
const COMMON_HEADERS = /^(from|to|cc|subject|date|message-id|received|return-path|mime-version|content-type|delivered-to|x-[\w-]+):/gimu;

function looksLikeInternetMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const block = head.replace(/^From [^\n]*\n/u, '').split(/\r?\n\r?\n/u)[0] ?? '';
  if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/u.test(block)) return false;
  return new Set(block.match(COMMON_HEADERS)?.map((h) => h.toLowerCase())).size >= 2;
}

export function detectMessageFormat(name: string, bytes: Uint8Array): 'eml' | 'msg' | null {
  const extension = /\.([^./\\]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '';
  if (isCompoundFile(bytes)) {
    // A compound file is a .msg only when nothing says otherwise: .doc, .xls and .ppt are compound files too.
    return MSG_EXTENSIONS.has(extension) || extension === '' ? 'msg' : null;
  }
  if (EML_EXTENSIONS.has(extension)) return 'eml';
  // A .msg that is really MIME text (some mail programs save that way), or a message saved with no extension.
  if ((MSG_EXTENSIONS.has(extension) || extension === '') && looksLikeInternetMessage(bytes)) return 'eml';
  return null;
}

export async function parseMessageFile(name: string, bytes: Uint8Array): Promise<ParsedMessage | null> {
  const format = detectMessageFormat(name, bytes);
  if (format === null) return null;
  try {
    return format === 'msg' ? await parseMsg(bytes) : await parseEml(bytes);
  } catch (error) {
    if (error instanceof MailParseError) return null;
    throw error;
  }
}
