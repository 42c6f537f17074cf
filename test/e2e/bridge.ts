// Tests only: the production loopback server (src/main/web) over a real core on a temp folder,
// with a host whose dialogs answer at once (saves go to saveDir, printing is recorded) and the
// desktop shell's file tickets.
import { join, resolve } from 'node:path';
import { openCore, type Core } from '../../src/main/core';
import { startWebServer } from '../../src/main/web/server';
import { FileTickets } from '../../src/main/electron/dropped-files';

export interface Bridge {
  /** The one-time launch address: the first page load with it gets the session. */
  url: string;
  origin: string;
  core: Core;
  saved: string[];
  printed: string[];
  /** Files "opened with the app", as the desktop shell would hold them. */
  tickets: FileTickets;
  close(): Promise<void>;
}

export async function startBridge(opts: { dataDir: string; rendererDir: string; saveDir: string; now?: () => Date; database?: string }): Promise<Bridge> {
  const saved: string[] = [];
  const printed: string[] = [];
  const tickets = new FileTickets();
  const core = await openCore({
    dataDir: opts.dataDir,
    resourcesDir: resolve('resources'),
    actor: 'e2e-officer',
    // Every answer the screens receive is checked against its channel's output schema.
    checkOutputs: true,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.database ? { database: opts.database } : {}),
    host: {
      chooseSavePath: async ({ defaultName }) => {
        const path = join(opts.saveDir, defaultName);
        saved.push(path);
        return path;
      },
      printPdf: async (file) => {
        printed.push(file);
        return true;
      },
      chooseFiles: async () => null,
      takeFiles: (tokens) => tickets.take(tokens),
      openedFiles: () => tickets.drainOpened(),
    },
  });
  const server = await startWebServer({ core, rendererDir: opts.rendererDir });
  return {
    url: server.launchUrl,
    origin: server.origin,
    core,
    saved,
    printed,
    tickets,
    close: async () => {
      await server.close();
      await core.close();
    },
  };
}
