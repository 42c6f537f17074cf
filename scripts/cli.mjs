// `npm run cli`: the command line, run from its bundle (see bundled.mjs).
import { runBundled } from './bundled.mjs';

await runBundled('cli');
