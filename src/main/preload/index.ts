// The only bridge between the renderer and main: `window.api.invoke(channel, input)` for the
// channels in the contract, and nothing else of Electron or Node.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel } from '../../shared/ipc/channels';
import type { DiscloseApi } from '../../shared/ipc/contract';

const api: DiscloseApi = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(`disclose:${channel}`, input)
      : Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown channel ${String(channel)}` } }),
};

contextBridge.exposeInMainWorld('api', api);
