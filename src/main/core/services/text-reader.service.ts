// Reading the text of PDFs for search after a large import has stored them. An import of thousands
// of emails stores every message and file first (the PDFs marked 'pending'), so the officer has
// the correspondence in the case as fast as the emails can be parsed; this reader then reads the
// PDFs' text in the same bounded parse workers, oldest first, a few dozen to a transaction, and
// puts it in the search index. It is derived data (the stored bytes decide it), so, like the stored
// deadlines, it is written without an audit row of its own. Nothing is lost if the app stops
// meanwhile: what is still pending is read when the app next opens (or by `text read`).
import type { CoreContext } from '../context';
import { countPendingTexts, pendingTexts, settleText, type PendingText } from '../repositories/text.repository';
import { readPdfText } from './import-read';
import { requireCase } from '../repositories/cases.repository';

/** Files read before their text is written, in one transaction: enough to keep both workers busy. */
const BATCH = 24;

type Read = { status: 'ok' | 'encrypted' | 'unreadable'; note: string | null; text: string };

export class TextReader {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Files the database would not let this login write (a case checked out, another officer's case): tried again at the next open. */
  private readonly refused = new Set<number>();
  /** Read and written since the core opened. */
  read = 0;

  constructor(private readonly ctx: CoreContext) {}

  /** Starts reading whatever is pending, in the background; a reader already at work picks up the new files too. */
  kick(): void {
    if (this.stopped || this.ctx.readOnlyReason) return;
    this.again = true;
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once nothing is left that this reader can read. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** For the core's close: no new batch is started, and the one under way is finished or dropped. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  pending(caseId?: number): Promise<number> {
    return countPendingTexts(this.ctx.db, caseId);
  }

  private async loop(): Promise<void> {
    while (this.again && !this.stopped) {
      this.again = false;
      let after = 0;
      for (;;) {
        const batch = (await pendingTexts(this.ctx.db, after, BATCH + this.refused.size)).filter((p) => !this.refused.has(p.id)).slice(0, BATCH);
        if (batch.length === 0 || this.stopped) break;
        after = batch[batch.length - 1]!.id;
        const reads = await Promise.all(batch.map((p) => this.readOne(p)));
        if (this.stopped) break;
        await this.settle(batch, reads);
      }
    }
  }

  private async readOne(p: PendingText): Promise<Read> {
    let bytes: Uint8Array;
    try {
      bytes = await this.ctx.blobs.load(p.sha256, p.original_filename);
    } catch (error) {
      return { status: 'unreadable', note: `Text not extracted: ${(error as Error).message}`, text: '' };
    }
    const r = await readPdfText(this.ctx, bytes);
    return { status: r.textStatus, note: r.textNote, text: r.text };
  }

  /** The batch in one transaction; should the database refuse it, each file alone, so one refusal costs only that file. */
  private async settle(batch: readonly PendingText[], reads: readonly Read[]): Promise<void> {
    try {
      this.read += await this.ctx.write(async ({ db }) => {
        let n = 0;
        for (let i = 0; i < batch.length; i++) if (await settleText(db, batch[i]!, reads[i]!)) n++;
        return n;
      });
      return;
    } catch {
      // One case checked out, or not this officer's to change: the others still go in.
    }
    for (let i = 0; i < batch.length; i++) {
      try {
        if (await this.ctx.write(({ db }) => settleText(db, batch[i]!, reads[i]!))) this.read++;
      } catch {
        this.refused.add(batch[i]!.id);
      }
    }
  }
}

/** How many files wait for their text to be read (in one case, or in the register), and how many were read since the app opened. */
export async function textProgress(ctx: CoreContext, reference?: string): Promise<{ pending: number; read: number }> {
  const caseId = reference === undefined ? undefined : (await requireCase(ctx.db, reference)).id;
  return { pending: await ctx.text.pending(caseId), read: ctx.text.read };
}

/** Reads every pending file's text now, and answers when done (the command line's `text read`). */
export async function readTextNow(ctx: CoreContext): Promise<{ pending: number; read: number }> {
  ctx.text.kick();
  await ctx.text.idle();
  return textProgress(ctx);
}
