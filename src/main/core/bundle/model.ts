// The bundle as a plan, from the case alone: which sections, which documents in which order, what
// each is titled and dated, and for the closed bundle which exemptions mark each withheld item.
// Pure: no files are read here, so the order and the tabs are fixed before any page is made.
// (docs/law.md §6.3-6.4: correspondence in date order, the s12 working, the exemption schedule,
// the withheld information separately, marked by exemption.)
import type { CaseDetail } from '../../../shared/domain/cases';
import type { AttachmentInfo, CorrespondenceItem } from '../../../shared/domain/correspondence';
import { CHANNEL_LABELS } from '../../../shared/domain/correspondence';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import { formatProvision } from '../../../shared/domain/exemptions/catalogue';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import type { IsoDate } from '../../../shared/domain/dates';
import { LETTER_KIND_LABELS, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { CostView } from '../../../shared/ipc/contract';

export type BundleKind = 'open' | 'closed';

/** Who the bundle is for: the ICO's complaint reference (IC-…) or the Tribunal's appeal number (EA/…). */
export interface Forum {
  body: 'ico' | 'tribunal' | null;
  reference: string;
}

/** A letter as recorded when it was saved or printed (the `letters` table). */
export interface LetterRecord {
  id: number;
  kind: LetterKind;
  letterDate: IsoDate;
  sha256: string;
  size: number;
  savedTo: string | null;
}

export interface BundleFacts {
  settings: AuthoritySettings;
  detail: CaseDetail;
  letters: LetterRecord[];
  costs: CostView;
  exemptions: AppliedExemption[];
}

export type DocContent =
  | { kind: 'cover' }
  | { kind: 'index' }
  | { kind: 'chronology' }
  | { kind: 'email'; item: CorrespondenceItem }
  | { kind: 'letter'; letter: LetterRecord }
  | { kind: 'costs' }
  | { kind: 'schedule' }
  | { kind: 'file'; attachment: AttachmentInfo }
  /** In the open bundle, where a withheld item would be: a pointer to the closed bundle. */
  | { kind: 'withheld-notice'; attachment: AttachmentInfo; closedTab: string }
  | { kind: 'manifest' };

export interface PlannedDoc {
  id: string;
  /** "B4": the section letter and the document's number in it; '' for the cover and index. */
  tab: string;
  title: string;
  date: IsoDate | null;
  content: DocContent;
  /** The exemptions marked on a withheld item, and how they were matched to it. */
  exemptions: AppliedExemption[];
  exemptionBasis: 'document' | 'request' | 'case' | 'none' | null;
}

export interface PlannedSection {
  letter: string;
  title: string;
  documents: PlannedDoc[];
}

export interface BundlePlan {
  kind: BundleKind;
  reference: string;
  /** "Open bundle" or "Closed bundle", as every page is stamped. */
  name: string;
  prepared: IsoDate;
  forum: Forum;
  facts: BundleFacts;
  front: PlannedDoc[];
  sections: PlannedSection[];
  /** Things the officer should know before sending it (a withheld item with no exemption). */
  warnings: string[];
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();
const stem = (s: string) => s.replace(/\.[^.]+$/, '');

/**
 * The exemptions that mark a withheld file: those applied to it by name, else those applied to the
 * whole request, else every exemption on the case (said so), else none (a warning).
 */
export function exemptionsFor(a: AttachmentInfo, all: readonly AppliedExemption[]): Pick<PlannedDoc, 'exemptions' | 'exemptionBasis'> {
  const names = [a.filename, a.originalFilename].map(norm).filter((n) => n !== '');
  const named = all.filter((e) => {
    const item = norm(e.item);
    return item !== '' && names.some((n) => item === n || item === stem(n) || item.includes(n));
  });
  if (named.length) return { exemptions: named, exemptionBasis: 'document' };
  const whole = all.filter((e) => e.item.trim() === '');
  if (whole.length) return { exemptions: whole, exemptionBasis: 'request' };
  if (all.length) return { exemptions: [...all], exemptionBasis: 'case' };
  return { exemptions: [], exemptionBasis: 'none' };
}

/** "Zoë Ó Dónaill" out of `"Ó Dónaill, Zoë" <zoe@example.org>`; the address when there is no name. */
export function displayName(address: string): string {
  const first = address.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[0]?.trim() ?? '';
  const m = /^"?([^"<]*?)"?\s*<([^>]+)>$/.exec(first);
  if (!m) return first;
  const name = (m[1] ?? '').trim();
  return name || (m[2] ?? '');
}

