// Every migration, in order, registered statically so that bundling cannot lose one. Each has its
// step for the local register (`up`, SQLite) and the same step for the team database (`postgres`).
import type { Kysely } from 'kysely';
import * as initial from './2026_11_22_0900_initial';
import * as costsExemptionsLetters from './2026_11_22_1400_costs_exemptions_letters';
import * as correspondence from './2026_11_22_1800_correspondence';
import * as tamperEvidence from './2026_11_30_0300_tamper_evidence';
import * as retention from './2026_11_30_0400_retention';
import * as exemptionReasoning from './2026_11_30_0600_exemption_reasoning';
import * as widenRegimesActivitiesActs from './2026_11_30_0900_widen_regimes_activities_acts';
import * as redaction from './2026_11_30_1200_redaction';
import * as publications from './2026_11_30_1500_publications';
import * as correctionsOutcomes from './2026_11_30_1600_corrections_outcomes';
import * as team from './2026_12_01_0900_team';
import * as derived from './2026_12_02_0900_derived';
import * as searchRowid from './2026_12_02_1000_search_rowid';
import * as checkout from './2026_12_02_1100_checkout';
import * as textPending from './2026_12_03_0900_text_pending';
import * as searchPlan from './2026_12_03_1000_search_plan';
import * as statisticsFacts from './2026_12_03_1100_statistics_facts';
import * as indexOrphans from './2026_12_04_0900_index_orphans';
import * as searchPairs from './2026_12_05_0900_search_pairs';
import * as blobBytes from './2026_12_06_0900_blob_bytes';
import * as listIndexes from './2026_12_07_0900_list_indexes';

export interface DiscloseMigration {
  /** The step on the local register (SQLite). */
  up(db: Kysely<any>): Promise<void>;
  /** The same step on the team database (PostgreSQL). */
  postgres(db: Kysely<any>): Promise<void>;
}

export const MIGRATIONS: Record<string, DiscloseMigration> = {
  '2026_11_22_0900_initial': initial,
  '2026_11_22_1400_costs_exemptions_letters': costsExemptionsLetters,
  '2026_11_22_1800_correspondence': correspondence,
  '2026_11_30_0300_tamper_evidence': tamperEvidence,
  '2026_11_30_0400_retention': retention,
  '2026_11_30_0600_exemption_reasoning': exemptionReasoning,
  '2026_11_30_0900_widen_regimes_activities_acts': widenRegimesActivitiesActs,
  '2026_11_30_1200_redaction': redaction,
  '2026_11_30_1500_publications': publications,
  '2026_11_30_1600_corrections_outcomes': correctionsOutcomes,
  '2026_12_01_0900_team': team,
  '2026_12_02_0900_derived': derived,
  '2026_12_02_1000_search_rowid': searchRowid,
  '2026_12_02_1100_checkout': checkout,
  '2026_12_03_0900_text_pending': textPending,
  '2026_12_03_1000_search_plan': searchPlan,
  '2026_12_03_1100_statistics_facts': statisticsFacts,
  '2026_12_04_0900_index_orphans': indexOrphans,
  '2026_12_05_0900_search_pairs': searchPairs,
  '2026_12_06_0900_blob_bytes': blobBytes,
  '2026_12_07_0900_list_indexes': listIndexes,
};
