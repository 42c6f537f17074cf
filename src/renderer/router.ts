// A hash router: enough for a desktop app with a handful of screens, and no server to configure.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'cases' }
  | { name: 'new' }
  | { name: 'case'; reference: string; tab?: string; focus?: string }
  | { name: 'edit'; reference: string }
  | { name: 'settings' }
  | { name: 'search'; query: string }
  | { name: 'offline' }
  | { name: 'kept'; id: number };

export function parseRoute(hash: string): Route {
  const [path = '', queryString = ''] = hash.split('?');
  const query = new URLSearchParams(queryString);
  const parts = path.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { name: 'new' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'search') return { name: 'search', query: query.get('q') ?? '' };
  if (parts[0] === 'offline') return { name: 'offline' };
  if (parts[0] === 'kept' && /^\d+$/.test(parts[1] ?? '')) return { name: 'kept', id: Number(parts[1]) };
  if (parts[0] === 'case' && parts[1]) {
    // References contain slashes (FOI/2026/0001): everything after "case/" up to a trailing "edit".
    const rest = parts.slice(1);
    if (rest[rest.length - 1] === 'edit' && rest.length > 1) return { name: 'edit', reference: rest.slice(0, -1).join('/') };
    return { name: 'case', reference: rest.join('/'), ...(query.get('tab') ? { tab: query.get('tab')! } : {}), ...(query.get('focus') ? { focus: query.get('focus')! } : {}) };
  }
  return { name: 'cases' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'cases':
      return '#/';
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`;
    case 'offline':
      return '#/offline';
    case 'kept':
      return `#/kept/${route.id}`;
    case 'case': {
      const q = new URLSearchParams({ ...(route.tab ? { tab: route.tab } : {}), ...(route.focus ? { focus: route.focus } : {}) }).toString();
      return `#/case/${route.reference.split('/').map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
    }
    case 'edit':
      return `#/case/${route.reference.split('/').map(encodeURIComponent).join('/')}/edit`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
