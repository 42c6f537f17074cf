// A data folder with something in it: two cases, an imported email with its attachments, a
// document, a letter filed as outgoing correspondence, events; and a snapshot of everything an
// officer can read back, to compare a folder with its restored copy.
import { join } from 'node:path';
import type { Core } from '../../src/main/core';
import { AUTHORITY, ok, tempDir, testCore } from './core';
import { eml, PDF_BYTES } from '../fixtures/mail/make-fixtures';

export async function populatedCore(dataDir = tempDir(), today = '2026-11-20'): Promise<Core> {
  const out = tempDir('disclose-out-');
  const core = await testCore({
    dataDir,
    today,
    host: { chooseSavePath: async ({ defaultName }) => join(out, defaultName), printPdf: async () => true, chooseFiles: async () => [] },
  });
  ok(await core.invoke('settings:update', AUTHORITY));
  const a = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill', email: 'zoe@example.org', address: '1 Mill Lane\nFelpersham' }, summary: 'Potholes on Mill Lane', requestText: 'Zoë asks for the repair log.' }));
  const b = ok(await core.invoke('cases:create', { regime: 'eir', received: '2026-10-01', requester: { name: 'Sam Jones' }, summary: 'Air quality' }));
  ok(await core.invoke('correspondence:import', { reference: a.reference, files: [{ name: 'request.eml', data: Buffer.from(eml.alternativeWithInlineAndPdf).toString('base64') }] }));
  ok(await core.invoke('correspondence:import', { reference: a.reference, role: 'disclosed', files: [{ name: 'log.pdf', data: PDF_BYTES.toString('base64') }] }));
  ok(await core.invoke('letters:save', { reference: a.reference, kind: 'acknowledgement' }));
  ok(await core.invoke('cases:addEvent', { reference: b.reference, type: 'responded', date: '2026-10-20' }));
  return core;
}

/** Everything an officer can read back about the cases, for comparing two folders. */
export async function readBack(core: Core) {
  const list = ok(await core.invoke('cases:list', {}));
  const cases = [];
  for (const c of list) {
    cases.push({
      detail: ok(await core.invoke('cases:get', { reference: c.reference })),
      correspondence: ok(await core.invoke('correspondence:list', { reference: c.reference })),
      audit: ok(await core.invoke('audit:list', { reference: c.reference, limit: 1000 })),
    });
  }
  return { cases, settings: ok(await core.invoke('settings:get', {})) };
}
