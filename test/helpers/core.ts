// A real core on a real SQLite file in a fresh temp folder, with a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../src/main/core';

export function tempDir(prefix = 'disclose-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function testCore(opts: Partial<CoreOptions> & { today?: string } = {}): Promise<Core> {
  const today = opts.today ?? '2026-11-20';
  return openCore({
    dataDir: opts.dataDir ?? tempDir(),
    resourcesDir: 'resources',
    actor: 'test-officer',
    now: () => new Date(`${today}T10:00:00`),
    // Every answer in the core suite is checked against its channel's output schema.
    checkOutputs: true,
    ...opts,
  });
}

/** Unwraps a result, failing the test with the error message when it is not ok. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export const AUTHORITY = {
  name: 'Borsetshire County Council',
  address: 'County Hall\nFelpersham\nBorsetshire BC1 1AA',
  email: 'foi@borsetshire.example.gov.uk',
  centralGovernment: false,
  referenceFormat: 'FOI/{yyyy}/{seq:4}',
  signatoryName: 'Alex Morgan',
  signatoryTitle: 'Information Governance Officer',
  region: 'england-and-wales',
} as const;
