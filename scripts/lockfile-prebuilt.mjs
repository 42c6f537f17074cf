// Records in package-lock.json that better-sqlite3 must not be compiled on install.
//
// better-sqlite3 ships prebuilt Node-API binaries for every platform we support and says
// `"gypfile": false` in its own package.json, but npm decides from the lockfile entry during
// `npm ci`, and that entry does not carry `gypfile`: seeing binding.gyp, npm runs an implicit
// `node-gyp rebuild`, which needs Python and a C++ compiler and fails on a laptop without them.
// npm reads the field when it is present in the lock entry, so it is written there. A plain
// `npm install` rewrites the lockfile without it: run `npm run lockfile` afterwards (a unit test
// fails until you do). package.json's `allowScripts` denies the same script on npm 11.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PREBUILT = ['better-sqlite3'];

const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const text = readFileSync(lockPath, 'utf8');
const lock = JSON.parse(text);
let changed = 0;
for (const name of PREBUILT) {
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry) throw new Error(`package-lock.json has no entry for ${name}`);
  if (entry.gypfile !== false) {
    entry.gypfile = false;
    changed++;
  }
}
if (changed) writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(changed ? `package-lock.json: gypfile=false recorded for ${PREBUILT.join(', ')}` : 'package-lock.json already records gypfile=false');
