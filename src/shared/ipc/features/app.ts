// The app itself: which version, where its data is, what day it thinks it is.
import { z } from 'zod';
import { channel } from '../define';
import { empty } from '../fields';

export const appInfo = z.object({ version: z.string(), dataDir: z.string(), databaseFile: z.string(), today: z.string() });
export type AppInfo = z.output<typeof appInfo>;

export const app = {
  'app:info': channel(empty, appInfo),
};
