// openCore: the whole application behind one object, in plain Node (no electron import), so the
// Electron shell, the command line and the test bridge all serve exactly the same thing.
// First, so that pdf-lib's refs are pooled weakly before any document is made (pdf/ref-pool.ts).
import './pdf/ref-pool';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { ZodError } from 'zod';
import { CONTRACT } from '../../shared/ipc/features';
import { isChannel, type Channel } from '../../shared/ipc/channels';
import type { Output } from '../../shared/ipc/contract';
import type { OpeningProgress } from '../../shared/ipc/features/app';
import { DiscloseError, type ErrorInfo, type Result } from '../../shared/errors';
import { fromDate } from '../../shared/domain/dates';
import type { Calendars } from '../../shared/domain/clocks/clocks';
import { openDatabase } from './db/connection';
import { checkpointsSettled } from './db/checkpoint';
import { isPostgresUrl, openPostgres, translatePostgresError } from './db/postgres';
import { fetchChunks, heldBytes } from './repositories/blob-chunks.repository';
import type { CoreContext, Host } from './context';
import { createHandlers, type Handlers } from './handlers';
import { loadCalendars, syncShippedHolidays } from './services/calendar.service';
import { loadFontFiles, type FontFiles } from './pdf/fonts';
import { DATABASE_FILE } from './constants';
import { BlobStore, isDiskFull } from './blobs';
import { sweepOnOpen } from './services/housekeeping.service';
import { DEFAULT_MAX_IMPORT_BYTES } from './services/import.service';
import { sharedParser } from './parse/pool';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse/jobs';
import { sweepTemp } from './tempfiles';
import { runWrite } from './services/transaction';
import { TextReader } from './services/text-reader.service';
import { derivedMismatches } from './services/derived.service';
import { registerIdentity } from './repositories/checkout.repository';

export type { Host } from './context';

export interface CoreOptions {
  dataDir: string;
  /** Folder holding uk-bank-holidays.json and fonts/; defaults to ./resources. */
  resourcesDir?: string;
  /** Who is acting, for the audit log; defaults to the operating-system user. Ignored on the team
   * database, where the server's login is the actor. */
  actor?: string;
  /** A postgres:// URL: the team database instead of the local register in dataDir (dataDir then
   * holds only the local cache of attachments and temporary files). */
  database?: string;
  now?: () => Date;
  host?: Host;
  /** The largest file an import accepts; default 512 MB. */
  maxImportBytes?: number;
  /** Time and memory for reading one imported file; defaults in parse/jobs.ts. */
  parseLimits?: Partial<ParseLimits>;
  /**
   * Check every answer against its channel's output schema and turn a mismatch into an INTERNAL
   * error naming the field. For tests and development (DISCLOSE_CHECK_OUTPUTS=1): it costs a full
   * parse of every answer, so the packaged app leaves it off.
   */
  checkOutputs?: boolean;
  /** Start the parse workers while the register opens (a command that imports files: they have loaded their readers when the first file comes). */
  warmParser?: boolean;
  /** Read, in the background, the text of PDFs left pending by an earlier import (the desktop app: yes; one command of the CLI: no). */
  readPendingText?: boolean;
  /**
   * Told what opening is doing when it is more than a moment's work: each step of an upgrade of the
   * register for this version (a register of many years can take minutes). Each report waits for
   * the event loop to turn once, so a window being told can show it before the step begins.
   */
  onOpening?: (progress: OpeningProgress) => void;
}

/** What the steps of an upgrade are called where the app and the command line show them. */
export const UPGRADE_STEP = 'Updating the case files for this version of Disclose';

export interface Core {
  readonly dataDir: string;
  readonly handlers: Handlers;
  /** Validates untrusted input against the contract, runs the handler, never throws. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<Output<C>>>;
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Cases whose stored deadlines differ from deriving them afresh today (verification; the tests check it after their work). */
  derivedDrift(): Promise<{ reference: string; stored: string; fresh: string }[]>;
  /** Resolves once the text of every PDF an import left pending has been read (or could not be, here). */
  textRead(): Promise<void>;
  close(): Promise<void>;
}

const noHost: Host = {
  chooseSavePath: async () => {
    throw new DiscloseError('INTERNAL', 'No save dialog is available here.');
  },
  printPdf: async () => {
    throw new DiscloseError('INTERNAL', 'Printing is not available here.');
  },
  chooseFiles: async () => {
    throw new DiscloseError('INTERNAL', 'No file dialog is available here.');
  },
};

