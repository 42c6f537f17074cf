// Reading the text of PDFs for search after a large import has stored them (and, after it, pairing
// the words of what a large write indexed, for phrase searches: search-pairs.repository.ts). An import of thousands
// of emails stores every message and file first (the PDFs marked 'pending'), so the officer has
// the correspondence in the case as fast as the emails can be parsed; this reader then reads the
// PDFs' text in the same bounded parse workers, oldest first, a few to a transaction, and puts it
// in the search index. It is derived data (the stored bytes decide it), so, like the stored
// deadlines, it is written without an audit row of its own. Nothing is lost if the app stops
// meanwhile: what is still pending is read when the app next opens (or by `text read`).
//
// What it reads: the cases an import in this app brought files into; at open, on the local
// register, everything pending, and on the team database the pending files of the cases
// allocated to this officer (so that one import is not read again by every officer's computer,
// nor its files copied into every computer's cache).
import type { CoreContext } from '../context';
import { DiscloseError } from '../../../shared/errors';
import { countPendingTexts, pendingTexts, settleText, type PendingText, type PendingScope } from '../repositories/text.repository';
import { requireCase } from '../repositories/cases.repository';
import { readPdfText } from './import-read';
import { drainPairs, hasUnpaired } from '../repositories/search-pairs.repository';

/** Files read before their text is written, in one transaction: enough to keep both workers busy. */
const BATCH = { files: 24, bytes: 32 * 1024 * 1024 };

/** Documents paired in one background transaction, and their text: some 80 ms of work, so a call
 * that waits on the connection meanwhile is hardly kept waiting (a longer document goes alone). */
const PAIRS_A_WRITE = { docs: 1024, chars: 8 * 1024 * 1024 };

type Read = Awaited<ReturnType<typeof readPdfText>>;
/** What to read: every case's pending files, this officer's cases', or those of the cases named. */
export type TextScope = 'all' | 'mine' | { caseId: number };

export class TextReader {
  private running: Promise<void> | null = null;
  private writing: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private wanted: { all: boolean; mine: boolean; cases: Set<number>; pairs: boolean } = { all: false, mine: false, cases: new Set(), pairs: false };
  /**
   * Files left for a later session: the database would not take their text (a case checked out,
   * another officer's case, the server gone) or their bytes could not be fetched just now.
   */
  private readonly later = new Set<number>();
  /** Read and written since the core opened. */
  read = 0;

  constructor(private readonly ctx: CoreContext) {}

  /** Starts reading what `scope` has pending, in the background; a reader already at work takes it on too. */
  kick(scope: TextScope): void {
    if (this.stopped || this.ctx.readOnlyReason) return;
    if (scope === 'all') this.wanted.all = true;
    else if (scope === 'mine') this.wanted.mine = true;
    else this.wanted.cases.add(scope.caseId);
    // On the local register, whatever a large write left to pair for phrase searches goes after the text.
    if (this.ctx.engine === 'sqlite') this.wanted.pairs = true;
    this.start();
  }

  /** Pairs, in the background, the words of documents a large write left queued (search-pairs.repository.ts). */
  kickPairs(): void {
    if (this.stopped || this.ctx.readOnlyReason || this.ctx.engine !== 'sqlite') return;
    this.wanted.pairs = true;
    this.start();
  }

