// The bundle's own apparatus as flowed text: the cover, the index (tab, document, date, pages), the
// manifest of source files with their SHA-256, and the sheets that stand where a document cannot
// be reproduced or is withheld. Pure: page numbers come in through `pages`.
import { formatLongDate } from '../../../shared/domain/dates';
import { REGIME_NAMES } from '../../../shared/domain/cases';
import { addressLines } from '../../../shared/domain/settings';
import { normaliseText } from '../pdf/text';
import type { FlowItem, TableRow } from './compose';
import { allDocuments, exemptionLabel, type BundlePlan, type DocOutcome, type PageSpan, type PlannedDoc, type SourceFile } from './model';

export interface PageFacts {
  pages: (docId: string) => PageSpan | undefined;
  outcomes: ReadonlyMap<string, DocOutcome>;
  sources: readonly SourceFile[];
  totalPages: number;
}

/** "12", or "C12" in the closed bundle (paginated separately, GRC practice; docs/law.md §6.4). */
export function pageLabel(plan: Pick<BundlePlan, 'kind'>, n: number): string {
  return plan.kind === 'closed' ? `C${n}` : String(n);
}

export function spanLabel(plan: Pick<BundlePlan, 'kind'>, span: PageSpan | undefined): string {
  if (!span) return '';
  return span.first === span.last ? pageLabel(plan, span.first) : `${pageLabel(plan, span.first)}–${pageLabel(plan, span.last)}`;
}

const t = (s: string) => normaliseText(s);
const heading = (text: string, spaceBefore = 0): FlowItem => ({ kind: 'text', text: t(text), font: 'bold', size: 15, spaceBefore, keepWithNext: true });
const para = (text: string, spaceBefore = 6, extra: Partial<Extract<FlowItem, { kind: 'text' }>> = {}): FlowItem => ({ kind: 'text', text: t(text), spaceBefore, ...extra });

export function forumLine(plan: BundlePlan): string {
  const { body, reference } = plan.forum;
  if (body === 'ico') return `ICO reference: ${reference || 'not given'}`;
  if (body === 'tribunal') return `Tribunal reference: ${reference || 'not given'}`;
  return `ICO or Tribunal reference: ${reference || 'not given'}`;
}

export function coverFlow(plan: BundlePlan, facts: PageFacts): FlowItem[] {
  const { settings, detail } = plan.facts;
  const r = detail.requester;
  const withheld = plan.kind === 'open' ? allDocuments(plan).filter((d) => d.content.kind === 'withheld-notice').length : 0;
  const before =
    plan.forum.body === 'tribunal' ? 'First-tier Tribunal (General Regulatory Chamber), Information Rights'
    : plan.forum.body === 'ico' ? 'Information Commissioner: complaint under section 50'
    : 'For the Information Commissioner or the First-tier Tribunal (Information Rights)';
  const documents = allDocuments(plan).length - plan.front.length;
  return [
    { kind: 'text', text: t(settings.name || 'The public authority'), font: 'bold', size: 13 },
    ...addressLines(settings.address).map((line) => para(line, 0, { size: 10, muted: true })),
    { kind: 'text', text: plan.name.toUpperCase(), font: 'bold', size: 30, spaceBefore: 90 },
    para(before, 10, { size: 12 }),
    { kind: 'rule', spaceBefore: 24 },
    { kind: 'table', header: null, size: 11.5, spaceBefore: 12, columns: [{ share: 0.3, font: 'bold' }, { share: 0.7 }], rows: [
      { cells: ['Case reference', t(detail.reference)] },
      { cells: ['Requester', t(`${r.name}${r.organisation ? `, ${r.organisation}` : ''}`)] },
      { cells: [plan.forum.body === 'tribunal' ? 'Tribunal reference' : plan.forum.body === 'ico' ? 'ICO reference' : 'ICO or Tribunal reference', t(plan.forum.reference || 'Not given')] },
      { cells: ['Request', t(`${REGIME_NAMES[detail.regime]}, received ${formatLongDate(detail.received)}${detail.summary ? `: ${detail.summary}` : ''}`)] },
      { cells: ['Date prepared', formatLongDate(plan.prepared)] },
      { cells: ['Contents', `${documents} document${documents === 1 ? '' : 's'}, ${facts.totalPages} pages (${pageLabel(plan, 1)} to ${pageLabel(plan, facts.totalPages)})`] },
      { cells: ['Prepared by', t([settings.signatoryName, settings.signatoryTitle, settings.name].filter(Boolean).join(', ') || 'Not recorded')] },
    ] },
    { kind: 'rule', spaceBefore: 10 },
    plan.kind === 'closed'
      ? para('CLOSED MATERIAL. This bundle holds the information withheld from the requester, each item marked with the exemptions applied. It must not be disclosed to the requester or published. Its pages are numbered separately (C1, C2…).', 18, { font: 'bold' })
      : para(withheld ? `The information withheld (${withheld} item${withheld === 1 ? '' : 's'}) is in a separate closed bundle and is not reproduced here.` : 'No information is withheld in a closed bundle.', 18),
  ];
}

function docCell(d: PlannedDoc, outcome: DocOutcome | undefined): string {
  if (outcome?.status === 'not-reproduced') return `${d.title}\nCould not be reproduced: ${outcome.reason ?? 'reason not known'}`;
  if (outcome?.status === 'embedded') return `${d.title}\n${outcome.reason ?? 'Embedded in this PDF as a file attachment.'}`;
  return d.title;
}

