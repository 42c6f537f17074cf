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
  s16_advice: Generated<string>;
  /** When the case's content was destroyed under the retention policy (a minimal row remains). */
  destroyed_at: string | null;
  /** When the requester's details were replaced. */
  anonymised_at: string | null;
  /** The officer's login the case is allocated to; null when unallocated. */
  officer: Generated<string | null>;
  /** Raised by every audited change to the case (a trigger on the audit log). */
  version: Generated<number>;
  /** What is derived from the events (StoredStanding as JSON) and its indexed parts; null until first derived. */
  derived: string | null;
  stage: string | null;
  deadline_due: string | null;
  overdue_from: string | null;
  response_due: string | null;
  in_time: number | null;
  derived_on: string | null;
  valid_until: string | null;
  window_from: string | null;
  window_to: string | null;
  /** Reference, requester and summary, folded to lower case, for the list's word filter. */
  list_text: string | null;
  /** What the period statistics count (CaseStatsFacts); null until first derived. */
  answered: string | null;
  late_days: number | null;
  response_outcome: string | null;
  review_in_time: number | null;
  review_result: string | null;
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
  outcome: Generated<string | null>;
  voided_at: Generated<string | null>;
  voided_by: Generated<string | null>;
  void_reason: Generated<string | null>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  case_id: number | null;
  summary: string;
  detail: string;
  /** SHA-256 of the row's content (db/integrity.ts), kept when the content is redacted. */
  content_hash: string;
  /** The chain link: SHA-256 over the previous row's link and this row's content hash. */
  hash: string;
  /** When the content was redacted (retention or anonymisation); null for an untouched row. */
  redacted_at: string | null;
  /** 1 for a row carried over from a local register (its actor is the original one). */
  imported: Generated<number>;
  /** When a change checked in from an offline copy was made there (the laptop's clock); `at` is
   * when the server recorded it. Null for every other row. */
  occurred_at: Generated<string | null>;
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

