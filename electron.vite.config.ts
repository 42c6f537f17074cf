import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The built renderer carries its CSP in a meta tag too (main also sends it as a header), so the
// same policy holds under the app:// protocol and in the test bridge. The dev server needs inline
// scripts for hot reload, so the tag is added to production builds only.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function cspMeta(): Plugin {
  return {
    name: 'disclose-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  main: {
    // The parse worker is its own entry: the core starts it by file (src/main/core/parse/bounded.ts).
    build: { rolldownOptions: { input: { index: resolve('src/main/electron/index.ts'), 'parse-worker': resolve('src/main/core/parse/worker.ts') } } },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/main/preload/index.ts') },
        // Sandboxed preload scripts must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), cspMeta()],
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
      // Inline nothing as data: URLs beyond what the CSP allows for images.
      assetsInlineLimit: 0,
    },
  },
});
