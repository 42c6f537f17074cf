// demo generate (issue 18): a register of fictional casework, seeded and deterministic, that the
// app reads as its own: every case opens, every status shows, verification passes, search finds
// its words, the saved emails and PDFs read back as the import would have stored them, and the
// next case takes the next number. Small registers only: the 50,000-case run is in bench/README.md.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { DATABASE_FILE } from '../../src/main/core/constants';
import { BlobStore } from '../../src/main/core/blobs';
import { parseEml } from '../../src/main/core/mail/eml';
import { extractPdfText } from '../../src/main/core/pdf/extract';
import { checkOutcome } from '../../src/main/core/services/cases.service';
import { CONTRACT } from '../../src/shared/ipc/features';
import { sequenceProblems } from '../../src/shared/domain/clocks/sequence';
import { CASE_STATUSES } from '../../src/shared/domain/status';
import { REGIMES } from '../../src/shared/domain/clocks/events';
import { ok, tempDir, testCore } from '../helpers/core';
import { runCli } from '../helpers/cli';

const TODAY = '2026-11-20';

async function generated(seed: string, cases = 40, messages?: number): Promise<{ core: Core; summary: Awaited<ReturnType<typeof generate>> }> {
  const core = await testCore({ today: TODAY });
  return { core, summary: await generate(core, seed, cases, messages) };
}

async function generate(core: Core, seed: string, cases: number, messages?: number) {
  return ok(await core.invoke('demo:generate', { cases, seed, ...(messages !== undefined ? { messages } : {}) }));
}

