// One loop over the contract: only our main frame may call, input is parsed by the core's zod
// schemas, and the answer is always a result envelope (never a thrown error). One more channel,
// outside the contract, turns the paths the preload read from dropped File objects into tickets.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { CoreLike } from '../core-process/rpc';
import { isAppUrl } from './security';
import type { FileTickets } from './dropped-files';

export const IPC_PREFIX = 'disclose:';
export const FILE_TICKETS_CHANNEL = 'disclose-files:tickets';

function trusted(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

export function registerIpc(core: CoreLike, mainWindow: () => BrowserWindow | null, tickets: FileTickets): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      if (!trusted(event, mainWindow())) {
        return { ok: false, error: { code: 'VALIDATION', message: 'Request refused: it did not come from the Disclose window.' } };
      }
      return core.invoke(channel, input);
    });
  }
  ipcMain.handle(FILE_TICKETS_CHANNEL, async (event, paths: unknown) => {
    if (!trusted(event, mainWindow()) || !Array.isArray(paths)) return [];
    return paths.slice(0, 200).map((p) => tickets.register(p));
  });
}
