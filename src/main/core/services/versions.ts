// A version per case: a save made from an older copy of the case is refused, naming who changed
// what and when since, so that two officers saving the same case lose nothing.
import { DiscloseError } from '../../../shared/errors';
import { changesSince, lockedVersion } from '../repositories/team.repository';
import type { WriteScope } from './transaction';

/**
 * Refuses a save made from an older copy of the case: names who changed what and when since that
 * version. Called inside the write, with the case's row locked on the team database.
 */
export async function checkVersion(w: Pick<WriteScope, 'db'>, caseId: number, reference: string, expected: number | undefined): Promise<void> {
  if (expected === undefined) return;
  const current = await lockedVersion(w.db, caseId);
  if (current === expected) return;
  const since = await changesSince(w.db, caseId, expected);
  const described = since
    .slice(-3)
    .map((c) => `${c.actor} at ${c.at.slice(11, 16)} on ${c.at.slice(0, 10)}: ${c.summary}`)
    .join('; ');
  throw new DiscloseError(
    'CONFLICT',
    `${reference} was changed by someone else after you opened it (${described || `version ${current}, you had ${expected}`}). Nothing was saved: your changes are still in the form. Look at the case as it is now, then save again.`,
  );
}
