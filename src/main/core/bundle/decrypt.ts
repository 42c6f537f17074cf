// Opening a PDF that is encrypted with an owner password only (an empty user password): it opens
// and prints in any viewer, but pdf-lib copies its encrypted strings and streams as they are, which
// then print blank. This reads it with the standard security handler (PDF 32000-1 §7.6.3-7.6.4,
// ISO 32000-2 §7.6.4.3.3-4 for AES-256) and hands pdf-lib a decrypted document. A file that needs a
// password to open is refused: nothing here guesses or bypasses one.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import {
  PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectStreamParser, PDFParser, PDFRawStream,
  PDFRef, PDFString, PDFXRefStreamParser, PDFBool, type PDFObject,
} from 'pdf-lib';

export class PdfPasswordError extends Error {}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const ENDOBJ = Array.from(Buffer.from('endobj', 'latin1'));

type Cipher = 'none' | 'rc4' | 'aes128' | 'aes256';

interface Handler {
  /** The file key (R2-R4: before the per-object step; R5-R6: used as it is). */
  key: Buffer;
  strings: Cipher;
  streams: Cipher;
  encryptMetadata: boolean;
}

const md5 = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('md5')).digest();

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

function aesDecrypt(bits: 128 | 256, key: Uint8Array, data: Uint8Array): Buffer {
  if (data.length < 32 || data.length % 16 !== 0) return Buffer.from(data.length === 16 ? [] : data); // an empty string is IV only
  const d = createDecipheriv(`aes-${bits}-cbc`, key, data.subarray(0, 16));
  return Buffer.concat([d.update(data.subarray(16)), d.final()]);
}

/** ISO 32000-2 Algorithm 2.B: the AES-256 (R6) password hash; R5 is its first SHA-256 only. */
function hash2B(password: Buffer, salt: Uint8Array, revision: number): Buffer {
  let k = createHash('sha256').update(password).update(salt).digest();
  if (revision === 5) return k;
  for (let round = 0; ; round++) {
    const block = Buffer.concat([password, k]);
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => block));
    const c = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32)).setAutoPadding(false);
    const e = Buffer.concat([c.update(k1), c.final()]);
    let mod = 0;
    for (let i = 0; i < 16; i++) mod += e[i] as number;
    k = createHash(['sha256', 'sha384', 'sha512'][mod % 3] as string).update(e).digest();
    if (round >= 63 && (e[e.length - 1] as number) <= round - 31) return k.subarray(0, 32);
  }
}

const bytesOf = (o: PDFObject | undefined): Buffer =>
  o instanceof PDFString || o instanceof PDFHexString ? Buffer.from(o.asBytes()) : Buffer.alloc(0);

function cipherOf(filters: PDFDict | undefined, name: PDFObject | undefined, fallback: Cipher): Cipher {
  if (!(name instanceof PDFName)) return fallback;
  if (name === PDFName.of('Identity')) return 'none';
  const filter = filters?.lookup(name);
  const method = filter instanceof PDFDict ? filter.lookup(PDFName.of('CFM')) : undefined;
  if (method === PDFName.of('AESV2')) return 'aes128';
  if (method === PDFName.of('AESV3')) return 'aes256';
  if (method === PDFName.of('V2')) return 'rc4';
  if (method === PDFName.of('None')) return 'none';
  throw new Error(`it uses a crypt filter Disclose cannot read (${String(method ?? name)})`);
}

