// Everything a letter may draw on. The core gathers it; the builders only read it.
import type { AuthoritySettings } from '../settings';
import type { CaseRecord } from '../cases';
import type { CaseClocks, CaseEvent, CaseEventType } from '../clocks/events';
import type { IsoDate } from '../dates';
import type { AppliedExemption } from '../exemptions/types';
import type { CostEstimate } from '../costs/types';

export interface LetterData {
  settings: AuthoritySettings;
  caseRecord: CaseRecord;
  /** The derived deadlines (response due date, review deadlines). */
  clocks: CaseClocks;
  /** The case timeline: the latest 'pit-extension' gives the s17(2) estimate, and so on. */
  events: CaseEvent[];
  /** The letter's date. */
  today: IsoDate;
  /** Exemptions applied to the case, in the order the letter should give them. */
  exemptions: AppliedExemption[];
  /** The s12 estimate, when one has been made. */
  cost: CostEstimate | null;
  /** The estimate of confirming or denying alone (FOIA s12(2)), when one has been made. */
  confirmOrDeny?: CostEstimate | null;
  /** The advice and assistance given with a s12 refusal (FOIA s16; FOISA s15). */
  s16Advice: string;
  /** The officer's answers to letterFieldsFor(kind, regime), by field id. */
  fields: Record<string, string>;
}

/** The latest event of a type (the later date; on the same date, the one recorded later). */
export function latestEvent(events: readonly CaseEvent[], type: CaseEventType): CaseEvent | null {
  let found: CaseEvent | null = null;
  for (const e of events) if (e.type === type && (!found || e.date >= found.date)) found = e;
  return found;
}

/** The s17(2) estimated date from the case's latest public interest extension notice. */
export function pitEstimate(events: readonly CaseEvent[]): IsoDate | null {
  return latestEvent(events, 'pit-extension')?.estimate ?? null;
}
