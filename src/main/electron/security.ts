// Deny by default: no permissions, no new windows, no navigation away from the app, no downloads.
import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || (!!process.env.ELECTRON_RENDERER_URL && !app.isPackaged && url.startsWith(process.env.ELECTRON_RENDERER_URL));
}

export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.on('will-download', (event) => event.preventDefault());
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // mailto: links open the officer's mail client; nothing else leaves the app.
      if (url.startsWith('mailto:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
