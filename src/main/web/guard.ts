// Who may talk to the loopback server. Anything on this computer can open a TCP connection to
// 127.0.0.1, and any web page the officer visits can make the browser send requests there, so
// every request must prove it comes from the page we opened:
// - Host is exactly 127.0.0.1:<port>: a page on evil.example whose name was re-pointed at
//   127.0.0.1 (DNS rebinding) sends Host: evil.example and is refused.
// - Origin, when the browser sends one, is ours; API calls must carry it (browsers always do on
//   a POST), and Sec-Fetch-Site, when sent, must not be another site.
// - A session cookie, given once in exchange for the one-time launch token in the address we
//   open; HttpOnly and SameSite=Strict, so scripts cannot read it and other sites cannot send it.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface GuardState {
  readonly origin: string;
  readonly host: string;
  readonly cookieName: string;
  readonly launchToken: string;
  readonly session: string;
  launchUsed: boolean;
}

export type Verdict = { allow: true; setCookie?: string; redirect?: string } | { allow: false; reason: string };

export interface RequestFacts {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export function newGuard(port: number): GuardState {
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    // Per port, so two servers (two data folders) on one machine never share a cookie.
    cookieName: `disclose_${port}`,
    launchToken: randomBytes(32).toString('base64url'),
    session: randomBytes(32).toString('base64url'),
    launchUsed: false,
  };
}

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(facts: RequestFacts, name: string): string | undefined {
  const v = facts.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const API_PREFIX = '/__disclose/api/';

export function judge(state: GuardState, facts: RequestFacts): Verdict {
  if ((header(facts, 'host') ?? '').toLowerCase() !== state.host) return { allow: false, reason: 'host' };
  const origin = header(facts, 'origin');
  if (origin !== undefined && origin !== state.origin) return { allow: false, reason: 'origin' };
  const site = header(facts, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { allow: false, reason: 'site' };
  const isApi = facts.path.startsWith(API_PREFIX);
  if (isApi) {
    if (facts.method !== 'POST') return { allow: false, reason: 'method' };
    if (origin === undefined) return { allow: false, reason: 'origin' };
    if (!(header(facts, 'content-type') ?? '').startsWith('application/json')) return { allow: false, reason: 'content-type' };
  } else if (facts.method !== 'GET' && facts.method !== 'HEAD') {
    return { allow: false, reason: 'method' };
  }
  if (same(cookieValue(header(facts, 'cookie'), state.cookieName), state.session)) return { allow: true };
  // The one-time launch: only the page itself, by GET, once.
  const token = facts.query.get('token') ?? undefined;
  if (!isApi && facts.method === 'GET' && facts.path === '/' && !state.launchUsed && same(token, state.launchToken)) {
    state.launchUsed = true;
    return { allow: true, setCookie: `${state.cookieName}=${state.session}; HttpOnly; SameSite=Strict; Path=/`, redirect: '/' };
  }
  return { allow: false, reason: token === undefined ? 'no-session' : 'token' };
}
