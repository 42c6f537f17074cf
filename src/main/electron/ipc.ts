// One loop over the contract: only our main frame may call, input is parsed by the core's zod
// schemas, and the answer is always a result envelope (never a thrown error).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { Core } from '../core';
import { isAppUrl } from './security';

export const IPC_PREFIX = 'disclose:';

function trusted(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return !!win && !!frame && event.sender === win.webContents && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

export function registerIpc(core: Core, mainWindow: () => BrowserWindow | null): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      if (!trusted(event, mainWindow())) {
        return { ok: false, error: { code: 'VALIDATION', message: 'Request refused: it did not come from the Disclose window.' } };
      }
      return core.invoke(channel, input);
    });
  }
}
