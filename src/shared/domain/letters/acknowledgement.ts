// The acknowledgement, as the core asks for it today: a thin wrapper over buildLetter with the
// default template. Kept until the core builds every letter from a full LetterData.
import type { AuthoritySettings } from '../settings';
import type { CaseRecord } from '../cases';
import type { CaseClocks } from '../clocks/events';
import { RESPONSE_CLOCK } from '../clocks/events';
import type { IsoDate } from '../dates';
import { buildLetter } from './merge';
import { DEFAULT_TEMPLATES } from './templates';
import type { LetterView } from './view';

export interface AcknowledgementInput {
  settings: AuthoritySettings;
  caseRecord: CaseRecord;
  dueDate: IsoDate;
  today: IsoDate;
}

/** Just enough of the case's clocks for the acknowledgement: the response due date. */
function clocksWithDue(c: CaseRecord, dueDate: IsoDate): CaseClocks {
  return {
    response: {
      key: 'response', label: 'Response', status: 'pending', clock: RESPONSE_CLOCK[c.regime], from: c.received,
      due: dueDate, calendar: 'all-uk', basis: '', steps: [], provisional: false,
    },
    onHold: null,
    deadlines: [],
  };
}

export function acknowledgementLetter({ settings, caseRecord, dueDate, today }: AcknowledgementInput): LetterView {
  return buildLetter('acknowledgement', DEFAULT_TEMPLATES.acknowledgement, {
    settings, caseRecord, today, clocks: clocksWithDue(caseRecord, dueDate), events: [],
    exemptions: [], cost: null, s16Advice: '', fields: {},
  });
}
