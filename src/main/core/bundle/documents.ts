// The documents a bundle writes out of the case record, as flowed text: the chronology of events
// and deadlines, each email or logged item with its headers, the section 12 working, the
// exemption schedule, and a text file's contents. Pure: page numbers come in through `pages`.
import { formatLongDate, type IsoDate } from '../../../shared/domain/dates';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { CHANNEL_LABELS, type CorrespondenceItem } from '../../../shared/domain/correspondence';
import { COST_ACTIVITY_LABELS, costWorking, formatMinutes, formatPence, lineMinutes } from '../../../shared/domain/costs/s12';
import type { CostEstimate } from '../../../shared/domain/costs/types';
import { exemptionTest, exemptionTitle, formatProvision, isAbsolute } from '../../../shared/domain/exemptions/catalogue';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import { normaliseText } from '../pdf/text';
import type { FlowItem, TableRow } from './compose';
import { allDocuments, type BundlePlan, type PageSpan, type PlannedDoc } from './model';
import { spanLabel } from './pages';
import { boundedText } from './limits';

const t = (s: string) => normaliseText(s);
const heading = (text: string, size = 15, spaceBefore = 0): FlowItem => ({ kind: 'text', text: t(text), font: 'bold', size, spaceBefore, keepWithNext: true });
const para = (text: string, spaceBefore = 6, size = 10.5): FlowItem => ({ kind: 'text', text: t(text), spaceBefore, size });

/** "12 March 2012, 09:00": an instant in UK time, whatever the machine's zone; a bare date as it is. */
export function formatSent(sentAt: string): string {
  if (sentAt.length === 10) return formatLongDate(sentAt);
  const d = new Date(sentAt);
  if (Number.isNaN(d.getTime())) return sentAt;
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...o }).format(d);
  return `${part({ day: 'numeric', month: 'long', year: 'numeric' })}, ${part({ hour: '2-digit', minute: '2-digit', hour12: false })}`;
}

interface ChronologyEntry {
  date: IsoDate;
  order: number;
  what: string;
  detail: string;
  docId: string | null;
}

export function chronologyFlow(plan: BundlePlan, pages: (docId: string) => PageSpan | undefined): FlowItem[] {
  const { detail } = plan.facts;
  const docs = allDocuments(plan);
  const entries: ChronologyEntry[] = [];
  // An event recorded from an email points at it, and the email is not listed a second time.
  const linked = new Set<string>();
  for (const e of detail.events) {
    const source = detail.correspondence.find((c) => c.markedAs === e.type && c.sentAt.slice(0, 10) === e.date);
    const d = source ? docs.find((x) => x.id === `email-${source.id}`) : undefined;
    if (d) linked.add(d.id);
    const estimate = e.estimate ? `Estimated date given: ${formatLongDate(e.estimate)}. ` : '';
    entries.push({ date: e.date, order: 0, what: eventLabel(e.type), detail: `${estimate}${d ? `${d.tab} ${d.title}` : (e.note ?? '')}`.trim(), docId: d?.id ?? null });
  }
  for (const d of [detail.clocks.response, ...detail.clocks.deadlines]) {
    if (d.status === 'not-applicable') continue;
    const status =
      d.status === 'met' ? `Met${d.metOn ? ` on ${formatLongDate(d.metOn)}` : ''}`
      : d.status === 'missed' ? `Missed${d.metOn ? `; done on ${formatLongDate(d.metOn)}` : ''}`
      : 'Pending';
    entries.push({ date: d.due, order: 2, what: `Deadline: ${d.label}`, detail: `${status}. ${d.basis}.${d.provisional ? ' Provisional: after the last published bank holidays.' : ''}`, docId: null });
  }
  for (const d of docs) {
    if (!d.date || linked.has(d.id) || (d.content.kind !== 'email' && d.content.kind !== 'letter')) continue;
    entries.push({ date: d.date, order: 1, what: `${d.tab} ${d.title}`, detail: '', docId: d.id });
  }
  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const rows: TableRow[] = entries.map((e) => ({ cells: [formatLongDate(e.date), t(e.what), t(e.detail), e.docId ? spanLabel(plan, pages(e.docId)) : ''] }));
  return [
    heading(`Chronology: ${plan.reference}`),
    para('Events as recorded on the case, the documents in this bundle by date, and every statutory deadline with whether it was met. The page column points to the document in this bundle.', 6, 9.5),
    { kind: 'table', header: ['Date', 'Event or document', 'Detail', 'Page'], columns: [{ share: 0.17 }, { share: 0.4 }, { share: 0.33 }, { share: 0.1, align: 'right' }], rows, spaceBefore: 10 },
  ];
}

