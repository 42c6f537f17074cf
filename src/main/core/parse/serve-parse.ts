// The parse worker's work: reads emails and PDFs for the import, away from the main thread, under
// the time and memory limits the core sets (parse/bounded.ts). It keeps no state between files
// beyond the loaded libraries, reads the files it is handed one at a time, in order, and answers
// every job, failures included.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { detectMessageFormat, MailParseError, parseEml, parseMsg } from '../mail';
import { extractPdfText } from '../pdf/extract';
import { sha256Hex } from '../blobs';
import type { JobValue, MessageValue, ParseJob, ReadMessageValue, WorkerReply } from './jobs';

async function readMessage(name: string, bytes: Uint8Array): Promise<MessageValue> {
  const format = detectMessageFormat(name, bytes);
  if (format === null) return null;
  try {
    return format === 'msg' ? await parseMsg(bytes) : await parseEml(bytes);
  } catch (error) {
    // Not a message after all, or one too damaged to read: the caller keeps it as a file, saying why.
    if (error instanceof MailParseError) return { notMessage: error.message };
    throw error;
  }
}

/** A file's bytes in an ArrayBuffer of their own, so that they can be handed over by transfer. */
function own(bytes: Buffer): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

/**
 * A file on disk read here rather than on the main thread, which is storing the files before it:
 * its reading and hashing, and its attachments' hashing, cost the import's critical path nothing.
 */
function readFromDisk(job: Extract<ParseJob, { kind: 'read-message' }>): Promise<ReadMessageValue> {
  const bytes = own(readFileSync(job.path));
  if (bytes.length > job.maxBytes) throw new Error(`it grew to ${bytes.length} bytes while being imported, over the limit for one file`);
  return readMessage(job.name, bytes).then((message) => ({
    bytes,
    sha: sha256Hex(bytes),
    message,
    attachmentShas: message && 'attachments' in message ? message.attachments.map((a) => sha256Hex(a.bytes)) : [],
  }));
}

async function run(job: ParseJob): Promise<JobValue<ParseJob['kind']>> {
  if (job.kind === 'pdf-text') return extractPdfText(job.bytes, job.limits);
  if (job.kind === 'read-message') return readFromDisk(job);
  return readMessage(job.name, job.bytes);
}

/** Byte arrays a reply hands over by transfer rather than by copy: a message's attachments, and a file read here. */
function transferable(value: JobValue<ParseJob['kind']>): ArrayBuffer[] {
  if (!value) return [];
  const message = 'message' in value ? value.message : value;
  const attachments = message && 'attachments' in message ? message.attachments.map((a) => a.bytes.buffer as ArrayBuffer) : [];
  return [...new Set([...attachments, ...('message' in value ? [value.bytes.buffer as ArrayBuffer] : [])])];
}

/** One job after the other, in the order handed over: each file's limits are the worker's alone while it runs. */
async function handle(message: { id: number; job: ParseJob }): Promise<void> {
  // The clock for this file starts now, not while the worker was loading or reading the file before.
  parentPort?.postMessage({ id: message.id, started: true } satisfies WorkerReply);
  try {
    const value = await run(message.job);
    // Attachment bytes (and a file read here) go back by transfer, not by copy.
    parentPort?.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply, transferable(value));
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
}

export function serveParse(): void {
  let turn = Promise.resolve();
  parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
    turn = turn.then(() => handle(message));
  });
}
