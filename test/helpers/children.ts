// Child processes over a real data folder: the records child (test/helpers/records-child.ts)
// bundled once with esbuild (starting it is then a fraction of a second), run, waited for or killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'out', 'test-child', 'records-child.mjs');

export async function childBundle(): Promise<string> {
  mkdirSync(join(ROOT, 'out', 'test-child'), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(ROOT, 'test/helpers/records-child.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  renameSync(tmp, BUNDLE);
  return BUNDLE;
}

export interface Child {
  proc: ChildProcess;
  /** Resolves when the child prints `line` (or exits first: then rejects). */
  saw(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function runChild(bundle: string, args: string[]): Child {
  if (!existsSync(bundle)) throw new Error('build the child first');
  const proc = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, env: { ...process.env, DISCLOSE_RESOURCES: join(ROOT, 'resources') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { line: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of [...waiters]) {
      if (!stdout.split('\n').includes(w.line)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) =>
    proc.on('exit', (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`child exited before "${w.line}": ${stderr}`));
      res({ code, signal, stdout, stderr });
    }),
  );
  return {
    proc,
    exited,
    saw: (line) => (stdout.split('\n').includes(line) ? Promise.resolve() : new Promise((res, rej) => waiters.push({ line, resolve: res, reject: rej }))),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
