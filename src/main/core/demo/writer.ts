// Everything the demo register writes, in one place: each method is one thing an officer does in
// the app (log a request, file an email, record an event, apply an exemption…) and leaves the rows
// and the audit entry that action leaves, stamped with the moment it was done. The high-volume
// rows are gathered and written many to a statement (repositories/demo.repository.ts); the rest
// go through the repositories the services use.
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { sha256Hex, type BlobStore } from '../blobs';
import type { Requester } from '../../../shared/domain/cases';
import { eventLabel, type CaseEvent, type Regime } from '../../../shared/domain/clocks/events';
import { formatLongDate } from '../../../shared/domain/dates';
import { formatReference, referenceScope } from '../../../shared/domain/reference';
import { OUTCOME_LABELS, REVIEW_OUTCOME_LABELS, type ResponseOutcome, type ReviewOutcome } from '../../../shared/domain/status';
import type { AttachmentRole, Channel, Direction } from '../../../shared/domain/correspondence';
import type { AppliedExemption } from '../../../shared/domain/exemptions/types';
import { formatProvision } from '../../../shared/domain/exemptions/catalogue';
import type { CostLine } from '../../../shared/domain/costs/types';
import { appropriateLimit, costTotals, formatMinutes, formatPence } from '../../../shared/domain/costs/s12';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { insertCase, insertRequester, referenceExists, takeNextSequence } from '../repositories/cases.repository';
import { linkCorrespondenceEvent } from '../repositories/correspondence.repository';
import { replaceCostLines, setS16Advice } from '../repositories/costs.repository';
import { upsertApplied } from '../repositories/exemptions.repository';
import { getSettings, saveSettings } from '../repositories/settings.repository';
import type { NewAuditEntry } from '../repositories/audit.repository';
import {
  appendAuditRows, insertAttachmentRows, insertBlobRows, insertCorrespondenceRows, insertEventRows, insertSearchRows,
  type AttachmentRow, type CorrespondenceRow, type EventRow,
} from '../repositories/demo.repository';
import { safeFilename } from '../mail/filenames';
import type { DemoFile, ReadEmail } from './files';

export interface Tally {
  cases: number;
  messages: number;
  imported: number;
  attachments: number;
  files: number;
  events: number;
  exemptions: number;
  estimates: number;
  auditRows: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const BATCH = 20_000;

export class DemoWriter {
  readonly tally: Tally = { cases: 0, messages: 0, imported: 0, attachments: 0, files: 0, events: 0, exemptions: 0, estimates: 0, auditRows: 0 };
  private events: EventRow[] = [];
  private correspondence: CorrespondenceRow[] = [];
  private attachments: AttachmentRow[] = [];
  private blobs: { sha256: string; size: number; created_at: string }[] = [];
  private bytes: { bytes: Uint8Array; sha: string }[] = [];
  private search: { case_id: number; kind: string; item_id: number; title: string; body: string }[] = [];
  private links: [number, number][] = [];
  private audit: NewAuditEntry[] = [];

  constructor(
    public db: Kysely<DB>,
    private readonly store: BlobStore,
    private readonly actor: string,
    private ids: { events: number; correspondence: number; attachments: number },
    private head: { id: number; hash: string },
    private referenceFormat: string,
  ) {}

  private log(ms: number, action: string, caseId: number | null, summary: string, detail: unknown): void {
    this.audit.push({ at: iso(ms), actor: this.actor, action, caseId, summary, detail });
  }

  /** Settings as the setup screen saves them, for a register not yet set up. */
  async setUp(ms: number, s: Omit<AuthoritySettings, 'configured'>): Promise<void> {
    const before = await getSettings(this.db);
    await saveSettings(this.db, s);
    this.referenceFormat = s.referenceFormat;
    const changed = (Object.keys(s) as (keyof typeof s)[]).filter((k) => s[k] !== before[k]);
    this.log(ms, 'settings.updated', null, 'Set up the authority', Object.fromEntries(changed.map((k) => [k, { from: before[k], to: s[k] }])));
  }

