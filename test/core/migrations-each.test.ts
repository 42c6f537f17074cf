// Every migration, one at a time: the schema is described before and after it, and the difference
// must be exactly what the migration is for (written out below, per migration). A new migration
// without its expected change fails the first test. Engines plug in through ENGINES.
import { describe, expect, inject, it } from 'vitest';
import { postgresEngine } from '../helpers/migration-harness-pg';
import { diffSchema, MIGRATION_ORDER, openBefore, sqliteEngine, type Engine, type SchemaChange } from '../helpers/migration-harness';

const ENGINES: { engine: Engine; expected: () => Record<string, SchemaChange> }[] = [
  { engine: sqliteEngine, expected: () => EXPECTED },
  // The team database, where PostgreSQL is installed (always in CI).
  ...(inject('pgUrl') ? [{ engine: postgresEngine, expected: () => EXPECTED_POSTGRES }] : []),
];

const EXPECTED: Record<string, SchemaChange> = {
  '2026_11_22_0900_initial': {
    tablesAdded: ['audit_log', 'case_events', 'cases', 'holidays', 'letters', 'meta', 'reference_counters', 'requesters', 'settings'],
    indexesAdded: ['audit_log_case', 'case_events_case', 'cases(reference)', 'cases_received', 'holidays(date, region)', 'letters_case', 'meta(key)', 'reference_counters(scope)', 'requesters_email'],
    // The audit log is append-only from the start.
    triggersAdded: ['audit_log_no_delete', 'audit_log_no_update'],
  },
  '2026_11_22_1400_costs_exemptions_letters': {
    tablesAdded: ['case_links', 'cost_estimates', 'cost_lines', 'exemptions_applied', 'letter_fields', 'letter_templates'],
    columnsAdded: { cases: ['s16_advice'] },
    indexesAdded: ['case_links(case_id, linked_case_id, kind)', 'cost_estimates(case_id, scope)', 'cost_lines_estimate', 'exemptions_applied(case_id, act, section, subsection, item)', 'letter_fields(case_id, kind)', 'letter_templates(kind)'],
  },
  '2026_11_22_1800_correspondence': {
    tablesAdded: ['attachments', 'blobs', 'correspondence', 'search_index'],
    indexesAdded: ['attachments_case', 'attachments_direct', 'blobs(sha256)', 'correspondence_case', 'correspondence_message', 'correspondence_source'],
  },
  '2026_11_30_0300_tamper_evidence': {
    columnsAdded: { audit_log: ['content_hash', 'hash', 'redacted_at'], correspondence: ['content_hash'] },
    // No update but a redaction that keeps the hashes; no row without its chain link.
    triggersAdded: ['audit_log_hashed'],
    triggersChanged: ['audit_log_no_update'],
  },
  '2026_11_30_0400_retention': { columnsAdded: { cases: ['anonymised_at', 'destroyed_at'] } },
  '2026_11_30_0600_exemption_reasoning': {
    columnsAdded: { exemptions_applied: ['reasoning'] },
    checksAdded: { exemptions_applied: ["act IN ('FOIA', 'EIR', 'EISR', 'FOISA', 'DPA')", "json_valid(reasoning) AND json_type(reasoning) = 'object'"] },
    checksRemoved: { exemptions_applied: ["act IN ('FOIA', 'EIR', 'FOISA')"] },
  },
  // exemptions_applied was already widened by the migration before: left as it is.
  '2026_11_30_0900_widen_regimes_activities_acts': {
    checksAdded: { cases: ["regime IN ('foia', 'eir', 'eisr', 'foisa', 'sar')"], cost_lines: ["activity IN ('determining', 'locating', 'retrieving', 'extracting', 'providing')"] },
    checksRemoved: { cases: ["regime IN ('foia', 'eir', 'foisa', 'sar')"], cost_lines: ["activity IN ('determining', 'locating', 'retrieving', 'extracting')"] },
  },
  '2026_11_30_1200_redaction': { tablesAdded: ['redacted_copies', 'redaction_marks'], indexesAdded: ['redaction_marks_attachment', 'redaction_marks_correspondence'] },
  '2026_11_30_1500_publications': { tablesAdded: ['publications'] },
  '2026_11_30_1600_corrections_outcomes': {
    columnsAdded: { case_events: ['outcome', 'void_reason', 'voided_at', 'voided_by'], correspondence: ['void_reason', 'voided_at', 'voided_by'] },
  },
  // Allocation, versions, notes and officers; imported audit rows marked, and the redaction guard kept with them.
  '2026_12_01_0900_team': {
    tablesAdded: ['case_notes', 'officers'],
    columnsAdded: { audit_log: ['imported'], cases: ['officer', 'version'] },
    checksAdded: { audit_log: ['imported IN (0, 1)'] },
    indexesAdded: ['case_notes_case', 'cases_officer', 'cases_requester', 'officers(login)'],
    triggersAdded: ['audit_log_case_version'],
    triggersChanged: ['audit_log_no_update'],
  },
  // What is derived from each case's events, stored with the indexes its lists and counts ask.
  '2026_12_02_0900_derived': {
    columnsAdded: { cases: ['deadline_due', 'derived', 'derived_on', 'in_time', 'list_text', 'overdue_from', 'response_due', 'stage', 'valid_until', 'window_from', 'window_to'] },
    indexesAdded: ['cases_deadline_due', 'cases_derived_on', 'cases_due_shown', 'cases_received_id', 'cases_stage_due', 'cases_valid_until', 'cases_window'],
  },
  // The index becomes a plain table of typed columns with its own rowid, found by item and by case,
  // a full-text table over it (its words only) that triggers keep in step, and its vocabulary.
  '2026_12_02_1000_search_rowid': {
    tablesAdded: ['search_fts', 'search_terms'],
    columnsAdded: { search_index: ['rowid'] },
    columnsChanged: { search_index: ['body', 'case_id', 'item_id', 'kind', 'title'] },
    indexesAdded: ['search_index_case', 'search_index_item'],
    triggersAdded: ['search_index_fts_delete', 'search_index_fts_insert', 'search_index_fts_update'],
  },
  // Check-out and check-in: the copies this register holds and their rows as checked out; the
  // offline time of a checked-in audit row, kept by the redaction guard; guards so that only the
  // copies change here.
  '2026_12_02_1100_checkout': {
    tablesAdded: ['checkout_rows', 'checkouts'],
    columnsAdded: { audit_log: ['occurred_at'] },
    indexesAdded: ['checkout_rows(case_id, tbl, local_key)', 'checkout_rows_server'],
    triggersAdded: ['checkout_frozen', 'checkout_only_copies'],
    triggersChanged: ['audit_log_no_update'],
  },
  // An attachment's text may wait to be read after a large import, found by a partial index.
  '2026_12_03_0900_text_pending': {
    checksAdded: { attachments: ["text_status IN ('ok', 'encrypted', 'unreadable', 'not-applicable', 'pending')"] },
    checksRemoved: { attachments: ["text_status IN ('ok', 'encrypted', 'unreadable', 'not-applicable')"] },
    indexesAdded: ['attachments_text_pending'],
  },
  // The team database's search function only (the local register searches with FTS5).
  '2026_12_03_1000_search_plan': {},
  // What the period statistics count of each case, stored with its derived dates; the events a
  // period counts found by kind and date.
  '2026_12_03_1100_statistics_facts': {
    columnsAdded: { cases: ['answered', 'late_days', 'response_outcome', 'review_in_time', 'review_result'] },
    indexesAdded: ['case_events_type_date'],
  },
  // Data only: index entries of files and items that no longer exist are taken out.
  '2026_12_04_0900_index_orphans': {},
  // The index of adjacent words for phrases, its queue, and the triggers that keep both in step.
  '2026_12_05_0900_search_pairs': {
    tablesAdded: ['search_pairs', 'search_unpaired'],
    triggersAdded: ['search_index_pairs_delete', 'search_index_pairs_insert', 'search_index_pairs_update'],
  },
  // Small stored files kept inside the register, each deleted with its blobs row.
  '2026_12_06_0900_blob_bytes': {
    tablesAdded: ['blob_bytes'],
    indexesAdded: ['blob_bytes(sha256)'],
  },
  // Lists of an officer's cases and of one stage's read in order; a case's redactions by case.
  '2026_12_07_0900_list_indexes': {
    indexesAdded: ['cases_officer_received', 'cases_stage_received', 'redacted_copies_case', 'redaction_marks_case'],
    indexesRemoved: ['cases_officer'],
  },
};

