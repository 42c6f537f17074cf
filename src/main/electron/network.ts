// No request leaves the app. The renderer is served from app://, so the only other traffic a
// Chromium session would make is what we never asked for: spellcheck dictionaries fetched from
// a CDN (Windows and Linux), a stray link, a font or image URL in an imported email's HTML. Every
// request goes through one webRequest handler that lets through only our own files and DevTools.
// This module imports no electron (types only), so its rules are unit-tested under Node.
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session } from 'electron';
import { APP_ORIGIN } from './origin';

export interface NetworkPolicy {
  /** The built renderer folder: app:// serves it by fetching file:// URLs inside it. */
  rendererDir: string;
  /** The Vite dev server, in development only (`npm run dev`). */
  devServerUrl?: string;
}

export function isAllowedUrl(url: string, policy: NetworkPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'app:':
      return url.startsWith(`${APP_ORIGIN}/`);
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:': {
      const root = resolve(policy.rendererDir);
      const path = resolve(fileURLToPath(parsed));
      return path === root || path.startsWith(root + sep);
    }
    default:
      if (!policy.devServerUrl) return false;
      try {
        // The dev server's pages (http:) and its hot-reload socket (ws:) share its host and port.
        return ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) && parsed.host === new URL(policy.devServerUrl).host;
      } catch {
        return false;
      }
  }
}

/** Where dictionaries would come from: nowhere (a closed port on this machine, and blocked anyway). */
export const NO_DICTIONARY_DOWNLOADS = 'http://127.0.0.1:9/no-dictionary-downloads/';

/** macOS and Windows check spelling with the operating system's own spellchecker (British English
 * when the system has it); on Linux Chromium would download Hunspell dictionaries, so spelling is off. */
export function spellcheckPlan(platform: NodeJS.Platform): { enabled: boolean; languages: string[] } {
  if (platform === 'darwin') return { enabled: true, languages: [] };
  if (platform === 'win32') return { enabled: true, languages: ['en-GB'] };
  return { enabled: false, languages: [] };
}

type SessionLike = Pick<Session, 'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerEnabled' | 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export function blockNetwork(session: SessionLike, policy: NetworkPolicy, platform: NodeJS.Platform, onBlocked: (url: string) => void = () => {}): void {
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOADS);
  const plan = spellcheckPlan(platform);
  session.setSpellCheckerEnabled(plan.enabled);
  const languages = plan.languages.filter((l) => session.availableSpellCheckerLanguages.includes(l));
  if (languages.length) session.setSpellCheckerLanguages(languages);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedUrl(details.url, policy);
    if (!allowed) onBlocked(details.url);
    callback({ cancel: !allowed });
  });
}
