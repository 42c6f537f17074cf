// The entry point of the core's own process (Electron's utilityProcess.fork of out/main/core.js):
// opens the core on the data folder main names, and serves it over the parent port.
import { openAppCore } from '../core/open-app';
import { join } from 'node:path';
import { CONNECTION_FILE, readConnection } from '../core/connection-setting';
import { DiscloseError } from '../../shared/errors';
import { serveCore, type Message, type Port } from './rpc';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parent = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parent) throw new Error('The core process must be started by the Disclose app (utilityProcess).');

const port: Port = {
  post: (m) => parent.postMessage(m),
  onMessage: (listener) => parent.on('message', (e) => listener(e.data as Message)),
};

// argv: --data-dir DIR --resources DIR [--check-outputs]
const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const dataDir = arg('--data-dir');
const resourcesDir = arg('--resources');
if (!dataDir || !resourcesDir) throw new Error('The core process needs --data-dir and --resources.');

const checkOutputs = process.argv.includes('--check-outputs');

// The register chosen in Settings: the team database named in the data folder's connection.json, else
// the local one; with the team database out of reach, the cases checked out to this computer.
void serveCore(port, async (host, onOpening) => {
  const database = readConnection(dataDir);
  try {
    return await openAppCore({ dataDir, resourcesDir, host, onOpening, ...(database ? { database } : {}), ...(checkOutputs ? { checkOutputs } : {}) });
  } catch (err) {
    // Say how to get back to this computer's own register when the team database cannot be opened.
    if (database && err instanceof DiscloseError) throw new DiscloseError(err.code, `${err.message} To work on this computer's own register instead, remove ${join(dataDir, CONNECTION_FILE)} and start Disclose again.`);
    throw err;
  }
});
