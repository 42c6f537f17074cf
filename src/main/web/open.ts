// Opening an address or a file with what the system uses for it (the default browser, the PDF
// viewer, the file manager), without a shell: the target is one argument, never parsed by cmd.
import { spawn } from 'node:child_process';

export function systemOpenCommand(target: string, platform: NodeJS.Platform = process.platform): { command: string; args: string[] } {
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', target] };
  if (platform === 'darwin') return { command: 'open', args: [target] };
  return { command: 'xdg-open', args: [target] };
}

/** Resolves true once the opener has started, false when there is none (say so to the officer). */
export function openWithSystem(target: string): Promise<boolean> {
  const { command, args } = systemOpenCommand(target);
  return new Promise((done) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => done(false));
      child.once('spawn', () => {
        child.unref();
        done(true);
      });
    } catch {
      done(false);
    }
  });
}
