// The bundle's PDF written to a file object by object as it is made, so a document's pages leave
// memory once they are in (pdf-lib's own save() holds every object of the whole bundle, then the
// whole file, at once). The file is laid out as pdf-lib writes one (PDF 32000-1 §7.5: header,
// objects, a cross-reference table, trailer), in the order the objects were finished; the
// cross-reference table lists only the objects written, in runs of consecutive numbers.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { PDFContext, PDFObject, PDFRef } from 'pdf-lib';

const CHUNK = 1 << 20;

export class PdfSink {
  private readonly fd: number;
  private readonly offsets: number[] = [];
  private buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private written = 0;
  private closed = false;

  constructor(
    private readonly context: PDFContext,
    path: string,
  ) {
    // Only this user may read it: a closed bundle holds what was withheld from the requester.
    this.fd = openSync(path, 'wx', 0o600);
    // The same header as pdf-lib's: version, then a comment of high bytes marking the file binary.
    this.put(Buffer.from('%PDF-1.7\n%\x81\x81\x81\x81\n\n', 'latin1'));
  }

  /** Bytes written so far, the buffer included: the offset of the next object. */
  private get position(): number {
    return this.written + this.used;
  }

  private spill(): void {
    if (this.used) writeSync(this.fd, this.buffer, 0, this.used);
    this.written += this.used;
    this.used = 0;
  }

  private put(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) this.spill();
    if (bytes.length > this.buffer.length) {
      writeSync(this.fd, bytes);
      this.written += bytes.length;
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Writes one indirect object (it need not be registered in the context). */
  write(ref: PDFRef, object: PDFObject): void {
    this.offsets[ref.objectNumber] = this.position;
    const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    const size = head.length + object.sizeInBytes() + 9;
    // Serialised straight into the buffer when it fits; a large stream gets a buffer of its own.
    if (this.used + size > this.buffer.length) this.spill();
    const target = size > this.buffer.length ? Buffer.allocUnsafe(size) : this.buffer;
    let at = target === this.buffer ? this.used : 0;
    at += target.write(head, at, 'latin1');
    at += object.copyBytesInto(target, at);
    at += target.write('\nendobj\n\n', at, 'latin1');
    if (target === this.buffer) this.used = at;
    else this.put(target.subarray(0, at));
  }

  /** Writes every object the document holds but those in `keep`, and forgets them. */
  drain(keep: ReadonlySet<PDFRef> = new Set()): void {
    for (const [ref, object] of this.context.enumerateIndirectObjects()) {
      if (keep.has(ref)) continue;
      this.write(ref, object);
      this.context.delete(ref);
    }
  }

  /** Writes what is left, the cross-reference table and the trailer, and closes the file. */
  finish(): void {
    this.drain();
    const xrefAt = this.position;
    const lines = ['xref'];
    const size = this.context.largestObjectNumber + 1;
    for (let n = 0; n < size; ) {
      if (n > 0 && this.offsets[n] === undefined) {
        n++;
        continue;
      }
      const start = n;
      const entries: string[] = [];
      for (; n < size && (n === 0 || this.offsets[n] !== undefined); n++) {
        entries.push(n === 0 ? '0000000000 65535 f ' : `${String(this.offsets[n]).padStart(10, '0')} 00000 n `);
      }
      lines.push(`${start} ${entries.length}`, ...entries);
      if (lines.length > 4096) this.put(Buffer.from(lines.splice(0).join('\n') + '\n', 'latin1'));
    }
    this.put(Buffer.from(lines.join('\n') + (lines.length ? '\n' : ''), 'latin1'));
    const { Root, Info, ID, Encrypt } = this.context.trailerInfo;
    const trailer = this.context.obj({ Size: size, Root, Encrypt, Info, ID });
    const bytes = Buffer.allocUnsafe(trailer.sizeInBytes());
    trailer.copyBytesInto(bytes, 0);
    this.put(Buffer.concat([Buffer.from('trailer\n', 'latin1'), bytes, Buffer.from(`\n\nstartxref\n${xrefAt}\n%%EOF`, 'latin1')]));
    this.spill();
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