/** Everything the register holds, as one digest: the same seed and day must give the same one. */
function digest(dataDir: string): string {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const h = createHash('sha256');
    for (const table of ['settings', 'requesters', 'cases', 'reference_counters', 'case_events', 'correspondence', 'attachments', 'blobs', 'cost_lines', 'exemptions_applied', 'audit_log']) {
      for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY 1`).iterate()) h.update(JSON.stringify(row));
    }
    for (const row of db.prepare('SELECT kind, item_id, title, body FROM search_index ORDER BY kind, item_id').iterate()) h.update(JSON.stringify(row));
    return h.digest('hex');
  } finally {
    db.close();
  }
}

describe('demo generate', () => {
  let core: Core;
  let summary: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    ({ core, summary } = await generated('tour'));
  }, 60_000);
  afterAll(() => core.close());

  it('is deterministic: the same seed gives the same register, another seed another one', async () => {
    const again = await generated('tour');
    const other = await generated('other');
    try {
      expect(digest(again.core.dataDir)).toBe(digest(core.dataDir));
      expect(digest(other.core.dataDir)).not.toBe(digest(core.dataDir));
      expect({ ...again.summary, seconds: 0 }).toEqual({ ...summary, seconds: 0 });
    } finally {
      await again.core.close();
      await other.core.close();
    }
  }, 60_000);

  it('every case opens, every status is there, and each timeline is one the app would record', async () => {
    const list = ok(await core.invoke('cases:list', { today: TODAY }));
    expect(list).toHaveLength(40);
    const seen = new Map<string, number>();
    for (const item of list) {
      const c = ok(await core.invoke('cases:get', { reference: item.reference }));
      seen.set(c.status, (seen.get(c.status) ?? 0) + 1);
      const events = c.events.filter((e) => e.type !== 'received');
      expect(sequenceProblems(c.regime, c.received, events, TODAY), c.reference).toEqual([]);
      for (const e of events) {
        const input = { reference: c.reference, type: e.type, date: e.date, ...(e.estimate ? { estimate: e.estimate } : {}), ...(e.outcome ? { outcome: e.outcome } : {}) };
        expect(CONTRACT['cases:addEvent'].input.safeParse(input).success, `${c.reference} ${e.type}`).toBe(true);
        expect(() => checkOutcome(e.type, e.outcome ?? undefined)).not.toThrow();
      }
      expect(c.received <= TODAY && c.createdAt <= `${TODAY}T23:59:59`).toBe(true);
    }
    expect([...seen.keys()].sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(Object.entries(summary.statuses).filter(([, n]) => n > 0)));
    expect(Object.keys(summary.regimes).sort()).toEqual([...REGIMES].sort());
    expect(summary.from < `${Number(TODAY.slice(0, 4)) - 3}`).toBe(true); // spread over years
  });

  it('verification passes: stored files, audit chain and correspondence hashes', async () => {
    const report = ok(await core.invoke('records:verify', {}));
    expect(report.problems).toEqual([]);
    expect(report.checked).toMatchObject({ cases: 40, blobs: expect.any(Number) });
    expect(summary.files).toBeGreaterThan(0);
  });

  it('search finds the words of requests, letters and attachments', async () => {
    const [first] = ok(await core.invoke('cases:list', { today: TODAY }));
    const word = first!.summary.split(' ').sort((a, b) => b.length - a.length)[0]!;
    const search = async (query: string) => ok(await core.invoke('search:query', { query, limit: 500 }));
    expect((await search(word)).filter((h) => h.kind === 'case').map((h) => h.reference)).toContain(first!.reference);
    expect((await search('acknowledgement')).some((h) => h.kind === 'correspondence')).toBe(true);
    // The authority's name is on every letter it sends as a PDF.
    expect((await search('Northmoor council')).some((h) => h.kind === 'attachment')).toBe(true);
  });

  it('saved emails and PDFs read back exactly as the import would have stored them', async () => {
    const db = new Database(join(core.dataDir, DATABASE_FILE), { readonly: true });
    const blobs = new BlobStore(join(core.dataDir, 'blobs'));
    try {
      const items = db.prepare('SELECT * FROM correspondence WHERE source_sha256 IS NOT NULL ORDER BY id LIMIT 6').all() as Record<string, string>[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const m = await parseEml(blobs.get(item.source_sha256!));
        expect({ from: m.from, to: m.to.join(', '), subject: m.subject, body: m.text, headers: JSON.stringify(m.headers), messageId: m.messageId, sentAt: m.date, warnings: m.warnings })
          .toEqual({ from: item.from_text, to: item.to_text, subject: item.subject, body: item.body, headers: item.headers, messageId: item.message_id, sentAt: item.sent_at, warnings: [] });
        const files = db.prepare('SELECT original_filename AS name, sha256 FROM attachments WHERE correspondence_id = ? ORDER BY id').all(item.id);
        expect(files).toEqual(m.attachments.map((a) => ({ name: a.filename, sha256: createHash('sha256').update(a.bytes).digest('hex') })));
      }
      const pdfs = db.prepare("SELECT a.sha256, s.body FROM attachments a JOIN search_index s ON s.kind = 'attachment' AND s.item_id = a.id WHERE a.content_type = 'application/pdf' LIMIT 4").all() as { sha256: string; body: string }[];
      expect(pdfs.length).toBeGreaterThan(0);
      for (const p of pdfs) expect((await extractPdfText(blobs.get(p.sha256))).text).toBe(p.body);
    } finally {
      db.close();
    }
  });

  it('the next case takes the next number in its year', async () => {
    const refs = ok(await core.invoke('cases:list', { today: TODAY })).map((c) => c.reference).filter((r) => r.startsWith(`FOI/${TODAY.slice(0, 4)}/`));
    const next = ok(await core.invoke('cases:create', { regime: 'foia', received: TODAY, requester: { name: 'A New Requester' } }));
    expect(next.reference).toBe(`FOI/${TODAY.slice(0, 4)}/${String(refs.length + 1).padStart(4, '0')}`);
  });

  it('shares exactly the messages asked for, fewer than one a case included', async () => {
    const few = await generated('few', 20, 7);
    try {
      expect(few.summary).toMatchObject({ cases: 20, messages: 7 });
      const db = new Database(join(few.core.dataDir, DATABASE_FILE), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM correspondence').get()).toEqual({ n: 7 });
      db.close();
    } finally {
      await few.core.close();
    }
  }, 30_000);

  it('refuses a register that already holds a case, and changes nothing', async () => {
    const busy = await testCore({ today: TODAY });
    try {
      ok(await busy.invoke('cases:create', { regime: 'foia', received: TODAY, requester: { name: 'Real Requester' } }));
      const before = ok(await busy.invoke('audit:list', { limit: 1000 })).length;
      const r = await busy.invoke('demo:generate', { cases: 5, seed: 'x' });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('already holds 1 case') } });
      expect(ok(await busy.invoke('cases:list', {}))).toHaveLength(1);
      expect(ok(await busy.invoke('audit:list', { limit: 1000 }))).toHaveLength(before);
    } finally {
      await busy.close();
    }
  });
});

describe('storing many files at once (BlobStore.putMany)', () => {
  it('stores each file once, whole and checked, and again changes nothing', async () => {
    const store = new BlobStore(join(tempDir('disclose-putmany-'), 'blobs'));
    const files = ['one', 'two', 'one', 'three'].map((t) => Buffer.from(`${t} `.repeat(1000))).map((bytes) => ({ bytes, sha: createHash('sha256').update(bytes).digest('hex') }));
    await store.putMany(files);
    expect(files.map((f) => store.check(f.sha))).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(store.list()).toMatchObject({ blobs: expect.any(Array), strays: [] });
    expect(store.list().blobs).toHaveLength(3);
    await store.putMany(files);
    expect(store.list().blobs).toHaveLength(3);
  });
});

describe('demo generate on the command line', () => {
  it('on the command line, ends with every generated document paired for phrase searches, as a register of years holds them', () => {
    const dir = tempDir('disclose-demo-pairs-');
    const r = runCli(['demo', 'generate', '--cases', '400', '--seed', 'pairs', '--json', '--today', TODAY], dir);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ cases: 400, messages: 4400 });
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      // More documents than one write pairs itself (PAIRED_BY_THE_WRITE), so the background had work.
      expect(db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBeGreaterThan(256);
      expect(db.prepare('SELECT count(*) FROM search_unpaired').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('keeps its contract: --cases --messages --seed --json, refusal with exit 1, usage errors with exit 2', () => {
    const dir = tempDir('disclose-demo-cli-');
    const r = runCli(['demo', 'generate', '--cases', '12', '--messages', '60', '--seed', 'cli', '--json', '--today', TODAY], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ cases: 12, messages: 60, attachments: expect.any(Number), files: expect.any(Number), seconds: expect.any(Number), seed: 'cli', to: TODAY });
    const verify = runCli(['verify', '--json', '--today', TODAY], dir);
    expect(verify.json()).toMatchObject({ ok: true, checked: { cases: 12 } });
    const again = runCli(['--json', 'demo', 'generate', '--cases', '3'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds 12 cases/);
    expect(again.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(runCli(['demo', 'generate', '--cases', 'many'], tempDir()).status).toBe(2);
    expect(runCli(['demo', 'generate'], tempDir()).status).toBe(2);
    expect(runCli(['--help'], dir).stdout).toContain('demo generate --cases N [--messages M] [--seed S]');
  }, 60_000);
});