/** The message's headers, then its text; images shown in the message follow (drawn by the caller). */
export function emailFlow(d: PlannedDoc, item: CorrespondenceItem, closedTabs: ReadonlyMap<number, string>, images: { key: string; name: string; width: number; height: number }[]): FlowItem[] {
  const attachments = item.attachments.map((a) => (a.role === 'withheld' ? `[withheld: closed bundle ${closedTabs.get(a.id) ?? ''}]` : a.filename));
  const rows: TableRow[] = [
    ...(item.channel !== 'email' ? [{ cells: ['Kind', `${CHANNEL_LABELS[item.channel]}, ${item.direction === 'in' ? 'received' : 'sent'} (logged in Disclose)`] }] : []),
    { cells: ['From', t(item.from || '(not recorded)')] },
    { cells: ['To', t(item.to || '(not recorded)')] },
    ...(item.cc ? [{ cells: ['Cc', t(item.cc)] }] : []),
    { cells: ['Date', formatSent(item.sentAt)] },
    { cells: ['Subject', t(item.subject || '(no subject)')] },
    ...(item.messageId ? [{ cells: ['Message-ID', t(`<${item.messageId}>`)] }] : []),
    ...(attachments.length ? [{ cells: ['Attachments', t(attachments.join('\n'))] }] : []),
    ...(item.sourceFilename ? [{ cells: ['Source file', t(`${item.sourceFilename} (SHA-256 in the manifest)`)] }] : []),
  ];
  return [
    heading(`${d.tab}  ${d.title}`, 13),
    { kind: 'table', header: null, columns: [{ share: 0.18, font: 'bold' }, { share: 0.82 }], rows, size: 9.5, spaceBefore: 8 },
    { kind: 'rule', spaceBefore: 6 },
    para(boundedText(item.body.trim(), 'the rest is in the message as received, held on the case').text || '(The message has no text.)', 6, 10),
    ...(images.length ? [heading('Images in the message', 11, 14)] : []),
    ...images.flatMap((img): FlowItem[] => [para(img.name, 8, 9), { kind: 'image', key: img.key, width: img.width, height: img.height, spaceBefore: 4 }]),
  ];
}

function estimateFlow(title: string, e: CostEstimate, plan: BundlePlan): FlowItem[] {
  const guideOnly = plan.facts.costs.limit.guideOnly ?? false;
  // The sampling behind each line is in the working below, as the domain words it for letters.
  const rows: TableRow[] = e.lines.map((l) => ({
    cells: [COST_ACTIVITY_LABELS[l.activity], t(l.description || 'items'), l.quantity.toLocaleString('en-GB'), formatMinutes(l.minutesEach), formatMinutes(lineMinutes(l))],
  }));
  rows.push({ cells: ['Total', '', '', '', formatMinutes(e.totals.totalMinutes)], font: 'bold' });
  const out: FlowItem[] = [
    heading(title, 12, 14),
    { kind: 'table', header: ['Activity (reg 4(3))', 'What is counted', 'Quantity', 'Each', 'Time'], columns: [{ share: 0.3 }, { share: 0.3 }, { share: 0.12, align: 'right' }, { share: 0.13, align: 'right' }, { share: 0.15, align: 'right' }], rows, size: 9, spaceBefore: 6 },
    ...costWorking(e.lines, e.aggregateTotals ?? e.totals, { guideOnly }).map((w, i) => para(w, i === 0 ? 10 : 3, 10)),
  ];
  if (e.aggregatedWith.length) {
    out.push(heading('Aggregated requests (reg 5)', 11, 12));
    for (const a of e.aggregatedWith) out.push(para(`${a.reference}, received ${formatLongDate(a.received)}: ${formatMinutes(a.totalMinutes)}${a.reason ? `. ${a.reason}` : ''}`, 4, 10));
  }
  return out;
}

