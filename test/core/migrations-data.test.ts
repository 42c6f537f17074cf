// The migrations that change data, run N-1 → N with rows in place: every row is kept, and changed
// only as the migration intends. Engines plug in through ENGINES (see helpers/migration-harness).
import { describe, expect, inject, it } from 'vitest';
import { postgresEngine } from '../helpers/migration-harness-pg';
import { openBefore, sqliteEngine, type Engine, type MigrationDb, type Row } from '../helpers/migration-harness';
import { auditContentHash, auditRowHash, chainHash, CHAIN_START, correspondenceContentHash, type AuditContent, type CorrespondenceContent } from '../../src/main/core/db/integrity';

// The team database, where PostgreSQL is installed (always in CI).
const ENGINES: Engine[] = [sqliteEngine, ...(inject('pgUrl') ? [postgresEngine] : [])];
const T = '2025-03-03T09:00:00Z';

async function withDb(engine: Engine, name: string, body: (db: MigrationDb) => Promise<void>): Promise<void> {
  const db = await openBefore(engine, name);
  try {
    await body(db);
  } finally {
    await db.close();
  }
}

async function oneCase(db: MigrationDb, id: number, regime = 'foia'): Promise<void> {
  await db.insert('requesters', { id, name: `Zoë Ó Dónaill-Nguyễn ${id}`, email: `r${id}@example.org`, created_at: T });
  await db.insert('cases', { id, reference: `FOI/2025/${String(id).padStart(4, '0')}`, regime, received_date: '2025-03-03', requester_id: id, summary: `Roads ${id}`, created_at: T, updated_at: T });
}

type IndexDoc = { case_id: number; kind: string; item_id: number; title: string; body: string };

/** Index rows as the app writes them on each engine (the team database computes `terms`). */
async function indexDocs(engine: Engine, db: MigrationDb, docs: readonly IndexDoc[]): Promise<void> {
  for (const d of docs) {
    if (engine.name === 'postgres') {
      await db.query(
        "INSERT INTO search_index (case_id, kind, item_id, title, body, terms) VALUES ($1, $2, $3, $4, $5, setweight(to_tsvector('simple', $4), 'A') || to_tsvector('simple', $5))",
        [d.case_id, d.kind, d.item_id, d.title, d.body],
      );
    } else await db.insert('search_index', d);
  }
}

const without = (rows: Row[], ...cols: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !cols.includes(k))));