  /** A new case with the next reference, as cases:create makes it. */
  async createCase(ms: number, c: { regime: Regime; received: string; requester: Requester; summary: string; requestText: string }): Promise<{ id: number; reference: string }> {
    const now = iso(ms);
    const rc = { received: c.received, regime: c.regime };
    let reference: string;
    do reference = formatReference(this.referenceFormat, rc, await takeNextSequence(this.db, referenceScope(this.referenceFormat, rc)));
    while (await referenceExists(this.db, reference));
    const requesterId = await insertRequester(this.db, c.requester, now);
    const id = await insertCase(this.db, { reference, regime: c.regime, received: c.received, summary: c.summary, requestText: c.requestText, requesterId, officer: this.actor }, now);
    this.events.push({ id: ++this.ids.events, case_id: id, type: 'received', date: c.received, estimate: null, note: null, outcome: null, recorded_at: now });
    this.search.push({ case_id: id, kind: 'case', item_id: id, title: `${reference} ${c.summary}`, body: `${c.requester.name}\n${c.requestText}` });
    this.log(ms, 'case.created', id, `Logged ${c.regime.toUpperCase()} request ${reference} from ${c.requester.name}, received ${c.received}`, { reference, regime: c.regime, received: c.received });
    this.tally.cases++;
    return { id, reference };
  }

  private item(ms: number, caseId: number, m: { direction: Direction; channel: Channel; sentAt: string; from: string; to: string; subject: string; body: string }, source: Partial<CorrespondenceRow> = {}): number {
    const id = ++this.ids.correspondence;
    this.correspondence.push({
      id, case_id: caseId, direction: m.direction, channel: m.channel, sent_at: m.sentAt, from_text: m.from, to_text: m.to, cc_text: '', subject: m.subject, body: m.body,
      headers: null, message_id: null, source_sha256: null, source_filename: null, source_format: null, warnings: '[]', event_id: null, created_at: iso(ms), ...source,
    });
    this.search.push({ case_id: caseId, kind: 'correspondence', item_id: id, title: m.subject, body: [m.from, m.to, m.body].join('\n') });
    this.tally.messages++;
    return id;
  }

  /** An item logged by hand (correspondence:add). */
  logMessage(ms: number, caseId: number, m: { direction: Direction; channel: Channel; sentAt: string; from: string; to: string; subject: string; body: string }): number {
    const id = this.item(ms, caseId, m);
    this.log(ms, 'correspondence.logged', caseId, `Logged ${m.direction === 'in' ? 'incoming' : 'outgoing'} ${m.channel}: ${m.subject || '(no subject)'}`, { id });
    return id;
  }

  /** A file for the blob store, listed with the rows; its bytes are stored (and durable) before the rows are written. */
  private put(ms: number, bytes: Uint8Array): string {
    const sha = sha256Hex(bytes);
    this.bytes.push({ bytes, sha });
    this.blobs.push({ sha256: sha, size: bytes.length, created_at: iso(ms) });
    this.tally.files++;
    return sha;
  }

  private file(ms: number, caseId: number, correspondenceId: number | null, f: DemoFile, role: AttachmentRole): string {
    const sha = this.put(ms, f.bytes);
    const id = ++this.ids.attachments;
    this.attachments.push({
      id, case_id: caseId, correspondence_id: correspondenceId, sha256: sha, filename: safeFilename(f.name), original_filename: f.name, content_type: f.contentType,
      size: f.bytes.length, role, inline: 0, text_status: 'ok', text_note: null, created_at: iso(ms),
    });
    if (f.text) this.search.push({ case_id: caseId, kind: 'attachment', item_id: id, title: f.name, body: f.text });
    this.tally.attachments++;
    return sha;
  }

  /** A saved email imported with its attachments (correspondence:import). */
  importEmail(ms: number, caseId: number, direction: Direction, e: ReadEmail, fileName: string): number {
    const sha = this.put(ms, e.source);
    const id = this.item(ms, caseId, { direction, channel: 'email', sentAt: e.sentAt, from: e.from, to: e.to, subject: e.subject, body: e.body }, {
      headers: JSON.stringify(e.headers), message_id: e.messageId, source_sha256: sha, source_filename: basename(fileName), source_format: 'eml',
    });
    for (const f of e.files) this.file(ms, caseId, id, f, 'correspondence');
    const n = e.files.length;
    this.log(ms, 'correspondence.imported', caseId, `Imported email "${e.subject || '(no subject)'}" with ${n} attachment${n === 1 ? '' : 's'}`, { file: basename(fileName), sha256: sha, messageId: e.messageId, warnings: [] });
    this.tally.imported++;
    return id;
  }

