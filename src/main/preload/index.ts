// The only bridge between the renderer and main: `window.api.invoke(channel, input)` for the
// channels in the contract, and `fileTickets(files)` for dropped or chosen files: their paths come
// from Electron (webUtils.getPathForFile), never from the page, and main answers with one-time
// tickets. Nothing else of Electron or Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isChannel } from '../../shared/ipc/channels';
import type { DiscloseApi } from '../../shared/ipc/contract';

/** The file's path on disk, or '' for anything that is not a File the officer dropped or chose. */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file);
  } catch {
    return '';
  }
}

const api: DiscloseApi = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(`disclose:${channel}`, input)
      : Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown channel ${String(channel)}` } }),
  fileTickets: (files) => ipcRenderer.invoke('disclose-files:tickets', [...files].map(pathOf)),
};

contextBridge.exposeInMainWorld('api', api);
