// Moving a local register into the team database: everything arrives, files come back byte for
// byte from the database on another machine, the history keeps its original actors marked as
// imported, and a second attempt changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openCore, type Core } from '../../src/main/core';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';
import { importLocalRegister } from '../../src/main/core/db/team-import';
import { sha256Hex } from '../../src/main/core/blobs';
import { AUTHORITY, ok, tempDir } from '../helpers/core';
import { eml } from '../fixtures/mail/make-fixtures';
import { freshTeamSchema, urlFor } from '../helpers/team';

let admin = '';
let schema = '';
let localDir = '';
const cores: Core[] = [];
const now = () => new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  ({ url: admin, schema } = await freshTeamSchema());
  await teamInit(admin);
  await addOfficer(admin, { login: 'lee', name: 'Lee Lead', lead: true }, now());
  await addOfficer(admin, { login: 'bob', name: 'Bob Officer', lead: false }, now());
  // A lone officer's register, kept on a laptop.
  localDir = tempDir();
  const files = tempDir();
  const mail = join(files, 'request.eml');
  writeFileSync(mail, eml.alternativeWithInlineAndPdf);
  const local = await openCore({
    dataDir: localDir,
    resourcesDir: 'resources',
    actor: 'zoe.laptop',
    now,
    host: { chooseFiles: async () => [mail], chooseSavePath: async () => null, printPdf: async () => false },
  });
  ok(await local.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}/{yyyy}/{seq:4}' }));
  ok(await local.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Zoë Ó Dónaill-Nguyễn 王' }, summary: 'Pothole contracts' }));
  ok(await local.invoke('cases:create', { regime: 'sar', received: '2026-11-03', requester: { name: 'Sam Subject' }, summary: 'My records' }));
  ok(await local.invoke('correspondence:importChosen', { reference: 'FOI/2026/0001' }));
  ok(await local.invoke('cases:addEvent', { reference: 'FOI/2026/0001', type: 'clarification-sought', date: '2026-11-04' }));
  await local.close();
});
afterAll(async () => {
  for (const c of cores) await c.close();
});

describe('team import --from DIR', () => {
  it('brings every case, item, file and audit row across in one go, allocated to the importer', async () => {
    const r = await importLocalRegister(urlFor(admin, schema, 'lee'), localDir, { now: now() });
    expect(r).toMatchObject({ cases: 2, officer: 'lee' });
    expect(r.correspondence).toBeGreaterThanOrEqual(1);
    expect(r.files).toBeGreaterThanOrEqual(2);
    expect(r.auditRows).toBeGreaterThanOrEqual(4);

    // Another machine, with an empty cache: the files come from the database, verified.
    const lee = await openCore({ dataDir: tempDir(), database: urlFor(admin, schema, 'lee'), resourcesDir: 'resources', now });
    cores.push(lee);
    const list = ok(await lee.invoke('cases:list', {}));
    expect(list.map((c) => [c.reference, c.officer]).sort()).toEqual([
      ['FOI/2026/0001', 'lee'],
      ['SAR/2026/0001', 'lee'],
    ]);
    const kase = ok(await lee.invoke('cases:get', { reference: 'FOI/2026/0001' }));
    expect(kase.requester.name).toBe('Zoë Ó Dónaill-Nguyễn 王');
    expect(kase.events.map((e) => e.type)).toEqual(['received', 'clarification-sought']);
    const attachment = kase.correspondence.flatMap((c) => c.attachments).find((a) => a.contentType === 'application/pdf')!;
    const opened = ok(await lee.invoke('attachments:content', { id: attachment.id }));
    expect(sha256Hex(Buffer.from(opened.dataBase64!, 'base64'))).toBe(attachment.sha256);
    expect(ok(await lee.invoke('search:query', { query: 'pothole' })).map((h) => h.reference)).toContain('FOI/2026/0001');
    const report = ok(await lee.invoke('records:verify', {}));
    expect(report.problems).toEqual([]);
  });

  it('keeps the history with its original actors, each row marked imported, and records the import itself', async () => {
    const c = new pg.Client({ connectionString: admin, options: `-c search_path=${schema}` });
    await c.connect();
    try {
      const rows = (await c.query('SELECT actor, action, imported FROM audit_log ORDER BY id')).rows as { actor: string; action: string; imported: number }[];
      const imported = rows.filter((r) => r.imported === 1);
      expect(imported.length).toBeGreaterThanOrEqual(4);
      expect(new Set(imported.map((r) => r.actor))).toEqual(new Set(['zoe.laptop']));
      expect(rows.find((r) => r.action === 'register.imported')).toMatchObject({ actor: 'lee', imported: 0 });
      expect(rows.findIndex((r) => r.action === 'register.imported')).toBeGreaterThan(rows.findLastIndex((r) => r.imported === 1));
    } finally {
      await c.end();
    }
  });

  it('refuses a second import of the same register and changes nothing', async () => {
    const count = async () => {
      const c = new pg.Client({ connectionString: admin, options: `-c search_path=${schema}` });
      await c.connect();
      try {
        return (await c.query('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_log) AS audit')).rows[0];
      } finally {
        await c.end();
      }
    };
    const before = await count();
    await expect(importLocalRegister(urlFor(admin, schema, 'lee'), localDir, { now: now() })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count()).toEqual(before);
  });

  it('is for a lead: an officer cannot carry another person’s history in', async () => {
    const other = tempDir();
    const local = await openCore({ dataDir: other, resourcesDir: 'resources', actor: 'someone', now });
    ok(await local.invoke('settings:update', { ...AUTHORITY, referenceFormat: 'X/{yyyy}/{seq:4}' }));
    ok(await local.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A' } }));
    await local.close();
    await expect(importLocalRegister(urlFor(admin, schema, 'bob'), other, { now: now() })).rejects.toThrow(/only a lead|refused/);
  });
});