function zodToError(err: ZodError): ErrorInfo {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const path = issue.path.join('.') || 'input';
    fields[path] ??= issue.message;
  }
  const [firstPath, firstMessage] = Object.entries(fields)[0] ?? ['input', 'Invalid input'];
  return { code: 'VALIDATION', message: `${firstPath}: ${firstMessage}`, fields };
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (!(err instanceof DiscloseError)) err = translatePostgresError(err) ?? err;
  if (err instanceof DiscloseError) return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  let detail: string;
  try {
    detail = err instanceof Error ? err.message : String(err);
  } catch {
    detail = 'an error that cannot be described';
  }
  return { code: 'INTERNAL', message: `Unexpected error: ${detail}` };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = resolve(options.dataDir);
  const resourcesDir = resolve(options.resourcesDir ?? 'resources');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new DiscloseError('IO', `Cannot create the data folder ${dataDir}: ${(err as Error).message}`);
  }
  const now = options.now ?? (() => new Date());
  const parser = sharedParser({ ...DEFAULT_PARSE_LIMITS, ...options.parseLimits });
  if (options.warmParser) parser.warm();
  const team = isPostgresUrl(options.database) ? await openPostgres(options.database) : null;
  const engine = team ? 'postgres' : 'sqlite';
  const onUpgrade = options.onOpening
    ? async (done: number, total: number) => {
        options.onOpening!({ opening: true, step: UPGRADE_STEP, done, total });
        await new Promise((turned) => setImmediate(turned));
      }
    : undefined;
  const { db, sqlite, readOnlyReason } = team ? { db: team.db, sqlite: null, readOnlyReason: null } : await openDatabase(join(dataDir, DATABASE_FILE), onUpgrade);
  // A register of cases checked out from the team database works as the login that checked them out.
  const copies = team ? null : await registerIdentity(db);
  const actor = team ? team.login : (copies?.login ?? options.actor ?? safeUserName());
  // A local register keeps its small files in its database (blob_bytes), the rest in this folder.
  // On the team database the files live in the database; this machine keeps a verified cache.
  const blobs = new BlobStore(join(dataDir, 'blobs'), undefined, sqlite && heldBytes(sqlite));
  if (team) blobs.remote = (sha) => fetchChunks(db, sha);
  if (!readOnlyReason && (!team || team.lead)) {
    try {
      await syncShippedHolidays(db, resourcesDir, actor, now());
    } catch (err) {
      // A full disk must not stop the case files from opening: the table loads at the next open.
      if (!isDiskFull(err) && !String((err as { code?: string }).code).startsWith('SQLITE_IOERR')) throw err;
    }
  }
  if (!readOnlyReason) {
    // After a crash: half-written files and files no record refers to are cleared away.
    if (sqlite) sweepOnOpen(sqlite, blobs, dataDir);
    sweepTemp(join(dataDir, 'tmp'), now());
  }

  let calendars: Promise<Calendars> | null = null;
  let fonts: Promise<FontFiles> | null = null;
  const ctx: CoreContext = {
    db,
    engine,
    databaseShown: team ? team.display : null,
    sqlite,
    lead: team ? team.lead : (copies?.lead ?? true),
    readOnlyReason,
    write: (work) => runWrite({ db, readOnlyReason, dataDir, actor, now, today: () => fromDate(now()), calendars: () => ctx.calendars(), onUnpaired: () => ctx.text.kickPairs() }, work),
    actor,
    dataDir,
    resourcesDir,
    host: options.host ?? noHost,
    now,
    today: () => fromDate(now()),
    calendars: () => (calendars ??= loadCalendars(db)),
    invalidateCalendars: () => {
      calendars = null;
    },
    fonts: () => (fonts ??= loadFontFiles(resourcesDir)),
    blobs,
    maxImportBytes: options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES,
    parser,
    get text() {
      return (text ??= new TextReader(ctx));
    },
  };
  let text: TextReader | undefined;
  // The app resumes reading text an earlier import left pending (the app quit, or the machine
  // stopped, meanwhile): on the team database, of the cases allocated to this officer.
  if (options.readPendingText) ctx.text.kick(team ? 'mine' : 'all');
  const handlers = createHandlers(ctx);
  const checkOutputs = options.checkOutputs ?? process.env.DISCLOSE_CHECK_OUTPUTS === '1';

  async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    // Everything, validation included, inside the envelope: a schema's transform or an odd value
    // (a getter that throws, a proxy) must come back as a Result, never as an exception.
    try {
      if (typeof channel !== 'string' || !isChannel(channel)) return { ok: false, error: { code: 'VALIDATION', message: `Unknown channel ${String(channel).slice(0, 80)}` } };
      const spec = CONTRACT[channel];
      let parsed: ReturnType<(typeof spec)['input']['safeParse']>;
      try {
        parsed = spec.input.safeParse(input ?? {});
      } catch (err) {
        // Input that fights being read (a getter that throws) is invalid input, not a fault of ours.
        return { ok: false, error: { code: 'VALIDATION', message: `The input could not be read: ${toErrorInfo(err).message.replace(/^Unexpected error: /u, '')}` } };
      }
      if (!parsed.success) return { ok: false, error: zodToError(parsed.error) };
      const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      if (checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) return { ok: false, error: { code: 'INTERNAL', message: `The answer to ${channel} does not match the contract: ${zodToError(checked.error).message}` } };
      }
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  }

  return {
    dataDir,
    handlers,
    invoke: invoke as Core['invoke'],
    derivedDrift: async () => derivedMismatches(db, await ctx.calendars(), ctx.today()),
    textRead: () => ctx.text.idle(),
    close: async () => {
      try {
        await text?.stop();
        if (sqlite) await checkpointsSettled(sqlite);
      } finally {
        await db.destroy();
      }
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'officer';
  } catch {
    return 'officer';
  }
}