  private start(): void {
    if (this.running || this.stopped) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      // Asked for more in the moment the loop was ending: go again.
      if (this.hasWanted()) this.start();
    });
  }

  /** Whether a read is under way. */
  get reading(): boolean {
    return this.running !== null;
  }

  /** Resolves once nothing is left that this reader was asked for and can read now. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** For the core's close: no new batch; the reads under way are left (their files stay pending), a write under way finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.writing.catch(() => undefined); // a write that failed has said so to its caller
  }

  pending(caseId?: number): Promise<number> {
    return countPendingTexts(this.ctx.db, caseId);
  }

  private hasWanted(): boolean {
    return this.wanted.all || this.wanted.mine || this.wanted.cases.size > 0 || this.wanted.pairs;
  }

  private async loop(): Promise<void> {
    while (!this.stopped && this.hasWanted()) {
      const w = this.wanted;
      this.wanted = { all: false, mine: false, cases: new Set(), pairs: false };
      const scope: PendingScope = w.all ? {} : { caseIds: [...w.cases], ...(w.mine ? { officer: this.ctx.actor } : {}) };
      try {
        if (w.all || w.mine || w.cases.size > 0) await this.pass(scope);
        if (w.pairs) await this.pairAll();
      } catch {
        // The database out of reach, or busy: the files stay pending for the next kick or open.
        return;
      }
    }
  }

  /** Reads every pending file of the scope once, oldest first, a batch at a time. */
  private async pass(scope: PendingScope): Promise<void> {
    let after = 0;
    for (;;) {
      const found = await pendingTexts(this.ctx.db, after, BATCH.files, scope);
      if (found.length === 0 || this.stopped) return;
      after = found[found.length - 1]!.id;
      const batch: PendingText[] = [];
      let bytes = 0;
      for (const p of found) {
        if (this.later.has(p.id)) continue;
        // A batch holds a few tens of MB at most; a larger file goes alone.
        if (batch.length > 0 && bytes + p.size > BATCH.bytes) {
          after = p.id - 1;
          break;
        }
        batch.push(p);
        bytes += p.size;
      }
      if (batch.length === 0) continue;
      const reads = await Promise.all(batch.map((p) => this.readOne(p)));
      if (this.stopped) return;
      const ready = batch.flatMap((p, i) => (reads[i] ? [{ p, read: reads[i] }] : []));
      if (ready.length > 0) await (this.writing = this.settle(ready));
    }
  }

  /** Pairs every queued document, PAIRS_A_WRITE to a transaction (derived data: no audit row), until none is left. */
  private async pairAll(): Promise<void> {
    while (!this.stopped && (await hasUnpaired(this.ctx.db))) {
      await (this.writing = this.ctx.write(({ db }) => drainPairs(db, PAIRS_A_WRITE)));
    }
  }

  /** The text, or why there is none; null when the bytes cannot be had just now (tried again later). */
  private async readOne(p: PendingText): Promise<Read | null> {
    let bytes: Uint8Array;
    try {
      // On the team database the bytes are fetched for the reading only, not kept in this computer's cache.
      bytes = await this.ctx.blobs.loadUncached(p.sha256, p.original_filename);
    } catch (error) {
      if (error instanceof DiscloseError && error.code === 'DB_CORRUPT') return { textStatus: 'unreadable', textNote: `Text not extracted: ${error.message}`, text: '' };
      this.later.add(p.id);
      return null;
    }
    return readPdfText(this.ctx, bytes);
  }

  /** The batch in one transaction; should the database refuse it, each file alone, so one refusal costs only that file. */
  private async settle(ready: readonly { p: PendingText; read: Read }[]): Promise<void> {
    try {
      this.read += await this.ctx.write(async ({ db }) => {
        let n = 0;
        for (const { p, read } of ready) if (await settleText(db, p, read)) n++;
        return n;
      });
      return;
    } catch {
      // One case checked out, or not this officer's to change: the others still go in.
    }
    for (const { p, read } of ready) {
      try {
        if (await this.ctx.write(({ db }) => settleText(db, p, read))) this.read++;
      } catch {
        this.later.add(p.id);
      }
    }
  }
}

/** How many files wait for their text to be read (in one case, or in the register), how many were read since the app opened, and whether reading is under way. */
export async function textProgress(ctx: CoreContext, reference?: string): Promise<{ pending: number; read: number; reading: boolean }> {
  const caseId = reference === undefined ? undefined : (await requireCase(ctx.db, reference)).id;
  return { pending: await ctx.text.pending(caseId), read: ctx.text.read, reading: ctx.text.reading };
}

/** Reads every pending file's text now, and answers when done (the command line's `text read`). */
export async function readTextNow(ctx: CoreContext): Promise<{ pending: number; read: number; reading: boolean }> {
  ctx.text.kick('all');
  await ctx.text.idle();
  return textProgress(ctx);
}
