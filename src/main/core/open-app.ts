// The register the app opens: the team database chosen in Settings, and when it cannot be reached,
// the cases checked out to this computer (working offline); a register of its own otherwise. Once
// the team database opens and nothing in the check-out folder is still out, the folder's register
// is removed: everything in it is back on the team database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import { openCore, type Core, type CoreOptions } from './index';
import { DATABASE_FILE } from './constants';
import { openDatabase } from './db/connection';
import { listCheckouts } from './repositories/checkout.repository';
import { CHECKOUT_FOLDER, removeEmptyCopies, WORK_OFFLINE } from './services/checkout-app.service';

/** How many copies in `dir` are still out (or being checked in); 0 when it holds no register. */
async function copiesOut(dir: string): Promise<number> {
  if (!existsSync(join(dir, DATABASE_FILE))) return 0;
  const opened = await openDatabase(join(dir, DATABASE_FILE));
  try {
    return (await listCheckouts(opened.db, ['out', 'checking-in'])).length;
  } finally {
    await opened.db.destroy();
  }
}

export async function openAppCore(given: CoreOptions): Promise<Core> {
  // The app goes on reading the text an earlier import left pending.
  const options: CoreOptions = { readPendingText: true, ...given };
  if (!options.database) return openCore(options);
  const copies = join(options.dataDir, CHECKOUT_FOLDER);
  const { database: _team, ...local } = options;
  // The officer chose to work on the copies (their changes are there), the team database in reach or not.
  if (existsSync(join(copies, WORK_OFFLINE)) && (await copiesOut(copies)) > 0) return openCore({ ...local, dataDir: copies });
  let core: Core;
  try {
    core = await openCore(options);
  } catch (err) {
    if (err instanceof DiscloseError && err.code === 'OFFLINE' && (await copiesOut(copies)) > 0) return openCore({ ...local, dataDir: copies });
    throw err;
  }
  if (existsSync(join(copies, DATABASE_FILE)) && (await copiesOut(copies)) === 0) removeEmptyCopies(copies);
  return core;
}
