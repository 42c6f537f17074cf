// The typed contract: channel -> input schema -> output type, and the result envelope.
import type { Publication } from '../domain/disclosure';
import type { Statistics } from '../domain/statistics';
import type { z } from 'zod';
import type { Channel } from './channels';
import type { inputSchemas } from './schemas';
import type { AuthoritySettings } from '../domain/settings';
import type { CaseDetail, CaseListItem } from '../domain/cases';
import type { ClockResult } from '../domain/clocks/clocks';
import type { Result } from '../errors';
import type { Holiday } from '../domain/calendar/holidays';
import type { Dashboard, TimelinessReport } from '../domain/reports';
import type { CostEstimate } from '../domain/costs/types';
import type { AppliedExemption, CatalogueEntry } from '../domain/exemptions/types';
import type { Regime } from '../domain/clocks/events';
import type { LetterKind, LetterFieldSpec } from '../domain/letters/kinds';
import type { LetterView } from '../domain/letters/view';
import type { LetterTemplate } from '../domain/letters/templates';
import type { RecordsOutputs } from './records';
import type { AttachmentInfo, CorrespondenceItem, ImportOutcome, SearchHit } from '../domain/correspondence';
import type { PackResult, ProducedCopy, RedactionMark, RedactionOverview, RedactionPage } from '../domain/redaction';

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  today: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  reference: string | null;
  summary: string;
  detail: unknown;
}

export interface SaveResult {
  saved: boolean;
  path: string | null;
  size: number;
  sha256: string | null;
}

export interface HolidayList {
  holidays: Holiday[];
  /** Years after this are provisional until GOV.UK publishes them. */
  publishedThrough: number;
}

/** An open case whose due date moved because the calendar changed. */
export interface DueDateChange {
  reference: string;
  from: string;
  to: string;
}

export interface HolidayChange {
  holiday: Holiday;
  affected: DueDateChange[];
}

export interface CostView {
  reference: string;
  regime: Regime;
  limit: { limitPence: number; ratePencePerHour: number; limitHours: number; basis: string; guideOnly?: boolean };
  comply: CostEstimate | null;
  confirmOrDeny: CostEstimate | null;
  s16Advice: string;
  /** The estimate's working as sentences, as letters and bundles print it. */
  working: string[];
  /** Other cases that may be aggregated under reg 5 (same requester, within 60 working days). */
  candidates: { reference: string; received: string; reason: string }[];
}

export interface TemplateInfo extends LetterTemplate {
  /** True when the authority has edited it; false for the shipped default. */
  edited: boolean;
}

export interface LetterDraft {
  kind: LetterKind;
  fields: Record<string, string>;
  specs: LetterFieldSpec[];
  /** The wording this letter is built from: its own if the officer changed it, else the template. */
  wording: { subject: string; body: string; own: boolean };
  /** The letter as it would be produced now; null when required facts are missing. */
  view: LetterView | null;
  /** What stops the letter being sent (s17 completeness, missing facts). */
  problems: string[];
  /** What the officer should check but may proceed with. */
  warnings: string[];
}

export interface CaseCorrespondence {
  items: CorrespondenceItem[];
  /** Files added to the case directly, not from an email. */
  direct: AttachmentInfo[];
}

export interface AttachmentContent {
  info: AttachmentInfo;
  kind: 'image' | 'pdf' | 'text' | 'none';
  dataBase64: string | null;
  text: string | null;
}

/** A bundle's contents before it is made: sections and documents in order, and what is withheld. */
export interface BundlePreview {
  reference: string;
  forum: { body: 'ico' | 'tribunal' | null; reference: string };
  sections: { letter: string; title: string; documents: { tab: string; title: string; date: string | null }[] }[];
  /** The closed bundle's items (withheld information), each with the exemptions marked on it. */
  closed: { tab: string; title: string; exemptions: string }[];
  /** What the officer should know before sending it (a withheld file with no exemption recorded). */
  warnings: string[];
}

export interface BundleExport {
  saved: boolean;
  kind: 'open' | 'closed' | 'zip';
  path: string | null;
  size: number;
  sha256: string | null;
  /** Pages in a PDF bundle; files in a ZIP. */
  pages: number;
  documents: number;
  /** Documents or files that could not be reproduced, with the reason: the officer is told. */
  notReproduced: { tab: string; document: string; reason: string }[];
  jobId: string;
  /** The host showed the saved file in its folder. */
  revealed: boolean;
}

