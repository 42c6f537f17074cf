// Redaction on a case: choose a PDF or an email, choose the exemption relied on, then draw boxes
// over the page with the mouse or find a name or address and mark every occurrence (the keyboard
// way). The marks are listed for review and removal, with the schedule per document and page; then
// the redacted copy is produced, checked and shown.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { Box, ProducedCopy, RedactionOverview, RedactionTarget } from '../../../shared/domain/redaction';
import { TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { WarningText } from '../../components/WarningText';
import { PdfPreview } from '../correspondence/PdfPreview';
import { PageMarker } from './PageMarker';
import { MarkList } from './MarkList';

const keyOf = (t: RedactionTarget) => `${t.kind}-${t.id}`;

export function Redaction({ reference }: { reference: string }) {
  const overview = useQuery({ queryKey: ['cases', reference, 'redaction'], queryFn: () => call('redaction:list', { reference }) });
  return (
    <section aria-labelledby="redaction-heading">
      <h2 className="govuk-heading-l" id="redaction-heading">
        Redaction
      </h2>
      <p className="govuk-body">
        Withhold a passage rather than a whole document. Each box carries the exemption relied on. The redacted copy is rebuilt from the page image where there are marks, so nothing
        under a box can be copied out, and it is checked before it is filed.
      </p>
      {overview.isPending && <p className="govuk-body">Loading…</p>}
      {overview.isError && <p className="govuk-body">{overview.error.message}</p>}
      {overview.data && <Workspace reference={reference} overview={overview.data} />}
    </section>
  );
}

function Workspace({ reference, overview }: { reference: string; overview: RedactionOverview }) {
  const client = useQueryClient();
  const [docKey, setDocKey] = useState(overview.documents[0] ? keyOf(overview.documents[0].target) : '');
  const [code, setCode] = useState(overview.codes[0] ?? '');
  const [page, setPage] = useState(1);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [status, setStatus] = useState('');
  const [produced, setProduced] = useState<ProducedCopy | null>(null);
  const doc = overview.documents.find((d) => keyOf(d.target) === docKey);
  const target = doc?.target;
  const pageQuery = useQuery({ queryKey: ['cases', reference, 'redaction', docKey, page], queryFn: () => call('redaction:page', { reference, target: target!, page }), enabled: !!target });
  const refresh = () => client.invalidateQueries({ queryKey: ['cases', reference, 'redaction'] });
  const fail = (e: Error & { fields?: Record<string, string> }) => setError({ message: e.message, fields: e.fields ?? {} });
  const mark = useMutation({
    mutationFn: (box: Box) => call('redaction:mark', { reference, target: target!, page, box, code }),
    onSuccess: (m) => {
      setError(null);
      setStatus(`Marked an area of page ${m.page} as withheld under ${m.code}.`);
      void refresh();
    },
    onError: fail,
  });
  const find = useMutation({
    mutationFn: () => call('redaction:search', { reference, target: target!, query, code }),
    onSuccess: (ms) => {
      setError(null);
      setStatus(`Marked ${ms.length} occurrence${ms.length === 1 ? '' : 's'} of "${query}" as withheld under ${code}.`);
      void refresh();
    },
    onError: fail,
  });
  const produce = useMutation({
    mutationFn: () => call('redaction:produce', { reference, target: target! }),
    onSuccess: (r) => {
      setError(null);
      setProduced(r);
      setStatus(`Filed ${r.attachment.filename}. Checked: no text under a box can be extracted.`);
      void refresh();
      void client.invalidateQueries({ queryKey: ['cases', reference] });
    },
    onError: fail,
  });
  if (overview.documents.length === 0) return <p className="govuk-body">There is no PDF or email on this case to redact yet.</p>;
  const marks = overview.marks.filter((m) => target && keyOf(m.target) === keyOf(target));
  const busy = mark.isPending || find.isPending || produce.isPending;
  return (
    <>
      <ErrorSummary errors={error?.fields.query ? { 'redaction-query': error.fields.query } : {}} message={error?.message} />
      {overview.codes.length === 0 && <WarningText>No exemption is applied to this case yet. Apply the exemption relied on (Exemptions tab) before marking.</WarningText>}
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="redaction-document">Document</label>
        <select className="govuk-select" id="redaction-document" value={docKey} onChange={(e) => { setDocKey(e.target.value); setPage(1); setProduced(null); }}>
          {overview.documents.map((d) => (
            <option key={keyOf(d.target)} value={keyOf(d.target)}>{d.target.kind === 'email' ? `Email: ${d.name}` : d.name}</option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="redaction-code">Exemption relied on</label>
        <select className="govuk-select" id="redaction-code" value={code} onChange={(e) => setCode(e.target.value)}>
          {overview.codes.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </div>
      <form className="app-redaction-find" onSubmit={(e) => { e.preventDefault(); find.mutate(); }}>
        <TextInput id="redaction-query" label="Find and mark" hint="Every occurrence in the document, e.g. a name or an email address." value={query} onChange={setQuery} error={error?.fields.query} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy || !query.trim() || !code}>Mark every occurrence</button>
      </form>
      <p className="govuk-body" role="status" data-testid="redaction-status">{status}</p>
      {pageQuery.isError && <p className="govuk-body">{pageQuery.error.message}</p>}
      {pageQuery.data && doc && (
        <>
          <nav className="app-redaction-pager" aria-label="Pages">
            <button type="button" className="govuk-button govuk-button--secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Previous page</button>
            <span className="govuk-body">Page {page} of {pageQuery.data.pages}</span>
            <button type="button" className="govuk-button govuk-button--secondary" disabled={page >= pageQuery.data.pages} onClick={() => setPage((p) => p + 1)}>Next page</button>
          </nav>
          <p className="govuk-hint">With the mouse: press on the page, drag over what is withheld and release.</p>
          <PageMarker page={pageQuery.data} name={doc.name} disabled={busy || !code} onBox={(b) => mark.mutate(b)} />
        </>
      )}
      <MarkList reference={reference} marks={marks} overview={overview} onChange={refresh} />
      <button type="button" className="govuk-button" disabled={busy || marks.length === 0} onClick={() => produce.mutate()}>
        {produce.isPending ? 'Producing the redacted copy…' : 'Produce the redacted copy'}
      </button>
      {produced && <CopyPreview produced={produced} />}
    </>
  );
}

function CopyPreview({ produced }: { produced: ProducedCopy }) {
  const content = useQuery({ queryKey: ['attachment', produced.attachment.id], queryFn: () => call('attachments:content', { id: produced.attachment.id }) });
  return (
    <section aria-labelledby="copy-heading" data-testid="redacted-copy">
      <h3 className="govuk-heading-m" id="copy-heading">Redacted copy: {produced.attachment.filename}</h3>
      <div className="govuk-panel govuk-panel--confirmation app-redaction-checked">
        <p className="govuk-panel__body">Checked: no text under a box can be extracted. Pages flattened: {produced.redactedPages.join(', ')}.</p>
      </div>
      {produced.removed.length > 0 && <p className="govuk-body">Left out of the copy: {produced.removed.join(', ')}.</p>}
      {content.data?.dataBase64 && <PdfPreview base64={content.data.dataBase64} text={content.data.text} name={produced.attachment.filename} />}
    </section>
  );
}
