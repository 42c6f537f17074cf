// The parse worker: reads emails and PDFs for the import, away from the main thread, under the
// time and memory limits the core sets (parse/bounded.ts). It keeps no state between files
// beyond the loaded libraries, and answers every job, failures included.
import { parentPort } from 'node:worker_threads';
import { parseMessageFile } from '../mail';
import { extractPdfText } from '../pdf/extract';
import type { ParseJob, WorkerReply } from './jobs';
import type { ParsedMessage } from '../mail/types';

async function run(job: ParseJob): Promise<ParsedMessage | null | Awaited<ReturnType<typeof extractPdfText>>> {
  if (job.kind === 'message') return parseMessageFile(job.name, job.bytes);
  return extractPdfText(job.bytes, job.limits);
}

parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  void run(message.job).then(
    (value) => {
      // Attachment bytes go back by transfer, not by copy.
      const transfer = value && 'attachments' in value ? [...new Set(value.attachments.map((a) => a.bytes.buffer as ArrayBuffer))] : [];
      parentPort?.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply, transfer);
    },
    (error: unknown) => parentPort?.postMessage({ id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
