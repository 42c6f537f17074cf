// Search across every case file: summaries, requests, correspondence and the text of attachments.
import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';

const KIND: Record<string, string> = { case: 'Request', correspondence: 'Correspondence', attachment: 'Attachment' };

/** The snippet marks each hit between [ and ]: shown as <mark>, never as HTML. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return <>{parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}</>;
}

export function Search({ initial }: { initial: string }) {
  const [query, setQuery] = useState(initial);
  const [submitted, setSubmitted] = useState(initial);
  const hits = useQuery({ queryKey: ['search', submitted], queryFn: () => call('search:query', { query: submitted }), enabled: submitted.trim() !== '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(query);
  };
  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1}>
        Search
      </h1>
      <form onSubmit={onSubmit} role="search" className="app-actions">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="search-query">
            Search requests, correspondence and attachments
          </label>
          <div id="search-query-hint" className="govuk-hint">
            Every word must appear. Put words in quotation marks to find them together, in that order. The last word also finds longer words that begin with it, from its third letter.
          </div>
          <input className="govuk-input govuk-input--width-30" id="search-query" type="search" aria-describedby="search-query-hint" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <button type="submit" className="govuk-button">
          Search
        </button>
      </form>
      <div aria-live="polite">
        {hits.data && (
          <p className="govuk-body" data-testid="search-count">
            {hits.data.length === 0 ? 'Nothing found.' : `${hits.data.length} result${hits.data.length === 1 ? '' : 's'}`}
          </p>
        )}
        {hits.data && hits.data.length > 0 && (
          <ol className="govuk-list app-results" data-testid="search-results">
            {hits.data.map((h) => (
              <li key={`${h.kind}-${h.itemId}`} className="govuk-!-margin-bottom-4">
                <a className="govuk-link govuk-!-font-weight-bold" href={href(h.kind === 'case' ? { name: 'case', reference: h.reference } : { name: 'case', reference: h.reference, tab: 'correspondence', focus: `${h.kind}-${h.itemId}` })}>
                  {h.reference}
                </a>{' '}
                <span className="govuk-body-s">
                  {KIND[h.kind]}: {h.title}
                </span>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
