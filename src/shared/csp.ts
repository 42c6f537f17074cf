// The renderer's Content Security Policy, one definition for every way it is served: the app://
// protocol in Electron, the loopback web server, and the meta tag in the built index.html (which
// cannot carry frame-ancestors, so the tag uses CSP_META).
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const CSP_META = DIRECTIVES.join('; ');
export const CSP = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
