// Which register this machine's app opens: its own local register (the default), or the team
// database named here. Kept beside the local register in the data folder as connection.json,
// written only after the connection has been tested, and read by the app's shells when they open
// the core (the command line takes --database instead). Never holds a password: the address is
// refused with one (a password file, .pgpass, or single sign-on is IT's to set up).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import { isPostgresUrl, parseDatabaseUrl } from './db/postgres';

export const CONNECTION_FILE = 'connection.json';

/** The team database this machine's app should open, or undefined for the local register. */
export function readConnection(dataDir: string): string | undefined {
  const file = join(dataDir, CONNECTION_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { database?: unknown }).database;
    return typeof value === 'string' && isPostgresUrl(value) ? value : undefined;
  } catch {
    throw new DiscloseError('IO', `${file} cannot be read; delete it to open this computer's own register, or choose the team database again in Settings.`);
  }
}

/** Refuses an address the app should not keep: not postgres://, or with a password in it. */
export function checkTeamAddress(url: string): void {
  const target = parseDatabaseUrl(url);
  if (target.hasPassword) {
    throw new DiscloseError('VALIDATION', 'Leave the password out of the address: Disclose keeps the address in a file. Ask IT to set up a password file (.pgpass) or single sign-on for your login.', { url: 'No password in the address' });
  }
}

export function writeConnection(dataDir: string, database: string | null): void {
  const file = join(dataDir, CONNECTION_FILE);
  if (database === null) {
    rmSync(file, { force: true });
    return;
  }
  checkTeamAddress(database);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ database }, null, 2)}\n`);
  renameSync(tmp, file);
}
