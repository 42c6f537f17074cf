// Inserts compiled once and reused (src/main/core/db/compiled.ts): for each shape of row, on each
// engine, the statement and its parameters are exactly what Kysely compiles for that row; columns
// left undefined are left out as Kysely leaves them out; a row of another shape gets its own.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Insertable } from 'kysely';
import { compiledInsert } from '../../src/main/core/db/compiled';
import type { DB } from '../../src/main/core/db/schema';

const engines = {
  sqlite: new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) }),
  // Compiling needs no server: the pool is never asked for a connection.
  postgres: new Kysely<DB>({ dialect: new PostgresDialect({ pool: {} as never }) }),
};

const correspondence = (n: number, messageId: string | null): Insertable<DB['correspondence']> => ({
  case_id: n,
  direction: 'in',
  channel: 'email',
  sent_at: '2026-11-02T09:00:00.000Z',
  from_text: 'Zoë Ó Dónaill-Nguyễn <zoe@example.org>',
  to_text: 'foi@council.example',
  cc_text: '',
  subject: `Gritting routes ${n} 王`,
  body: 'Please send the routes.',
  headers: null,
  message_id: messageId,
  source_sha256: 'a'.repeat(64),
  content_hash: 'b'.repeat(64),
  source_filename: 'routes.eml',
  source_format: 'eml',
  warnings: '[]',
  event_id: null,
  created_at: '2026-11-20T10:00:00.000Z',
});

describe('inserts compiled once', () => {
  for (const [engine, db] of Object.entries(engines)) {
    it(`match Kysely's own statement and parameters, row after row (${engine})`, () => {
      const rows = [correspondence(1, 'grit-1@example.org'), correspondence(2, null), correspondence(3, 'grit-3@example.org')];
      for (const row of rows) {
        const kysely = db.insertInto('correspondence').values(row).returning('id').compile();
        expect(compiledInsert(db, 'correspondence', row, true)).toEqual({ sql: kysely.sql, parameters: kysely.parameters });
      }
      const audit = { id: 7, at: '2026-11-20T10:00:00.000Z', actor: 'test-officer', action: 'correspondence.imported', case_id: null, summary: 'Imported', detail: '{}', content_hash: 'c'.repeat(64), hash: 'd'.repeat(64), redacted_at: null };
      const kysely = db.insertInto('audit_log').values(audit).compile();
      expect(compiledInsert(db, 'audit_log', audit)).toEqual({ sql: kysely.sql, parameters: kysely.parameters });
    });

    it(`leave out what is undefined, as Kysely does, and compile another shape apart (${engine})`, () => {
      const full = { case_id: 1, correspondence_id: null, sha256: 'e'.repeat(64), filename: 'routes.csv', original_filename: 'routes.csv', content_type: 'text/csv', size: 20, role: 'correspondence', inline: 0, text_status: 'ok', text_note: null, created_at: '2026-11-20T10:00:00.000Z' };
      const without = { ...full, text_note: undefined, correspondence_id: undefined };
      for (const row of [full, without, full]) {
        const kysely = db.insertInto('attachments').values(row).returning('id').compile();
        expect(compiledInsert(db, 'attachments', row, true)).toEqual({ sql: kysely.sql, parameters: kysely.parameters });
      }
      expect(compiledInsert(db, 'attachments', without, true).sql).not.toContain('text_note');
      expect(compiledInsert(db, 'attachments', full, true).sql).toContain('text_note');
    });
  }
});
