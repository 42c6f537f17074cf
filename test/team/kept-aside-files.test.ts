// The files of a copy kept aside at check-in (its case was released meanwhile) are named only by
// that copy until a lead merges it: no removal of files "nothing uses" may take them, whether a
// lead changes the Word template or runs retention.
import { afterAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, makeTeam, openCopies, tempDir, type Team } from '../helpers/checkout';
import { writeZip } from '../../src/main/core/bundle/zip';

let team: Team | undefined;
afterAll(async () => {
  await team?.close();
});

it("keeps a kept-aside copy's files when a lead changes the Word template or runs retention", async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  const files = tempDir();
  const template = (name: string) => {
    const path = join(files, name);
    return writeZip(path, [{ name: 'word/document.xml', bytes: Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${name}</w:t></w:r></w:p></w:body></w:document>`) }], { date: new Date('2026-01-01T00:00:00Z') }).then(() => path);
  };
  let chosen = '';
  const alice = await team.core('alice');
  const lee = await team.core('lee', { host: { chooseFiles: async () => [chosen], chooseSavePath: async () => null, printPdf: async () => true } });
  ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Gritting' }));
  const dir = tempDir();
  await checkOut(team, 'alice', dir, ['FOI/2026/0001']);
  const copy = await openCopies(dir);
  const offline = Buffer.from('Minutes taken on the laptop, offline. '.repeat(20));
  const sha = createHash('sha256').update(offline).digest('hex');
  ok(await copy.invoke('correspondence:import', { reference: 'FOI/2026/0001', files: [{ name: 'minutes.txt', data: offline.toString('base64') }] }));
  await copy.close();
  ok(await lee.invoke('checkout:release', { reference: 'FOI/2026/0001', reason: 'Laptop lost' }));
  const back = await checkIn(team, 'alice', dir, ['FOI/2026/0001']);
  expect(back.cases[0]?.outcome).toBe('kept-aside');
  const held = async () => (await team!.sql<{ blobs: number; chunks: number }>('admin', 'SELECT (SELECT count(*)::int FROM blobs WHERE sha256 = $1) AS blobs, (SELECT count(*)::int FROM blob_chunks WHERE sha256 = $1) AS chunks', [sha]))[0];
  expect(await held()).toEqual({ blobs: 1, chunks: 1 });

  chosen = await template('first.docx');
  ok(await lee.invoke('letters:setDocxTemplate', { clear: false }));
  chosen = await template('second.docx');
  ok(await lee.invoke('letters:setDocxTemplate', { clear: false }));
  ok(await lee.invoke('letters:setDocxTemplate', { clear: true }));
  expect(await held()).toEqual({ blobs: 1, chunks: 1 });
  // The templates replaced and cleared are gone; nothing else was.
  expect((await team.sql<{ n: number }>('admin', 'SELECT count(*)::int AS n FROM blobs'))[0]!.n).toBe(1);
  ok(await lee.invoke('retention:apply', { before: '2026-11-21', confirm: true }));
  expect(await held()).toEqual({ blobs: 1, chunks: 1 });
});
