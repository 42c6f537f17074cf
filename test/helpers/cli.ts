// Runs the command line as scripts do (`node scripts/cli.mjs`), against a data folder; in the
// core-pg project against a team database schema of that folder's own (set up by the CLI itself).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { onTeamDatabase, testClusterUrl, urlFor } from './team';

const prepared = new Set<string>();

/** The team database standing for a data folder: a schema named after it, used as the test officer (a lead). */
export function teamUrlFor(dataDir: string): string {
  const schema = `cli_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  const admin = urlFor(testClusterUrl(), schema);
  if (!prepared.has(schema)) {
    for (const args of [['team', 'init'], ['team', 'officer', 'add', '--login', 'test-officer', '--name', 'Test Officer', '--lead']]) {
      const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--database', admin], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    }
    prepared.add(schema);
  }
  return urlFor(testClusterUrl(), schema, 'test-officer');
}

export function runCli(args: string[], dataDir: string) {
  const team = onTeamDatabase ? ['--database', teamUrlFor(dataDir)] : [];
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args, '--data-dir', dataDir, ...team], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
