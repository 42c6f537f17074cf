// The loopback server behind `npm run web` and the no-Electron fallback: only the page opened
// with the one-time launch token gets anything; other origins, a rebound DNS name (wrong Host)
// and requests without the session get an empty 403.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { startWebServer, type WebServer } from '../../src/main/web/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, setHost: !opts.headers?.Host }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

let core: Core;
let server: WebServer;
let cookie = '';
const refusals: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-web-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="/main.js"></script></head><body>Disclose</body></html>');
  writeFileSync(join(renderer, 'main.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  core = await openCore({ dataDir: join(dir, 'data'), actor: 'web-test' });
  server = await startWebServer({ core, rendererDir: renderer, onRefused: (r) => refusals.push(r) });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
});

const api = (channel: string, headers: Record<string, string>) =>
  send(`${server.origin}/__disclose/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });

describe('loopback web server', () => {
  it('binds to 127.0.0.1 only, on a port of its own', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses the page without the launch token or with a wrong one, with an empty body', async () => {
    for (const url of [`${server.origin}/`, `${server.origin}/?token=wrong`, `${server.origin}/main.js`]) {
      const r = await send(url);
      expect([r.status, r.body]).toEqual([403, '']);
    }
  });

  it('refuses a wrong Host header even with the right token (DNS rebinding)', async () => {
    const r = await send(server.launchUrl, { headers: { Host: `evil.example:${new URL(server.origin).port}` } });
    expect([r.status, r.body]).toEqual([403, '']);
    const l = await send(server.launchUrl, { headers: { Host: `localhost:${new URL(server.origin).port}` } });
    expect(l.status).toBe(403);
    expect(refusals).toContain('host');
  });

  it('refuses a launch from another origin or another site', async () => {
    expect((await send(server.launchUrl, { headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(server.launchUrl, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
  });

  it('exchanges the launch token once for an HttpOnly, SameSite=Strict session cookie and a redirect to /', async () => {
    const r = await send(server.launchUrl, { headers: { 'Sec-Fetch-Site': 'none' } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    cookie = set.split(';')[0]!;
    const again = await send(server.launchUrl);
    expect([again.status, again.body]).toEqual([403, '']);
  });

  it('serves the renderer with its CSP and the api script to the session, and nothing outside the renderer folder', async () => {
    const page = await send(`${server.origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('<script src="/__disclose/api.js"></script>');
    expect((await send(`${server.origin}/__disclose/api.js`, { headers: { Cookie: cookie } })).body).toContain('window.api');
    expect((await send(`${server.origin}/..%2fsecret.txt`, { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('answers the API for the session from its own origin', async () => {
    const r = await api('app:info', { Cookie: cookie, Origin: server.origin });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { version: expect.any(String) } });
  });

  it('refuses the API from another origin, without an Origin, without the cookie, as a form post or by GET', async () => {
    const cases = [
      await api('cases:list', { Cookie: cookie, Origin: 'http://evil.example' }),
      await api('cases:list', { Cookie: cookie, Origin: 'null' }),
      await api('cases:list', { Cookie: cookie }),
      await api('cases:list', { Origin: server.origin }),
      await api('cases:list', { Cookie: `${cookie.split('=')[0]}=forged`, Origin: server.origin }),
      await send(`${server.origin}/__disclose/api/cases:list`, { method: 'POST', headers: { Cookie: cookie, Origin: server.origin, 'Content-Type': 'text/plain' }, body: '{}' }),
      await send(`${server.origin}/__disclose/api/cases:list`, { headers: { Cookie: cookie } }),
      await api('cases:list', { Cookie: cookie, Origin: server.origin, Host: 'evil.example' }),
    ];
    expect(cases.map((c) => [c.status, c.body])).toEqual(cases.map(() => [403, '']));
  });

  it('refuses a body over the limit without reading it into memory', async () => {
    const small = await startWebServer({ core, rendererDir: tmpdir(), maxBodyBytes: 1024 });
    try {
      const launch = await send(small.launchUrl);
      const c = String(launch.headers['set-cookie']).split(';')[0]!;
      const r = await send(`${small.origin}/__disclose/api/app:info`, { method: 'POST', headers: { Cookie: c, Origin: small.origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(4096) }) });
      expect(r.status).toBe(413);
    } finally {
      await small.close();
    }
  });
});
