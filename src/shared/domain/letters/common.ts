// Pieces every letter shares: the letterhead, the addressee block and the signature.
import type { AuthoritySettings } from '../settings';
import { addressLines } from '../settings';
import type { CaseRecord } from '../cases';
import type { LetterView } from './view';

export function letterhead(s: AuthoritySettings): LetterView['letterhead'] {
  return { name: s.name, lines: [...addressLines(s.address), ...(s.email ? [s.email] : [])] };
}

/** Name, organisation, then the postal address; the email address when there is no postal one. */
export function recipientBlock(c: CaseRecord): string[] {
  const r = c.requester;
  const postal = addressLines(r.address);
  return [r.name, ...(r.organisation ? [r.organisation] : []), ...(postal.length ? postal : r.email ? [r.email] : [])];
}

export function signatory(s: AuthoritySettings): LetterView['signatory'] {
  return { name: s.signatoryName, title: s.signatoryTitle, authority: s.name };
}

export function salutation(c: CaseRecord): string {
  return `Dear ${c.requester.name}`;
}
