// The only bridge between the renderer and main: `window.api.invoke(channel, input)` for the
// channels in the contract, and `fileTickets(files)` for dropped or chosen files: their paths come
// from Electron (webUtils.getPathForFile), never from the page, and main answers with one-time
// tickets. Nothing else of Electron or Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { Channel, DiscloseApi } from '../../shared/ipc/contract';

// The contract's channel names, written in at build time (electron.vite.config.ts) from the same
// derived list main registers: the preload stays a few lines, without the schemas behind the list.
declare const __DISCLOSE_CHANNELS__: readonly Channel[];
const CHANNELS: ReadonlySet<string> = new Set(__DISCLOSE_CHANNELS__);
const isChannel = (value: unknown): value is Channel => typeof value === 'string' && CHANNELS.has(value);

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
