// Where Disclose keeps its data when nobody says otherwise: the same folder Electron's
// app.getPath('userData') gives the desktop app, so the CLI and the app share one case file store.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DiscloseError } from '../../shared/errors';

export const APP_FOLDER = 'Disclose';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DISCLOSE_DATA_DIR) return env.DISCLOSE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** The resources folder beside the sources or a bundle: the nearest one walking up from `start`. */
export function findResources(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'uk-bank-holidays.json'))) return join(dir, 'resources');
    if (dirname(dir) === dir) throw new DiscloseError('IO', 'Cannot find the resources folder (uk-bank-holidays.json); pass --resources DIR.');
  }
}
