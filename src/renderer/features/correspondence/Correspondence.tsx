// The case's correspondence, oldest first: each item with its headers, text and attachments;
// mark an item as a timeline event; give each file its role; preview and save copies. A long list
// is shown a page of a hundred at a time (PAGE_SIZE).
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { eventLabel, type CaseEventType, type Regime } from '../../../shared/domain/clocks/events';
import { recordableEvents } from '../../../shared/domain/clocks/sequence';
import { SuccessBanner, TextArea } from '../../components/fields';
import { ATTACHMENT_ROLES, MARKABLE_EVENTS, ROLE_LABELS, CHANNEL_LABELS, type AttachmentInfo, type AttachmentRole, type CorrespondenceItem } from '../../../shared/domain/correspondence';
import { ImportFiles } from './ImportFiles';
import { LogCorrespondence } from './LogCorrespondence';
import { PdfPreview } from './PdfPreview';
import { href } from '../../router';

const when = (s: string) => (s.length === 10 ? new Date(`${s}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : new Date(s).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }));
const size = (n: number) => (n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function Attachment({ a, reference }: { a: AttachmentInfo; reference: string }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const content = useQuery({ queryKey: ['attachment', a.id], queryFn: () => call('attachments:content', { id: a.id }), enabled: open });
  const role = useMutation({ mutationFn: (r: AttachmentRole) => call('attachments:setRole', { id: a.id, role: r }), onSuccess: () => qc.invalidateQueries({ queryKey: ['cases', reference] }) });
  const save = useMutation({ mutationFn: () => call('attachments:save', { id: a.id }) });
  return (
    <li className="app-attachment" id={`attachment-${a.id}`} tabIndex={-1}>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong>{a.filename}</strong> <span className="govuk-body-s">({a.contentType}, {size(a.size)})</span>
        {a.filename !== a.originalFilename && <span className="govuk-body-s"> received as “{a.originalFilename}”</span>}
      </p>
      {a.textStatus === 'pending' && <p className="govuk-body-s govuk-hint">{a.textNote ?? 'Its text is still to be read for search.'}</p>}
      {a.textStatus !== 'ok' && a.textStatus !== 'pending' && a.textNote && <p className="govuk-body-s app-warning">{a.textNote}</p>}
      <div className="app-actions">
        <label className="govuk-label govuk-visually-hidden" htmlFor={`role-${a.id}`}>
          Role of {a.filename}
        </label>
        <select className="govuk-select" id={`role-${a.id}`} value={a.role} onChange={(e) => role.mutate(e.target.value as AttachmentRole)}>
          {ATTACHMENT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide' : 'Preview'}<span className="govuk-visually-hidden"> {a.filename}</span>
        </button>
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => save.mutate()}>
          Save a copy<span className="govuk-visually-hidden"> of {a.filename}</span>
        </button>
      </div>
      {save.error && <p className="govuk-error-message">{save.error.message}</p>}
      {save.data?.saved && <p className="govuk-body-s">Saved to {save.data.path}</p>}
      {open && content.error && <p className="govuk-error-message">{content.error.message}</p>}
      {open && content.data?.kind === 'image' && <img className="app-preview-image" alt={`Preview of ${a.filename}`} src={`data:${a.contentType};base64,${content.data.dataBase64}`} />}
      {open && content.data?.kind === 'pdf' && <PdfPreview base64={content.data.dataBase64!} text={content.data.text} name={a.filename} />}
      {open && content.data?.kind === 'text' && <pre className="app-preview-text">{content.data.text}</pre>}
      {open && content.data?.kind === 'none' && <p className="govuk-body-s">No preview for this type of file: save a copy to open it.</p>}
    </li>
  );
}

// What an item can be, by which way it went: our letters are never "clarification received".
const FROM_REQUESTER: readonly CaseEventType[] = ['clarification-received', 'fee-received', 'id-received', 'review-requested', 'ico-complaint', 'ico-decision', 'tribunal-appeal'];
const FROM_US: readonly CaseEventType[] = ['acknowledged', 'clarification-sought', 'fees-notice', 'id-requested', 'eir-extension', 'sar-extension', 'responded', 'review-completed'];

function markableFor(item: CorrespondenceItem, regime: Regime | undefined): CaseEventType[] {
  const side = item.direction === 'in' ? FROM_REQUESTER : FROM_US;
  const allowed = regime ? recordableEvents(regime) : [...MARKABLE_EVENTS];
  return side.filter((t) => allowed.includes(t) && t !== 'pit-extension');
}

type Done = (message: string) => void;

function VoidItem({ item, reference, onDone }: { item: CorrespondenceItem; reference: string; onDone: Done }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const id = `void-item-${item.id}-reason`;
  const voiding = useMutation({
    mutationFn: () => call('correspondence:void', { reference, id: item.id, reason }),
    onSuccess: async () => {
      onDone(`Voided “${item.subject || '(no subject)'}”${item.markedAs ? ` and its timeline entry (${eventLabel(item.markedAs)})` : ''}. It stays in the record, struck through.`);
      await qc.invalidateQueries({ queryKey: ['cases', reference] });
    },
  });
  const err = voiding.error instanceof ApiError ? voiding.error : null;
  return (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Void<span className="govuk-visually-hidden"> {item.subject || 'this item'}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <TextArea id={id} label="Why is this item wrong?" hint="For example, filed on the wrong case. Kept in the record and the audit trail." value={reason} onChange={setReason} rows={2} error={err?.fields.reason ?? (err ? err.message : undefined)} />
        <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={voiding.isPending} onClick={() => voiding.mutate()}>
          Void this item
        </button>
      </div>
    </details>
  );
}

function Item({ item, reference, regime, onDone }: { item: CorrespondenceItem; reference: string; regime: Regime | undefined; onDone: Done }) {
  const qc = useQueryClient();
  const [as, setAs] = useState<CaseEventType | ''>('');
  const [choose, setChoose] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: (t: CaseEventType) => call('correspondence:mark', { reference, id: item.id, as: t }),
    onSuccess: async (_d, t) => {
      onDone(`Added to the timeline: ${eventLabel(t)}, from “${item.subject || '(no subject)'}”. The deadlines have been worked out again.`);
      setAs('');
      await qc.invalidateQueries({ queryKey: ['cases', reference] });
    },
  });
  const options = markableFor(item, regime);
  return (
    <div className={`app-item${item.voided ? ' app-item--voided' : ''}`} data-testid="correspondence-item" id={`correspondence-${item.id}`} tabIndex={-1}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <strong className={`govuk-tag ${item.direction === 'in' ? 'govuk-tag--blue' : 'govuk-tag--green'}`}>{item.direction === 'in' ? 'In' : 'Out'}</strong>{' '}
        {item.voided ? <del>{item.subject || '(no subject)'}</del> : item.subject || '(no subject)'}
        {item.voided && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Voided</strong>}
      </h3>
      {item.voided && (
        <p className="govuk-body-s app-void-note">
          Voided by {item.voidedBy} on {item.voidedAt ? when(item.voidedAt.slice(0, 10)) : ''}: {item.voidReason}
        </p>
      )}
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {when(item.sentAt)} · {CHANNEL_LABELS[item.channel]} · From {item.from || '—'}
        {item.to && <> · To {item.to}</>}
        {item.markedAs && (
          <>
            {' '}
            · <strong>{eventLabel(item.markedAs)}</strong>
          </>
        )}
      </p>
      {item.warnings.length > 0 && <p className="govuk-body-s app-warning">{item.warnings.join(' ')}</p>}
      <details className="govuk-details govuk-!-margin-bottom-2">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Message{item.headers ? ' and headers' : ''}</span>
        </summary>
        <div className="govuk-details__text">
          {item.headers && (
            <dl className="app-headers">
              {item.headers.map(([k, v], i) => (
                <div key={i}>
                  <dt>{k}:</dt> <dd>{v}</dd>
                </div>
              ))}
            </dl>
          )}
          <pre className="app-preview-text">{item.body}</pre>
        </div>
      </details>
      {item.attachments.length > 0 && (
        <ul className="govuk-list">
          {item.attachments.map((a) => (
            <Attachment key={a.id} a={a} reference={reference} />
          ))}
        </ul>
      )}
      {!item.markedAs && !item.voided && options.length > 0 && (
        <div className={`govuk-form-group app-actions${choose ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-visually-hidden" htmlFor={`mark-${item.id}`}>
            Add {item.subject || 'this item'} to the timeline as
          </label>
          {choose && (
            <p className="govuk-error-message" id={`mark-${item.id}-error`}>
              <span className="govuk-visually-hidden">Error:</span> {choose}
            </p>
          )}
          <select className="govuk-select" id={`mark-${item.id}`} value={as} aria-describedby={choose ? `mark-${item.id}-error` : undefined} onChange={(e) => setAs(e.target.value as CaseEventType | '')}>
            <option value="">Choose what this is</option>
            {options.map((t) => (
              <option key={t} value={t}>
                {eventLabel(t)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={() => {
              if (as === '') {
                setChoose('Choose what this item is before adding it to the timeline');
                document.getElementById(`mark-${item.id}`)?.focus();
                return;
              }
              setChoose(null);
              mark.mutate(as);
            }}
          >
            Add to the timeline<span className="govuk-visually-hidden">: {item.subject}</span>
          </button>
          {mark.error && <p className="govuk-error-message">{mark.error.message}</p>}
        </div>
      )}
      {!item.voided && <VoidItem item={item} reference={reference} onDone={onDone} />}
    </div>
  );
}

/**
 * While the text of some of the case's files is still being read for search (after a large
 * import), says how many are left and, as they are read, shows them as read; when none is being
 * read (the register is read-only, or the case is checked out), says when they will be.
 */
function TextBeingRead({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const progress = useQuery({ queryKey: ['cases', reference, 'text-pending'], queryFn: () => call('text:pending', { reference }), refetchInterval: (q) => (q.state.data?.reading && q.state.data.pending > 0 ? 2000 : false) });
  const pending = progress.data?.pending;
  // Each time fewer are left, the list shows the files read since.
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pending !== undefined && seen.current !== undefined && pending < seen.current) void qc.invalidateQueries({ queryKey: ['cases', reference, 'correspondence'] });
    seen.current = pending;
  }, [pending, qc, reference]);
  if (!pending) return null;
  const files = `${pending} file${pending === 1 ? '' : 's'}`;
  return (
    <p className="govuk-inset-text" role="status">
      {progress.data?.reading ? `Reading the text of ${files} for search. You can go on working meanwhile.` : `The text of ${files} is still to be read for search. It will be read when Disclose next opens with these case files open for changes.`}
    </p>
  );
}

/**
 * Items to a page: a case of thousands of messages (a year's mailbox imported) put every one in
 * the page at once, 75 elements each, some 900,000 for 12,000 messages.
 */
export const PAGE_SIZE = 100;

/** The page of a list that holds the item asked for (a search hit, or the first of a page moved to); else the first. */
function pageAround(total: number, at: number): { from: number; to: number } {
  const from = at >= 0 ? Math.floor(at / PAGE_SIZE) * PAGE_SIZE : 0;
  return { from, to: Math.min(total, from + PAGE_SIZE) };
}

/**
 * "Items 101 to 200 of 12,000", with links to the first, previous, next and last pages. Each link
 * names the first item of its page, as a search hit names its item, so the page is shown with that
 * item in view and given the focus; links, not buttons, so a case open only to read (its fields
 * disabled) can be paged through too.
 */
function Pages({ reference, page, total, what, idOf, testId, end = false }: { reference: string; page: { from: number; to: number }; total: number; what: 'items' | 'files'; idOf: (index: number) => string; testId?: string; end?: boolean }) {
  if (total <= PAGE_SIZE) return null;
  const to = (index: number) => href({ name: 'case', reference, tab: 'correspondence', focus: idOf(index) });
  const last = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
  const n = (x: number) => x.toLocaleString('en-GB');
  const link = (index: number, text: string) => (
    <a className="govuk-link govuk-!-margin-right-4" href={to(index)}>
      {text}
      <span className="govuk-visually-hidden"> {what}</span>
    </a>
  );
  // The same links again below the list, named apart: two landmarks may not share a name.
  return (
    <nav className="govuk-!-margin-bottom-6" aria-label={`Pages of ${what}${end ? ', at the end of the list' : ''}`}>
      <p className="govuk-body govuk-!-margin-bottom-1" data-testid={testId}>
        {what === 'items' ? 'Items' : 'Files'} {n(page.from + 1)} to {n(page.to)} of {n(total)}
      </p>
      <p className="govuk-body">
        {page.from > 0 && link(0, 'First')}
        {page.from > 0 && link(page.from - PAGE_SIZE, `Previous ${n(PAGE_SIZE)}`)}
        {page.to < total && link(page.to, `Next ${n(Math.min(PAGE_SIZE, total - page.to))}`)}
        {page.to < total && link(last, 'Last')}
      </p>
    </nav>
  );
}

/**
 * The item (case and id) that last took the focus on arriving. Each navigation (a page link, a
 * search hit, Back) lets the item named take it again; showing the tab again does not.
 */
let focusTaken: string | null = null;
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (focusTaken = null));