/** The same steps on the team database, where PostgreSQL names its own constraint indexes. */
const EXPECTED_POSTGRES: Record<string, SchemaChange> = {
  '2026_11_22_0900_initial': {
    // The audit log refuses UPDATE, DELETE and TRUNCATE from the start.
    tablesAdded: ["audit_log", "case_events", "cases", "holidays", "letters", "meta", "reference_counters", "requesters", "settings"],
    indexesAdded: ["audit_log_case", "audit_log_pkey", "case_events_case", "case_events_pkey", "cases_pkey", "cases_received", "cases_reference_key", "holidays_pkey", "letters_case", "letters_pkey", "meta_pkey", "reference_counters_pkey", "requesters_email", "requesters_pkey", "settings_pkey"],
    triggersAdded: ["audit_log_no_delete", "audit_log_no_truncate", "audit_log_no_update"],
  },
  '2026_11_22_1400_costs_exemptions_letters': {
    tablesAdded: ["case_links", "cost_estimates", "cost_lines", "exemptions_applied", "letter_fields", "letter_templates"],
    columnsAdded: {"cases": ["s16_advice"]},
    indexesAdded: ["case_links_pkey", "cost_estimates_case_id_scope_key", "cost_estimates_pkey", "cost_lines_estimate", "cost_lines_pkey", "exemptions_applied_case_id_act_section_subsection_item_key", "exemptions_applied_pkey", "letter_fields_pkey", "letter_templates_pkey"],
  },
  '2026_11_22_1800_correspondence': {
    // The full-text index is a tsvector with a GIN index, kept by the repository.
    tablesAdded: ["attachments", "blobs", "correspondence", "search_index"],
    indexesAdded: ["attachments_case", "attachments_direct", "attachments_pkey", "blobs_pkey", "correspondence_case", "correspondence_message", "correspondence_pkey", "correspondence_source", "search_index_item", "search_index_pkey", "search_index_terms"],
  },
  '2026_11_30_0300_tamper_evidence': {
    columnsAdded: {"audit_log": ["content_hash", "hash", "redacted_at"], "correspondence": ["content_hash"]},
    triggersAdded: ["audit_log_hashed"],
    triggersChanged: ["audit_log_no_update"],
  },
  '2026_11_30_0400_retention': {
    columnsAdded: {"cases": ["anonymised_at", "destroyed_at"]},
  },
  '2026_11_30_0600_exemption_reasoning': {
    // PostgreSQL adds the column and widens the acts in place, as the rebuild does on SQLite.
    columnsAdded: { exemptions_applied: ['reasoning'] },
    checksAdded: { exemptions_applied: ["CHECK ((act = ANY (ARRAY['FOIA'::text, 'EIR'::text, 'EISR'::text, 'FOISA'::text, 'DPA'::text])))", "CHECK ((json_typeof((reasoning)::json) = 'object'::text))"] },
    checksRemoved: { exemptions_applied: ["CHECK ((act = ANY (ARRAY['FOIA'::text, 'EIR'::text, 'FOISA'::text])))"] },
  },
  // Each CHECK dropped and added wider, in place (exemptions_applied already was).
  '2026_11_30_0900_widen_regimes_activities_acts': {
    checksAdded: {
      cases: ["CHECK ((regime = ANY (ARRAY['foia'::text, 'eir'::text, 'eisr'::text, 'foisa'::text, 'sar'::text])))"],
      cost_lines: ["CHECK ((activity = ANY (ARRAY['determining'::text, 'locating'::text, 'retrieving'::text, 'extracting'::text, 'providing'::text])))"],
    },
    checksRemoved: {
      cases: ["CHECK ((regime = ANY (ARRAY['foia'::text, 'eir'::text, 'foisa'::text, 'sar'::text])))"],
      cost_lines: ["CHECK ((activity = ANY (ARRAY['determining'::text, 'locating'::text, 'retrieving'::text, 'extracting'::text])))"],
    },
  },
  '2026_11_30_1200_redaction': {
    tablesAdded: ["redacted_copies", "redaction_marks"],
    indexesAdded: ["redacted_copies_pkey", "redaction_marks_attachment", "redaction_marks_correspondence", "redaction_marks_pkey"],
  },
  '2026_11_30_1500_publications': {
    tablesAdded: ["publications"],
    indexesAdded: ["publications_pkey"],
  },
  '2026_11_30_1600_corrections_outcomes': {
    columnsAdded: {"case_events": ["outcome", "void_reason", "voided_at", "voided_by"], "correspondence": ["void_reason", "voided_at", "voided_by"]},
  },
  '2026_12_01_0900_team': {
    // Also the stored files' chunks, and row-level security on every table that belongs to a case.
    tablesAdded: ["blob_chunks", "case_notes", "officers"],
    columnsAdded: {"audit_log": ["imported"], "cases": ["officer", "version"]},
    checksAdded: {"audit_log": ["CHECK ((imported = ANY (ARRAY[0, 1])))"]},
    indexesAdded: ["attachments_sha", "blob_chunks_pkey", "case_notes_case", "case_notes_pkey", "cases_officer", "cases_requester", "correspondence_source_sha", "letters_sha", "officers_pkey"],
    triggersAdded: ["audit_log_case_version", "cases_keep_sar"],
    policiesAdded: ["attachments.attachments_file_check", "attachments.attachments_visible", "audit_log.audit_log_visible", "blob_chunks.blob_chunks_removed", "blob_chunks.blob_chunks_visible", "blob_chunks.blob_chunks_written", "blobs.blobs_listed", "blobs.blobs_removed", "blobs.blobs_visible", "case_events.case_events_visible", "case_links.case_links_visible", "case_notes.case_notes_visible", "cases.cases_requester_check", "cases.cases_requester_kept", "cases.cases_visible", "correspondence.correspondence_file_check", "correspondence.correspondence_visible", "cost_estimates.cost_estimates_visible", "cost_lines.cost_lines_visible", "exemptions_applied.exemptions_applied_visible", "letter_fields.letter_fields_visible", "letters.letters_visible", "publications.publications_visible", "redacted_copies.redacted_copies_visible", "redaction_marks.redaction_marks_visible", "requesters.requesters_visible", "search_index.search_index_visible"],
  },
  '2026_12_02_0900_derived': {
    columnsAdded: { cases: ['deadline_due', 'derived', 'derived_on', 'in_time', 'list_text', 'overdue_from', 'response_due', 'stage', 'valid_until', 'window_from', 'window_to'] },
    indexesAdded: ['cases_deadline_due', 'cases_derived_on', 'cases_due_shown', 'cases_received_id', 'cases_stage_due', 'cases_valid_until', 'cases_window'],
  },
  '2026_12_02_1000_search_rowid': {
    // A document found by its item alone (no longer by case first), and a case's documents by case.
    indexesAdded: ["search_index_case"],
    indexesChanged: ["search_index_item"],
  },
  // The leases and the copies kept aside, each visible as its case is; a guard on every table of a
  // case (the audit chain's own function, replaced in place, is not part of the schema's shape).
  '2026_12_02_1100_checkout': {
    tablesAdded: ['case_leases', 'pending_checkins'],
    columnsAdded: { audit_log: ['occurred_at'] },
    indexesAdded: ['case_leases_case', 'case_leases_out', 'case_leases_pkey', 'pending_checkins_case', 'pending_checkins_pkey', 'pending_checkins_token_key'],
    triggersAdded: [
      'attachments_checked_out', 'audit_log_checked_out', 'case_events_checked_out', 'case_links_checked_out', 'case_notes_checked_out', 'cases_checked_out',
      'correspondence_checked_out', 'cost_estimates_checked_out', 'cost_lines_checked_out', 'exemptions_applied_checked_out', 'letter_fields_checked_out',
      'letters_checked_out', 'publications_checked_out', 'redacted_copies_checked_out', 'redaction_marks_checked_out', 'requesters_checked_out',
    ],
    policiesAdded: ['case_leases.case_leases_visible', 'pending_checkins.pending_checkins_visible'],
  },
  '2026_12_03_0900_text_pending': {
    checksAdded: { attachments: ["CHECK ((text_status = ANY (ARRAY['ok'::text, 'encrypted'::text, 'unreadable'::text, 'not-applicable'::text, 'pending'::text])))"] },
    checksRemoved: { attachments: ["CHECK ((text_status = ANY (ARRAY['ok'::text, 'encrypted'::text, 'unreadable'::text, 'not-applicable'::text])))"] },
    indexesAdded: ['attachments_text_pending'],
  },
  // disclose_search made anew (functions are not part of the schema's shape).
  '2026_12_03_1000_search_plan': {},
  // As on the local register (the check-out guard's function, replaced in place to let the new
  // columns move on a case that is out, is not part of the schema's shape).
  '2026_12_03_1100_statistics_facts': {
    columnsAdded: { cases: ['answered', 'late_days', 'response_outcome', 'review_in_time', 'review_result'] },
    indexesAdded: ['case_events_type_date'],
  },
  // Data only: index entries of files and items that no longer exist are taken out.
  '2026_12_04_0900_index_orphans': {},
  // The pairs of neighbouring lexemes, derived by the server from `terms`, with their index
  // (disclose_search made anew with a fifth argument: functions are not part of the shape).
  '2026_12_05_0900_search_pairs': {
    columnsAdded: { search_index: ['pairs'] },
    indexesAdded: ['search_index_pairs'],
  },
  // Nothing: the team database keeps every file in blob_chunks already.
  '2026_12_06_0900_blob_bytes': {},
  // As on the local register.
  '2026_12_07_0900_list_indexes': {
    indexesAdded: ['cases_officer_received', 'cases_stage_received', 'redacted_copies_case', 'redaction_marks_case'],
    indexesRemoved: ['cases_officer'],
  },
};

for (const { engine, expected } of ENGINES) {
  const EXPECTED = expected();
  describe(`each migration changes the schema as intended (${engine.name})`, () => {
    it('has an expected change written for every migration', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual(MIGRATION_ORDER);
    });

    for (const name of MIGRATION_ORDER) {
      it(name, async () => {
        const db = await openBefore(engine, name);
        try {
          const before = await db.schema();
          await db.migrateThrough(name);
          expect(diffSchema(before, await db.schema())).toEqual(EXPECTED[name]);
          // Applied once: running again changes nothing.
          const after = await db.schema();
          await db.migrateThrough(name);
          expect(diffSchema(after, await db.schema())).toEqual({});
        } finally {
          await db.close();
        }
      });
    }
  });
}
