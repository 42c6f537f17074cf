// `npm run web`: Disclose in the system browser, served on 127.0.0.1 (src/main/web). The renderer
// must be built first (`npm run web` and `npm start` do it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, runBundled } from './bundled.mjs';

if (!existsSync(join(root, 'out/renderer/index.html'))) {
  console.error('The interface is not built yet: run "npm run web" (or "npm run build" first).');
  process.exit(1);
}
await runBundled('web');
