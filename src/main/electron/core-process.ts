// Starts the core in Electron's utilityProcess (out/main/core.js, built from src/main/core-process)
// and connects to it: the window stays responsive while a bundle is assembled or a PDF is read,
// and progress and cancel keep working because the core answers calls while it works.
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { Host } from '../core';
import { connectCore, type Message, type RemoteCore } from '../core-process/rpc';
import type { OpeningProgress } from '../../shared/ipc/features/app';

export function startCoreProcess(o: { dataDir: string; resourcesDir: string; checkOutputs?: boolean; host: Host; onExit(code: number): void; onOpening?: (progress: OpeningProgress) => void }): RemoteCore {
  const args = ['--data-dir', o.dataDir, '--resources', o.resourcesDir, ...(o.checkOutputs ? ['--check-outputs'] : [])];
  // V8's --expose-gc: a bundle asks for a full collection each time its garbage has grown the heap
  // by 96 MB, so its memory stays level however long it is (core/bundle/collect.ts); without it,
  // bundles are made as before. A utility process passes Node only its inspector and tracing
  // options: V8's flags reach it through Chromium's --js-flags.
  const child = utilityProcess.fork(join(import.meta.dirname, 'core.js'), args, { serviceName: 'Disclose core', execArgv: ['--js-flags=--expose-gc'] });
  const remote = connectCore({ post: (m) => child.postMessage(m), onMessage: (listener) => child.on('message', (m: Message) => listener(m)) }, o.host, o.onOpening);
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    remote.lost(`exit code ${code}`);
    o.onExit(code);
  });
  return {
    ...remote,
    close: async (timeoutMs?: number) => {
      await remote.close(timeoutMs);
      if (!exited) child.kill();
    },
  };
}
