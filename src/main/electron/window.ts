import { BrowserWindow, Menu, screen } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';
import { MIN_SIZE, readWindowState, writeWindowState } from './window-state';
import { contextMenuTemplate } from './menus';

export function createMainWindow(stateFile: string): BrowserWindow {
  const state = readWindowState(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Disclose',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  // Saved on close (the normal bounds, so a maximised window restores to its last real size).
  win.on('close', () => {
    try {
      writeWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // Losing the window position is not worth stopping the app from closing.
    }
  });
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template) Menu.buildFromTemplate(template).popup({ window: win });
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  void (devUrl ? win.loadURL(devUrl) : win.loadURL(`${APP_ORIGIN}/index.html`));
  return win;
}
