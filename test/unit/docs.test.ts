// The repository stands alone: its docs exist, the README agrees with package.json, and every
// "§n" reference to the law reference in the code resolves to a section of docs/law.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const law = readFileSync('docs/law.md', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const headings = new Set([...law.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]!));
const pitfalls = law.slice(law.indexOf('## 8.'), law.indexOf('## 9.'));
const pitfallItems = new Set([...pitfalls.matchAll(/^(\d+)\. /gm)].map((m) => m[1]!));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** A reference resolves if it names a section (§2.4), a subsection's lettered case (§3.1(a)), or a pitfall (§8.10). */
function resolves(ref: string): boolean {
  const [, major, minor] = /^(\d+)(?:\.(\d+))?/.exec(ref)!;
  if (!minor) return headings.has(major!);
  return headings.has(`${major}.${minor}`) || (major === '8' && pitfallItems.has(minor));
}

describe('docs', () => {
  it('docs/law.md keeps the section numbering the code cites (§1.1–1.7, §2.1–2.4, §3.1, §4, §5.1–5.2, §6.1–6.4, §7, §8 with ten pitfalls, §9)', () => {
    expect([...headings]).toEqual(['1', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2', '2.1', '2.2', '2.3', '2.4', '3', '3.1', '4', '5', '5.1', '5.2', '6', '6.1', '6.2', '6.3', '6.4', '7', '8', '9']);
    expect([...pitfallItems]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('every "docs/law.md §…" or "law.md §…" reference in src and test resolves', () => {
    const refs = files('src')
      .concat(files('test'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:foi-domain|law)\.md,? §(\d+(?:\.\d+)?)/g)].map((m) => ({ f, ref: m[1]! })));
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !resolves(r.ref))).toEqual([]);
  });

  it('the README and docs point only inside the repository', () => {
    for (const text of [readme, ...readdirSync('docs').filter((n) => n.endsWith('.md')).map((n) => readFileSync(join('docs', n), 'utf8'))]) {
      expect(text).not.toMatch(/\.\.\/shared|\/work\/shared/);
    }
    for (const doc of ['law', 'architecture', 'accessibility', 'it']) expect(readme).toContain(`docs/${doc}.md`);
  });

  it('the README asks for the Node version package.json requires', () => {
    const min = /^>=(\d+\.\d+)$/.exec(pkg.engines.node)![1]!;
    expect(readme).toContain(`Node ${min} or later`);
  });
});
