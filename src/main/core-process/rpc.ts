// The core in another process (Electron's utilityProcess), so that pdf.js, bundle assembly and
// zlib never freeze the window. Two ends over one message port:
// - serveCore (in the core's process) answers `invoke` messages with the core's result envelope,
//   many at a time, so `bundles:progress` and `bundles:cancel` are answered while an export runs;
// - connectCore (in Electron's main process) sends them, and answers the core's calls to its host
//   (save dialogs, printing, dropped files), which only main can make.
// Messages are plain data (structured clone); errors cross as { code, message }. No electron import.
import { DiscloseError, type ErrorInfo, type Result } from '../../shared/errors';
import type { Host } from '../core/context';
import type { OpeningProgress } from '../../shared/ipc/features/app';

export interface Port {
  post(message: Message): void;
  onMessage(listener: (message: Message) => void): void;
}

type HostMethod = 'chooseSavePath' | 'printPdf' | 'chooseFiles' | 'revealFile' | 'takeFiles' | 'openedFiles';
const HOST_METHODS: readonly HostMethod[] = ['chooseSavePath', 'printPdf', 'chooseFiles', 'revealFile', 'takeFiles', 'openedFiles'];

export type Message =
  | { type: 'invoke'; id: number; channel: string; input: unknown }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'host'; id: number; method: HostMethod; args: unknown[] }
  | { type: 'host-result'; id: number; ok: true; value: unknown }
  | { type: 'host-result'; id: number; ok: false; error: ErrorInfo }
  | { type: 'opening'; progress: OpeningProgress }
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'close' }
  | { type: 'closed' };

export interface CoreLike {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof DiscloseError) return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** In the core's process: a Host whose every method is a call back to main. */
function remoteHost(port: Port, pending: Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>): Host {
  let next = 1;
  const call = (method: HostMethod) => (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      port.post({ type: 'host', id, method, args });
    });
  return Object.fromEntries(HOST_METHODS.map((m) => [m, call(m)])) as unknown as Host;
}

/**
 * Runs in the core's process: opens the core with a host that calls back, then serves it. Calls
 * made while it opens wait for it, except `app:opening`, answered at once with what opening is
 * doing (an upgrade of a large register takes minutes: the window says so meanwhile).
 */
export async function serveCore(port: Port, open: (host: Host, onOpening: (progress: OpeningProgress) => void) => Promise<CoreLike>): Promise<void> {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const queue: Extract<Message, { type: 'invoke' }>[] = [];
  let core: CoreLike | null = null;
  /** Why the core could not open: every call is answered with it. */
  let failed: ErrorInfo | null = null;
  let opening: OpeningProgress = { opening: true, step: 'Opening the case files', done: 0, total: 0 };
  let opened!: () => void;
  const settled = new Promise<void>((resolve) => (opened = resolve));
  const answer = (m: Extract<Message, { type: 'invoke' }>) => {
    if (failed) port.post({ type: 'result', id: m.id, result: { ok: false, error: failed } });
    else void core!.invoke(m.channel, m.input).then((result) => port.post({ type: 'result', id: m.id, result }));
  };
  port.onMessage((m) => {
    if (m.type === 'invoke') {
      if (core || failed) answer(m);
      else if (m.channel === 'app:opening') port.post({ type: 'result', id: m.id, result: { ok: true, value: opening } });
      else queue.push(m);
    } else if (m.type === 'close') {
      // Asked to close while opening (the window closed during an upgrade): the step under way
      // finishes, or is rolled back whole if the process is stopped first; then the core closes.
      void settled
        .then(() => core?.close())
        .finally(() => port.post({ type: 'closed' }));
    } else if (m.type === 'host-result') {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new DiscloseError(m.error.code, m.error.message, m.error.fields));
    }
  });
  try {
    core = await open(remoteHost(port, pending), (progress) => {
      opening = progress;
      port.post({ type: 'opening', progress });
    });
  } catch (err) {
    failed = errorInfo(err);
    port.post({ type: 'failed', error: failed });
    // The calls that waited are answered with why, as any made later.
    for (const m of queue.splice(0)) answer(m);
    return;
  } finally {
    opened();
  }
  port.post({ type: 'ready' });
  for (const m of queue.splice(0)) answer(m);
}

export interface RemoteCore extends CoreLike {
  /** Asks the core to close its database; resolves when it has, or after `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
  /** Resolves when the core has opened; rejects with its error when it could not. */
  readonly ready: Promise<void>;
  /** The core's process has gone: every call waiting is answered with an error. */
  lost(reason: string): void;
}

/**
 * Runs in Electron's main process: invoke() goes to the core's process; host calls come back.
 * `onOpening` hears each step of an upgrade as the core opens (main writes them to its log).
 */
export function connectCore(port: Port, host: Host, onOpening?: (progress: OpeningProgress) => void): RemoteCore {
  let next = 1;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  let gone: string | null = null;
  let settle!: { resolve(): void; reject(e: unknown): void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  ready.catch(() => {});
  let closed: (() => void) | null = null;
  port.onMessage((m) => {
    if (m.type === 'closed') closed?.();
    else if (m.type === 'result') {
      waiting.get(m.id)?.(m.result);
      waiting.delete(m.id);
    } else if (m.type === 'opening') onOpening?.(m.progress);
    else if (m.type === 'ready') settle.resolve();
    else if (m.type === 'failed') settle.reject(new DiscloseError(m.error.code, m.error.message));
    else if (m.type === 'host') {
      const fn = host[m.method] as ((...a: unknown[]) => unknown) | undefined;
      Promise.resolve()
        .then(() => {
          if (!fn) throw new DiscloseError('INTERNAL', `This app cannot ${m.method} here.`);
          return fn.apply(host, m.args);
        })
        .then(
          (value) => port.post({ type: 'host-result', id: m.id, ok: true, value }),
          (err: unknown) => port.post({ type: 'host-result', id: m.id, ok: false, error: errorInfo(err) }),
        );
    }
  });
  return {
    ready,
    invoke(channel, input) {
      if (gone) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: gone } });
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        port.post({ type: 'invoke', id, channel, input });
      });
    },
    close(timeoutMs = 5000) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        closed = () => {
          clearTimeout(timer);
          resolve();
        };
        if (gone) resolve();
        else port.post({ type: 'close' });
      });
    },
    lost(reason) {
      gone = `The case file engine stopped (${reason}). Close Disclose and open it again; work saved before this is kept.`;
      for (const resolve of waiting.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: gone } });
      waiting.clear();
      settle.reject(new DiscloseError('INTERNAL', gone));
    },
  };
}
