// The native files behind the open bundle, for the ZIP: each message as it was received (.eml or
// .msg), each attachment as stored, each letter as sent, named by tab so they sort as the bundle
// does; and manifest.csv listing them with their SHA-256, as the bundle's manifest page does.
// Withheld information never goes in: it belongs to the closed bundle alone.
import { createHash } from 'node:crypto';
import { safeFilename } from '../mail/filenames';
import { allDocuments, type BundlePlan, type LetterRecord } from './model';
import { blobProblem } from './sources';
import { csvField, type ZipEntry } from './zip';

export interface NativeRow {
  tab: string;
  document: string;
  path: string;
  size: number;
  sha256: string;
  status: 'included' | 'not-reproduced';
  /** Why a file is not included, in short words (the note adds the technical detail). */
  reason: string;
  note: string;
}

export interface NativeSources {
  readBlob(sha256: string, name: string): Uint8Array;
  letterBytes(letter: LetterRecord): Promise<{ bytes: Uint8Array; note: string | null }>;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pad = (tab: string) => tab.replace(/^([A-Z])(\d)$/, (_, letter: string, n: string) => `${letter}0${n}`);

/** Yields the archive's entries one at a time (a case's files can be large), then the manifest. */
export async function* nativeEntries(plan: BundlePlan, from: NativeSources, rows: NativeRow[], onEach?: (done: number, total: number, step: string) => void): AsyncGenerator<ZipEntry> {
  const docs = allDocuments(plan).filter((d) => ['email', 'file', 'letter'].includes(d.content.kind));
  const used = new Set<string>();
  const unique = (path: string) => {
    let p = path;
    for (let n = 2; used.has(p.toLowerCase()); n++) p = path.replace(/(\.[^./]+)?$/, ` (${n})$1`);
    used.add(p.toLowerCase());
    return p;
  };
  for (const [i, d] of docs.entries()) {
    onEach?.(i, docs.length + 1, d.title);
    const c = d.content;
    const wanted: { name: string; read: () => Promise<{ bytes: Uint8Array; note: string | null }>; sha256: string | null; size: number }[] = [];
    if (c.kind === 'email' && c.item.sourceSha256) {
      const name = c.item.sourceFilename ?? `message.${c.item.sourceFormat ?? 'eml'}`;
      const s = c.item.sourceSha256;
      wanted.push({ name, sha256: s, size: 0, read: async () => ({ bytes: from.readBlob(s, name), note: 'the message as received' }) });
    }
    if (c.kind === 'file') {
      const a = c.attachment;
      wanted.push({ name: a.filename, sha256: a.sha256, size: a.size, read: async () => ({ bytes: from.readBlob(a.sha256, a.originalFilename || a.filename), note: null }) });
    }
    if (c.kind === 'letter') wanted.push({ name: `${d.title.replace(/^Letter: /, '')}.pdf`, sha256: null, size: c.letter.size, read: () => from.letterBytes(c.letter) });
    for (const w of wanted) {
      const path = unique(`${pad(d.tab)} ${safeFilename(w.name)}`);
      try {
        const { bytes, note } = await w.read();
        rows.push({ tab: d.tab, document: d.title, path, size: bytes.length, sha256: sha(bytes), status: 'included', reason: '', note: note ?? '' });
        yield { name: path, bytes };
      } catch (err) {
        const problem = blobProblem(err);
        rows.push({ tab: d.tab, document: d.title, path: '', size: w.size, sha256: w.sha256 ?? '', status: 'not-reproduced', reason: problem.reason, note: `${problem.reason} (${problem.detail})` });
      }
    }
  }
  onEach?.(docs.length, docs.length + 1, 'Writing the manifest');
  const header = ['Tab', 'Document', 'File in this ZIP', 'Size (bytes)', 'SHA-256', 'Status', 'Note'];
  const lines = [header, ...rows.map((r) => [r.tab, r.document, r.path, r.size, r.sha256, r.status === 'included' ? 'included' : 'could not be reproduced', r.note])];
  yield { name: 'manifest.csv', bytes: Buffer.from(`\ufeff${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8') };
}