for (const engine of ENGINES) {
  describe(`migrations that change data keep every row (${engine.name})`, () => {
    it('2026_11_30_0300_tamper_evidence back-fills the audit chain and the correspondence hashes', () =>
      withDb(engine, '2026_11_30_0300_tamper_evidence', async (db) => {
        await oneCase(db, 1);
        for (let i = 1; i <= 4; i++) await db.insert('audit_log', { at: `2025-03-0${i}T10:00:00Z`, actor: 'old', action: 'case.updated', case_id: i % 2 ? 1 : null, summary: `Edit ${i} — “quoted”`, detail: JSON.stringify({ n: i }) });
        await db.insert('correspondence', { case_id: 1, direction: 'in', channel: 'email', sent_at: T, from_text: 'a@example.org', subject: 'Request', body: 'Please send…', headers: '[["X","1"]]', created_at: T });
        await db.insert('correspondence', { case_id: 1, direction: 'out', channel: 'post', sent_at: T, subject: 'Reply', created_at: T });
        const audit = await db.rows('audit_log', 'id');
        const items = await db.rows('correspondence', 'id');
        await db.migrateThrough('2026_11_30_0300_tamper_evidence');

        const auditAfter = await db.rows('audit_log', 'id');
        expect(without(auditAfter, 'content_hash', 'hash', 'redacted_at')).toEqual(audit);
        let previous = CHAIN_START;
        for (const r of auditAfter) {
          const content = auditContentHash(r as unknown as AuditContent);
          previous = chainHash(previous, content);
          expect(r).toMatchObject({ content_hash: content, hash: previous, redacted_at: null });
        }
        const itemsAfter = await db.rows('correspondence', 'id');
        expect(without(itemsAfter, 'content_hash')).toEqual(items);
        for (const r of itemsAfter) expect(r.content_hash).toBe(correspondenceContentHash(r as unknown as CorrespondenceContent));
        if (engine.name === 'postgres') {
          // On the team database the server links every new row itself, as the app would.
          await db.insert('audit_log', { at: T, actor: 'x', action: 'x', summary: 'x' });
          const last = (await db.rows('audit_log', 'id')).at(-1)!;
          expect(last.hash).toBe(chainHash(previous, auditContentHash(last as unknown as AuditContent)));
        } else {
          // From now on an unlinked row is refused.
          await expect(db.insert('audit_log', { at: T, actor: 'x', action: 'x', summary: 'x' })).rejects.toThrow(/hash chain link/);
        }
      }));

    it('2026_11_30_0600_exemption_reasoning rebuilds the table with every row, and reasoning {}', () =>
      withDb(engine, '2026_11_30_0600_exemption_reasoning', async (db) => {
        await oneCase(db, 1);
        const full = { id: 7, case_id: 1, act: 'FOIA', section: '36', subsection: '(2)(b)(i)', item: 'minutes', ncnd: 1, engagement: 'Free and frank', pi_for: 'Openness', pi_against: 'Chilling effect', balance: 'Withhold', decided_by: 'J Bloggs', decided_on: '2025-03-10', qp_name: 'Chief Executive', qp_opinion_date: '2025-03-09', qp_material: 'Draft', updated_at: T };
        await db.insert('exemptions_applied', full);
        await db.insert('exemptions_applied', { id: 9, case_id: 1, act: 'EIR', section: '12', subsection: '(5)(a)', updated_at: T });
        const before = await db.rows('exemptions_applied', 'id');
        await db.migrateThrough('2026_11_30_0600_exemption_reasoning');
        const after = await db.rows('exemptions_applied', 'id');
        expect(without(after, 'reasoning')).toEqual(before);
        expect(after.map((r) => r.reasoning)).toEqual(['{}', '{}']);
        // The widened law and the reasoning check are in force.
        await db.insert('exemptions_applied', { case_id: 1, act: 'DPA', section: 'Sch 2 para 16', updated_at: T, reasoning: '{"consent":"sought"}' });
        await expect(db.insert('exemptions_applied', { case_id: 1, act: 'DPA', section: 'Sch 2 para 17', updated_at: T, reasoning: '[]' })).rejects.toThrow(/CHECK/i);
        // The unique key survived the rebuild.
        await expect(db.insert('exemptions_applied', { case_id: 1, act: 'EIR', section: '12', subsection: '(5)(a)', updated_at: T })).rejects.toThrow(/UNIQUE/i);
      }));

    it('2026_11_30_0900_widen_regimes_activities_acts keeps cases and cost lines, and takes eisr and providing', () =>
      withDb(engine, '2026_11_30_0900_widen_regimes_activities_acts', async (db) => {
        await oneCase(db, 1, 'foisa');
        await oneCase(db, 2, 'sar');
        await db.insert('case_events', { case_id: 1, type: 'received', date: '2025-03-03', recorded_at: T });
        await db.insert('cost_estimates', { id: 3, case_id: 1, scope: 'comply', updated_at: T });
        await db.insert('cost_lines', { estimate_id: 3, position: 0, activity: 'locating', description: 'files', quantity: 40, minutes_each: 30 });
        const before = { cases: await db.rows('cases', 'id'), lines: await db.rows('cost_lines', 'id'), events: await db.rows('case_events', 'id') };
        await expect(db.insert('cost_lines', { estimate_id: 3, position: 1, activity: 'providing', quantity: 1, minutes_each: 1 })).rejects.toThrow(/CHECK/i);
        await db.migrateThrough('2026_11_30_0900_widen_regimes_activities_acts');
        expect({ cases: await db.rows('cases', 'id'), lines: await db.rows('cost_lines', 'id'), events: await db.rows('case_events', 'id') }).toEqual(before);
        await db.insert('cost_lines', { estimate_id: 3, position: 1, activity: 'providing', quantity: 1, minutes_each: 1 });
        await oneCase(db, 3, 'eisr');
        await expect(oneCase(db, 4, 'nonsense')).rejects.toThrow(/CHECK/i);
        // The case's unique reference survived the rebuild.
        await expect(db.insert('cases', { reference: 'foi/2025/0001', regime: 'foia', received_date: '2025-03-03', requester_id: 1, created_at: T, updated_at: T })).rejects.toThrow(/UNIQUE/i);
      }));

    it('2026_11_30_1600_corrections_outcomes moves the shipped reference format to one prefix per regime', () =>
      withDb(engine, '2026_11_30_1600_corrections_outcomes', async (db) => {
        await oneCase(db, 1);
        await db.insert('case_events', { case_id: 1, type: 'responded', date: '2025-03-20', recorded_at: T });
        await db.insert('correspondence', { case_id: 1, direction: 'in', channel: 'email', sent_at: T, subject: 'Request', created_at: T, content_hash: 'x'.repeat(64) });
        const events = await db.rows('case_events', 'id');
        const items = await db.rows('correspondence', 'id');
        const settings = await db.rows('settings', 'id');
        expect(settings[0]?.reference_format).toBe('FOI/{yyyy}/{seq:4}');
        await db.migrateThrough('2026_11_30_1600_corrections_outcomes');
        expect(await db.rows('settings', 'id')).toEqual([{ ...settings[0], reference_format: '{regime}/{yyyy}/{seq:4}' }]);
        const none = { voided_at: null, voided_by: null, void_reason: null };
        expect(await db.rows('case_events', 'id')).toEqual(events.map((e) => ({ ...e, outcome: null, ...none })));
        expect(await db.rows('correspondence', 'id')).toEqual(items.map((c) => ({ ...c, ...none })));
      }));

    it('2026_12_02_1100_checkout keeps every audit row and its chain; the offline time is hashed with a row and kept by the redaction guard', () =>
      withDb(engine, '2026_12_02_1100_checkout', async (db) => {
        await oneCase(db, 1);
        for (let i = 1; i <= 3; i++) {
          const row = { at: `2025-03-0${i}T10:00:00.000Z`, actor: 'old', action: 'case.updated', case_id: 1, summary: `Edit ${i}`, detail: '{}' };
          if (engine.name === 'postgres') await db.insert('audit_log', row);
          else {
            const previous = (await db.rows('audit_log', 'id')).at(-1)?.hash ?? CHAIN_START;
            const content = auditContentHash({ id: i, ...row } as AuditContent);
            await db.insert('audit_log', { id: i, ...row, content_hash: content, hash: chainHash(String(previous), content) });
          }
        }
        const before = await db.rows('audit_log', 'id');
        await db.migrateThrough('2026_12_02_1100_checkout');
        const after = await db.rows('audit_log', 'id');
        expect(after).toEqual(before.map((r) => ({ ...r, occurred_at: null })));
        // A row without an offline time hashes as it always has: the chain verifies as before.
        let previous = CHAIN_START;
        for (const r of after) {
          previous = chainHash(previous, auditRowHash(r as unknown as AuditContent));
          expect(r.hash).toBe(previous);
        }
        // Nobody rewrites the offline time, not even with a redaction.
        await expect(db.update('audit_log', { redacted_at: T, occurred_at: T }, { id: 1 })).rejects.toThrow(/append-only/);
        if (engine.name === 'postgres') {
          // Only a check-in may record one (the server decides, whoever connects).
          await expect(db.insert('audit_log', { at: T, actor: 'x', action: 'x', case_id: 1, summary: 'x', occurred_at: '2025-01-01T00:00:00.000Z' })).rejects.toThrow(/only a check-in/);
          expect((await db.rows('meta', 'key')).find((m) => m.key === 'team.id')?.value).toMatch(/^[0-9a-f-]{36}$/);
        }
      }));

    it("2026_12_03_1100_statistics_facts keeps every case and marks each snapshot for deriving again; a checked-out case's facts may move", () =>
      withDb(engine, '2026_12_03_1100_statistics_facts', async (db) => {
        await oneCase(db, 1);
        await oneCase(db, 2, 'eir');
        const derived = { derived: '{"stage":"open"}', stage: 'open', response_due: '2025-03-31', derived_on: '2025-03-04', valid_until: '2025-03-30', list_text: 'foi/2025/0001' };
        await db.update('cases', derived, { id: 1 });
        if (engine.name === 'postgres') {
          // Case 2 is checked out by a colleague: its derived columns may still move, nothing else.
          await db.insert('case_leases', { case_id: 2, holder: 'colleague', taken_at: T, until: '2025-04-01', server_version: 0, copy_id: 'copy' });
        }
        const before = await db.rows('cases', 'id');
        await db.migrateThrough('2026_12_03_1100_statistics_facts');
        const facts = { answered: null, late_days: null, response_outcome: null, review_in_time: null, review_result: null };
        expect(await db.rows('cases', 'id')).toEqual(before.map((r) => ({ ...r, derived_on: null, ...facts })));
        if (engine.name === 'postgres') {
          await db.update('cases', { answered: 'late', late_days: 3, response_outcome: 'granted', review_in_time: 0, review_result: 'upheld' }, { id: 2 });
          expect((await db.rows('cases', 'id'))[1]).toMatchObject({ answered: 'late', late_days: 3 });
          await expect(db.update('cases', { summary: 'Changed while out' }, { id: 2 })).rejects.toThrow(/checked out by/);
        }
      }));

    it('2026_12_04_0900_index_orphans takes out the index entries of files and items that no longer exist, and nothing else', () =>
      withDb(engine, '2026_12_04_0900_index_orphans', async (db) => {
        await oneCase(db, 1);
        await db.insert('blobs', { sha256: 'a'.repeat(64), size: 3, created_at: T });
        await db.insert('correspondence', { id: 5, case_id: 1, direction: 'in', channel: 'email', sent_at: T, subject: 'Request', body: 'Culverts', created_at: T, content_hash: 'x' });
        await db.insert('attachments', { id: 8, case_id: 1, correspondence_id: 5, sha256: 'a'.repeat(64), filename: 'kept.pdf', original_filename: 'kept.pdf', content_type: 'application/pdf', size: 3, role: 'correspondence', text_status: 'ok', created_at: T });
        const docs = [
          { case_id: 1, kind: 'case', item_id: 1, title: 'FOI/2025/0001 Roads 1', body: 'Zoë' },
          { case_id: 1, kind: 'correspondence', item_id: 5, title: 'Request', body: 'Culverts' },
          { case_id: 1, kind: 'attachment', item_id: 8, title: 'kept.pdf', body: 'Survey of the culverts' },
          // A file an earlier version's anonymising removed, and an item no longer there: their entries go.
          { case_id: 1, kind: 'attachment', item_id: 9, title: '[requester] survey.pdf', body: 'Quillfeather survey' },
          { case_id: 1, kind: 'correspondence', item_id: 6, title: 'Gone', body: 'Quillfeather reply' },
        ];
        await indexDocs(engine, db, docs);
        await db.migrateThrough('2026_12_04_0900_index_orphans');
        const fields = ['case_id', 'kind', 'item_id', 'title', 'body'];
        expect((await db.rows('search_index', 'rowid')).map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])))).toEqual(docs.slice(0, 3));
        if (engine.name === 'sqlite') {
          expect(await db.query("SELECT rowid FROM search_fts WHERE search_fts MATCH 'quillfeather'")).toEqual([]);
          expect(await db.query("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'culverts'")).toEqual([{ n: 2 }]);
          await db.query("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");
        }
      }));

    it("2026_11_30_1600_corrections_outcomes leaves an authority's own reference format alone", () =>
      withDb(engine, '2026_11_30_1600_corrections_outcomes', async (db) => {
        await db.update('settings', { reference_format: 'IR-{yy}-{seq:3}', name: 'Anytown Council' }, { id: 1 });
        const settings = await db.rows('settings', 'id');
        await db.migrateThrough('2026_11_30_1600_corrections_outcomes');
        expect(await db.rows('settings', 'id')).toEqual(settings);
      }));

    it('2026_12_02_1000_search_rowid keeps every indexed document and its hits, one per item, now kept by rowid', () =>
      withDb(engine, '2026_12_02_1000_search_rowid', async (db) => {
        await oneCase(db, 1);
        await oneCase(db, 2);
        const docs = [
          { case_id: 1, kind: 'case', item_id: 1, title: 'FOI/2025/0001 Roads 1', body: 'Zoë Ó Dónaill-Nguyễn\nPlease send the pothole register' },
          // The same message indexed twice (as no release of the repository left it): the newer text is kept.
          { case_id: 1, kind: 'correspondence', item_id: 7, title: 'Old subject', body: 'stale words' },
          { case_id: 2, kind: 'case', item_id: 2, title: 'FOI/2025/0002 Roads 2', body: 'Gritting routes for the winter' },
          { case_id: 1, kind: 'correspondence', item_id: 7, title: 'Re: road works', body: 'The road works on the high street' },
          { case_id: 2, kind: 'attachment', item_id: 3, title: 'minutes.pdf', body: 'Café licensing committee minutes' },
        ];
        await indexDocs(engine, db, docs);
        await db.migrateThrough('2026_12_02_1000_search_rowid');

        const kept = docs.filter((_, i) => i !== 1);
        const fields = ['case_id', 'kind', 'item_id', 'title', 'body'];
        expect((await db.rows('search_index', 'rowid')).map((r) => Object.fromEntries(fields.map((f) => [f, r[f]])))).toEqual(kept);
        const found = (words: string) =>
          engine.name === 'postgres'
            ? db.query("SELECT item_id FROM search_index WHERE terms @@ plainto_tsquery('simple', $1) ORDER BY item_id", [words])
            : db.query('SELECT s.item_id FROM search_fts JOIN search_index AS s ON s.rowid = search_fts.rowid WHERE search_fts MATCH ? ORDER BY s.item_id', [words]);
        expect(await found('road')).toEqual([{ item_id: 7 }]);
        expect(await found('gritting')).toEqual([{ item_id: 2 }]);
        expect(await found('stale')).toEqual([]);
        if (engine.name === 'sqlite') {
          // Accents folded as before; the full-text table holds the words, not a second copy of the text (no _content table).
          expect(await found('Donaill')).toEqual([{ item_id: 1 }]);
          expect(await found('cafe')).toEqual([{ item_id: 3 }]);
          await db.query("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)");
          expect(await db.query("SELECT name FROM sqlite_schema WHERE name LIKE 'search_fts_%' ORDER BY name")).toEqual(
            ['search_fts_config', 'search_fts_data', 'search_fts_docsize', 'search_fts_idx'].map((name) => ({ name })),
          );
        }
        // One document per item from now on.
        await expect(db.query("INSERT INTO search_index (case_id, kind, item_id) VALUES (1, 'case', 1)")).rejects.toThrow(/unique|duplicate/i);
      }));
  });
}
