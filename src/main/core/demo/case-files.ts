// The files that come with a demo case: the response letter and the figures sent with it, the
// regulator's decision notice, a requester's proof of identity, and the documents kept on the
// case (withheld information, disclosed data, a record of searches). Which files a case gets is
// drawn when the case is planned; the bytes are made when the item is filed, once the case has
// its reference.
import type { AttachmentRole } from '../../../shared/domain/correspondence';
import { formatLongDate } from '../../../shared/domain/dates';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import { formatProvision } from '../../../shared/domain/exemptions/catalogue';
import type { ResponseOutcome } from '../../../shared/domain/status';
import type { Letterhead, MessageKind } from './content';
import { messageText } from './content';
import { pdfFile, textFile, type DemoFile } from './files';
import type { Rng } from './random';

export type FileSpec = (h: Letterhead) => DemoFile;

const slug = (ref: string) => ref.replace(/[^A-Za-z0-9]+/g, '-');

function figures(seed: number, h: Letterhead): DemoFile {
  const columns = h.content.columns || 'Item,Count';
  const names = columns.split(',');
  const year = Number(h.received.slice(0, 4));
  const rows = Array.from({ length: 3 + (seed % 6) }, (_, r) =>
    names.map((c, i) => (i === 0 ? (/year|winter|quarter/i.test(c) ? String(year - 1 - r) : `${c.replace(/\s*\(.*\)/, '')} ${r + 1}`) : String(((seed * (r + 3) * (i + 7)) % 9000) + 12))).join(','),
  );
  return textFile(`${slug(h.reference)} figures.csv`, 'text/csv', `${columns}\n${rows.join('\n')}\n`);
}

function reasons(exemptions: readonly AppliedExemption[]): string {
  return exemptions
    .map((e) => `${formatProvision(e.ref)}\n${e.engagement}${e.publicInterestFor ? `\nPublic interest in disclosure: ${e.publicInterestFor}\nPublic interest in withholding: ${e.publicInterestAgainst}\nBalance: ${e.balance}` : ''}`)
    .join('\n\n');
}

/** The files an item of correspondence carries, drawn now, made later. */
export function attachmentSpecs(rng: Rng, kind: MessageKind, outcome: ResponseOutcome | null, exemptions: readonly AppliedExemption[]): FileSpec[] {
  const n = rng.int(1, 9999);
  switch (kind) {
    case 'responded': {
      if (!rng.chance(0.45)) return [];
      const letter: FileSpec = (h) => pdfFile(`Response ${slug(h.reference)}.pdf`, `${h.authority}: response to request ${h.reference}`,
        `${formatLongDate(h.date)}\n\n${messageText('responded', h).body}${exemptions.length ? `\n\nReasons\n\n${reasons(exemptions)}` : ''}`);
      return outcome === 'granted' || outcome === 'part-granted' ? (rng.chance(0.5) ? [letter, (h) => figures(n, h)] : [letter]) : [letter];
    }
    case 'review-completed':
      return rng.chance(0.3) ? [(h) => pdfFile(`Internal review ${slug(h.reference)}.pdf`, `Internal review of request ${h.reference}`, messageText('review-completed', h).body)] : [];
    case 'ico-decision':
      return rng.chance(0.6)
        ? [(h) => pdfFile(`Decision notice ${slug(h.reference)}.pdf`, 'Decision notice', `Public authority: ${h.authority}\nComplainant: ${h.content.requester.name}\nDate: ${formatLongDate(h.date)}\n\nThe complainant asked for ${h.content.summary.toLowerCase()}. The public authority's handling of request ${h.reference} has been investigated. ${n % 3 === 0 ? 'The decision is that the authority was entitled to withhold the information.' : n % 3 === 1 ? 'The decision is that the authority was not entitled to rely on the exemptions cited and must disclose the information within 35 calendar days.' : 'The decision is that the authority breached the time for compliance but requires no further steps.'}`)]
        : [];
    case 'id-received':
      return rng.chance(0.4) ? [(h) => pdfFile('Proof of identity.pdf', 'Proof of identity', `Copy of a utility bill addressed to ${h.content.requester.name}, dated ${formatLongDate(h.date)}, with account numbers removed.`)] : [];
    case 'request':
      return rng.chance(0.08) ? [(h) => pdfFile('Supporting letter.pdf', 'Supporting letter', h.content.requestText)] : [];
    default:
      return [];
  }
}

/** Documents kept on the case beside the response: what was withheld, what was disclosed, where was searched. */
export function directSpecs(rng: Rng, outcome: ResponseOutcome | null, exemptions: readonly AppliedExemption[]): { spec: FileSpec; role: AttachmentRole }[] {
  const n = rng.int(1, 9999);
  const out: { spec: FileSpec; role: AttachmentRole }[] = [];
  if ((outcome === 'refused' || outcome === 'part-granted') && rng.chance(0.4)) {
    out.push({ role: 'withheld', spec: (h) => pdfFile(`Withheld information ${slug(h.reference)}.pdf`, `Withheld: ${h.content.summary}`, `Information held by the ${h.content.team} team within the scope of request ${h.reference}, withheld under ${exemptions.map((e) => formatProvision(e.ref)).join(' and ') || 'the exemptions cited'}.\n\nNot for disclosure.`) });
  }
  if ((outcome === 'granted' || outcome === 'part-granted') && rng.chance(0.25)) out.push({ role: 'disclosed', spec: (h) => figures(n, h) });
  if (outcome === 'not-held' && rng.chance(0.3)) {
    out.push({ role: 'evidence', spec: (h) => textFile('Record of searches.txt', 'text/plain', `Searches for request ${h.reference}\n\nSystems searched: the ${h.content.team} case management system, shared drives and email accounts of the team.\nSearch terms: ${h.content.summary}.\nResult: no information within the scope of the request was found.\n`) });
  }
  return out;
}