export interface PublicationsTable {
  case_id: number;
  title: string;
  summary: string;
  topic: string;
  marked_at: string;
  marked_by: string;
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

export interface CostEstimatesTable {
  id: Generated<number>;
  case_id: number;
  scope: string;
  updated_at: string;
}

export interface CostLinesTable {
  id: Generated<number>;
  estimate_id: number;
  position: number;
  activity: string;
  description: string;
  quantity: number;
  minutes_each: number;
  sample_items: number | null;
  sample_minutes: number | null;
  sample_note: string | null;
}

export interface CaseLinksTable {
  case_id: number;
  linked_case_id: number;
  kind: string;
  reason: string;
  created_at: string;
}

export interface ExemptionsAppliedTable {
  id: Generated<number>;
  case_id: number;
  act: string;
  section: string;
  subsection: string;
  item: string;
  ncnd: number;
  engagement: string;
  pi_for: string;
  pi_against: string;
  balance: string;
  decided_by: string;
  decided_on: string | null;
  qp_name: string | null;
  qp_opinion_date: string | null;
  qp_material: string | null;
  /** JSON object: answers to the provision's reasoning fields. */
  reasoning: Generated<string>;
  updated_at: string;
}

export interface LetterTemplatesTable {
  kind: string;
  subject: string;
  body: string;
  updated_at: string;
}

export interface LetterFieldsTable {
  case_id: number;
  kind: string;
  fields: string;
  updated_at: string;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  created_at: string;
}

export interface CorrespondenceTable {
  id: Generated<number>;
  case_id: number;
  direction: string;
  channel: string;
  sent_at: string;
  from_text: string;
  to_text: string;
  cc_text: string;
  subject: string;
  body: string;
  headers: string | null;
  message_id: string | null;
  source_sha256: string | null;
  source_filename: string | null;
  source_format: string | null;
  warnings: Generated<string>;
  event_id: number | null;
  created_at: string;
  /** SHA-256 of the stored text and headers with the source's hash (db/integrity.ts). */
  content_hash: string | null;
  voided_at: Generated<string | null>;
  voided_by: Generated<string | null>;
  void_reason: Generated<string | null>;
}

export interface AttachmentsTable {
  id: Generated<number>;
  case_id: number;
  correspondence_id: number | null;
  sha256: string;
  filename: string;
  original_filename: string;
  content_type: string;
  size: number;
  role: string;
  inline: number;
  text_status: string;
  text_note: string | null;
  created_at: string;
}

/** Each indexed document once (the local register's FTS5 table `search_fts` indexes it by rowid). */
export interface SearchIndexTable {
  rowid: Generated<number>;
  case_id: number;
  kind: string;
  item_id: number;
  title: string;
  body: string;
  /** The team database's tsvector (on the local register the words are in `search_fts`). */
  terms?: string;
}

export interface RedactionMarksTable {
  id: Generated<number>;
  case_id: number;
  attachment_id: number | null;
  correspondence_id: number | null;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  code: string;
  matched: string;
  created_at: string;
  created_by: string;
}

export interface RedactedCopiesTable {
  copy_attachment_id: number;
  case_id: number;
  source_attachment_id: number | null;
  source_correspondence_id: number | null;
  source_sha256: string;
  /** JSON array of the marks burned in, as they were. */
  marks: string;
  /** JSON array of the 1-based pages flattened. */
  pages: string;
  verified: number;
  produced_at: string;
}

export interface BlobChunksTable {
  sha256: string;
  n: number;
  data: Buffer;
}

/** Local register only: small stored files, kept with the row that names them (blobs.ts). */
export interface BlobBytesTable {
  sha256: string;
  data: Buffer;
}

export interface CaseNotesTable {
  id: Generated<number>;
  case_id: number;
  author: string;
  at: string;
  text: string;
}

export interface OfficersTable {
  login: string;
  name: string;
  lead: number;
  added_at: string;
}

/** Team database: a case checked out to an officer's computer (active while released_at is null). */
export interface CaseLeasesTable {
  id: Generated<number>;
  case_id: number;
  holder: string;
  taken_at: string;
  until: string;
  server_version: number;
  copy_id: string;
  device: Generated<string>;
  released_at: string | null;
  released_by: string | null;
  release_kind: string | null;
  released_xact: string | null;
  checkin_token: string | null;
}

/** Team database: a checked-out copy that came back after its lease was lost, for a lead to merge. */
export interface PendingCheckinsTable {
  id: Generated<number>;
  case_id: number;
  lease_id: number;
  officer: string;
  submitted_at: string;
  token: string;
  reason: string;
  /** JSON: the copy as checked out (base), as it came back (local), and its offline audit rows. */
  copy: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

/** Local register: a case it holds as a copy checked out from the team database. */
export interface CheckoutsTable {
  case_id: number;
  reference: string;
  team: string;
  database: string;
  login: string;
  lease_id: number;
  server_case_id: number;
  server_version: number;
  taken_at: string;
  until: string;
  /** The copy's own audit rows after this id are the changes made offline. */
  audit_after: number;
  status: string;
  token: string | null;
  outcome: string | null;
  returned_at: string | null;
}

/** Local register: each row of a checked-out copy, with its key on the team database and the row as it was checked out. */
export interface CheckoutRowsTable {
  case_id: number;
  tbl: string;
  local_key: string;
  server_key: string;
  base: string;
}

export interface DB {
  case_leases: CaseLeasesTable;
  pending_checkins: PendingCheckinsTable;
  checkouts: CheckoutsTable;
  checkout_rows: CheckoutRowsTable;
  blob_chunks: BlobChunksTable;
  blob_bytes: BlobBytesTable;
  case_notes: CaseNotesTable;
  officers: OfficersTable;
  settings: SettingsTable;
  requesters: RequestersTable;
  cases: CasesTable;
  reference_counters: ReferenceCountersTable;
  case_events: CaseEventsTable;
  audit_log: AuditLogTable;
  holidays: HolidaysTable;
  meta: MetaTable;
  letters: LettersTable;
  publications: PublicationsTable;
  cost_estimates: CostEstimatesTable;
  cost_lines: CostLinesTable;
  case_links: CaseLinksTable;
  exemptions_applied: ExemptionsAppliedTable;
  letter_templates: LetterTemplatesTable;
  letter_fields: LetterFieldsTable;
  blobs: BlobsTable;
  correspondence: CorrespondenceTable;
  attachments: AttachmentsTable;
  search_index: SearchIndexTable;
  redaction_marks: RedactionMarksTable;
  redacted_copies: RedactedCopiesTable;
}
