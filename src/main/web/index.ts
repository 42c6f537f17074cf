// `npm run web`, and `npm start` when the Electron runtime cannot be had: the app in the system
// browser, served on 127.0.0.1 to the page opened with a one-time token, over the same core.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openAppCore } from '../core/open-app';
import { readConnection } from '../core/connection-setting';
import { findResources, prepareDataDir } from '../core/paths';
import { startWebServer } from './server';
import { defaultSaveDir, webHost } from './host';
import { openWithSystem } from './open';
import { openingStep } from '../../shared/ipc/features/app';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'save-dir': { type: 'string' },
      resources: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
    },
  });
  const saveDir = resolve(values['save-dir'] ?? defaultSaveDir());
  const dataDir = values['data-dir'] ?? prepareDataDir().dir;
  const database = readConnection(dataDir);
  const core = await openAppCore({
    dataDir,
    ...(database ? { database } : {}),
    resourcesDir: values.resources ?? findResources(import.meta.dirname),
    host: webHost(saveDir),
    // An upgrade of a large register takes minutes before the address can be given: say each step.
    onOpening: (p) => process.stdout.write(`${openingStep(p)}…\n`),
  });
  const server = await startWebServer({ core, rendererDir: resolve(import.meta.dirname, '../renderer'), port: Number(values.port ?? 0) });
  const opened = !values['no-open'] && (await openWithSystem(server.launchUrl));
  process.stdout.write(
    [
      `Disclose is running in your web browser at ${server.origin}/ (only this computer can reach it).`,
      opened ? 'If no browser window opened, open this address once:' : 'Open this address once in your web browser:',
      `  ${server.launchUrl}`,
      `Case files: ${core.dataDir}. Saved letters and bundles go to ${saveDir}.`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void server.close().then(() => core.close()).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Disclose could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