export function indexFlow(plan: BundlePlan, facts: PageFacts): FlowItem[] {
  const closed = plan.kind === 'closed';
  const rows: TableRow[] = plan.sections.flatMap((s) => [
    { cells: [`${s.letter}  ${s.title}`], span: true, font: 'bold' as const },
    ...s.documents.map((d): TableRow => ({
      cells: [
        d.tab,
        t(docCell(d, facts.outcomes.get(d.id))),
        ...(closed ? [d.content.kind === 'file' ? exemptionLabel(d) : ''] : []),
        d.date ? formatLongDate(d.date) : '',
        spanLabel(plan, facts.pages(d.id)),
      ],
    })),
  ]);
  const notReproduced = allDocuments(plan).filter((d) => facts.outcomes.get(d.id)?.status === 'not-reproduced').length;
  return [
    heading(`Index: ${plan.name.toLowerCase()}, ${plan.reference}`),
    para(`Pages are numbered ${pageLabel(plan, 1)} to ${pageLabel(plan, facts.totalPages)} throughout. Each document's first page is bookmarked.${notReproduced ? ` ${notReproduced} document${notReproduced === 1 ? '' : 's'} could not be reproduced: each is listed below with the reason, and in the manifest.` : ''}`, 6, { size: 9.5 }),
    {
      kind: 'table',
      header: closed ? ['Tab', 'Document', 'Exemptions', 'Date', 'Pages'] : ['Tab', 'Document', 'Date', 'Pages'],
      columns: closed
        ? [{ share: 0.07 }, { share: 0.47 }, { share: 0.2 }, { share: 0.14 }, { share: 0.12, align: 'right' }]
        : [{ share: 0.07 }, { share: 0.6 }, { share: 0.17 }, { share: 0.16, align: 'right' }],
      rows,
      spaceBefore: 10,
    },
  ];
}

const bytes = (n: number) => `${n.toLocaleString('en-GB')} bytes`;

export function manifestFlow(plan: BundlePlan, facts: PageFacts): FlowItem[] {
  const status = (s: SourceFile) => {
    const span = spanLabel(plan, facts.pages(s.docId));
    if (s.status === 'not-reproduced') return `Could not be reproduced: ${s.note ?? ''}`;
    if (s.status === 'embedded') return `Embedded as a file attachment${span ? `; listed at ${span}` : ''}`;
    return `Reproduced at ${span}${s.note ? `; ${s.note}` : ''}`;
  };
  const rows: TableRow[] = facts.sources.flatMap((s) => [
    { cells: [s.tab, t(`${s.name} (${s.what})`), bytes(s.size), t(status(s))], keepWithNext: true, spaceBefore: 5 },
    { cells: [`SHA-256 ${s.sha256 || '(not known)'}`], span: true, indent: 0.07, font: 'regular' as const, muted: true, spaceBefore: 0, keepWithNext: false },
  ]);
  return [
    heading(`Manifest of source files: ${plan.reference}`),
    para('Every file the bundle reproduces or lists, as stored in Disclose, with its SHA-256. Each file was checked against its SHA-256 when the bundle was made; a file that failed the check is not reproduced.', 6, { size: 9.5 }),
    ...(rows.length
      ? [{ kind: 'table' as const, header: ['Tab', 'File', 'Size', 'In this bundle'], columns: [{ share: 0.07 }, { share: 0.45 }, { share: 0.16 }, { share: 0.32 }], rows, size: 8.5, spaceBefore: 10 }]
      : [para('No source files: every page of this bundle was generated from the case record.', 10)]),
  ];
}

/** The sheet standing in a document's place when its own pages are not in the bundle. */
export function slipFlow(plan: BundlePlan, d: PlannedDoc, outcome: DocOutcome): FlowItem[] {
  const c = d.content;
  if (c.kind === 'withheld-notice') {
    return [
      heading(`${d.tab}  Information withheld`),
      para(`This document is withheld from the requester. It is in the closed bundle at ${c.closedTab}, marked with the exemptions applied, and is not reproduced in the open bundle.`, 10),
      para(`Exemptions: ${exemptionLabel(d)}.`, 8, { muted: true }),
    ];
  }
  const name = c.kind === 'file' ? c.attachment.originalFilename || c.attachment.filename : d.title;
  const lines = c.kind === 'file' ? [`File: ${name}`, `Type: ${c.attachment.contentType}`, `Size: ${bytes(c.attachment.size)}`, `SHA-256: ${c.attachment.sha256}`] : [];
  return [
    heading(`${d.tab}  ${d.title}`),
    para(outcome.status === 'not-reproduced' ? `This document could not be reproduced: ${outcome.reason ?? 'the reason is not known'}.` : `${outcome.reason ?? 'Not printed'}.`, 10, { font: 'bold' }),
    ...(outcome.reason?.includes('attached to this PDF') ? [para('To open it, use the attachments panel of a PDF reader (in Adobe Acrobat Reader: View, Show/Hide, Navigation Panes, Attachments). The native files are also in the ZIP export, with the same manifest.', 6, { size: 9.5 })] : []),
    ...lines.map((l, i) => para(l, i === 0 ? 10 : 2, { size: 9.5 })),
    ...(d.exemptions.length ? [para(`Exemptions applied: ${exemptionLabel(d)}`, 10)] : []),
  ];
}
