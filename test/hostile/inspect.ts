// What an output PDF carries that could act: every object is looked at (reachable or not), as
// pdf-lib reads them, and again through qpdf's JSON when qpdf is installed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';

const ACTIVE_KEYS = ['JS', 'JavaScript', 'AA', 'OpenAction', 'AcroForm', 'XFA', 'Launch'];
const ACTIVE_ACTIONS = ['JavaScript', 'Launch', 'GoToR', 'GoToE', 'ImportData', 'SubmitForm', 'ResetForm', 'Rendition', 'Movie', 'Sound', 'RichMediaExecute'];
const ACTIVE_ANNOTS = ['Link', 'Widget', 'FileAttachment', 'Screen', 'Movie', 'Sound', 'RichMedia', '3D'];

const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : '');
const textOf = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');

/** Everything active found in the PDF, as "object: what" lines; empty when there is none. */
export async function activeContent(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const found: string[] = [];
  const visit = (where: string, dict: PDFDict) => {
    for (const [key, value] of dict.entries()) {
      const k = key.decodeText();
      if (ACTIVE_KEYS.includes(k)) found.push(`${where}: /${k}`);
      if (k === 'S' && ACTIVE_ACTIONS.includes(nameOf(value))) found.push(`${where}: /S /${nameOf(value)}`);
      if (k === 'Subtype' && ACTIVE_ANNOTS.includes(nameOf(value))) found.push(`${where}: annotation /${nameOf(value)}`);
      if (k === 'URI' && /^file:/iu.test(textOf(value))) found.push(`${where}: file link`);
      if (value instanceof PDFDict) visit(`${where}/${k}`, value);
      if (value instanceof PDFArray) value.asArray().forEach((v) => v instanceof PDFDict && visit(`${where}/${k}[]`, v));
    }
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : (object as { dict?: PDFDict }).dict;
    if (dict instanceof PDFDict) visit(ref.toString(), dict);
  }
  return found;
}

/** Names of the files embedded in the PDF's catalog (a bundle attaches its native files). */
export async function embeddedNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const tree = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const names = tree?.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
  return names.filter((_, i) => i % 2 === 0).map((n) => textOf(n));
}

/** The same search over qpdf's view of the file, or null when qpdf is not installed. */
export function qpdfActive(bytes: Uint8Array): string[] | null {
  const file = join(tmpdir(), `disclose-inspect-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, bytes);
  let json: string;
  try {
    json = execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  const found: string[] = [];
  for (const key of ['/JS', '/JavaScript', '/AA', '/OpenAction', '/AcroForm', '/Launch', '/GoToR', '/Widget', '/Link', '/FileAttachment', '/RichMedia']) {
    if (json.includes(`"${key}"`)) found.push(key);
  }
  if (/"file:/iu.test(json)) found.push('file: link');
  return found;
}
