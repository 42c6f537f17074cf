// A copy returned to the team database leaves nothing of its files on the laptop: the small files a
// checked-out register keeps in its database (src/main/core/blobs.ts) are overwritten when the
// copy is checked in, not left in the register file's free pages while other copies stay out.
import { afterAll, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok } from '../helpers/core';
import { freshTeamSchema } from '../helpers/team';
import { checkIn, checkOut, makeTeam, openCopies, tempDir, type Team } from '../helpers/checkout';
import { whereStored } from '../helpers/stored';
import { sha256Hex } from '../../src/main/core/blobs';
import { DATABASE_FILE } from '../../src/main/core/constants';

let team: Team | undefined;
afterAll(async () => {
  await team?.close();
});

it("overwrites a returned copy's files in the checked-out register, while another copy stays out", async () => {
  const { url, schema } = await freshTeamSchema();
  team = await makeTeam(url, schema);
  const alice = await team.core('alice');
  for (const summary of ['Gritting', 'Potholes']) ok(await alice.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary }));
  const dir = tempDir();
  await checkOut(team, 'alice', dir, ['FOI/2026/0001', 'FOI/2026/0002'], { until: '2026-12-04' });
  const marker = Buffer.concat([Buffer.from([0, 1, 2, 0xfe]), Buffer.from('SECRETLAPTOP-'.repeat(300), 'latin1'), Buffer.from([0xff, 0])]);
  const copies = await openCopies(dir, { actor: 'alice' });
  ok(await copies.invoke('correspondence:import', { reference: 'FOI/2026/0001', role: 'evidence', files: [{ name: 'scan.bin', data: marker.toString('base64') }] }));
  await copies.close();
  expect(whereStored(dir, sha256Hex(marker))).toBe('database');

  const r = await checkIn(team, 'alice', dir, ['FOI/2026/0001']);
  expect(r.remaining).toBe(1);
  expect(whereStored(dir, sha256Hex(marker))).toBeNull();
  // On the team database, whole.
  const back = ok(await alice.invoke('cases:get', { reference: 'FOI/2026/0001' }));
  expect(back.attachments.map((a) => a.sha256)).toContain(sha256Hex(marker));
  // Opened and closed once more, so the register's log is checkpointed into its file.
  const again = await openCopies(dir, { actor: 'alice' });
  await again.close();
  const file = join(dir, DATABASE_FILE);
  expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  expect(readFileSync(file).includes(Buffer.from('SECRETLAPTOP-SECRETLAPTOP-', 'latin1'))).toBe(false);
});
