// Housekeeping: prepared statements are reused and the cache stays bounded; a letter's print copy
// exists while the host prints it and is gone after; writes within one process queue rather than
// collide.
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StatementCache } from '../../src/main/core/db/driver';
import { AUTHORITY, ok, testCore } from '../helpers/core';

describe('prepared statements', () => {
  it('are reused for the same SQL and the least recently used is dropped beyond the limit', () => {
    const cache = new StatementCache(new Database(':memory:'), 3);
    const a = cache.get('SELECT 1');
    expect(cache.get('SELECT 1')).toBe(a);
    cache.get('SELECT 2');
    cache.get('SELECT 3');
    cache.get('SELECT 1'); // now the most recent
    cache.get('SELECT 4'); // drops SELECT 2
    expect(cache.size).toBe(3);
    expect(cache.get('SELECT 1')).toBe(a);
  });
});

describe('print copies', () => {
  // The system's PDF viewer reads the copy after printPdf returns, so it stays in <data>/tmp until
  // it is a day old and the core sweeps it (test/core/shell-files.test.ts).
  it('exist while the host prints and are left in the temporary folder for the PDF viewer', async () => {
    let seen = '';
    let existedDuringPrint = false;
    const core = await testCore({
      host: {
        chooseSavePath: async () => null,
        chooseFiles: async () => [],
        printPdf: async (file) => {
          seen = file;
          existedDuringPrint = existsSync(file);
          return true;
        },
      },
    });
    ok(await core.invoke('settings:update', AUTHORITY));
    const c = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Ann Example' } }));
    expect(ok(await core.invoke('letters:print', { reference: c.reference, kind: 'acknowledgement' }))).toEqual({ printed: true });
    expect(existedDuringPrint).toBe(true);
    expect(existsSync(seen)).toBe(true);
    expect(seen).toContain(`${sep}tmp${sep}`);
    await core.close();
  });
});

describe('writes within one process', () => {
  it('started together, they queue: all succeed and the audit chain holds', async () => {
    const core = await testCore();
    ok(await core.invoke('settings:update', AUTHORITY));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: `Person ${i}` } })),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(new Set(results.map((r) => r.ok && r.value.reference)).size).toBe(20);
    expect(ok(await core.invoke('records:verify', {}))).toMatchObject({ ok: true });
    await core.close();
  });
});
