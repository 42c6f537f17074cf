// The same interface as the desktop app, served to the system browser on 127.0.0.1 when the
// Electron runtime is not available (and by `npm run web`). It serves the built renderer and one
// API route over a core; guard.ts decides who may ask. Refusals carry no body at all.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/errors';
import { CSP } from '../../shared/csp';
import { API_PREFIX, judge, newGuard, type GuardState } from './guard';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

// window.api for the page, over fetch: the session cookie goes with it, no secret is in the script.
// Files dropped in the browser travel as base64 inside the request, so a very large one meets the
// body limit (413): that gets its own message, pointing to the desktop app, which reads by path.
const API_JS = `window.api = { invoke: (channel, input) => fetch(${JSON.stringify(API_PREFIX)} + encodeURIComponent(channel), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) }).then((r) => r.ok ? r.json() : { ok: false, error: r.status === 413 ? { code: 'VALIDATION', message: 'This file is too large to add from the browser. Add it in the Disclose desktop app, or with the command line.' } : { code: 'INTERNAL', message: 'Disclose refused the request (' + r.status + '). Close this tab and start Disclose again.' } }) };`;
const API_JS_PATH = '/__disclose/api.js';

export interface Invoker {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

export interface WebServerOptions {
  core: Invoker;
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The largest API request body; files dropped in the browser travel inside it as base64. */
  maxBodyBytes?: number;
  /** Told of each refusal (for a log line without personal data). */
  onRefused?: (reason: string) => void;
}

export interface WebServer {
  readonly origin: string;
  /** The address to open, once: it carries the one-time launch token. */
  readonly launchUrl: string;
  close(): Promise<void>;
}

class TooLarge extends Error {}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new TooLarge();
    chunks.push(c as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Length': '0', Connection: 'close' }).end();
}

async function serveFile(root: string, pathname: string, res: ServerResponse, head: boolean): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return refuse(res, 400);
  }
  const path = normalize(resolve(root, `.${rel}`));
  if (!path.startsWith(root + sep)) return refuse(res, 404);
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch {
    return refuse(res, 404);
  }
  if (path === resolve(root, 'index.html')) {
    content = Buffer.from(content.toString('utf8').replace('<script type="module"', `<script src="${API_JS_PATH}"></script>\n    <script type="module"`));
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': String(content.length) });
  res.end(head ? undefined : content);
}

async function handle(state: GuardState, opts: WebServerOptions, root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', state.origin);
  const verdict = judge(state, { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers });
  if (!verdict.allow) {
    opts.onRefused?.(verdict.reason);
    return refuse(res, 403);
  }
  if (verdict.redirect) {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: verdict.redirect, 'Set-Cookie': verdict.setCookie ?? '', 'Content-Length': '0' }).end();
    return;
  }
  if (url.pathname.startsWith(API_PREFIX)) {
    let input: unknown;
    try {
      input = await readJson(req, opts.maxBodyBytes ?? 200 * 1024 * 1024);
    } catch (err) {
      return refuse(res, err instanceof TooLarge ? 413 : 400);
    }
    const result = await opts.core.invoke(decodeURIComponent(url.pathname.slice(API_PREFIX.length)), input);
    const body = Buffer.from(JSON.stringify(result));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Content-Length': String(body.length) }).end(body);
    return;
  }
  if (url.pathname === API_JS_PATH) {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.js']! }).end(API_JS);
    return;
  }
  await serveFile(root, url.pathname, res, req.method === 'HEAD');
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const root = resolve(opts.rendererDir);
  let state: GuardState | null = null;
  const server: Server = createServer((req, res) => {
    if (!state) return refuse(res, 503);
    handle(state, opts, root, req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500);
      else res.destroy();
    });
  });
  // A slow or stalled client cannot hold the server.
  server.requestTimeout = 10 * 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  state = newGuard(port);
  const s = state;
  return {
    origin: s.origin,
    launchUrl: `${s.origin}/?token=${s.launchToken}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
