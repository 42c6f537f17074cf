// disclose: the command line over the same core as the app. `--json` prints the contract's JSON on
// stdout; errors go to stderr with a non-zero exit (1: refused or failed, 2: usage).
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { openCore, type Core } from '../core';
import { databaseUrl } from './database';
import { findResources, prepareDataDir } from '../core/paths';
import { isIsoDate } from '../../shared/domain/dates';
import type { Channel } from '../../shared/ipc/channels';
import type { Output } from '../../shared/ipc/contract';
import { DiscloseError } from '../../shared/errors';
import { parse, positionalWords, str, UsageError, type Parsed } from './args';
import { COMMANDS, USAGE, type CommandContext } from './commands';
import { terminalSafe } from './terminal';
import { openingStep } from '../../shared/ipc/features/app';

async function main(argv: string[], resourcesDir?: string): Promise<number> {
  // Global options may stand before or after the command: the words are found past their values.
  const matched = COMMANDS.map((c) => ({ c, words: positionalWords(argv, c.options) })).find(({ c, words }) => c.words.every((w, i) => words[i]?.word === w));
  const command = matched?.c;
  if (!matched || !command || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return command || argv.length === 0 || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  }
  // Remove the command words where they stand and keep everything else for the option parser.
  const at = new Set(matched.words.slice(0, command.words.length).map((w) => w.at));
  const rest = argv.filter((_, i) => !at.has(i));
  const parsed: Parsed = parse(rest, command.options);
  const json = parsed.values.json === true;
  const today = str(parsed, 'today');
  if (today !== undefined && !isIsoDate(today)) throw new UsageError('--today must be a date as YYYY-MM-DD');
  const out = str(parsed, 'out');
  const nowDate = today ? new Date(`${today}T12:00:00`) : new Date();
  const print = (r: { value: unknown; text: string; problem?: string }) => {
    process.stdout.write(json ? `${JSON.stringify(r.value, null, 2)}\n` : terminalSafe(r.text.endsWith('\n') ? r.text : `${r.text}\n`));
    if (r.problem) process.stderr.write(`disclose: ${terminalSafe(r.problem)}\n`);
  };
  if (command.standalone) {
    // restore writes a folder that may not exist yet: nothing is opened first.
    const unavailable = () => {
      throw new DiscloseError('INTERNAL', 'This command runs without opening the data folder.');
    };
    const result = await command.run({ parsed, call: unavailable, core: null as unknown as Core, now: nowDate });
    print(result);
    return result.exitCode ?? 0;
  }
  const database = databaseUrl(parsed);
  // An upgrade of the register for this version says so on stderr, step by step: on a register of
  // many years it takes minutes (stdout stays the answer).
  const core: Core = await openCore({
    onOpening: (p) => process.stderr.write(`disclose: ${openingStep(p)}…\n`),
    dataDir: str(parsed, 'data-dir') ?? prepareDataDir().dir,
    ...(database ? { database } : {}),
    resourcesDir: str(parsed, 'resources') ?? resourcesDir ?? findResources(import.meta.dirname),
    ...(today ? { now: () => new Date(`${today}T12:00:00`) } : {}),
    ...(command.readsFiles ? { warmParser: true } : {}),
    host: {
      // The CLI's "save dialog" is the --out option (or --closed, --zip for a bundle's other outputs).
      chooseSavePath: async ({ slot }) => {
        const target = slot ? str(parsed, slot) : out;
        if (!target) throw new UsageError(`--${slot ?? 'out'} FILE is required`);
        const path = resolve(target);
        const dir = resolve(path, '..');
        if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DiscloseError('IO', `The folder ${dir} does not exist.`);
        return path;
      },
      printPdf: async () => {
        throw new DiscloseError('VALIDATION', 'Printing needs the desktop app; save the PDF with --out and print it from there.');
      },
      // The CLI's "open dialog" is the FILE arguments after the case reference.
      // (or a --file option, for commands that take no case reference).
      chooseFiles: async () => (str(parsed, 'file') ? [resolve(str(parsed, 'file')!)] : parsed.positionals.slice(1).map((p) => resolve(p))),
    },
  });
  try {
    const ctx: CommandContext = {
      parsed,
      call: async <C extends Channel>(channel: C, input: unknown): Promise<Output<C>> => {
        const result = await core.invoke(channel, input);
        if (!result.ok) throw new DiscloseError(result.error.code, result.error.message, result.error.fields);
        return result.value;
      },
      core,
      now: nowDate,
    };
    const result = await command.run(ctx);
    print(result);
    try {
      await result.afterPrint?.();
    } catch (err) {
      // The outcome stands as printed; what followed it is said as a warning.
      process.stderr.write(`disclose: warning: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
    }
    return result.exitCode ?? 0;
  } finally {
    await core.close();
  }
}

/**
 * Output piped to a program that stops reading early (`disclose case list --json | head`): what
 * is left to print is dropped and the command finishes its work, instead of the process dying on
 * the closed pipe with a stack trace.
 */
function readerMayLeave(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}

/** Runs one command and resolves to the exit code (0 ok, 1 refused or failed, 2 usage); the
 * npm script and the packaged app (`Disclose --cli`, whose resources are not beside the code) share it. */
export function runCli(argv: string[], resourcesDir?: string): Promise<number> {
  readerMayLeave();
  return main(argv, resourcesDir).catch((err: unknown) => {
    const json = argv.includes('--json');
    if (err instanceof UsageError) {
      process.stderr.write(`disclose: ${terminalSafe(err.message)}\nRun "npm run -s cli -- --help" (or "disclose --help" where the app is installed) for the commands.\n`);
      if (json) process.stdout.write(`${JSON.stringify({ error: { code: 'USAGE', message: err.message } })}\n`);
      return 2;
    }
    const info = err instanceof DiscloseError ? { code: err.code, message: err.message } : { code: 'INTERNAL', message: String((err as Error)?.stack ?? err) };
    process.stderr.write(`disclose: ${terminalSafe(info.message)}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ error: info })}\n`);
    return 1;
  });
}