/** The standard security handler opened with the empty user password, or a PdfPasswordError. */
function openHandler(encrypt: PDFDict, id0: Buffer): Handler {
  const num = (k: string, d: number) => (encrypt.lookup(PDFName.of(k)) as PDFNumber | undefined)?.asNumber() ?? d;
  if (encrypt.lookup(PDFName.of('Filter')) !== PDFName.of('Standard')) throw new Error('it uses a security handler other than the standard one (a certificate or a plug-in)');
  const v = num('V', 0);
  const r = num('R', 2);
  const o = bytesOf(encrypt.lookup(PDFName.of('O')));
  const u = bytesOf(encrypt.lookup(PDFName.of('U')));
  const encryptMetadata = encrypt.lookup(PDFName.of('EncryptMetadata')) !== PDFBool.False;
  const filters = encrypt.lookup(PDFName.of('CF')) as PDFDict | undefined;

  if (r >= 5) {
    const ue = bytesOf(encrypt.lookup(PDFName.of('UE')));
    if (!hash2B(Buffer.alloc(0), u.subarray(32, 40), r).equals(u.subarray(0, 32))) throw new PdfPasswordError('it needs a password to open');
    const d = createDecipheriv('aes-256-cbc', hash2B(Buffer.alloc(0), u.subarray(40, 48), r), Buffer.alloc(16)).setAutoPadding(false);
    const key = Buffer.concat([d.update(ue), d.final()]);
    return { key, strings: cipherOf(filters, encrypt.lookup(PDFName.of('StrF')), 'aes256'), streams: cipherOf(filters, encrypt.lookup(PDFName.of('StmF')), 'aes256'), encryptMetadata };
  }
  if (v < 1 || v > 4) throw new Error(`it uses an encryption version Disclose cannot read (V ${v})`);
  const length = r === 2 ? 5 : num('Length', 40) / 8;
  const p = Buffer.alloc(4);
  p.writeInt32LE(num('P', 0) | 0);
  let key = md5(PADDING, o.subarray(0, 32), p, id0, r >= 4 && !encryptMetadata ? Buffer.from([255, 255, 255, 255]) : Buffer.alloc(0)).subarray(0, length);
  if (r >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, length);
  // Algorithm 6: is the empty string the user password?
  let check: Buffer;
  if (r === 2) check = rc4(key, PADDING);
  else {
    check = rc4(key, md5(PADDING, id0));
    for (let i = 1; i <= 19; i++) check = rc4(key.map((b) => b ^ i), check);
  }
  const compared = r === 2 ? 32 : 16;
  if (!check.subarray(0, compared).equals(u.subarray(0, compared))) throw new PdfPasswordError('it needs a password to open');
  const fallback: Cipher = v === 4 ? 'none' : 'rc4';
  return {
    key,
    strings: v === 4 ? cipherOf(filters, encrypt.lookup(PDFName.of('StrF')), fallback) : 'rc4',
    streams: v === 4 ? cipherOf(filters, encrypt.lookup(PDFName.of('StmF')), fallback) : 'rc4',
    encryptMetadata,
  };
}

function decryptBytes(h: Handler, cipher: Cipher, ref: PDFRef, data: Uint8Array): Uint8Array {
  if (cipher === 'none') return data;
  if (cipher === 'aes256') return aesDecrypt(256, h.key, data);
  // Algorithm 1: a key per object, from its number and generation.
  const n = ref.objectNumber;
  const g = ref.generationNumber;
  const salt = cipher === 'aes128' ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0);
  const objectKey = md5(h.key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, g & 255, (g >> 8) & 255]), salt).subarray(0, Math.min(h.key.length + 5, 16));
  return cipher === 'aes128' ? aesDecrypt(128, objectKey, data) : rc4(objectKey, data);
}

/** Decrypts every string inside `obj` in place (dictionaries and arrays nest). */
function decryptStrings(h: Handler, ref: PDFRef, obj: PDFObject): PDFObject {
  if (obj instanceof PDFString || obj instanceof PDFHexString) {
    return PDFHexString.of(Buffer.from(decryptBytes(h, h.strings, ref, obj.asBytes())).toString('hex'));
  }
  if (obj instanceof PDFDict) for (const [k, v] of obj.entries()) obj.set(k, decryptStrings(h, ref, v));
  if (obj instanceof PDFArray) for (let i = 0; i < obj.size(); i++) obj.set(i, decryptStrings(h, ref, obj.get(i)));
  return obj;
}

