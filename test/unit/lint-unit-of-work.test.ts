// The unit-of-work and SQL rules are lint rules (eslint.config.js): linting code that breaks them
// must fail, in a service and in a repository alike, and the code the core is written in must pass.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

const INSIDE_WRITE = `import type { CoreContext } from '../context';
export async function f(ctx: CoreContext, g: (c: CoreContext) => Promise<void>) {
  await ctx.write(async ({ audit }) => {
    await ctx.db.destroy();
    await ctx.calendars();
    await g(ctx);
    await audit({ action: 'x', caseId: null, summary: '' });
  });
}
`;

describe('lint: one unit of work, SQL only in repositories', () => {
  it('refuses the core handle, the calendars and ctx itself inside ctx.write, in any core file', async () => {
    for (const file of ['src/main/core/services/probe.ts', 'src/main/core/repositories/probe.ts']) {
      const found = await messages(INSIDE_WRITE, file);
      expect(found.filter((m) => m.startsWith('Inside ctx.write use the scope'))).toHaveLength(2);
      expect(found.filter((m) => m.startsWith('Do not hand ctx'))).toHaveLength(1);
    }
  });

  it('refuses substitute contexts and db = ctx.db defaults', async () => {
    const code = `import type { CoreContext } from '../context';
export function f(ctx: CoreContext, db = ctx.db) { return { ...ctx, db }; }
`;
    const found = await messages(code, 'src/main/core/services/probe.ts');
    expect(found.some((m) => m.startsWith('No hand-made substitute contexts'))).toBe(true);
    expect(found.some((m) => m.startsWith('No `db = ctx.db` defaults'))).toBe(true);
  });

  it('refuses query builders, the sql tag and raw statements outside repositories, db and backup', async () => {
    const code = `import { sql, type Kysely } from 'kysely';
import type Database from 'better-sqlite3';
export async function f(db: Kysely<any>, sqlite: Database.Database, ctx: { sqlite: Database.Database }) {
  await db.selectFrom('cases').selectAll().execute();
  await db.deleteFrom('cases').execute();
  await sql\`SELECT 1\`.execute(db);
  sqlite.prepare('SELECT 1');
  ctx.sqlite.pragma('integrity_check');
}
`;
    const sqlRule = (m: string) => m.includes('SQL belongs in src/main/core/repositories');
    expect((await messages(code, 'src/main/core/services/probe.ts')).filter(sqlRule)).toHaveLength(6);
    expect((await messages(code, 'src/main/core/redaction/probe.ts')).filter(sqlRule)).toHaveLength(6);
    for (const home of ['src/main/core/repositories/probe.ts', 'src/main/core/db/probe.ts', 'src/main/core/backup/probe.ts']) {
      expect((await messages(code, home)).filter(sqlRule)).toEqual([]);
    }
  });

  it('passes the services as they are written', async () => {
    const results = await eslint.lintFiles(['src/main/core/services/**/*.ts', 'src/main/core/repositories/**/*.ts']);
    expect(results.length).toBeGreaterThan(20);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
