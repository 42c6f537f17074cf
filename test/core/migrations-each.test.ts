// Every migration, one at a time: the schema is described before and after it, and the difference
// must be exactly what the migration is for (written out below, per migration). A new migration
// without its expected change fails the first test. Engines plug in through ENGINES.
import { describe, expect, it } from 'vitest';
import { diffSchema, MIGRATION_ORDER, openBefore, sqliteEngine, type Engine, type SchemaChange } from '../helpers/migration-harness';

const ENGINES: Engine[] = [sqliteEngine];

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
};

for (const engine of ENGINES) {
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
