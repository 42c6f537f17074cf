// What the parse worker is asked to do and what it answers. Shared by both sides of the thread;
// nothing here runs anything.
import type { ParsedMessage } from '../mail/types';
import type { PdfLimits, PdfText } from '../pdf/extract';

export type ParseJob = { kind: 'message'; name: string; bytes: Uint8Array } | { kind: 'pdf-text'; bytes: Uint8Array; limits?: PdfLimits };

/** A message job answers null when the file is not in a message format, notMessage when it turned out not to be one. */
export type JobValue<J extends ParseJob['kind']> = J extends 'message' ? ParsedMessage | null | { notMessage: string } : PdfText;

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
