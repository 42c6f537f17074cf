// What every service is given: the database, who is acting, the clock, and the host's dialogs.
import type { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import type { DB } from './db/schema';
import type { IsoDate } from '../../shared/domain/dates';
import type { Calendars } from '../../shared/domain/clocks/clocks';
import type { FontFiles } from './pdf/fonts';
import type { BlobStore } from './blobs';
import type { ParserPool } from './parse/pool';
import type { WriteWork } from './services/transaction';
import type { TextReader } from './services/text-reader.service';

/** What the shell around the core provides: the Electron app, the CLI, or the test bridge. */
export interface Host {
  /** Ask where to save a file; null when the officer cancels. `slot` names which of several outputs
   * this is, for a host that takes paths from options (the CLI's --closed and --zip). */
  chooseSavePath(o: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[]; slot?: 'closed' | 'zip' | 'csv' | 'pdf' }): Promise<string | null>;
  /** Hand the PDF written to `file` to the system for printing (its PDF viewer, whose Print
   * command is reliable); false when the officer cancels. */
  printPdf(file: string, title: string): Promise<boolean>;
  /** Ask which files to add; null when the officer cancels. */
  chooseFiles(o: { title: string }): Promise<string[] | null>;
  /** Show a file the core has written in the system's file manager (optional: not every host has one). */
  revealFile?(path: string): Promise<void>;
  /** The paths behind one-time file tokens, each usable once (desktop app only). */
  takeFiles?(tokens: readonly string[]): string[] | Promise<string[]>;
  /** Files the operating system asked the app to open since last asked (desktop app only). */
  openedFiles?(): { token: string; name: string; size: number }[] | Promise<{ token: string; name: string; size: number }[]>;
}

export interface CoreContext {
  /** For reads. Never inside `write`: the transaction holds the connection (see services/transaction.ts). */
  db: Kysely<DB>;
  /** Which database holds the register: the local SQLite file, or the team's PostgreSQL server. */
  engine: 'sqlite' | 'postgres';
  /** The team database's address as shown (no password); null on a local register. */
  databaseShown: string | null;
  /** The local connection under `db`, for what Kysely does not cover (online backup, integrity
   * check); null on the team database. */
  sqlite: Database.Database | null;
  /** Whether the actor may allocate cases and manage templates and settings: on the team database
   * the server says (the disclose_lead role); a lone officer on a local register is their own lead. */
  lead: boolean;
  /** Why writes are refused, as the officer reads it (a read-only or full disk); null when they are not. */
  readOnlyReason: string | null;
  /** Runs one write as one transaction with its audit rows; `work` sees only the WriteScope. */
  write<T>(work: WriteWork<T>): Promise<T>;
  /** Who is acting, for the audit log; on the team database the login the server knows (current_user). */
  actor: string;
  dataDir: string;
  resourcesDir: string;
  host: Host;
  /** The current instant (injectable so tests and `--today` are deterministic). */
  now(): Date;
  /** Today's date in the officer's local time. */
  today(): IsoDate;
  calendars(): Promise<Calendars>;
  invalidateCalendars(): void;
  fonts(): Promise<FontFiles>;
  /** Attachments and source messages, stored once by SHA-256. */
  blobs: BlobStore;
  /** The largest file an import accepts (default 512 MB). */
  maxImportBytes: number;
  /** Reads imported emails and PDFs in a worker, within a time and memory limit per file. */
  parser: ParserPool;
  /** Reads, in the background, the text of PDFs a large import left pending (text-reader.service.ts). */
  text: TextReader;
}
