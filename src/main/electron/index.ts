// The Electron shell's lifecycle, and nothing else: one instance, open the core, one window.
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { openCore, type Core } from '../core';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenSessions } from './security';
import { createMainWindow } from './window';
import { registerIpc } from './ipc';
import { electronHost } from './host';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: Electron.BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(async () => {
    hardenSessions();
    registerAppProtocol(join(import.meta.dirname, '../renderer'));
    const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
    try {
      core = await openCore({ dataDir: app.getPath('userData'), resourcesDir, host: electronHost(() => mainWindow) });
    } catch (err) {
      dialog.showErrorBox('Disclose cannot open its case files', (err as Error).message);
      app.exit(1);
      return;
    }
    registerIpc(core, () => mainWindow);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => {
    void core?.close();
    app.quit();
  });
}
