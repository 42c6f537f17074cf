// The host services for the browser fallback: there is no native dialog, so files are saved
// into one folder (Downloads/Disclose by default) under a name never used before, and PDFs to
// print are opened in the system's PDF viewer, whose Print command is reliable.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { DiscloseError } from '../../shared/errors';
import type { Host } from '../core';
import { openWithSystem } from './open';

export function defaultSaveDir(home = homedir()): string {
  return join(home, 'Downloads', 'Disclose');
}

/** `name`, or `name (2)`, `name (3)`… : the first that does not exist in `dir`. */
export function freshPath(dir: string, name: string, exists: (p: string) => boolean = existsSync): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!exists(candidate)) return candidate;
  }
}

export function webHost(saveDir: string, open: (target: string) => Promise<boolean> = openWithSystem): Host {
  return {
    async chooseSavePath({ defaultName }) {
      mkdirSync(saveDir, { recursive: true });
      return freshPath(saveDir, defaultName);
    },
    async printPdf(file) {
      if (!(await open(file))) throw new DiscloseError('IO', `No PDF viewer could be opened. The letter is saved at ${file}: open and print it from there.`);
      return true;
    },
    async chooseFiles() {
      throw new DiscloseError('VALIDATION', 'In the browser, drag the files onto the page or use "Choose files".');
    },
    async revealFile(path) {
      await open(join(path, '..'));
    },
  };
}