  /** A file added to the case directly, with its role. */
  addFile(ms: number, caseId: number, f: DemoFile, role: AttachmentRole): void {
    const sha = this.file(ms, caseId, null, f, role);
    this.log(ms, 'attachment.added', caseId, `Added ${f.name} (${role})`, { file: f.name, sha256: sha, size: f.bytes.length, role, textStatus: 'ok' });
  }

  /** An event recorded on the timeline (cases:addEvent), or by marking an item as it (correspondence:mark). */
  recordEvent(ms: number, caseId: number, e: CaseEvent, via?: { correspondenceId: number; subject: string }): void {
    const id = ++this.ids.events;
    const subject = via ? via.subject || '(no subject)' : '';
    this.events.push({ id, case_id: caseId, type: e.type, date: e.date, estimate: e.estimate ?? null, note: via ? `From correspondence: ${subject}` : null, outcome: via ? null : (e.outcome ?? null), recorded_at: iso(ms) });
    this.tally.events++;
    if (via) {
      this.links.push([via.correspondenceId, id]);
      this.log(ms, 'case.event', caseId, `Recorded: ${eventLabel(e.type)}, from "${subject}"`, { correspondenceId: via.correspondenceId, type: e.type, date: e.date });
      return;
    }
    const outcome = e.outcome ? ` (${OUTCOME_LABELS[e.outcome as ResponseOutcome] ?? REVIEW_OUTCOME_LABELS[e.outcome as ReviewOutcome] ?? e.outcome})` : '';
    this.log(ms, 'case.event', caseId, `Recorded: ${eventLabel(e.type)}, ${formatLongDate(e.date)}${e.estimate ? ` (estimated date ${formatLongDate(e.estimate)})` : ''}${outcome}`, {
      type: e.type, date: e.date, estimate: e.estimate ?? null, note: null, outcome: e.outcome ?? null,
    });
  }

  /** A section 12 estimate (costs:set). */
  async estimate(ms: number, caseId: number, regime: Regime, centralGovernment: boolean, lines: CostLine[]): Promise<void> {
    await replaceCostLines(this.db, caseId, 'comply', lines, iso(ms));
    const totals = costTotals(lines, appropriateLimit(regime, centralGovernment));
    this.log(ms, 'costs.estimated', caseId, `Section 12 estimate: ${formatMinutes(totals.totalMinutes)}, ${formatPence(totals.costPence)} against ${formatPence(totals.limitPence)}${totals.exceeds ? ' (exceeds)' : ''}`, { scope: 'comply', lines, totals });
    this.tally.estimates++;
  }

  /** The advice that goes with a cost refusal (costs:setAdvice). */
  async advice(ms: number, caseId: number, advice: string): Promise<void> {
    await setS16Advice(this.db, caseId, advice, iso(ms));
    this.log(ms, 'costs.advice', caseId, 'Recorded section 16 advice', { from: '', to: advice });
  }

  /** An exemption applied with its reasoning (exemptions:apply). */
  async exemption(ms: number, caseId: number, applied: AppliedExemption): Promise<void> {
    await upsertApplied(this.db, caseId, applied, iso(ms));
    this.log(ms, 'exemption.applied', caseId, `Applied ${formatProvision(applied.ref)}`, { before: null, after: applied });
    this.tally.exemptions++;
  }

  get pending(): number {
    return this.events.length + this.correspondence.length + this.audit.length;
  }

  /** Writes what has been gathered, parents before children, links once both ends exist, the audit last. */
  async flush(force = false): Promise<void> {
    if (!force && this.pending < BATCH) return;
    await this.store.putMany(this.bytes.splice(0));
    await insertBlobRows(this.db, this.blobs.splice(0));
    await insertEventRows(this.db, this.events.splice(0));
    await insertCorrespondenceRows(this.db, this.correspondence.splice(0));
    await insertAttachmentRows(this.db, this.attachments.splice(0));
    await insertSearchRows(this.db, this.search.splice(0));
    for (const [correspondenceId, eventId] of this.links.splice(0)) await linkCorrespondenceEvent(this.db, correspondenceId, eventId);
    const audit = this.audit.splice(0);
    this.head = await appendAuditRows(this.db, this.head, audit);
    this.tally.auditRows += audit.length;
  }
}
