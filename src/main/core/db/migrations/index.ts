// Every migration, in order, registered statically so that bundling cannot lose one.
import type { Migration } from 'kysely/migration';
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

export const MIGRATIONS: Record<string, Migration> = {
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
};
