import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP_META } from './src/shared/csp';
import { IPC_CHANNELS } from './src/shared/ipc/channels';

// The built renderer carries its CSP in a meta tag too (main also sends it as a header), so the
// same policy holds under the app:// protocol and in the test bridge. The dev server needs inline
// scripts for hot reload, so the tag is added to production builds only.

function cspMeta(): Plugin {
  return {
    name: 'disclose-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP_META}" />`),
  };
}

export default defineConfig({
  main: {
    // Three entries: the shell (index.js), the core's own process (core.js, a utilityProcess), and
    // the parse worker the core starts by file (src/main/core/parse/bounded.ts).
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          core: resolve('src/main/core-process/index.ts'),
          'parse-worker': resolve('src/main/core/parse/worker.ts'),
        },
      },
    },
  },
  preload: {
    // The channel list is derived from the contract's schemas; the preload needs only the names.
    define: { __DISCLOSE_CHANNELS__: JSON.stringify(IPC_CHANNELS) },
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
      // electron-vite leaves the renderer unminified; minified, its first load is 155 KB gzipped
      // instead of 267 KB (bench/README.md; test/unit/packaging.test.ts holds it under 300 KB).
      // CSS through esbuild: Lightning CSS refuses GOV.UK Frontend's IE hack `(min-width: 0\0)`.
      minify: true,
      cssMinify: 'esbuild',
      // The budget that matters is the gzipped first load, checked by the packaging test; the
      // main chunk is about 550 KB minified.
      chunkSizeWarningLimit: 700,
    },
  },
});
