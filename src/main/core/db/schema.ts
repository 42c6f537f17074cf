// Kysely row types, one interface per table, as the columns are stored.
import type { Generated } from 'kysely';

export interface SettingsTable {
  id: number;
  configured: number;
  name: string;
  address: string;
  email: string;
  central_government: number;
  reference_format: string;
  signatory_name: string;
  signatory_title: string;
  region: string;
}

export interface RequestersTable {
  id: Generated<number>;
  name: string;
  email: string;
  address: string;
  organisation: string;
  created_at: string;
}

export interface CasesTable {
  id: Generated<number>;
  reference: string;
  regime: string;
  received_date: string;
  requester_id: number;
  summary: string;
  request_text: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceCountersTable {
  scope: string;
  last_seq: number;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  type: string;
  date: string;
  estimate: string | null;
  note: string | null;
  recorded_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  case_id: number | null;
  summary: string;
  detail: string;
}

export interface HolidaysTable {
  date: string;
  region: string;
  name: string;
  kind: string;
  source: string;
  added_at: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface LettersTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  letter_date: string;
  sha256: string;
  size: number;
  saved_to: string | null;
  created_at: string;
}

export interface DB {
  settings: SettingsTable;
  requesters: RequestersTable;
  cases: CasesTable;
  reference_counters: ReferenceCountersTable;
  case_events: CaseEventsTable;
  audit_log: AuditLogTable;
  holidays: HolidaysTable;
  meta: MetaTable;
  letters: LettersTable;
}
