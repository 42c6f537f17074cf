// What the parse worker is asked to do and what it answers. Shared by both sides of the thread;
// nothing here runs anything.
import type { ParsedMessage } from '../mail/types';
import type { PdfLimits, PdfText } from '../pdf/extract';

export type ParseJob =
  | { kind: 'message'; name: string; bytes: Uint8Array }
  /** A file on disk, read by the worker itself (of `size` bytes when listed; at most `maxBytes`), hashed, and read as a message when it is one. */
  | { kind: 'read-message'; name: string; path: string; size: number; maxBytes: number }
  | { kind: 'pdf-text'; bytes: Uint8Array; limits?: PdfLimits };

/** A message: null when the file is not in a message format, notMessage when it turned out not to be one. */
export type MessageValue = ParsedMessage | null | { notMessage: string };

/** A file read by the worker: its bytes and SHA-256, the message in it, and each attachment's SHA-256 in order. */
export interface ReadMessageValue {
  bytes: Uint8Array;
  sha: string;
  message: MessageValue;
  attachmentShas: string[];
}

export type JobValue<J extends ParseJob['kind']> = J extends 'message' ? MessageValue : J extends 'read-message' ? ReadMessageValue : PdfText;

/** The bytes a job brings, for the worker's memory allowance and read-ahead (a file on disk by its listed size). */
export const jobBytes = (job: ParseJob): number => (job.kind === 'read-message' ? job.size : job.bytes.length);

export type WorkerReply = { id: number; started: true } | { id: number; ok: true; value: JobValue<ParseJob['kind']> } | { id: number; ok: false; message: string };

export interface ParseLimits {
  /** Wall-clock time for one file, in milliseconds. */
  timeoutMs: number;
  /** Memory the parse of one file may use beyond the file itself (heap and buffers), in MB. */
  memoryMb: number;
  /** Files read at once, each in a worker of its own with the limits above (default: two, or one on a one-core machine). */
  workers?: number;
}

/** A minute and a gigabyte: far more than any genuine email or PDF needs for its text. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 60_000, memoryMb: 1024 };

/** Why a file was not read: said in the words the officer sees on the attachment. */
export type Bounded = { status: 'too-large' | 'too-slow' | 'failed'; reason: string };
