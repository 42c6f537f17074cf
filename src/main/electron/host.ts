// The host services the core asks for: native dialogs, printing, and the files dropped or opened.
import { BrowserWindow, dialog, shell } from 'electron';
import type { Host } from '../core';
import { DiscloseError } from '../../shared/errors';
import type { FileTickets } from './dropped-files';

export function electronHost(parent: () => BrowserWindow | null, tickets: FileTickets): Host {
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
    // The letter opens in the system's PDF viewer, whose Print command works on every platform
    // (a hidden window printing a file:// PDF prints blank pages and never closes). The core
    // sweeps its temporary folder of PDFs older than a day when it opens.
    async printPdf(file) {
      const problem = await shell.openPath(file);
      if (problem) throw new DiscloseError('IO', `No PDF viewer could open the letter (${problem}). Save it as a PDF and print it from there.`);
      return true;
    },
    takeFiles: (tokens) => tickets.take(tokens),
    openedFiles: () => tickets.drainOpened(),
  };
}
