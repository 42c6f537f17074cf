// A finished export, from where it was made to where the officer chose, without ever holding it
// whole in memory: a bundle of 10,000 pages is tens of MB, a ZIP of native files can be gigabytes.
// Its SHA-256 is read in chunks (fileDigest, blobs.ts); the file is synced and renamed into place
// when the chosen folder is on the same disk, else copied beside the chosen name, synced and
// renamed, so the chosen path holds either what was there before or the whole new file, never part
// of it.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, constants, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DiscloseError } from '../../../shared/errors';

async function sync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The mode a file saved anew gets (as writeFile makes it): readable as the folder's other files are. */
const newFileMode = () => 0o666 & ~process.umask();

/** Moves (or else copies) `made` to `target`, synced first; `made` is gone afterwards either way. */
export async function deliver(made: string, target: string): Promise<void> {
  try {
    // Made private (its folder is this user's alone); saved, it is the officer's file like any other.
    await chmod(made, newFileMode());
    await sync(made);
    if (await renamed(made, target)) return;
    await copyInto(made, target);
  } catch (err) {
    throw new DiscloseError('IO', `Could not write ${target}: ${(err as Error).message}`);
  } finally {
    await rm(made, { force: true });
  }
}

/** Renamed into place, or false when the target is on another disk. */
async function renamed(made: string, target: string): Promise<boolean> {
  try {
    await rename(made, target);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'EXDEV') return false;
    throw err;
  }
}

/** Another disk (a USB stick, a network share): copied in by the system, not through memory, beside the target first. */
async function copyInto(made: string, target: string): Promise<void> {
  const beside = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.disclose-tmp`);
  try {
    await copyFile(made, beside, constants.COPYFILE_EXCL);
    await sync(beside);
    await rename(beside, target);
  } catch (err) {
    await rm(beside, { force: true });
    throw err;
  }
}
