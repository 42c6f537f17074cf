// Automatic backups from the desktop app: the core decides whether one is due (a backup folder is
// set and the last good backup is older than the interval); the shell asks every quarter of an
// hour while the app runs, and once more when it closes. Failures are logged, never shown as a
// crash: the Settings screen shows the last good backup and warns when it is old.
import type { Result } from '../../shared/errors';

type Invoke = (channel: 'records:backupNow', input: { reason: 'schedule' | 'close' }) => Promise<Result<unknown>>;

export const BACKUP_CHECK_MS = 15 * 60 * 1000;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

async function run(invoke: Invoke, reason: 'schedule' | 'close', log: Logger): Promise<void> {
  try {
    const r = await invoke('records:backupNow', { reason });
    if (!r.ok) log.warn(`Automatic backup (${reason}) failed: ${r.error.message}`);
    else if (r.value) log.info(`Automatic backup (${reason}) written`);
  } catch (err) {
    log.warn(`Automatic backup (${reason}) failed: ${(err as Error).message}`);
  }
}

/** Starts the schedule (one check at once, then every interval); returns a stop function. */
export function scheduleBackups(invoke: Invoke, log: Logger, every = BACKUP_CHECK_MS, timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis): () => void {
  void run(invoke, 'schedule', log);
  const id = timers.setInterval(() => void run(invoke, 'schedule', log), every);
  return () => timers.clearInterval(id);
}

/** The backup on close, before the core closes its database. */
export function backupOnClose(invoke: Invoke, log: Logger): Promise<void> {
  return run(invoke, 'close', log);
}
