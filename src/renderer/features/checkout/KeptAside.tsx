// A checked-out copy that came back after its case was released, beside the live case: for each
// difference, the value when checked out, on the laptop, and live now, so that a lead merges by
// hand (editing the case as usual), then marks the copy merged.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { SuccessBanner, TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

const STATES = {
  'added-offline': 'Added on the laptop',
  'changed-offline': 'Changed on the laptop',
  'removed-offline': 'Removed on the laptop',
  'added-on-server': 'Added online since',
  'changed-on-server': 'Changed online since',
  'removed-on-server': 'Removed online since',
  'changed-both': 'Changed on the laptop and online',
} as const;

export function KeptAside({ id }: { id: number }) {
  const qc = useQueryClient();
  const copy = useQuery({ queryKey: ['checkout', 'kept', id], queryFn: () => call('checkout:keptAsideCopy', { id }) });
  const state = useQuery({ queryKey: ['checkout', 'state'], queryFn: () => call('checkout:state', {}) });
  const [note, setNote] = useState('');
  const [done, setDone] = useState({ message: '', seq: 0 });
  const merged = useMutation({
    mutationFn: () => call('checkout:merged', { id, note }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['checkout'] });
      setDone((d) => ({ message: 'Marked as merged.', seq: d.seq + 1 }));
    },
  });
  if (copy.isPending) return <p className="govuk-body">Loading…</p>;
  if (copy.isError) return <ErrorSummary errors={{}} message={copy.error.message} />;
  const c = copy.data;
  const onMerged = (e: FormEvent) => {
    e.preventDefault();
    merged.mutate();
  };
  return (
    <>
      <span className="govuk-caption-l">Copy kept aside</span>
      <h1 className="govuk-heading-l" tabIndex={-1}>
        {c.reference}, from {c.officer}
      </h1>
      <SuccessBanner message={done.message || null} seq={done.seq} />
      <ErrorSummary errors={{}} message={merged.error?.message} />
      <p className="govuk-body">
        Checked out on {c.takenAt.slice(0, 10)}; it came back on {c.submittedAt.slice(0, 10)} after {c.reason}, so nothing of it was written to the case. Make the changes you
        want on <a className="govuk-link" href={href({ name: 'case', reference: c.reference })}>the live case</a>, then mark the copy as merged.
      </p>
      {c.sections.length === 0 && <p className="govuk-body">The copy and the live case do not differ.</p>}
      {c.sections.map((s) => (
        <div className="app-table-wrap" role="region" aria-label={s.label} tabIndex={0} key={s.table}>
          <table className="govuk-table" data-testid={`kept-${s.table}`}>
            <caption className="govuk-table__caption govuk-table__caption--m">{s.label}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">What</th>
                <th scope="col" className="govuk-table__header">As checked out</th>
                <th scope="col" className="govuk-table__header">On the laptop</th>
                <th scope="col" className="govuk-table__header">Live now</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {s.rows.flatMap((r, i) => [
                <tr className="govuk-table__row" key={`${i}`}>
                  <th scope="colgroup" colSpan={4} className="govuk-table__header">
                    {r.label} <strong className="govuk-tag govuk-tag--grey">{STATES[r.state]}</strong>
                  </th>
                </tr>,
                ...r.fields.map((f) => (
                  <tr className="govuk-table__row" key={`${i}-${f.column}`}>
                    <td className="govuk-table__cell">{f.column}</td>
                    <td className="govuk-table__cell app-request-text">{f.checkedOut ?? '–'}</td>
                    <td className="govuk-table__cell app-request-text">{f.laptop ?? '–'}</td>
                    <td className="govuk-table__cell app-request-text">{f.live ?? '–'}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      ))}
      <h2 className="govuk-heading-m">Done offline</h2>
      <ul className="govuk-list">
        {c.offline.map((a, i) => (
          <li key={i}>
            {new Date(a.at).toLocaleString('en-GB')}: {a.summary}
          </li>
        ))}
      </ul>
      {c.resolvedAt ? (
        <p className="govuk-body">
          Marked as merged by {c.resolvedBy} on {c.resolvedAt.slice(0, 10)}
          {c.resolution ? `: ${c.resolution}` : '.'}
        </p>
      ) : (
        state.data?.lead && (
          <form onSubmit={onMerged} noValidate>
            <TextInput id="merge-note" label="What you kept (optional)" value={note} onChange={setNote} />
            <button type="submit" className="govuk-button" disabled={merged.isPending}>
              Mark as merged
            </button>
          </form>
        )
      )}
    </>
  );
}
