// Validates electron-builder.yml against electron-builder's own schema, without packaging
// (packaging downloads Electron), and prints the resolved configuration as one line of JSON.
// Exit 1 with the schema's message when the configuration is wrong.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config');
const { DebugLogger } = load('builder-util/out/DebugLogger');

try {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  process.stdout.write(`${JSON.stringify(config)}\n`);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