export interface BundleProgress {
  jobId: string;
  /** 'unknown': no such job (yet): a poll may arrive before the export it follows. */
  state: 'unknown' | 'choosing' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  step: string;
}

export interface Outputs extends RecordsOutputs {
  'app:info': AppInfo;
  'settings:get': AuthoritySettings;
  'settings:update': AuthoritySettings;
  'cases:list': CaseListItem[];
  'cases:get': CaseDetail;
  'cases:create': CaseDetail;
  'cases:update': CaseDetail;
  'cases:addEvent': CaseDetail;
  'cases:voidEvent': CaseDetail;
  'audit:list': AuditEntry[];
  'deadlines:compute': ClockResult;
  'holidays:list': HolidayList;
  'holidays:add': HolidayChange;
  'holidays:remove': HolidayChange;
  'reports:dashboard': Dashboard;
  'reports:timeliness': TimelinessReport;
  'costs:get': CostView;
  'costs:set': CostView;
  'costs:setAdvice': CostView;
  'costs:link': CostView;
  'costs:unlink': CostView;
  'exemptions:catalogue': readonly CatalogueEntry[];
  'exemptions:list': AppliedExemption[];
  'exemptions:apply': AppliedExemption[];
  'exemptions:remove': AppliedExemption[];
  'letters:templates': TemplateInfo[];
  'letters:saveTemplate': TemplateInfo[];
  'letters:resetTemplate': TemplateInfo[];
  'letters:draft': LetterDraft;
  'letters:setDraft': LetterDraft;
  'correspondence:list': CaseCorrespondence;
  'correspondence:add': CorrespondenceItem[];
  'correspondence:mark': CorrespondenceItem[];
  'correspondence:void': CorrespondenceItem[];
  'correspondence:import': ImportOutcome;
  'correspondence:importChosen': ImportOutcome;
  'correspondence:importFiles': ImportOutcome;
  'files:opened': FileTicket[];
  'attachments:content': AttachmentContent;
  'attachments:save': SaveResult;
  'attachments:setRole': AttachmentInfo;
  'search:query': SearchHit[];
  'letters:save': SaveResult;
  'letters:print': { printed: boolean };
  'letters:saveDocx': { saved: boolean; path: string | null; size: number };
  'letters:docxTemplate': { sha256: string | null; name: string | null };
  'letters:setDocxTemplate': { sha256: string | null; name: string | null };
  'disclosure:get': Publication | null;
  'reports:statistics': Statistics;
  'reports:saveStatistics': { saved: boolean; path: string | null; size: number };
  'disclosure:publish': Publication | null;
  'disclosure:export': { out: string | null; requests: number; files: number; skipped: { reference: string; file: string; reason: string }[] };
  'bundles:plan': BundlePreview;
  'bundles:export': BundleExport;
  'bundles:progress': BundleProgress;
  'bundles:cancel': BundleProgress;
  'redaction:list': RedactionOverview;
  'redaction:page': RedactionPage;
  'redaction:mark': RedactionMark;
  'redaction:search': RedactionMark[];
  'redaction:remove': RedactionMark;
  'redaction:produce': ProducedCopy;
  'pack:export': PackResult;
}

// Every channel has an output type and every output type a channel (fails to compile otherwise).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyChannelHasAnOutput: Exact<keyof Outputs, Channel> = true;
const everyChannelHasASchema: Exact<keyof typeof inputSchemas, Channel> = true;
void everyChannelHasAnOutput;
void everyChannelHasASchema;

/** What the caller sends (before defaults are applied). */
export type Input<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
/** What the core receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type Output<C extends Channel> = Outputs[C];

/** A file the desktop app may read on the officer's behalf, named by a one-time token. */
export interface FileTicket {
  token: string;
  name: string;
  size: number;
}

/** The API the renderer sees as `window.api`. */
export interface DiscloseApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Desktop app only: tickets for dropped or chosen files, read by path in main (the browser
   * fallback has no paths and sends the bytes with correspondence:import instead). */
  fileTickets?(files: File[]): Promise<(FileTicket | null)[]>;
}
