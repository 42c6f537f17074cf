import type { Kysely } from 'kysely';
import type { DB, SettingsTable } from '../db/schema';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import type { Region } from '../../../shared/domain/calendar/holidays';

export function settingsRowToSettings(r: SettingsTable): AuthoritySettings {
  return {
    configured: r.configured === 1,
    name: r.name,
    address: r.address,
    email: r.email,
    centralGovernment: r.central_government === 1,
    referenceFormat: r.reference_format,
    signatoryName: r.signatory_name,
    signatoryTitle: r.signatory_title,
    region: r.region as Region,
  };
}

export async function getSettings(db: Kysely<DB>): Promise<AuthoritySettings> {
  const row = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return settingsRowToSettings(row);
}

export async function saveSettings(db: Kysely<DB>, s: Omit<AuthoritySettings, 'configured'>): Promise<void> {
  await db
    .updateTable('settings')
    .set({
      configured: 1,
      name: s.name,
      address: s.address,
      email: s.email,
      central_government: s.centralGovernment ? 1 : 0,
      reference_format: s.referenceFormat,
      signatory_name: s.signatoryName,
      signatory_title: s.signatoryTitle,
      region: s.region,
    })
    .where('id', '=', 1)
    .execute();
}
