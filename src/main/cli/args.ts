// Argument parsing for the command line: node's own parseArgs, strict, with one option table per
// command, so an unknown or misspelt option is an error rather than silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  database: { type: 'string' },
  json: { type: 'boolean', default: false },
  today: { type: 'string' },
  resources: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parse(argv: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/**
 * The positional words of argv and where they stand, skipping every option and the value of each
 * option that takes one (global or the command's), so `--data-dir DIR case list` and
 * `case list --data-dir DIR` read alike.
 */
export function positionalWords(argv: readonly string[], options: Options): { word: string; at: number }[] {
  const all: Options = { ...GLOBAL_OPTIONS, ...options };
  const out: { word: string; at: number }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      for (let j = i + 1; j < argv.length; j++) out.push({ word: argv[j]!, at: j });
      break;
    }
    if (a.startsWith('-')) {
      if (a.startsWith('--') && !a.includes('=') && all[a.slice(2)]?.type === 'string') i += 1;
      continue;
    }
    out.push({ word: a, at: i });
  }
  return out;
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function required(p: Parsed, name: string): string {
  const v = str(p, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

/** The one positional argument a command takes (a case reference, say). */
export function positional(p: Parsed, what: string): string {
  const v = p.positionals[0];
  if (v === undefined) throw new UsageError(`${what} is required`);
  if (p.positionals.length > 1) throw new UsageError(`Unexpected argument: ${p.positionals[1]}`);
  return v;
}
