// `npm ci` on a laptop without Python or a C++ compiler (upstream better-sqlite3 issue 1516):
// npm must not compile better-sqlite3, whose npm package already holds prebuilt binaries.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A PATH on which python, make and the C/C++ compilers exist but fail, as on a laptop without them. */
function pathWithoutBuildTools(): string {
  const fake = mkdtempSync(join(tmpdir(), 'disclose-nopython-'));
  dirs.push(fake);
  for (const tool of ['python', 'python3', 'make', 'gmake', 'cc', 'gcc', 'g++', 'c++', 'clang', 'clang++']) {
    writeFileSync(join(fake, tool), '#!/bin/sh\necho "$0: not installed" >&2\nexit 127\n');
    chmodSync(join(fake, tool), 0o755);
  }
  return [fake, dirname(process.execPath), '/usr/bin', '/bin'].join(delimiter);
}

/** A project holding only better-sqlite3, with its lock entries copied from ours (optionally altered). */
function miniProject(alter: (entry: Record<string, unknown>) => void = () => {}, policy = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'disclose-ci-'));
  dirs.push(dir);
  const deps = { 'better-sqlite3': pkg.dependencies['better-sqlite3'] };
  const entry = structuredClone(lock.packages['node_modules/better-sqlite3']);
  alter(entry);
  const packages = { '': { name: 'mini', version: '1.0.0', dependencies: deps }, 'node_modules/better-sqlite3': entry, 'node_modules/node-addon-api': lock.packages['node_modules/node-addon-api'] };
  const manifest = { name: 'mini', version: '1.0.0', dependencies: deps, ...(policy ? { allowScripts: pkg.allowScripts } : {}) };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'mini', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
  return dir;
}

function npmCi(dir: string) {
  // Under `npm test` npm says where it is; run the same npm with this Node.
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  return spawnSync(cmd, [...args, 'ci', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    env: { ...process.env, PATH: pathWithoutBuildTools(), npm_config_build_from_source: '' },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe('installing without Python or a compiler', () => {
  it('the lockfile records gypfile=false for better-sqlite3, so npm does not run node-gyp (run `npm run lockfile` after `npm install`)', () => {
    expect(lock.packages['node_modules/better-sqlite3'].gypfile).toBe(false);
  });

  it("package.json's allowScripts denies better-sqlite3's install script too (npm 11 policy)", () => {
    expect(pkg.allowScripts['better-sqlite3']).toBe(false);
  });

  it('npm ci succeeds with python and compilers failing, installs no build/ and the prebuilt binary opens a database', { timeout: 120_000 }, () => {
    const dir = miniProject();
    const r = npmCi(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'node_modules/better-sqlite3/build'))).toBe(false);
    const out = execFileSync(process.execPath, ['-e', 'const D=require("better-sqlite3");process.stdout.write(new D(":memory:").prepare("select sqlite_version() v").get().v)'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/^3\.\d+\.\d+$/);
  });

  it('control: without the lock entry and the policy, the same npm ci tries node-gyp and fails for want of Python', { timeout: 120_000 }, () => {
    const dir = miniProject((e) => delete e.gypfile, false);
    const r = npmCi(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/gyp/);
  });
});
