// The typed contract: channel -> input schema -> output type, and the result envelope.
import type { z } from 'zod';
import type { Channel } from './channels';
import type { inputSchemas } from './schemas';
import type { AuthoritySettings } from '../domain/settings';
import type { CaseDetail, CaseListItem } from '../domain/cases';
import type { ClockResult } from '../domain/clocks/clocks';
import type { Result } from '../errors';
import type { Holiday } from '../domain/calendar/holidays';
import type { Dashboard, TimelinessReport } from '../domain/reports';

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

export interface Outputs {
  'app:info': AppInfo;
  'settings:get': AuthoritySettings;
  'settings:update': AuthoritySettings;
  'cases:list': CaseListItem[];
  'cases:get': CaseDetail;
  'cases:create': CaseDetail;
  'cases:update': CaseDetail;
  'cases:addEvent': CaseDetail;
  'audit:list': AuditEntry[];
  'deadlines:compute': ClockResult;
  'holidays:list': HolidayList;
  'holidays:add': HolidayChange;
  'holidays:remove': HolidayChange;
  'reports:dashboard': Dashboard;
  'reports:timeliness': TimelinessReport;
  'letters:save': SaveResult;
  'letters:print': { printed: boolean };
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

/** The API the renderer sees as `window.api`. */
export interface DiscloseApi {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
}
