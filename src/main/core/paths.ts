// Where Disclose keeps its data when nobody says otherwise: the same folder the desktop app sets
// as its userData, so the CLI and the app share one case file store. On Windows that is the local
// profile (%LOCALAPPDATA%), not the roaming one: a database and its attachments must not be copied
// to a server at every logon, and SQLite must not be used over a network share.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import { DATABASE_FILE } from './constants';

export const APP_FOLDER = 'Disclose';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.DISCLOSE_DATA_DIR) return env.DISCLOSE_DATA_DIR;
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local'), APP_FOLDER);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return posix.join(env.XDG_CONFIG_HOME ?? posix.join(home, '.config'), APP_FOLDER);
}

/** Where earlier versions kept the data on Windows (the roaming profile); null elsewhere. */
export function legacyDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string | null {
  if (env.DISCLOSE_DATA_DIR || platform !== 'win32') return null;
  return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
}

export type DataMove = { moved: true; from: string } | { moved: false; reason: 'nothing-to-move' | 'target-in-use' | 'failed'; detail?: string };

/** Moves the whole old folder (database, WAL, attachments, settings) to the new place, once, when
 * the new place has no database yet; it is one rename on the same disk. A note is left behind. */
export function moveLegacyData(from: string | null, to: string): DataMove {
  if (!from || from === to || !existsSync(join(from, DATABASE_FILE))) return { moved: false, reason: 'nothing-to-move' };
  if (existsSync(join(to, DATABASE_FILE))) return { moved: false, reason: 'target-in-use' };
  try {
    if (existsSync(to)) renameSync(to, `${to}.empty-${Date.now()}`);
    renameSync(from, to);
  } catch (err) {
    return { moved: false, reason: 'failed', detail: (err as Error).message };
  }
  try {
    writeFileSync(`${from}-MOVED.txt`, `Disclose's case files have moved to ${to}\r\n`);
  } catch {
    // The note is a courtesy; the move itself has succeeded.
  }
  return { moved: true, from };
}

/** The data folder to open: the default one, after moving the old Windows folder into it. When the
 * move fails the old folder is used as it is, so nothing is ever split between two places. */
export function prepareDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { dir: string; move: DataMove } {
  const dir = defaultDataDir(env, platform);
  const legacy = legacyDataDir(env, platform);
  const move = moveLegacyData(legacy, dir);
  return { dir: move.moved === false && move.reason === 'failed' && legacy ? legacy : dir, move };
}

/** The resources folder beside the sources or a bundle: the nearest one walking up from `start`. */
export function findResources(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'uk-bank-holidays.json'))) return join(dir, 'resources');
    if (dirname(dir) === dir) throw new DiscloseError('IO', 'Cannot find the resources folder (uk-bank-holidays.json); pass --resources DIR.');
  }
}