function decryptStream(h: Handler, ref: PDFRef, stream: PDFRawStream): PDFRawStream {
  decryptStrings(h, ref, stream.dict);
  const type = stream.dict.lookup(PDFName.of('Type'));
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const ownCrypt = filter === PDFName.of('Crypt') || (filter instanceof PDFArray && filter.asArray().includes(PDFName.of('Crypt')));
  if (type === PDFName.of('XRef') || ownCrypt || (type === PDFName.of('Metadata') && !h.encryptMetadata)) return stream;
  return PDFRawStream.of(stream.dict, decryptBytes(h, h.streams, ref, stream.contents));
}

interface ParserInternals {
  context: PDFContext;
  parseIndirectObjectHeader(): PDFRef;
  skipWhitespaceAndComments(): void;
  parseObject(): PDFObject;
  matchKeyword(keyword: number[]): boolean;
  parseIndirectObject(): Promise<PDFRef>;
  parseDocument(): Promise<PDFContext>;
}

/** True when `bytes` may be encrypted: cheap, and a false alarm only costs the slower path. */
export function mayBeEncrypted(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('/Encrypt');
}

/**
 * Loads a PDF that is encrypted with an empty user password as an unencrypted PDFDocument.
 * Throws PdfPasswordError when a password is needed, Error when the encryption is not one the
 * standard handler defines. Object streams are themselves encrypted, so they are set aside while
 * parsing and read once the key is known.
 */
export async function loadDecrypted(bytes: Uint8Array): Promise<{ doc: PDFDocument; wasEncrypted: boolean }> {
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, false, false) as unknown as ParserInternals;
  const objectStreams: { ref: PDFRef; stream: PDFRawStream }[] = [];
  parser.parseIndirectObject = async function (this: ParserInternals) {
    const ref = this.parseIndirectObjectHeader();
    this.skipWhitespaceAndComments();
    const object = this.parseObject();
    this.skipWhitespaceAndComments();
    this.matchKeyword(ENDOBJ);
    const type = object instanceof PDFRawStream ? object.dict.lookup(PDFName.of('Type')) : undefined;
    if (object instanceof PDFRawStream && type === PDFName.of('ObjStm')) objectStreams.push({ ref, stream: object });
    else if (object instanceof PDFRawStream && type === PDFName.of('XRef')) PDFXRefStreamParser.forStream(object).parseIntoContext();
    else this.context.assign(ref, object);
    return ref;
  };
  const context = await parser.parseDocument();
  const encryptRef = context.trailerInfo.Encrypt;
  const encrypt = encryptRef ? context.lookup(encryptRef) : undefined;
  const wasEncrypted = encrypt instanceof PDFDict;
  if (encrypt instanceof PDFDict) {
    const ids = context.trailerInfo.ID ? context.lookup(context.trailerInfo.ID) : undefined;
    const id0 = ids instanceof PDFArray && ids.size() > 0 ? bytesOf(ids.lookup(0)) : Buffer.alloc(0);
    const handler = openHandler(encrypt, id0);
    for (const [ref, obj] of context.enumerateIndirectObjects()) {
      if (obj === encrypt) continue;
      if (obj instanceof PDFRawStream) context.assign(ref, decryptStream(handler, ref, obj));
      else decryptStrings(handler, ref, obj);
    }
    for (const os of objectStreams) os.stream = decryptStream(handler, os.ref, os.stream);
    if (encryptRef instanceof PDFRef) context.delete(encryptRef);
  }
  // Objects at the top level are later revisions than those packed in object streams: they win.
  const topLevel = context.enumerateIndirectObjects();
  for (const os of objectStreams) await PDFObjectStreamParser.forStream(os.stream).parseIntoContext();
  for (const [ref, obj] of topLevel) context.assign(ref, obj);
  context.trailerInfo.Encrypt = undefined;
  const Doc = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  return { doc: new Doc(context, false, false), wasEncrypted };
}
