// The only bridge between the renderer and main: `window.api.invoke(channel, input)` for the
// channels in the contract, and `fileTickets(files)` for dropped or chosen files: their paths come
// from Electron (webUtils.getPathForFile), never from the page, and main answers with one-time
// tickets. Nothing else of Electron or Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isChannel } from '../../shared/ipc/channels';
import type { DiscloseApi } from '../../shared/ipc/contract';

const api: DiscloseApi = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(`disclose:${channel}`, input)
      : Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown channel ${String(channel)}` } }),
  fileTickets: (files) => ipcRenderer.invoke('disclose-files:tickets', [...files].map((f) => (f instanceof File ? webUtils.getPathForFile(f) : ''))),
};

contextBridge.exposeInMainWorld('api', api);
