// Section 12 estimates: the shapes shared by the domain rules, the core and the letters.
import type { IsoDate } from '../dates';

/**
 * The activities an estimate may count: SI 2004/3244 reg 4(3)(a)-(d) for FOIA (and as the EIR
 * guide); SSI 2004/467 reg 3 for FOISA: locating, retrieving and providing, never determining.
 */
export const COST_ACTIVITIES = ['determining', 'locating', 'retrieving', 'extracting', 'providing'] as const;
export type CostActivity = (typeof COST_ACTIVITIES)[number];

/** A sampling exercise behind a line's minutes, e.g. "5 files took 2h 30m". */
export interface CostSample {
  items: number;
  minutes: number;
  note?: string;
}

export interface CostLine {
  activity: CostActivity;
  description: string;
  quantity: number;
  /** Whole minutes per item. */
  minutesEach: number;
  sample?: CostSample | null;
}

export interface CostTotals {
  totalMinutes: number;
  /** Integer pence at the hourly rate (reg 4(4): £25 an hour; FOISA £15). */
  costPence: number;
  /** The appropriate limit in pence: £600 central government, £450 otherwise (reg 3); FOISA £600. */
  limitPence: number;
  /** True only when the cost is strictly greater than the limit. */
  exceeds: boolean;
  ratePencePerHour: number;
  /** The limit expressed in hours (18 or 24 for FOIA). */
  limitHours: number;
}

/** Which estimate: the whole request (s12(1)) or confirming or denying alone (s12(2)). */
export type EstimateScope = 'comply' | 'confirm-or-deny';

export interface CostEstimate {
  scope: EstimateScope;
  lines: CostLine[];
  totals: CostTotals;
  /** Other cases aggregated with this one under reg 5 (same requester or in concert, similar information, 60 working days). */
  aggregatedWith: { reference: string; received: IsoDate; totalMinutes: number; reason: string }[];
  /** Totals including the aggregated cases. */
  aggregateTotals: CostTotals | null;
}
