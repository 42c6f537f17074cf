// A copy kept aside, side by side with the live case: for each row, what it was when checked out,
// what the laptop made of it, and what the team database holds now, so that a lead merges by hand
// knowing who changed what.
import { CASE_SPECS, keyOf, isPlaceholder, type CaseRows, type CaseTable, type Row, type ShapedRow } from '../db/case-copy';

export type RowState = 'added-offline' | 'changed-offline' | 'removed-offline' | 'added-on-server' | 'changed-on-server' | 'removed-on-server' | 'changed-both';

export interface ComparedRow {
  label: string;
  state: RowState;
  fields: { column: string; checkedOut: string | null; laptop: string | null; live: string | null }[];
}

export interface ComparedSection {
  table: CaseTable;
  label: string;
  rows: ComparedRow[];
}

const LABELS: Record<CaseTable, string> = {
  requesters: 'Requester',
  cases: 'The case',
  case_events: 'Events',
  correspondence: 'Correspondence',
  attachments: 'Files',
  letters: 'Letters',
  cost_estimates: 'Cost estimates',
  cost_lines: 'Cost estimate lines',
  case_links: 'Linked cases',
  exemptions_applied: 'Exemptions',
  letter_fields: 'Letter drafts',
  redaction_marks: 'Redaction marks',
  redacted_copies: 'Redacted copies',
  publications: 'Disclosure log',
  case_notes: 'Internal notes',
};

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What a row is, in a few words. */
function describe(table: CaseTable, r: Row): string {
  switch (table) {
    case 'requesters':
      return text(r.name);
    case 'cases':
      return text(r.reference);
    case 'case_events':
      return `${text(r.type)}, ${text(r.date)}`;
    case 'correspondence':
      return cut(text(r.subject) || `${text(r.direction) === 'in' ? 'In' : 'Out'} by ${text(r.channel)}, ${text(r.sent_at).slice(0, 10)}`);
    case 'attachments':
      return text(r.filename);
    case 'letters':
      return `${text(r.kind)}, ${text(r.letter_date)}`;
    case 'cost_estimates':
      return text(r.scope);
    case 'cost_lines':
      return `${text(r.activity)} × ${text(r.quantity)}${r.description ? ` (${cut(text(r.description), 40)})` : ''}`;
    case 'case_links':
      return `case ${text(r.linked_case_id)} (${text(r.kind)})`;
    case 'exemptions_applied':
      return `${text(r.act)} ${text(r.section)}${text(r.subsection)}${r.item ? ` [${text(r.item)}]` : ''}`;
    case 'letter_fields':
      return text(r.kind);
    case 'redaction_marks':
      return `page ${text(r.page)}, ${text(r.code)}`;
    case 'redacted_copies':
      return `copy ${text(r.copy_attachment_id)}`;
    case 'publications':
      return text(r.title);
    case 'case_notes':
      return cut(text(r.text));
  }
}

const shown = (v: unknown): string | null => (v === undefined ? null : isPlaceholder(v) ? '(added offline)' : v === null ? '' : text(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** Not shown: each side's own numbers and hashes, and the case every row belongs to. */
const OWN = new Set(['id', 'version', 'content_hash', 'case_id']);

function fields(b: Row | undefined, l: Row | undefined, v: Row | undefined): ComparedRow['fields'] {
  const cols = [...new Set([...Object.keys(b ?? {}), ...Object.keys(l ?? {}), ...Object.keys(v ?? {})])].filter((c) => !OWN.has(c));
  return cols
    .filter((c) => (b ? !(same(b[c], l?.[c]) && same(b[c], v?.[c])) : true))
    .filter((c) => !(b === undefined && (l?.[c] ?? v?.[c]) === null))
    .map((c) => ({ column: c, checkedOut: shown(b?.[c]), laptop: shown(l?.[c]), live: shown(v?.[c]) }));
}

function changed(a: Row | undefined, b: Row | undefined): boolean {
  if (!a || !b) return a !== b;
  return Object.keys(a).some((c) => !OWN.has(c) && c in b && !same(a[c], b[c]));
}

/** Row by row: the copy as checked out, as it came back, and the live case. */
export function compareCopy(base: CaseRows, laptop: Partial<Record<CaseTable, ShapedRow[]>>, live: CaseRows): ComparedSection[] {
  const sections: ComparedSection[] = [];
  for (const spec of CASE_SPECS) {
    const rows: ComparedRow[] = [];
    const b = new Map((base[spec.table] ?? []).map((r) => [keyOf(spec, r), r]));
    const v = new Map((live[spec.table] ?? []).map((r) => [keyOf(spec, r), r]));
    const l = new Map<string, Row>();
    for (const s of laptop[spec.table] ?? []) {
      if (s.serverKey !== null && b.has(s.serverKey)) l.set(s.serverKey, s.row);
      else rows.push({ label: describe(spec.table, s.row), state: 'added-offline', fields: fields(undefined, s.row, undefined) });
    }
    for (const [k, was] of b) {
      const mine = l.get(k);
      const theirs = v.get(k);
      const offline = mine ? changed(was, mine) : true;
      const server = theirs ? changed(was, theirs) : true;
      if (!offline && !server) continue;
      const state: RowState = offline && server ? 'changed-both' : offline ? (mine ? 'changed-offline' : 'removed-offline') : theirs ? 'changed-on-server' : 'removed-on-server';
      rows.push({ label: describe(spec.table, was), state, fields: fields(was, mine, theirs) });
    }
    for (const [k, now] of v) if (!b.has(k) && !(spec.table === 'case_links')) rows.push({ label: describe(spec.table, now), state: 'added-on-server', fields: fields(undefined, undefined, now) });
    if (rows.length) sections.push({ table: spec.table, label: LABELS[spec.table], rows });
  }
  return sections;
}
