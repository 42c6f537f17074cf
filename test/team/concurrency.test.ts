// Officers working at once on the team database: references stay unique and gap-free under
// concurrent creation, a failed creation gives its number back, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { addOfficer, teamInit } from '../../src/main/core/db/team-admin';
import { AUTHORITY, ok, tempDir } from '../helpers/core';
import { freshTeamSchema, urlFor } from '../helpers/team';

let admin = '';
let schema = '';
const officers = ['ana', 'ben', 'cai', 'dee', 'eve', 'fay'];
const cores: Core[] = [];

beforeAll(async () => {
  ({ url: admin, schema } = await freshTeamSchema());
  await teamInit(admin);
  await addOfficer(admin, { login: 'lee', name: 'Lee Lead', lead: true }, new Date());
  for (const login of officers) await addOfficer(admin, { login, name: login.toUpperCase(), lead: false }, new Date());
  const lee = await openCore({ dataDir: tempDir(), database: urlFor(admin, schema, 'lee'), resourcesDir: 'resources' });
  cores.push(lee);
  ok(await lee.invoke('settings:update', { ...AUTHORITY, referenceFormat: '{regime}/{yyyy}/{seq:4}' }));
  for (const login of officers) cores.push(await openCore({ dataDir: tempDir(), database: urlFor(admin, schema, login), resourcesDir: 'resources', now: () => new Date('2026-11-20T10:00:00Z') }));
});
afterAll(async () => {
  for (const c of cores) await c.close();
});

describe('concurrent creation', () => {
  it('gives unique, gap-free references per regime and year to six officers creating at once', async () => {
    const each = 8;
    const made = await Promise.all(
      cores.slice(1).flatMap((c, i) =>
        Array.from({ length: each }, (_, n) =>
          c.invoke('cases:create', { regime: n % 2 ? 'eir' : 'foia', received: '2026-11-02', requester: { name: `Requester ${i}-${n}` } }),
        ),
      ),
    );
    const refs = made.map((r) => ok(r).reference);
    expect(new Set(refs).size).toBe(refs.length);
    for (const prefix of ['FOI', 'EIR']) {
      const numbers = refs.filter((r) => r.startsWith(`${prefix}/`)).map((r) => Number(r.split('/')[2])).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: (officers.length * each) / 2 }, (_, i) => i + 1));
    }
  });

  it('a refused creation takes no number: the next case gets it', async () => {
    const c = cores[1]!;
    const before = ok(await c.invoke('cases:list', {})).length;
    const refused = await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'X' }, reference: 'FOI/2026/0001' });
    expect(refused.ok).toBe(false);
    const next = ok(await c.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'Y' } }));
    expect(next.reference).toBe(`FOI/2026/${String(officers.length * 4 + 1).padStart(4, '0')}`);
    expect(ok(await c.invoke('cases:list', {})).length).toBe(before + 1);
  });
});
