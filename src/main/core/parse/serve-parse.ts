// The parse worker's work: reads emails and PDFs for the import, away from the main thread, under
// the time and memory limits the core sets (parse/bounded.ts). It keeps no state between files
// beyond the loaded libraries, reads the files it is handed one at a time, in order, and answers
// every job, failures included.
import { parentPort } from 'node:worker_threads';
import { detectMessageFormat, MailParseError, parseEml, parseMsg } from '../mail';
import { extractPdfText } from '../pdf/extract';
import type { JobValue, ParseJob, WorkerReply } from './jobs';

async function run(job: ParseJob): Promise<JobValue<ParseJob['kind']>> {
  if (job.kind === 'pdf-text') return extractPdfText(job.bytes, job.limits);
  const format = detectMessageFormat(job.name, job.bytes);
  if (format === null) return null;
  try {
    return format === 'msg' ? await parseMsg(job.bytes) : await parseEml(job.bytes);
  } catch (error) {
    // Not a message after all, or one too damaged to read: the caller keeps it as a file, saying why.
    if (error instanceof MailParseError) return { notMessage: error.message };
    throw error;
  }
}

/** One job after the other, in the order handed over: each file's limits are the worker's alone while it runs. */
async function handle(message: { id: number; job: ParseJob }): Promise<void> {
  // The clock for this file starts now, not while the worker was loading or reading the file before.
  parentPort?.postMessage({ id: message.id, started: true } satisfies WorkerReply);
  try {
    const value = await run(message.job);
    // Attachment bytes go back by transfer, not by copy.
    const transfer = value && 'attachments' in value ? [...new Set(value.attachments.map((a) => a.bytes.buffer as ArrayBuffer))] : [];
    parentPort?.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply, transfer);
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
