// The installer's configuration, checked without packaging (which downloads Electron): the
// schema electron-builder itself validates against, the fuses of Electron's security checklist,
// and the files that would be shipped (scripts/package-size.mjs).
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (script: string, ...args: string[]) => execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
const config = JSON.parse(run('scripts/check-builder-config.mjs').split('\n').find((l) => l.startsWith('{'))!);

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema', () => {
    expect(config.appId).toBe('uk.disclose.app');
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS or --inspect, encrypted cookies, ASAR integrity, app only from ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds a deb with its runtime dependencies, and NSIS plus an MSI for managed Windows deployment', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'xdg-utils']));
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('keeps signing secrets out of the repository (electron-builder reads CSC_LINK and CSC_KEY_PASSWORD from the environment)', () => {
    const text = readFileSync('electron-builder.yml', 'utf8');
    expect(text).not.toMatch(/cscLink|cscKeyPassword|certificatePassword|certificateFile/);
    expect(text).toMatch(/CSC_LINK/);
  });

  it('associates .eml and .msg files with the app', () => {
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual(['eml', 'msg']);
  });

  it('ships the command line launchers with the app', () => {
    expect(config.extraResources).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'resources/bin', to: 'bin' })]));
    accessSync('resources/bin/disclose', constants.X_OK);
    expect(readFileSync('resources/bin/disclose', 'utf8')).toContain('--cli "$@"');
    expect(readFileSync('resources/bin/disclose.cmd', 'utf8')).toContain('Disclose.exe" --cli %*');
  });
});

describe.skipIf(!existsSync('out/main/index.js'))('what the Linux installer would carry (after a build)', () => {
  const listing = run('scripts/package-size.mjs', 'linux', '--list').split('\n');
  const files = listing.filter((l) => l && !l.startsWith(' ') && !l.startsWith('linux:'));
  const megabytes = Number(/linux: \d+ files, ([\d.]+) MB/.exec(listing[0]!)![1]);

  it('bundles the main process: of node_modules only better-sqlite3, pdf.js, electron-log and the Skia canvas for redaction remain', () => {
    const modules = new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]));
    expect([...modules].sort()).toEqual(['@napi-rs', 'better-sqlite3', 'electron-log', 'pdfjs-dist']);
    const canvas = new Set(files.filter((f) => f.startsWith('node_modules/@napi-rs/')).map((f) => f.split('/')[2]));
    // The Linux x64 Skia binary; the @napi-rs/canvas loader itself is a local package (scripts/stubs).
    expect([...canvas]).toContain('canvas-linux-x64-gnu');
  });

  it("carries no source maps, no C sources and no other platform's binaries", () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('node_modules/better-sqlite3/') && /\/(src|deps|build)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.node') && !f.startsWith('node_modules/@napi-rs/canvas-linux-x64-gnu/')).sort()).toEqual(['node_modules/better-sqlite3/prebuilds/linux-arm64.node', 'node_modules/better-sqlite3/prebuilds/linux-x64.node']);
    expect(files).toContain('node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs');
  });

  it('stays small (116.8 MB before bundling; about 20 MB after, plus 34 MB of Skia for redaction; see README)', () => {
    expect(megabytes).toBeLessThan(60);
  });
});

describe.skipIf(!existsSync('out/renderer/index.html'))('what the renderer loads at start (after a build)', () => {
  const size = JSON.parse(run('scripts/renderer-size.mjs', '--json')) as {
    initial: { file: string; bytes: number; gzipped: number }[];
    initialGzipped: number;
    lazy: { file: string; bytes: number; gzipped: number }[];
  };
  const pdfjsVersion = (JSON.parse(readFileSync('node_modules/pdfjs-dist/package.json', 'utf8')) as { version: string }).version;
  const text = (f: { file: string }) => readFileSync(`out/renderer/${f.file}`, 'utf8');

  it('keeps the initial JS within 300 KB gzipped (issue 18: 251 KB unminified before; see bench/README.md)', () => {
    expect(size.initial.length).toBeGreaterThan(0);
    expect(size.initialGzipped).toBeLessThanOrEqual(300 * 1024);
  });

  it('is minified: long lines, no per-module comments', () => {
    for (const f of size.initial) {
      const body = text(f);
      expect(f.bytes / body.split('\n').length).toBeGreaterThan(1000);
      expect(body).not.toMatch(/^\/\/ node_modules\//m);
    }
  });

  it('loads pdf.js and its worker only when a preview asks for them (dynamic import)', () => {
    expect(size.initial.filter((f) => text(f).includes(pdfjsVersion))).toEqual([]);
    expect(size.lazy.filter((f) => text(f).includes(pdfjsVersion)).length).toBeGreaterThanOrEqual(2);
    expect(size.initial.map((f) => f.file).join(' ')).not.toMatch(/pdf\.worker/);
  });
});
