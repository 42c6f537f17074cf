// Tests only, never shipped: serves the Vite-built renderer on 127.0.0.1 and gives it a
// `window.api` that posts to a real core over loopback, with a per-run token. The core is the
// same object the Electron shell serves; only the host (dialogs, printing) is a stub.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openCore, type Core } from '../../src/main/core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface Bridge {
  url: string;
  core: Core;
  saved: string[];
  printed: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 10 * 1024 * 1024) throw new Error('body too large');
    chunks.push(c as Buffer);
  }
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

export async function startBridge(opts: { dataDir: string; rendererDir: string; saveDir: string; now?: () => Date }): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const saved: string[] = [];
  const printed: string[] = [];
  const core = await openCore({
    dataDir: opts.dataDir,
    resourcesDir: resolve('resources'),
    actor: 'e2e-officer',
    ...(opts.now ? { now: opts.now } : {}),
    host: {
      chooseSavePath: async ({ defaultName }) => {
        const path = join(opts.saveDir, defaultName);
        saved.push(path);
        return path;
      },
      printPdf: async (file) => {
        printed.push(file);
        return true;
      },
      chooseFiles: async () => null,
    },
  });
  const root = resolve(opts.rendererDir);
  const bridgeJs = `window.api = { invoke: (channel, input) => fetch('/__api/' + encodeURIComponent(channel), { method: 'POST', headers: { 'content-type': 'application/json', 'x-disclose-token': ${JSON.stringify(token)} }, body: JSON.stringify(input ?? {}) }).then((r) => r.json()) };`;

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname.startsWith('/__api/')) {
        if (req.headers['x-disclose-token'] !== token) {
          res.writeHead(403).end();
          return;
        }
        const result = await core.invoke(decodeURIComponent(url.pathname.slice('/__api/'.length)), await body(req));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return;
      }
      if (url.pathname === '/__bridge.js') {
        res.writeHead(200, { 'content-type': TYPES['.js']! }).end(bridgeJs);
        return;
      }
      const path = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
      if (!path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let content = await readFile(path);
      if (path.endsWith('index.html')) {
        content = Buffer.from(content.toString('utf8').replace('<script type="module"', '<script src="/__bridge.js"></script>\n    <script type="module"'));
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(content);
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      res.writeHead(missing ? 404 : 500).end(missing ? 'Not found' : String(err));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    core,
    saved,
    printed,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await core.close();
    },
  };
}
