// Attachment names come from strangers: a sender chooses them, and officers later export them to
// Windows shares and zip bundles. Make every name safe to write anywhere, while keeping it readable.

const MAX_BYTES = 200; // well under the 255-byte limit of common file systems, leaving room for a prefix
const MAX_EXTENSION_BYTES = 16; // longer "extensions" are more likely part of the name than a type

// Characters Windows forbids in names, plus C0/C1 controls. Bidi controls are dropped too: they can
// make "invoice\u202Efdp.exe" display as "invoiceexe.pdf" in a file list.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

// Windows device names are reserved whatever the extension ("CON.txt" opens the console).
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])(\..*)?$/iu;

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

/** Cut `text` to at most `maxBytes` of UTF-8 without splitting a character or a grapheme (é, 👩‍💻). */
function truncateBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = byteLength(segment);
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out;
}

function clean(name: string): string {
  let n = name.normalize('NFC');
  // Keep only the last path component: "../../etc/passwd", "C:\\Users\\x.doc", "/tmp/a".
  n = n.split(/[\\/]/u).pop() ?? '';
  n = n.replace(/^[a-z]:/iu, ''); // "C:report.doc" (drive-relative) after the split
  n = n.replace(FORBIDDEN, '');
  n = n.trim().replace(/[. ]+$/u, ''); // Windows silently drops trailing dots and spaces
  return n;
}

function cap(name: string): string {
  if (byteLength(name) <= MAX_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  if (extension && byteLength(extension) <= MAX_EXTENSION_BYTES) {
    const base = truncateBytes(name.slice(0, dot), MAX_BYTES - byteLength(extension)).replace(/[. ]+$/u, '');
    return base + extension;
  }
  return truncateBytes(name, MAX_BYTES).replace(/[. ]+$/u, '');
}

/**
 * A file name that is safe on Windows, macOS and Linux: no path, no reserved device name, no
 * control or forbidden characters, at most 200 UTF-8 bytes (extension kept), never empty.
 */
export function safeFilename(name: string, fallback = 'attachment'): string {
  let n = clean(name);
  if (n === '' || n === '.' || n === '..') n = clean(fallback);
  if (n === '' || n === '.' || n === '..') n = 'attachment';
  if (RESERVED.test(n)) n = `_${n}`;
  return cap(n) || 'attachment';
}
