// Verification and backups as the app and the command line ask for them, with the automatic
// backups the shell runs on a schedule and on close (to a folder the officer or IT chooses,
// keeping N generations).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscloseError } from '../../../shared/errors';
import type { BackupResult, BackupStatus, VerifyReport } from '../../../shared/ipc/contract';
import type { CoreContext } from '../context';
import { writeBackup } from '../backup/backup';
import { getMeta, setMeta } from '../repositories/holidays.repository';
import { verifyRecords, verifyTeam } from './verify.service';
import { derivedMismatches } from './derived.service';

const KEY = { folder: 'backup.folder', everyHours: 'backup.everyHours', keep: 'backup.keep', last: 'backup.last' } as const;
export const BACKUP_FILE = /^disclose-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{3})?Z\.tar$/;
/** With no schedule chosen, a backup older than this is called old. */
const DEFAULT_EVERY_HOURS = 24;

/** The local connection, for what only a local register has (its file, its backups). */
function localOnly(ctx: CoreContext, what: string) {
  if (ctx.sqlite) return ctx.sqlite;
  throw new DiscloseError('VALIDATION', `${what} is for a local register. The team database is backed up by IT on the server (for example with pg_dump), which holds the whole record, attachments included.`);
}

export async function verify(ctx: CoreContext): Promise<VerifyReport> {
  const report = ctx.sqlite ? verifyRecords(ctx.sqlite, ctx.blobs, ctx.dataDir, { now: ctx.now().getTime() }) : await verifyTeam(ctx);
  // The stored deadlines and statuses against the domain's derivation of every case, today.
  const drift = await derivedMismatches(ctx.db, await ctx.calendars(), ctx.today());
  for (const m of drift.slice(0, 20)) report.problems.push({ kind: 'derived-dates', detail: `${m.reference}: the stored deadlines differ from its events (they are derived again when the case next changes)` });
  return { ...report, ok: report.problems.length === 0 };
}

export async function backupStatus(ctx: CoreContext): Promise<BackupStatus> {
  const folder = (await getMeta(ctx.db, KEY.folder)) ?? null;
  const everyHours = Number((await getMeta(ctx.db, KEY.everyHours)) ?? DEFAULT_EVERY_HOURS);
  const keep = Number((await getMeta(ctx.db, KEY.keep)) ?? 10);
  const lastRaw = await getMeta(ctx.db, KEY.last);
  const last = lastRaw ? (JSON.parse(lastRaw) as BackupStatus['last']) : null;
  const ageHours = last ? Math.max(0, Math.floor((ctx.now().getTime() - Date.parse(last.at)) / 3_600_000)) : null;
  let warning: string | null = null;
  if (!last) warning = 'There is no backup of these case files yet.';
  else if (ageHours! > everyHours * 2) warning = `The last good backup is ${ageHours! >= 48 ? `${Math.floor(ageHours! / 24)} days` : `${ageHours} hours`} old.`;
  return { folder: folder || null, everyHours, keep, last, ageHours, warning };
}

export async function configureBackups(ctx: CoreContext, input: { folder: string | null; everyHours: number; keep: number }): Promise<BackupStatus> {
  const folder = input.folder ? resolve(input.folder) : '';
  if (folder && !existsSync(folder)) throw new DiscloseError('VALIDATION', `The folder ${folder} does not exist.`, { folder: 'Choose a folder that exists' });
  await ctx.write(async ({ db: trx, audit }) => {
    await setMeta(trx, KEY.folder, folder);
    await setMeta(trx, KEY.everyHours, String(input.everyHours));
    await setMeta(trx, KEY.keep, String(input.keep));
    await audit({ action: 'backup.configured', caseId: null, summary: folder ? `Automatic backups to ${folder} every ${input.everyHours} hours, keeping ${input.keep}` : 'Automatic backups turned off', detail: { ...input, folder } });
  });
  return backupStatus(ctx);
}

async function recordBackup(ctx: CoreContext, result: BackupResult): Promise<void> {
  // A read-only folder can still be backed up; it just cannot remember that it was.
  if (ctx.readOnlyReason) return;
  await ctx.write(async ({ db: trx, audit }) => {
    await setMeta(trx, KEY.last, JSON.stringify({ at: result.createdAt, file: result.file, size: result.size }));
    await audit({ action: 'backup.made', caseId: null, summary: `Backed up ${result.cases} cases and ${result.blobs} files to ${result.file}`, detail: { ...result } });
  });
}

/** Keeps the newest `keep` automatic backups in the folder; never touches other files. */
function prune(folder: string, keep: number): void {
  const ours = readdirSync(folder)
    .filter((n) => BACKUP_FILE.test(n))
    .sort();
  for (const name of ours.slice(0, Math.max(0, ours.length - keep))) rmSync(join(folder, name), { force: true });
}

/** A backup now: to a file the officer chooses ('manual'), or to the backup folder ('schedule' only
 * when one is due, 'close' always). Null when nothing was due or no folder is chosen. */
export async function backupNow(ctx: CoreContext, reason: 'manual' | 'schedule' | 'close'): Promise<BackupResult | null> {
  // The team database is backed up on the server by IT: the schedule and the close have nothing to do.
  if (!ctx.sqlite && reason !== 'manual') return null;
  const now = ctx.now();
  const defaultName = `disclose-backup-${now.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')}.tar`;
  if (reason === 'manual') {
    const out = await ctx.host.chooseSavePath({ title: 'Save a backup of the case files', defaultName, filters: [{ name: 'Disclose backup', extensions: ['tar'] }] });
    if (out === null) return null;
    const result = await writeBackup(localOnly(ctx, 'A backup file'), ctx.blobs, out, now);
    await recordBackup(ctx, result);
    return result;
  }
  const status = await backupStatus(ctx);
  if (!status.folder) return null;
  if (reason === 'schedule' && status.ageHours !== null && status.ageHours < status.everyHours) return null;
  const result = await writeBackup(localOnly(ctx, 'A backup file'), ctx.blobs, join(status.folder, defaultName), now);
  await recordBackup(ctx, result);
  prune(status.folder, status.keep);
  return result;
}
