// The app itself: which version, where its data is, what day it thinks it is.
import { z } from 'zod';
import { channel } from '../define';
import { empty } from '../fields';

export const appInfo = z.object({ version: z.string(), dataDir: z.string(), databaseFile: z.string(), today: z.string() });
export type AppInfo = z.output<typeof appInfo>;

/**
 * What the app is doing while its case files open: an upgrade for a new version of Disclose can
 * take minutes on a register of many years. `done` of `total` steps; `opening` false once open.
 */
export const openingProgress = z.object({ opening: z.boolean(), step: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
export type OpeningProgress = z.output<typeof openingProgress>;

/** The step as the window, the command line and the log say it: "…: step 3 of 7". */
export const openingStep = (p: OpeningProgress) => `${p.step}: step ${Math.min(p.done + 1, p.total)} of ${p.total}`;

export const app = {
  'app:info': channel(empty, appInfo),
  /** Answered by the core's process while the core opens (see core-process/rpc.ts); open, it says so. */
  'app:opening': channel(empty, openingProgress),
};
