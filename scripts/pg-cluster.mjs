// A throwaway PostgreSQL server for the tests and benchmarks: a new cluster in a temp folder,
// listening only on a Unix socket in that folder, with trust authentication (nothing else can
// reach it), stopped and removed afterwards. Uses Debian's postgresql package (or any PostgreSQL
// whose initdb/pg_ctl are found). PostgreSQL refuses to run as root, so as root it runs as the
// `postgres` user.
//   node scripts/pg-cluster.mjs start DIR   → prints the admin URL
//   node scripts/pg-cluster.mjs stop DIR
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ADMIN = 'disclose_admin';
const PORT = 5432;

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir() {
  if (process.env.DISCLOSE_PG_BIN && existsSync(join(process.env.DISCLOSE_PG_BIN, 'pg_ctl'))) return process.env.DISCLOSE_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) return dir;
  return null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin, args) {
  const cmd = isRoot() ? 'runuser' : bin;
  const argv = isRoot() ? ['-u', 'postgres', '--', bin, ...args] : args;
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

export function clusterUrl(dir, database = 'postgres', user = ADMIN) {
  return `postgres://${encodeURIComponent(user)}@localhost:${PORT}/${database}?host=${encodeURIComponent(join(dir, 'socket'))}`;
}

/** Starts a new cluster in `dir` (created if missing) and returns its admin URL. */
export function startCluster(dir) {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb/pg_ctl found); on Debian: apt-get install -y postgresql');
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket, { recursive: true });
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chownSync(socket, uid, gid);
  }
  if (!existsSync(join(data, 'PG_VERSION'))) {
    run(join(bin, 'initdb'), ['-D', data, '-U', ADMIN, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  }
  run(join(bin, 'pg_ctl'), [
    '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-k ${socket} -p ${PORT} -c listen_addresses= -c fsync=off -c max_connections=200 -c shared_buffers=64MB`,
    'start',
  ]);
  return clusterUrl(dir);
}

/** Stops the cluster in `dir` at once and removes the folder. */
export function stopCluster(dir, { keep = false } = {}) {
  const bin = postgresBinDir();
  const data = join(dir, 'data');
  if (bin && existsSync(join(data, 'postmaster.pid'))) {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  }
  if (!keep && existsSync(dir) && statSync(dir).isDirectory()) rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, dir] = process.argv.slice(2);
  if (!dir || !['start', 'stop'].includes(command)) {
    console.error('usage: node scripts/pg-cluster.mjs start|stop DIR');
    process.exit(2);
  }
  if (command === 'start') console.log(startCluster(dir));
  else stopCluster(dir);
}