export function correspondenceTitle(item: CorrespondenceItem): string {
  const who = displayName(item.direction === 'in' ? item.from : item.to) || (item.direction === 'in' ? 'an unknown sender' : 'an unknown recipient');
  return `${CHANNEL_LABELS[item.channel]} ${item.direction === 'in' ? 'from' : 'to'} ${who}: ${item.subject.trim() || '(no subject)'}`;
}

export const sortKey = (sentAt: string) => (sentAt.length === 10 ? `${sentAt}T00:00:00` : sentAt);

/** An outgoing item that only files a letter the letters section already holds (same PDF bytes). */
function isFiledLetter(item: CorrespondenceItem, letterShas: ReadonlySet<string>): boolean {
  return item.direction === 'out' && item.sourceSha256 === null && item.attachments.length > 0 && item.attachments.every((a) => letterShas.has(a.sha256));
}

/** One copy of each distinct letter (the same bytes saved twice is one letter), oldest first. */
export function distinctLetters(letters: readonly LetterRecord[]): LetterRecord[] {
  const seen = new Set<string>();
  return [...letters]
    .sort((a, b) => (a.letterDate < b.letterDate ? -1 : a.letterDate > b.letterDate ? 1 : a.id - b.id))
    .filter((l) => !seen.has(l.sha256) && seen.add(l.sha256));
}

interface SectionDraft {
  title: string;
  docs: Omit<PlannedDoc, 'tab'>[];
}

const doc = (id: string, title: string, date: IsoDate | null, content: DocContent): Omit<PlannedDoc, 'tab'> => ({ id, title, date, content, exemptions: [], exemptionBasis: null });

function letterSections(drafts: SectionDraft[]): PlannedSection[] {
  return drafts
    .filter((d) => d.docs.length > 0)
    .map((d, i) => {
      const letter = String.fromCharCode(65 + i);
      return { letter, title: d.title, documents: d.docs.map((x, n) => ({ ...x, tab: `${letter}${n + 1}` })) };
    });
}

/** The withheld items, in the order of the correspondence they came with, then those added directly. */
function withheldDocs(facts: BundleFacts): PlannedDoc[] {
  const { detail, exemptions } = facts;
  const items = [...detail.correspondence].sort((a, b) => sortKey(a.sentAt).localeCompare(sortKey(b.sentAt)) || a.id - b.id);
  const fromItems = items.flatMap((it) => it.attachments.filter((a) => a.role === 'withheld').map((a) => ({ a, date: it.sentAt.slice(0, 10), from: correspondenceTitle(it) })));
  const direct = detail.attachments.filter((a) => a.role === 'withheld').map((a) => ({ a, date: null as IsoDate | null, from: '' }));
  return [...fromItems, ...direct].map(({ a, date, from }, n) => ({
    ...doc(`file-${a.id}`, from ? `${a.filename} (attached to ${from})` : a.filename, date, { kind: 'file', attachment: a }),
    ...exemptionsFor(a, exemptions),
    tab: `W${n + 1}`,
  }));
}

