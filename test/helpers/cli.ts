// Runs the command line as scripts do (`node scripts/cli.mjs`), against a data folder.
import { spawnSync } from 'node:child_process';

export function runCli(args: string[], dataDir: string) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
