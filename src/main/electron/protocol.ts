// The renderer is served from app://disclose/, never from the network or a bare file:// URL,
// so that 'self' in the CSP means exactly the bundled files.
import { net, protocol } from 'electron';
import { normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CSP } from '../../shared/csp';

export { APP_ORIGIN } from './origin';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function registerAppProtocol(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'disclose') return new Response('Not found', { status: 404 });
    const path = normalize(resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`));
    if (path !== root && !path.startsWith(root + sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    // Module scripts (the PDF preview's worker is .mjs) must be served as JavaScript.
    if (/\.m?js$/.test(path)) headers.set('Content-Type', 'text/javascript; charset=utf-8');
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