export function Correspondence({ reference, focus, regime }: { reference: string; focus?: string | undefined; regime?: Regime }) {
  const [done, setDone] = useState({ message: '', seq: 0 });
  const onDone = (message: string) => setDone((d) => ({ message, seq: d.seq + 1 }));
  const list = useQuery({ queryKey: ['cases', reference, 'correspondence'], queryFn: () => call('correspondence:list', { reference }) });
  const items = list.data?.items ?? [];
  const direct = list.data?.direct ?? [];
  // The page holding the item asked for (an item, or a file of it), and the direct files' likewise.
  const itemPage = pageAround(items.length, focus ? items.findIndex((i) => `correspondence-${i.id}` === focus || i.attachments.some((a) => `attachment-${a.id}` === focus)) : -1);
  const directPage = pageAround(direct.length, focus ? direct.findIndex((a) => `attachment-${a.id}` === focus) : -1);
  // Arriving from a search hit or another page: bring that item into view and give it the focus,
  // once for each time it is asked for; the list read again after a change (a mark, a role, a text
  // read), or the tab shown again (the address still naming the item), leaves the focus be.
  useEffect(() => {
    if (!focus || !list.data || focusTaken === `${reference}\n${focus}`) return;
    focusTaken = `${reference}\n${focus}`;
    const el = document.getElementById(focus);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  }, [focus, list.data, reference]);
  const itemIdOf = (i: number) => `correspondence-${items[i]!.id}`;
  const fileIdOf = (i: number) => `attachment-${direct[i]!.id}`;
  return (
    <section aria-labelledby="correspondence-heading">
      <h2 className="govuk-heading-l" id="correspondence-heading">
        Correspondence
      </h2>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="correspondence-done" />
      <ImportFiles reference={reference} />
      {list.data && [...items.flatMap((i) => i.attachments), ...direct].some((a) => a.textStatus === 'pending') && <TextBeingRead reference={reference} />}
      {list.data && items.length === 0 && direct.length === 0 && <p className="govuk-body">Nothing filed yet.</p>}
      <Pages reference={reference} page={itemPage} total={items.length} what="items" idOf={itemIdOf} testId="page-items" />
      {items.slice(itemPage.from, itemPage.to).map((item) => (
        <Item key={item.id} item={item} reference={reference} regime={regime} onDone={onDone} />
      ))}
      <Pages reference={reference} page={itemPage} total={items.length} what="items" idOf={itemIdOf} end />
      {direct.length > 0 && (
        <>
          <h3 className="govuk-heading-m">Other files</h3>
          <Pages reference={reference} page={directPage} total={direct.length} what="files" idOf={fileIdOf} testId="page-files" />
          <ul className="govuk-list">
            {direct.slice(directPage.from, directPage.to).map((a) => (
              <Attachment key={a.id} a={a} reference={reference} />
            ))}
          </ul>
        </>
      )}
      <LogCorrespondence reference={reference} />
    </section>
  );
}
