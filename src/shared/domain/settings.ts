// The authority's own details: who the letters come from and which cost limit applies.
import type { Region } from './calendar/holidays';

export interface AuthoritySettings {
  /** False until an officer has completed first-run set-up. */
  configured: boolean;
  name: string;
  /** Postal address, one line per line. */
  address: string;
  email: string;
  /** Schedule 1 Part I bodies (central government) have the £600 appropriate limit; others £450 (SI 2004/3244 reg 3). */
  centralGovernment: boolean;
  referenceFormat: string;
  signatoryName: string;
  signatoryTitle: string;
  /** The authority's own part of the UK: the calendar for SAR roll-forward (docs/law.md §1.6). */
  region: Region;
}

export const DEFAULT_SETTINGS: AuthoritySettings = {
  configured: false,
  name: '',
  address: '',
  email: '',
  centralGovernment: false,
  /** One prefix per regime: FOI/2026/0001, EIR/2026/0001, SAR/2026/0001 (each its own counter). */
  referenceFormat: '{regime}/{yyyy}/{seq:4}',
  signatoryName: '',
  signatoryTitle: '',
  region: 'england-and-wales',
};

export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
