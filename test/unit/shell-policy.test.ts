// The Electron shell's rules, tested under Node: the modules hold the logic and import electron
// for types only, so loading electron here is an error.
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => {
  throw new Error('shell logic must not load electron at run time');
});

const { isAllowedUrl, blockNetwork, spellcheckPlan, NO_DICTIONARY_DOWNLOADS } = await import('../../src/main/electron/network');
const { applicationMenuTemplate, contextMenuTemplate } = await import('../../src/main/electron/menus');
const { fitToScreens, DEFAULT_STATE } = await import('../../src/main/electron/window-state');
const { redact, messageFilesFromArgv, cliArguments, CRASH_REPORTER_OPTIONS, LOG_MAX_BYTES } = await import('../../src/main/electron/diagnostics');

const rendererDir = join('/opt', 'Disclose', 'resources', 'app.asar', 'out', 'renderer');
const policy = { rendererDir };

describe('no network: the session lets through only the app and DevTools', () => {
  it.each([
    ['app://disclose/index.html', true],
    ['app://disclose/assets/pdf.worker.mjs', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    [pathToFileURL(join(rendererDir, 'index.html')).href, true],
    ['app://evil/index.html', false],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic', false],
    ['http://127.0.0.1:8080/', false],
    ['https://fonts.googleapis.com/css?family=Roboto', false],
    ['ws://example.org/socket', false],
    [pathToFileURL(join('/', 'home', 'officer', 'secret.pdf')).href, false],
    [pathToFileURL(`${rendererDir}-evil/x.js`).href, false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedUrl(url, policy)).toBe(allowed);
  });

  it('allows the Vite dev server only when one is given (development)', () => {
    expect(isAllowedUrl('http://localhost:5173/src/main.tsx', policy)).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/src/main.tsx', { ...policy, devServerUrl: 'http://localhost:5173/' })).toBe(true);
    expect(isAllowedUrl('ws://localhost:5173/', { ...policy, devServerUrl: 'http://localhost:5173/' })).toBe(true);
    expect(isAllowedUrl('http://localhost:5174/', { ...policy, devServerUrl: 'http://localhost:5173/' })).toBe(false);
  });

  function fakeSession(available: string[]) {
    const calls: string[] = [];
    let listener: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
    const session = {
      availableSpellCheckerLanguages: available,
      setSpellCheckerDictionaryDownloadURL: (u: string) => calls.push(`download:${u}`),
      setSpellCheckerEnabled: (on: boolean) => calls.push(`enabled:${on}`),
      setSpellCheckerLanguages: (l: string[]) => calls.push(`languages:${l.join(',')}`),
      webRequest: { onBeforeRequest: (l: typeof listener) => (listener = l) },
    };
    const request = (url: string) => {
      let cancel: boolean | undefined;
      listener!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    return { session, calls, request };
  }

  it('cancels every request that is not ours and reports it, once installed on the session', () => {
    const { session, request } = fakeSession(['en-GB', 'en-US']);
    const blocked: string[] = [];
    blockNetwork(session as never, policy, 'linux', (u) => blocked.push(u));
    expect(request('app://disclose/index.html')).toBe(false);
    expect(request('https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic')).toBe(true);
    expect(request('https://tracker.example/pixel.gif')).toBe(true);
    expect(blocked).toEqual(['https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic', 'https://tracker.example/pixel.gif']);
  });

  it('points dictionary downloads nowhere; Windows uses its own en-GB spellchecker, macOS its own, Linux none', () => {
    const win = fakeSession(['en-GB', 'en-US']);
    blockNetwork(win.session as never, policy, 'win32');
    expect(win.calls).toEqual([`download:${NO_DICTIONARY_DOWNLOADS}`, 'enabled:true', 'languages:en-GB']);
    const linux = fakeSession([]);
    blockNetwork(linux.session as never, policy, 'linux');
    expect(linux.calls).toEqual([`download:${NO_DICTIONARY_DOWNLOADS}`, 'enabled:false']);
    expect(spellcheckPlan('darwin')).toEqual({ enabled: true, languages: [] });
    expect(new URL(NO_DICTIONARY_DOWNLOADS).hostname).toBe('127.0.0.1');
  });
});

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

describe('menus', () => {
  it('has no Reload or Developer Tools in the installed app, on any platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const r = roles(applicationMenuTemplate({ packaged: true, platform, appName: 'Disclose' }));
      expect(r).not.toContain('reload');
      expect(r).not.toContain('forceReload');
      expect(r).not.toContain('toggleDevTools');
      expect(r).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'undo', 'selectAll']));
    }
    expect(roles(applicationMenuTemplate({ packaged: false, platform: 'linux', appName: 'Disclose' }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canUndo: true, canRedo: true, canDelete: true, canEditRichly: false };
  const params = { isEditable: true, misspelledWord: 'recieved', dictionarySuggestions: ['received', 'relieved'], selectionText: '', editFlags: flags };

  it('offers spelling suggestions on a misspelt word, and they replace it', () => {
    const replaced: string[] = [];
    const added: string[] = [];
    const menu = contextMenuTemplate(params, { replaceMisspelling: (w) => replaced.push(w), addToDictionary: (w) => added.push(w) })!;
    expect(menu.slice(0, 3).map((i) => i.label)).toEqual(['received', 'relieved', 'Add to dictionary']);
    (menu[0]!.click as () => void)();
    (menu[2]!.click as () => void)();
    expect(replaced).toEqual(['received']);
    expect(added).toEqual(['recieved']);
    expect(roles(menu)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows cut/copy/paste as the field allows, copy alone on selected text, nothing elsewhere', () => {
    const none = { replaceMisspelling: () => {}, addToDictionary: () => {} };
    const plain = contextMenuTemplate({ ...params, misspelledWord: '', editFlags: { ...flags, canCut: false } }, none)!;
    expect(plain.find((i) => i.role === 'cut')!.enabled).toBe(false);
    expect(contextMenuTemplate({ ...params, isEditable: false, misspelledWord: '', selectionText: 'FOI/2026/0001' }, none)!.map((i) => i.role)).toEqual(['copy']);
    expect(contextMenuTemplate({ ...params, isEditable: false, misspelledWord: '', selectionText: '' }, none)).toBeNull();
  });
});

describe('window position', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('restores a saved position that is on a screen', () => {
    expect(fitToScreens({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true }, screens)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
  });

  it('drops a position on a monitor no longer attached, keeps the size within the screen', () => {
    expect(fitToScreens({ bounds: { x: 2500, y: 100, width: 3000, height: 800 }, maximized: false }, screens)).toEqual({ bounds: { width: 1920, height: 800 }, maximized: false });
  });

  it('falls back to the default for a missing or corrupt file, and never goes below the minimum size', () => {
    expect(fitToScreens(null, screens)).toEqual(DEFAULT_STATE);
    expect(fitToScreens({ bounds: { width: 'x' } }, screens)).toEqual(DEFAULT_STATE);
    expect(fitToScreens({ bounds: { x: 0, y: 0, width: 200, height: 100 } }, screens).bounds).toMatchObject({ width: 900, height: 600 });
  });
});

describe('log and crash dumps', () => {
  it('masks email addresses, user names in paths and file names', () => {
    expect(redact('Import failed for C:\\Users\\jsmith\\Desktop\\Letter to Mrs Patel.pdf from zoe.o-donaill@example.org')).toBe(
      'Import failed for C:\\Users\\<user>\\Desktop\\Letter to Mrs <file.pdf> from <email>',
    );
    expect(redact('/home/alex/Downloads/request.eml: not a file')).toBe('/home/<user>/Downloads/<file.eml>: not a file');
    expect(redact('Disclose 0.1.0 starting on linux')).toBe('Disclose 0.1.0 starting on linux');
  });

  it('rotates the log at 2 MB and never uploads crash dumps', () => {
    expect(LOG_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(CRASH_REPORTER_OPTIONS).toMatchObject({ uploadToServer: false, submitURL: '' });
  });

  it('picks the .eml and .msg files from the command line the system started the app with', () => {
    expect(messageFilesFromArgv(['C:\\Program Files\\Disclose\\Disclose.exe', '--allow-file-access', 'D:\\mail\\Request.MSG', 'notes.txt', '/tmp/reply.eml'])).toEqual(['D:\\mail\\Request.MSG', '/tmp/reply.eml']);
  });

  it('runs as the command line when started with --cli (the `disclose` launcher), and only then', () => {
    expect(cliArguments(['/opt/Disclose/disclose', '--cli', 'case', 'list', '--json'])).toEqual(['case', 'list', '--json']);
    expect(cliArguments(['/opt/Disclose/disclose', '/tmp/reply.eml'])).toBeNull();
  });
});
