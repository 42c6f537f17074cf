// The host services the core asks for: native save dialogs and printing.
import { BrowserWindow, dialog, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import type { Host } from '../core';

export function electronHost(parent: () => BrowserWindow | null): Host {
  return {
    async chooseSavePath({ title, defaultName, filters }) {
      const win = parent();
      const options = { title, defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFiles({ title }) {
      const win = parent();
      const options = { title, properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    // A bundle just saved, shown selected in its folder (Explorer, Finder, the desktop's file manager).
    async revealFile(path) {
      shell.showItemInFolder(path);
    },
    // The PDF the core rendered, shown in Chromium's viewer in its own sandboxed window, then printed.
    async printPdf(file, title) {
      const win = new BrowserWindow({
        width: 900,
        height: 1000,
        title,
        parent: parent() ?? undefined,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
      });
      await win.loadURL(pathToFileURL(file).toString());
      return new Promise<boolean>((resolvePrinted) => {
        win.webContents.print({ silent: false, printBackground: true }, (success) => resolvePrinted(success));
      });
    },
  };
}