export function planBundle(facts: BundleFacts, kind: BundleKind, prepared: IsoDate, forum: Forum): BundlePlan {
  const { detail } = facts;
  const withheld = withheldDocs(facts);
  const closedTab = new Map(withheld.map((d) => [d.id, d.tab]));
  const warnings = withheld
    .filter((d) => d.exemptionBasis === 'none')
    .map((d) => `${d.title} is marked as withheld but no exemption is recorded on the case.`);
  const front = [doc('cover', 'Cover', null, { kind: 'cover' }), doc('index', 'Index', null, { kind: 'index' })].map((d) => ({ ...d, tab: '' }));
  const manifest: SectionDraft = { title: 'Manifest of source files', docs: [doc('manifest', 'Manifest: each source file with its SHA-256', null, { kind: 'manifest' })] };
  const base = { kind, reference: detail.reference, prepared, forum, facts, front, warnings };

  if (kind === 'closed') {
    // Tabbed W (withheld) and M (manifest), so no tab is mistaken for one in the open bundle.
    const sections: PlannedSection[] = [
      ...(withheld.length ? [{ letter: 'W', title: 'Information withheld', documents: withheld }] : []),
      { letter: 'M', title: manifest.title, documents: manifest.docs.map((d) => ({ ...d, tab: 'M1' })) },
    ];
    return { ...base, name: 'Closed bundle', sections };
  }

  const letters = distinctLetters(facts.letters);
  const letterShas = new Set(letters.map((l) => l.sha256));
  // An attachment's title names its email's tab once the tabs are known: "Attachment to B2: plan.pdf".
  const attachmentDoc = (a: AttachmentInfo, parent: string, date: IsoDate | null) =>
    a.role === 'withheld'
      ? { ...doc(`withheld-${a.id}`, `Information withheld: see the closed bundle, ${closedTab.get(`file-${a.id}`) ?? ''}`, date, { kind: 'withheld-notice', attachment: a, closedTab: closedTab.get(`file-${a.id}`) ?? '' }), ...exemptionsFor(a, facts.exemptions) }
      : doc(`file-${a.id}`, parent ? `Attachment to ${parent}: ${a.filename}` : a.filename, date, { kind: 'file', attachment: a });
  const items = [...detail.correspondence]
    .filter((it) => !isFiledLetter(it, letterShas))
    .sort((a, b) => sortKey(a.sentAt).localeCompare(sortKey(b.sentAt)) || a.id - b.id);
  const correspondence = items.flatMap((it) => {
    const date = it.sentAt.slice(0, 10);
    // Images shown inside the message body (logos, signatures) are drawn on the email's own pages.
    const attached = it.attachments.filter((a) => !(a.inline && a.contentType.startsWith('image/') && a.role !== 'withheld'));
    return [doc(`email-${it.id}`, correspondenceTitle(it), date, { kind: 'email', item: it }), ...attached.map((a) => attachmentDoc(a, `{email-${it.id}}`, date))];
  });
  const byRole = (role: AttachmentInfo['role']) => detail.attachments.filter((a) => a.role === role).map((a) => attachmentDoc(a, '', null));
  const costs = facts.costs.comply || facts.costs.confirmOrDeny ? [doc('costs', 'Cost estimate: the working, sampling, aggregation and advice (s12, s16)', null, { kind: 'costs' })] : [];
  const sections = letterSections([
    { title: 'Chronology', docs: [doc('chronology', 'Chronology of events and deadlines', null, { kind: 'chronology' })] },
    { title: 'Correspondence', docs: correspondence },
    { title: 'Letters sent', docs: letters.map((l) => doc(`letter-${l.id}`, `Letter: ${LETTER_KIND_LABELS[l.kind]}`, l.letterDate, { kind: 'letter', letter: l })) },
    { title: 'Cost estimate', docs: costs },
    { title: 'Exemptions', docs: facts.exemptions.length ? [doc('schedule', 'Schedule of exemptions: engagement and the public interest', null, { kind: 'schedule' })] : [] },
    { title: 'Information disclosed', docs: byRole('disclosed') },
    { title: 'Evidence and search records', docs: byRole('evidence') },
    { title: 'Other documents', docs: byRole('correspondence') },
    { title: 'Information withheld', docs: byRole('withheld') },
    manifest,
  ]);
  const tabOf = new Map(sections.flatMap((sec) => sec.documents.map((d) => [d.id, d.tab] as const)));
  for (const d of sections.flatMap((sec) => sec.documents)) d.title = d.title.replace(/\{(email-\d+)\}/, (_, id: string) => tabOf.get(id) ?? 'the email');
  return { ...base, name: 'Open bundle', sections };
}

export function allDocuments(plan: BundlePlan): PlannedDoc[] {
  return [...plan.front, ...plan.sections.flatMap((s) => s.documents)];
}

/** "FOIA s43(2), FOIA s40(2)": the exemptions on a withheld item, as its pages are marked, saying
 * when they were applied to the request as a whole rather than to this document. */
export function exemptionLabel(d: Pick<PlannedDoc, 'exemptions' | 'exemptionBasis'>): string {
  const list = [...new Set(d.exemptions.map((e) => formatProvision(e.ref)))].join(', ');
  if (!list) return 'No exemption recorded';
  return d.exemptionBasis === 'request' ? `${list} (applied to the whole request)` : d.exemptionBasis === 'case' ? `${list} (applied on the case, not to this document by name)` : list;
}

/** What became of a document when the bundle was made. */
export interface DocOutcome {
  /** generated: made by Disclose; reproduced: its pages are in the bundle; embedded: a native file
   * listed and attached to the PDF; not-reproduced: damaged, unreadable or locked (with the reason). */
  status: 'generated' | 'reproduced' | 'embedded' | 'not-reproduced';
  reason: string | null;
}

/** One source file, as the manifest lists it. */
export interface SourceFile {
  docId: string;
  tab: string;
  name: string;
  /** What the file is to the document: "source message", "attachment", "letter as sent"… */
  what: string;
  size: number;
  sha256: string;
  status: DocOutcome['status'];
  note: string | null;
}

/** First and last page of a document, 1-based. */
export interface PageSpan {
  first: number;
  last: number;
}
