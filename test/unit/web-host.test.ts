// The browser fallback's pieces that need no server: opening with the system, saved file names,
// and the guard's rules on headers.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { systemOpenCommand } from '../../src/main/web/open';
import { freshPath } from '../../src/main/web/host';
import { cookieValue, judge, newGuard } from '../../src/main/web/guard';

describe('opening with the system', () => {
  it('passes the target as one argument, never through a shell', () => {
    const url = 'http://127.0.0.1:5000/?token=a&b';
    expect(systemOpenCommand(url, 'win32')).toEqual({ command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] });
    expect(systemOpenCommand(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(systemOpenCommand(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
  });
});

describe('saving in the browser fallback', () => {
  it('never overwrites: the first free name of name, name (2), name (3)…', () => {
    const taken = new Set([join('/d', 'letter.pdf'), join('/d', 'letter (2).pdf')]);
    expect(freshPath('/d', 'letter.pdf', (p) => taken.has(p))).toBe(join('/d', 'letter (3).pdf'));
    expect(freshPath('/d', 'bundle.zip', (p) => taken.has(p))).toBe(join('/d', 'bundle.zip'));
  });
});

describe('the loopback guard', () => {
  const facts = (headers: Record<string, string>, path = '/', method = 'GET', query = '') => ({ method, path, query: new URLSearchParams(query), headers });

  it('reads one cookie among several', () => {
    expect(cookieValue('a=1; disclose_80=xyz; b=2', 'disclose_80')).toBe('xyz');
    expect(cookieValue(undefined, 'disclose_80')).toBeUndefined();
  });

  it('refuses same-site (another port on 127.0.0.1) and cross-site fetches, allows a typed-in address', () => {
    const g = newGuard(4000);
    const session = `${g.cookieName}=${g.session}`;
    expect(judge(g, facts({ host: g.host, cookie: session, 'sec-fetch-site': 'same-site' }))).toEqual({ allow: false, reason: 'site' });
    expect(judge(g, facts({ host: g.host, cookie: session, 'sec-fetch-site': 'none' }))).toEqual({ allow: true });
  });

  it('gives the session only once, only for GET /', () => {
    const g = newGuard(4001);
    expect(judge(g, facts({ host: g.host }, '/index.html', 'GET', `token=${g.launchToken}`)).allow).toBe(false);
    expect(judge(g, facts({ host: g.host }, '/', 'GET', `token=${g.launchToken}`))).toMatchObject({ allow: true, redirect: '/' });
    expect(judge(g, facts({ host: g.host }, '/', 'GET', `token=${g.launchToken}`))).toEqual({ allow: false, reason: 'token' });
  });
});
