// A stand-in for the `electron` module, so the built main process (out/main/index.js) can be
// loaded under plain Node in tests: it records what the shell asks of Electron (paths, handlers,
// menus, session rules, windows, the core's process) in globalThis.__electronCalls. Anything not
// modelled here is a recording no-op, so the shell's wiring is exercised, not Electron itself.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const calls = (globalThis.__electronCalls = { setPath: {}, handles: [], menu: null, webRequest: null, spell: [], windows: 0, forks: [], crash: null, protocols: [], permissions: 0 });

function anything(name) {
  const fn = function () {
    return anything(`${name}()`);
  };
  return new Proxy(fn, { get: (_t, p) => (p === 'then' ? undefined : p === Symbol.toPrimitive ? () => name : anything(`${name}.${String(p)}`)) });
}

// A packaged app finds its resources beside app.asar; here, the repository's own folder.
process.resourcesPath ??= process.cwd();

const paths = { userData: join(tmpdir(), 'disclose-stub-userData'), logs: process.env.STUB_LOGS ?? join(tmpdir(), 'disclose-stub-logs'), appData: tmpdir(), temp: tmpdir(), home: tmpdir(), exe: process.execPath };
const appEvents = new EventEmitter();
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));

export const app = new Proxy(
  {
    isPackaged: process.env.STUB_PACKAGED === '1',
    name: 'Disclose',
    getName: () => 'Disclose',
    getVersion: () => '0.0.0-stub',
    getAppPath: () => process.cwd(),
    getPath: (n) => paths[n] ?? join(tmpdir(), `disclose-stub-${n}`),
    setPath: (n, p) => {
      calls.setPath[n] = p;
      paths[n] = p;
    },
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    isReady: () => true,
    on: (e, l) => (appEvents.on(e, l), app),
    once: (e, l) => (appEvents.once(e, l), app),
    quit: () => {},
    exit: (code) => process.exit(code),
  },
  { get: (t, p) => (p in t ? t[p] : anything(`app.${String(p)}`)) },
);
setTimeout(() => readyResolve(), 10);

const webContents = () => ({ on: () => {}, session: { addWordToSpellCheckerDictionary: () => {} }, setWindowOpenHandler: () => {}, mainFrame: {} });
export class BrowserWindow {
  constructor(options) {
    calls.windows++;
    calls.windowOptions = options;
    this.webContents = webContents();
  }
  once() {}
  on() {}
  loadURL(url) {
    calls.loaded = url;
    return Promise.resolve();
  }
  show() {}
  maximize() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 860 };
  }
  isMaximized() {
    return false;
  }
}

export const Menu = { buildFromTemplate: (t) => ({ template: t, popup: () => {} }), setApplicationMenu: (m) => (calls.menu = m.template) };
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const ipcMain = new Proxy({ handle: (channel) => calls.handles.push(channel), on: () => {} }, { get: (t, p) => (p in t ? t[p] : anything(`ipcMain.${String(p)}`)) });
const defaultSession = {
  setPermissionRequestHandler: () => calls.permissions++,
  setPermissionCheckHandler: () => calls.permissions++,
  on: () => {},
  setSpellCheckerDictionaryDownloadURL: (u) => calls.spell.push(`download:${u}`),
  setSpellCheckerEnabled: (on) => calls.spell.push(`enabled:${on}`),
  setSpellCheckerLanguages: (l) => calls.spell.push(`languages:${l}`),
  availableSpellCheckerLanguages: ['en-GB', 'en-US'],
  webRequest: { onBeforeRequest: (listener) => (calls.webRequest = listener) },
};
export const session = { defaultSession };
export const protocol = { registerSchemesAsPrivileged: (s) => calls.protocols.push(...s.map((x) => x.scheme)), handle: (scheme) => calls.protocols.push(`handle:${scheme}`) };
export const crashReporter = { start: (o) => (calls.crash = o) };
export const utilityProcess = {
  fork: (modulePath, args, options) => {
    calls.forks.push({ modulePath, args, options });
    const child = new EventEmitter();
    child.postMessage = () => {};
    child.kill = () => {};
    // STUB_CORE_OPENING=1: the core is still opening (an upgrade taking minutes) when the report is made.
    if (process.env.STUB_CORE_OPENING !== '1') setTimeout(() => child.emit('message', { type: 'ready' }), 10);
    return child;
  },
};
export const dialog = { showErrorBox: (t, m) => (calls.error = `${t}: ${m}`), showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true }) };
export const shell = { openPath: async () => '', showItemInFolder: () => {}, openExternal: async () => {} };
export const net = { fetch: async () => new Response('') };
// The main process's view of electron: no ipcRenderer, contextBridge or webUtils (those exist in
// preload scripts only, and libraries such as electron-log test for them).
export default { app, BrowserWindow, Menu, screen, ipcMain, session, protocol, crashReporter, utilityProcess, dialog, shell, net };
