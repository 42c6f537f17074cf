// Files reach the core by path, never as bytes over IPC (a base64 string of a large file is a
// third larger and breaks V8's string limit). The renderer cannot name a path: the preload asks
// Electron for the path of each File the officer dropped (webUtils.getPathForFile, which gives
// nothing for a File made up by a script), main checks it is a regular file and hands back a
// random one-time token, and the import accepts only tokens. The same registry holds the files
// the operating system asked the app to open (.eml/.msg, "Open with Disclose"). No electron import.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import type { FileTicket } from '../../shared/ipc/contract';

const TTL_MS = 30 * 60_000;
const MAX_PENDING = 1000;

export class FileTickets {
  readonly #byToken = new Map<string, { path: string; expires: number }>();
  readonly #opened: FileTicket[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket for an existing regular file, or null (a folder, a missing file, an empty path). */
  register(path: unknown): FileTicket | null {
    if (typeof path !== 'string' || path === '') return null;
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) return null;
      size = st.size;
    } catch {
      return null;
    }
    this.#sweep();
    if (this.#byToken.size >= MAX_PENDING) return null;
    const token = randomBytes(24).toString('base64url');
    this.#byToken.set(token, { path, expires: this.now() + TTL_MS });
    return { token, name: basename(path), size };
  }

  /** The paths for these tokens, each usable once; an unknown or expired token refuses the lot. */
  take(tokens: readonly string[]): string[] {
    this.#sweep();
    const missing = tokens.filter((t) => !this.#byToken.has(t));
    if (missing.length) throw new DiscloseError('VALIDATION', 'These files were not dropped in this window, or were dropped too long ago: drop them again.');
    return tokens.map((t) => {
      const entry = this.#byToken.get(t)!;
      this.#byToken.delete(t);
      return entry.path;
    });
  }

  /** A file the operating system asked the app to open, waiting for the officer to choose a case. */
  open(path: string): FileTicket | null {
    const ticket = this.register(path);
    if (ticket) this.#opened.push(ticket);
    return ticket;
  }

  /** The files opened since the last call (each is shown to the officer once). */
  drainOpened(): FileTicket[] {
    return this.#opened.splice(0).filter((t) => this.#byToken.has(t.token));
  }

  #sweep(): void {
    const now = this.now();
    for (const [t, e] of this.#byToken) if (e.expires <= now) this.#byToken.delete(t);
  }
}
