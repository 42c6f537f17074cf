// The bundle for an ICO investigation or a tribunal appeal: what it will hold, then the open
// bundle, the closed bundle of withheld information, or a ZIP of the native files, each saved where
// the officer chooses. A long export shows its progress and can be cancelled; the folder opens
// when it is saved. What could not be reproduced is listed, as the index and manifest list it.
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { BundleExport, BundlePreview, BundleProgress } from '../../../shared/ipc/contract';
import { Radios, TextInput } from '../../components/fields';
import { WarningText } from '../../components/WarningText';

type Kind = BundleExport['kind'];
type Forum = 'ico' | 'tribunal';

const KIND_LABELS: Record<Kind, string> = { open: 'open bundle', closed: 'closed bundle', zip: 'ZIP of native files' };

function newJobId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function Bundles({ reference }: { reference: string }) {
  const plan = useQuery({ queryKey: ['cases', reference, 'bundle'], queryFn: () => call('bundles:plan', { reference }) });
  return (
    <section aria-labelledby="bundle-heading">
      <h2 className="govuk-heading-l" id="bundle-heading">
        Bundle
      </h2>
      <p className="govuk-body">
        One PDF for the ICO or the Tribunal: a cover, an index, the chronology, the correspondence in date order, every letter, the cost working, the exemption schedule and the
        attachments, paginated throughout and bookmarked, with a manifest of every file and its SHA-256. The information withheld goes in a separate closed bundle, paginated C1, C2…
      </p>
      {plan.isPending && <p className="govuk-body">Loading…</p>}
      {plan.isError && <p className="govuk-body">{plan.error.message}</p>}
      {plan.data && <BundleForm key={`${plan.data.forum.body}-${plan.data.forum.reference}`} reference={reference} plan={plan.data} />}
    </section>
  );
}

function Contents({ plan }: { plan: BundlePreview }) {
  return (
    <>
      <table className="govuk-table" data-testid="bundle-contents">
        <caption className="govuk-table__caption govuk-table__caption--m">What the open bundle holds</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Tab</th>
            <th scope="col" className="govuk-table__header">Section</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Documents</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {plan.sections.map((s) => (
            <tr className="govuk-table__row" key={s.letter}>
              <td className="govuk-table__cell">{s.letter}</td>
              <td className="govuk-table__cell">{s.title}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{s.documents.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="govuk-heading-m">The closed bundle</h3>
      {plan.closed.length === 0 ? (
        <p className="govuk-body">Nothing is marked as withheld. To make a closed bundle, give the withheld files the role “Information withheld” on the Correspondence tab.</p>
      ) : (
        <ul className="govuk-list govuk-list--bullet" data-testid="bundle-closed">
          {plan.closed.map((c) => (
            <li key={c.tab}>
              {c.tab}: {c.title}, marked {c.exemptions}
            </li>
          ))}
        </ul>
      )}
      {plan.warnings.length > 0 && <WarningText>{plan.warnings.join(' ')}</WarningText>}
    </>
  );
}

function BundleForm({ reference, plan }: { reference: string; plan: BundlePreview }) {
  const qc = useQueryClient();
  const [forum, setForum] = useState<Forum>(plan.forum.body ?? 'ico');
  const [forumReference, setForumReference] = useState(plan.forum.reference);
  const [progress, setProgress] = useState<BundleProgress | null>(null);
  const job = useRef<string | null>(null);
  const exporting = useMutation({
    mutationFn: (kind: Kind) => {
      const jobId = newJobId();
      job.current = jobId;
      setProgress(null);
      return call('bundles:export', { reference, kind, jobId, forum, ...(forumReference.trim() ? { forumReference } : {}), reveal: true });
    },
    onSettled: () => {
      job.current = null;
      void qc.invalidateQueries({ queryKey: ['cases', reference] });
    },
  });

  // IPC is request and response: while the export runs, ask how far it has got.
  useEffect(() => {
    if (!exporting.isPending) return;
    const timer = setInterval(() => {
      const jobId = job.current;
      if (jobId) void call('bundles:progress', { jobId }).then(setProgress, () => undefined);
    }, 250);
    return () => clearInterval(timer);
  }, [exporting.isPending]);

  const cancel = () => {
    if (job.current) void call('bundles:cancel', { jobId: job.current });
  };
  const result = exporting.data;
  const error = exporting.error;
  const running = exporting.isPending;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <>
      <Contents plan={plan} />
      <h3 className="govuk-heading-m">Export</h3>
      <Radios<Forum>
        id="bundle-forum"
        legend="Who is the bundle for?"
        value={forum}
        onChange={setForum}
        inline
        options={[
          { value: 'ico', label: 'The ICO (a complaint)' },
          { value: 'tribunal', label: 'The First-tier Tribunal (an appeal)' },
        ]}
      />
      <TextInput
        id="bundle-forum-reference"
        label={forum === 'ico' ? 'ICO reference (optional)' : 'Tribunal reference (optional)'}
        hint={forum === 'ico' ? 'For example IC-123456-A1B2. It goes on the cover.' : 'For example EA/2026/0123. It goes on the cover.'}
        value={forumReference}
        onChange={setForumReference}
        width="20"
      />
      <div className="app-actions">
        <button type="button" className="govuk-button" disabled={running} onClick={() => exporting.mutate('open')}>
          Export the open bundle
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={running || plan.closed.length === 0} onClick={() => exporting.mutate('closed')}>
          Export the closed bundle
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={running} onClick={() => exporting.mutate('zip')}>
          Export the native files (ZIP)
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="bundle-status">
        {running && (
          <div data-testid="bundle-progress">
            <label className="govuk-label" htmlFor="bundle-progress-bar">
              {progress?.state === 'running' ? `Making the bundle: ${progress.step}` : progress?.state === 'choosing' ? 'Choose where to save it' : 'Starting'}
            </label>
            <progress id="bundle-progress-bar" className="app-progress govuk-!-margin-bottom-4" max={100} value={percent}>
              {percent}%
            </progress>
            <button type="button" className="govuk-button govuk-button--warning" onClick={cancel}>
              Cancel the export
            </button>
          </div>
        )}
        {result && !running && <ExportResult result={result} />}
      </div>
      {error && !running && (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">{(error as { code?: string }).code === 'CANCELLED' ? 'The export was cancelled' : 'The bundle could not be made'}</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error.message}</p>
          </div>
        </div>
      )}
    </>
  );
}

function ExportResult({ result }: { result: BundleExport }) {
  if (!result.saved) return <p className="govuk-body">Not saved: no file was chosen.</p>;
  const what = KIND_LABELS[result.kind];
  return (
    <div data-testid="bundle-saved">
      <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left govuk-!-padding-4">
        <h3 className="govuk-panel__title govuk-!-font-size-27">The {what} is saved</h3>
        <div className="govuk-panel__body govuk-!-font-size-19">
          {result.path}
          <br />
          {result.kind === 'zip' ? `${result.documents} files and manifest.csv.` : `${result.pages} pages, ${result.documents} documents.`}
          {result.revealed && ' The folder has been opened.'}
        </div>
      </div>
      {result.notReproduced.length > 0 && (
        <div className="govuk-warning-text" data-testid="bundle-not-reproduced">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {result.notReproduced.length === 1 ? 'One document could not be reproduced. It is' : `${result.notReproduced.length} documents could not be reproduced. Each is`} listed in the index and the manifest with the reason:
            <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
              {result.notReproduced.map((n) => (
                <li key={`${n.tab}-${n.document}`}>
                  {n.tab} {n.document}: {n.reason}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
