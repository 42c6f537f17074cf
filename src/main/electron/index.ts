// The Electron shell's lifecycle, and nothing else: where the data lives, one instance, the
// diagnostics, the session's lockdown, open the core, one window.
import { app, crashReporter, dialog, Menu, session } from 'electron';
import { join } from 'node:path';
import { prepareDataDir } from '../core/paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenSessions } from './security';
import { createMainWindow } from './window';
import { registerIpc } from './ipc';
import { electronHost } from './host';
import { blockNetwork } from './network';
import { applicationMenuTemplate } from './menus';
import { CRASH_REPORTER_OPTIONS, cliArguments, messageFilesFromArgv } from './diagnostics';
import { setUpLogging } from './logging';
import { FileTickets } from './dropped-files';
import { startCoreProcess } from './core-process';
import type { RemoteCore } from '../core-process/rpc';
import { backupOnClose, scheduleBackups } from './backups';
import { openingStep } from '../../shared/ipc/features/app';

// Before anything reads userData (the single-instance lock does): Windows data lives in the local profile.
const data = prepareDataDir();
app.setPath('userData', data.dir);
const cli = cliArguments(process.argv);

if (cli) {
  // `Disclose --cli ...` (the `disclose` launcher): the command line inside the app's own binary,
  // so it works with the RunAsNode fuse off; no window, no single-instance lock.
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  // Exit only once stdout has been flushed: a long --json answer piped to a file must arrive whole.
  void import('../cli/run')
    .then(({ runCli }) => runCli(cli, resourcesDir))
    .then((code) => process.stdout.write('', () => app.exit(code)));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  crashReporter.start(CRASH_REPORTER_OPTIONS);
  registerAppScheme();
  let core: RemoteCore | null = null;
  let stopBackups: (() => void) | null = null;
  let backupLog: { info(m: string): void; warn(m: string): void } | null = null;
  let mainWindow: Electron.BrowserWindow | null = null;
  /** The last window has closed: the app is on its way out (a core stopped meanwhile is no error). */
  let quitting = false;
  const tickets = new FileTickets();
  // .eml/.msg files the system asked us to open: Windows and Linux pass them on the command line
  // (to this instance or, via second-instance, to the running one); macOS sends open-file events.
  for (const f of messageFilesFromArgv(process.argv)) tickets.open(f);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    tickets.open(path);
  });

  app.on('second-instance', (_event, argv) => {
    for (const f of messageFilesFromArgv(argv)) tickets.open(f);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(async () => {
    const log = setUpLogging(app.getPath('logs'), app.isPackaged);
    log.info(`Disclose ${app.getVersion()} starting on ${process.platform}`);
    if (data.move.moved) log.info('Moved the case files from the roaming profile to the local profile');
    else if (data.move.reason === 'failed') log.warn(`Could not move the case files to the local profile: ${data.move.detail}`);
    const rendererDir = join(import.meta.dirname, '../renderer');
    hardenSessions();
    blockNetwork(session.defaultSession, { rendererDir, ...(app.isPackaged ? {} : { devServerUrl: process.env.ELECTRON_RENDERER_URL }) }, process.platform, (url) =>
      log.warn(`Blocked a network request (${url.slice(0, url.indexOf(':') + 1)})`),
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ packaged: app.isPackaged, platform: process.platform, appName: app.name })));
    registerAppProtocol(rendererDir);
    const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
    try {
      core = startCoreProcess({
        dataDir: app.getPath('userData'),
        resourcesDir,
        // Run from the source tree, the core checks every answer against the contract's output schemas.
        checkOutputs: !app.isPackaged,
        host: electronHost(() => mainWindow, tickets),
        onExit: (code) => code !== 0 && log.error(`The core process stopped with exit code ${code}`),
        onOpening: (p) => log.info(openingStep(p)),
      });
    } catch (err) {
      log.error(`The core's process did not start: ${(err as Error).message}`);
      dialog.showErrorBox('Disclose cannot open its case files', (err as Error).message);
      app.exit(1);
      return;
    }
    // The window at once: its calls wait in the core's process until the case files are open, and
    // meanwhile it shows what opening is doing (app:opening), such as an upgrade taking minutes.
    registerIpc(core, () => mainWindow, tickets);
    mainWindow = createMainWindow(join(app.getPath('userData'), 'window-state.json'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    try {
      await core.ready;
    } catch (err) {
      // Closed while opening: the core's process was stopped on the way out, which is no error.
      if (quitting) return;
      log.error(`The core did not open: ${(err as Error).message}`);
      dialog.showErrorBox('Disclose cannot open its case files', (err as Error).message);
      app.exit(1);
      return;
    }
    const opened = core;
    backupLog = log;
    stopBackups = scheduleBackups((channel, input) => opened.invoke(channel, input), log);
  });

  // The core closes its database before the app quits (a WAL checkpoint, no half-written file).
  // A backup to the chosen folder first, when one is set (records:backupNow decides).
  app.on('window-all-closed', () => {
    quitting = true;
    stopBackups?.();
    const open = core;
    const backup = open && backupLog ? backupOnClose((channel, input) => open.invoke(channel, input), backupLog) : Promise.resolve();
    void backup.then(() => core?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
