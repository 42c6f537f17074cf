// Clear errors when the team database cannot be used: the server down, a login it does not know,
// a schema not set up or newer than the app, a password put in the address. Nothing is changed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openCore } from '../../src/main/core';
import { teamInit } from '../../src/main/core/db/team-admin';
import { testTeamDatabase } from '../../src/main/core/services/team.service';
import { parseDatabaseUrl } from '../../src/main/core/db/postgres';
import { tempDir } from '../helpers/core';
import { asAdmin, freshTeamSchema, urlFor } from '../helpers/team';

const open = (database: string) => openCore({ dataDir: tempDir(), database, resourcesDir: 'resources' });

describe('opening the team database', () => {
  it('says the server cannot be reached (OFFLINE), on the command line too', async () => {
    const down = 'postgres://someone@127.0.0.1:1/disclose';
    await expect(open(down)).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/cannot be reached.*Nothing was changed/s) });
    const r = spawnSync(process.execPath, ['scripts/cli.mjs', 'case', 'list', '--database', down, '--json', '--data-dir', tempDir()], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error.code).toBe('OFFLINE');
  });

  it('says the login is refused (FORBIDDEN) when the server does not know it', async () => {
    const { url, schema } = await freshTeamSchema();
    await teamInit(url);
    await expect(open(urlFor(url, schema, 'nobody_here'))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/refused the login/) });
  });

  it('says the schema is not set up (NOT_CONFIGURED), or newer than this app (DB_NEWER)', async () => {
    const { url, schema } = await freshTeamSchema();
    await expect(open(url)).rejects.toMatchObject({ code: 'NOT_CONFIGURED', message: expect.stringMatching(/team init/) });
    await teamInit(url);
    await asAdmin((c) => c.query("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099_01_01_0000_future', 'x')"), schema);
    await expect(open(url)).rejects.toMatchObject({ code: 'DB_NEWER', message: expect.stringMatching(/newer version of Disclose/) });
    await expect(testTeamDatabase(url)).rejects.toMatchObject({ code: 'DB_NEWER' });
  });

  it('refuses an address with a password in it, so that none is kept in a file', async () => {
    await expect(testTeamDatabase('postgres://alice:secret@127.0.0.1:5432/disclose')).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/password/) });
  });
});

describe('the address', () => {
  it('encrypts and checks the server for anything across a network, and refuses to go in the clear', () => {
    expect(parseDatabaseUrl('postgres://alice@db.council.local/disclose').config.connectionString).toContain('sslmode=verify-full');
    expect(parseDatabaseUrl('postgres://alice@db.council.local/disclose?sslmode=require&sslrootcert=/etc/ca.pem').config.connectionString).toContain('sslmode=require');
    expect(() => parseDatabaseUrl('postgres://alice@db.council.local/disclose?sslmode=disable')).toThrow(/must be encrypted/);
    // This computer's own server, over a Unix socket or loopback, as IT chooses.
    expect(parseDatabaseUrl('postgres://alice@localhost/disclose?host=/run/postgresql').config.connectionString).not.toContain('sslmode');
    expect(parseDatabaseUrl('postgres://alice:pw@localhost/disclose').display).not.toContain('pw');
  });
});
