// A child process for the records tests and the bench scripts: opens a data folder and works on it
// until it finishes or is killed. Modes:
//   open DIR                 open (creating or upgrading), then close
//   write DIR MS ID          create cases for MS milliseconds; print {"created","errors"}
//   ops DIR START            import, letter, estimate, bundle in a loop from op START until killed
// It prints "start" before opening and "opened" after, so a parent can aim its kill.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../src/main/core';
import { AUTHORITY } from './core';
import { eml, PDF_BYTES } from '../fixtures/mail/make-fixtures';

const [mode, dataDir, arg1, arg2] = process.argv.slice(2) as [string, string, string?, string?];
const out = mkdtempSync(join(tmpdir(), 'disclose-child-out-'));

async function open(): Promise<Core> {
  process.stdout.write('start\n');
  const core = await openCore({
    dataDir,
    resourcesDir: process.env.DISCLOSE_RESOURCES ?? 'resources',
    actor: `child-${process.pid}`,
    now: () => new Date('2026-11-20T10:00:00'),
    host: {
      chooseSavePath: async ({ defaultName, slot }) => join(out, `${Date.now()}-${slot ?? ''}${defaultName}`),
      printPdf: async () => true,
      chooseFiles: async () => [],
    },
  });
  process.stdout.write('opened\n');
  return core;
}

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function createCase(core: Core, name: string) {
  return must(core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name, email: 'someone@example.org' }, summary: `Request from ${name}` }));
}

type Op = (core: Core, ref: string, i: number) => Promise<unknown>;
const OPS: Op[] = [
  (core, ref, i) => {
    const body = Buffer.from(Buffer.from(eml.alternativeWithInlineAndPdf).toString('utf8').replace(/req-001@example\.org/g, `req-${process.pid}-${i}@example.org`));
    return must(core.invoke('correspondence:import', { reference: ref, files: [{ name: `m${i}.eml`, data: body.toString('base64') }] }));
  },
  (core, ref, i) =>
    must(core.invoke('correspondence:import', { reference: ref, role: 'disclosed', files: [{ name: `d${i}.pdf`, data: Buffer.concat([PDF_BYTES, Buffer.from(`${process.pid} ${i}`)]).toString('base64') }] })),
  (core, ref) => must(core.invoke('letters:save', { reference: ref, kind: 'acknowledgement' })),
  (core, ref, i) => must(core.invoke('costs:set', { reference: ref, lines: [{ activity: 'locating', quantity: 2 + i, minutesEach: 30 }] })),
  (core, ref) => must(core.invoke('bundles:export', { reference: ref, kind: 'open' })),
];

async function main(): Promise<void> {
  if (mode === 'open') {
    const core = await open();
    await core.close();
    return;
  }
  if (mode === 'write') {
    const core = await open();
    await must(core.invoke('settings:update', AUTHORITY));
    const until = Date.now() + Number(arg1);
    let created = 0;
    const errors: string[] = [];
    while (Date.now() < until) {
      try {
        await createCase(core, `Writer ${arg2} number ${created}`);
        created++;
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    await core.close();
    process.stdout.write(`${JSON.stringify({ created, errors })}\n`);
    return;
  }
  if (mode === 'ops') {
    const core = await open();
    await must(core.invoke('settings:update', AUTHORITY));
    // Each run starts at a different operation (arg1), so that kills land across all of them.
    const start = Number(arg1 ?? 0);
    for (let i = 0; ; i++) {
      const ref = (await createCase(core, `Crash Test ${process.pid} ${i}`)).reference;
      for (let k = 0; k < OPS.length; k++) await OPS[(start + k) % OPS.length]!(core, ref, i);
      process.stdout.write(`round ${i}\n`);
    }
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((err: unknown) => {
  writeFileSync(2, `child failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