export function costsFlow(d: PlannedDoc, plan: BundlePlan): FlowItem[] {
  const c = plan.facts.costs;
  const pounds = (p: number) => (p % 100 === 0 ? `£${(p / 100).toLocaleString('en-GB')}` : formatPence(p));
  const limit = `${pounds(c.limit.limitPence)} (${c.limit.limitHours} hours at ${pounds(c.limit.ratePencePerHour)} an hour)`;
  return [
    heading(`${d.tab}  Cost estimate`),
    para(`${c.limit.guideOnly ? 'Figure used as a guide' : 'Appropriate limit'}: ${limit}. Basis: ${c.limit.basis}.`, 6, 10),
    ...(c.comply ? estimateFlow('Complying with the request (s12(1))', c.comply, plan) : []),
    ...(c.confirmOrDeny ? estimateFlow('Confirming or denying whether it is held (s12(2))', c.confirmOrDeny, plan) : []),
    heading('Advice and assistance given (s16)', 12, 16),
    para(c.s16Advice.trim() || 'No section 16 advice is recorded on the case.', 4, 10),
  ];
}

function exemptionKind(e: AppliedExemption): string {
  try {
    const test = exemptionTest(e.ref);
    return `${isAbsolute(e.ref) ? 'absolute' : 'qualified'}, ${test === 'class' ? 'class-based' : `${test.replace('-', ' ')} test`}`;
  } catch {
    return 'not in the catalogue';
  }
}

/** Qualified exemptions carry the public interest test (FOIA s2(2)(b)); absolute ones say they need none (s2(3)). */
function publicInterest(e: AppliedExemption, labelled: (label: string, text: string) => FlowItem[]): FlowItem[] {
  let absolute = false;
  try {
    absolute = isAbsolute(e.ref);
  } catch {
    // not in the catalogue: show whatever was recorded
  }
  if (absolute && !e.publicInterestFor && !e.publicInterestAgainst && !e.balance) {
    const law = e.ref.act === 'FOIA' ? ' (FOIA s2(3))' : e.ref.act === 'FOISA' ? ' (FOISA s2(2))' : '';
    return labelled('Public interest', `No public interest test: ${formatProvision(e.ref)} is an absolute exemption${law}.`);
  }
  const missing = 'Not recorded on the case.';
  return [
    ...labelled('Public interest in disclosure', e.publicInterestFor || missing),
    ...labelled('Public interest in maintaining the exemption', e.publicInterestAgainst || missing),
    ...labelled('The balance, and the conclusion', e.balance || missing),
  ];
}

export function scheduleFlow(d: PlannedDoc, plan: BundlePlan): FlowItem[] {
  const labelled = (label: string, text: string): FlowItem[] => (text.trim() ? [{ kind: 'text', text: label, font: 'bold', size: 10, spaceBefore: 8, keepWithNext: true }, para(text, 2, 10)] : []);
  return [
    heading(`${d.tab}  Schedule of exemptions`),
    para('Each exemption or exception applied, what it covers, why it is engaged, and the public interest arguments for and against disclosure with the balance struck.', 6, 9.5),
    ...plan.facts.exemptions.flatMap((e, i): FlowItem[] => [
      heading(`${i + 1}. ${formatProvision(e.ref)}: ${exemptionTitle(e.ref) ?? ''}`, 12, i === 0 ? 14 : 22),
      para(`Applies to: ${e.item || 'the whole request'}. ${exemptionKind(e)[0]?.toUpperCase()}${exemptionKind(e).slice(1)}.${e.ncnd ? ' Neither confirm nor deny.' : ''}${e.decidedBy ? ` Decided by ${e.decidedBy}${e.decidedOn ? ` on ${formatLongDate(e.decidedOn)}` : ''}.` : ''}`, 4, 9.5),
      ...labelled('Why the exemption is engaged', e.engagement || 'Not recorded on the case.'),
      ...publicInterest(e, labelled),
      ...(e.qualifiedPerson ? labelled("The qualified person's opinion (s36)", `${e.qualifiedPerson.name}, ${formatLongDate(e.qualifiedPerson.opinionDate)}. Put to them: ${e.qualifiedPerson.materialPutToThem}`) : []),
    ]),
  ];
}

export function textFileFlow(d: PlannedDoc, text: string): FlowItem[] {
  return [heading(`${d.tab}  ${d.title}`, 13), { kind: 'rule', spaceBefore: 6 }, para(text.trim() || '(The file is empty.)', 6, 10)];
}
