// Cases checked out: this computer's copies (check them in, or work on them offline), checking
// more out (online), who has which case out across the team (a lead may release one), and the
// copies that came back after their case was released, waiting to be merged.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, type ApiError } from '../../api';
import { href } from '../../router';
import { localToday } from '../../today';
import { DateInput, SuccessBanner, TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { defaultUntil, leaseText, RISK_TEXT } from '../../../shared/domain/checkout';
import { formatLongDate } from '../../../shared/domain/dates';
import { useCheckoutState } from './CheckoutBanner';

const STATUS = { out: 'Checked out', 'checking-in': 'Check-in pending', returned: 'Kept aside for merging' } as const;

function useDone() {
  const [done, setDone] = useState<{ message: string; seq: number }>({ message: '', seq: 0 });
  return [done, (message: string) => setDone((d) => ({ message, seq: d.seq + 1 }))] as const;
}

export function Offline() {
  const qc = useQueryClient();
  const state = useCheckoutState();
  const leases = useQuery({ queryKey: ['checkout', 'leases'], queryFn: () => call('checkout:leases', {}) });
  const kept = useQuery({ queryKey: ['checkout', 'kept'], queryFn: () => call('checkout:keptAside', {}) });
  const [done, setDone] = useDone();
  const [refs, setRefs] = useState('');
  const [until, setUntil] = useState(() => defaultUntil(localToday()));
  const [release, setRelease] = useState({ reference: '', reason: '' });
  const refresh = () => qc.invalidateQueries();
  const take = useMutation({
    mutationFn: () => call('checkout:take', { references: refs.split(/[\s,]+/u).filter(Boolean), until }),
    onSuccess: async (r) => {
      setRefs('');
      await refresh();
      setDone(`Checked out ${r.cases.map((c) => c.reference).join(', ')} to this computer until ${formatLongDate(r.cases[0]!.until)}.`);
    },
  });
  const back = useMutation({
    mutationFn: (references: string[]) => call('checkout:checkin', { references }),
    onSuccess: async (r) => {
      await refresh();
      setDone(
        r.cases
          .map((c) => (c.outcome === 'kept-aside' ? `${c.reference}: ${c.reason}; your copy was kept aside for a lead to merge.` : `Checked in ${c.reference} (${c.offline} change${c.offline === 1 ? '' : 's'} made offline).`))
          .join(' ') + (r.remaining === 0 && state.data?.mode === 'offline' ? ' Nothing is checked out any more: start Disclose again to work online.' : ''),
      );
    },
  });
  const free = useMutation({
    mutationFn: () => call('checkout:release', release),
    onSuccess: async (r) => {
      setRelease({ reference: '', reason: '' });
      await refresh();
      setDone(`Released ${r.reference} from ${r.holder}.`);
    },
  });
  const toggle = useMutation({
    mutationFn: (offline: boolean) => call('checkout:workOffline', { offline }),
    onSuccess: async (r) => {
      await refresh();
      setDone(r.restartNeeded ? `Close and reopen Disclose to work ${r.offline ? 'offline on the copies' : 'online'}.` : 'Saved.');
    },
  });
  const error = (take.error ?? back.error ?? free.error ?? toggle.error) as ApiError | null;
  const s = state.data;
  if (!s) return <p className="govuk-body">Loading…</p>;
  const mine = s.copies.filter((c) => c.status !== 'returned');
  const onTake = (e: FormEvent) => {
    e.preventDefault();
    take.mutate();
  };
  const onRelease = (e: FormEvent) => {
    e.preventDefault();
    free.mutate();
  };
  return (
    <>
      <h1 className="govuk-heading-l" tabIndex={-1}>
        Cases checked out
      </h1>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="checkout-done" />
      <ErrorSummary errors={{}} message={error?.message} />
      <p className="govuk-body" data-testid="checkout-mode">
        {s.mode === 'online' && `Online: working on the team database ${s.database} as ${s.login}.`}
        {s.mode === 'offline' && `Offline: working on the cases checked out to this computer from ${s.database}, as ${s.login}.`}
        {s.mode === 'local' && 'This computer’s own register: cases are checked out from a team database.'}
      </p>

      <h2 className="govuk-heading-m">On this computer</h2>
      {mine.length === 0 ? (
        <p className="govuk-body">No case is checked out to this computer.</p>
      ) : (
        <div className="app-table-wrap" role="region" aria-label="Cases on this computer" tabIndex={0}>
          <table className="govuk-table" data-testid="copies">
            <caption className="govuk-table__caption govuk-visually-hidden">Cases checked out to this computer</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Case</th>
                <th scope="col" className="govuk-table__header">Checked out</th>
                <th scope="col" className="govuk-table__header">Due back</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Changes</th>
                <th scope="col" className="govuk-table__header">State</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {mine.map((c) => (
                <tr className="govuk-table__row" key={c.reference}>
                  <td className="govuk-table__cell">{s.mode === 'offline' ? <a className="govuk-link" href={href({ name: 'case', reference: c.reference })}>{c.reference}</a> : c.reference}</td>
                  <td className="govuk-table__cell app-nowrap">{formatLongDate(c.takenAt.slice(0, 10))}</td>
                  <td className="govuk-table__cell app-nowrap">{formatLongDate(c.until)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{c.changes}</td>
                  <td className="govuk-table__cell">{STATUS[c.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mine.length > 0 && (
        <div className="app-actions govuk-!-margin-bottom-6">
          <button type="button" className="govuk-button" disabled={back.isPending} onClick={() => back.mutate(mine.map((c) => c.reference))}>
            Check in {mine.length === 1 ? mine[0]!.reference : `all ${mine.length}`}
          </button>
          {s.mode === 'online' && !s.workOffline && (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={toggle.isPending} onClick={() => toggle.mutate(true)}>
              Work offline on them
            </button>
          )}
          {s.mode === 'offline' && s.workOffline && (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={toggle.isPending} onClick={() => toggle.mutate(false)}>
              Go back online at the next start
            </button>
          )}
        </div>
      )}

      {s.mode === 'online' && (
        <form onSubmit={onTake} noValidate className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">Check out to this computer</h2>
          <p className="govuk-body">Each case is copied whole to this computer, to work on without the team database. Colleagues see it read-only until you check it in.</p>
          <TextInput id="checkout-refs" label="Case references" hint="One or more, separated by spaces" value={refs} onChange={setRefs} error={error?.fields.references} />
          <DateInput id="checkout-until" legend="Due back" hint="14 days from today unless you choose; at most 90" value={until} onChange={setUntil} error={error?.fields.until} />
          <button type="submit" className="govuk-button" disabled={!refs.trim() || take.isPending}>
            Check out
          </button>
        </form>
      )}

      {s.mode === 'online' && (
        <>
          <h2 className="govuk-heading-m">Checked out across the team</h2>
          {(leases.data?.length ?? 0) === 0 ? (
            <p className="govuk-body">No case is checked out.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet" data-testid="team-leases">
              {leases.data!.map((l) => (
                <li key={l.reference}>
                  <a className="govuk-link" href={href({ name: 'case', reference: l.reference })}>
                    {l.reference}
                  </a>
                  : {leaseText(l, s.login)}
                  {l.risk && <strong> ({RISK_TEXT[l.risk]})</strong>}
                </li>
              ))}
            </ul>
          )}
          {s.lead && (leases.data?.length ?? 0) > 0 && (
            <form onSubmit={onRelease} noValidate className="govuk-!-margin-bottom-8">
              <h3 className="govuk-heading-s">Release a case</h3>
              <p className="govuk-body">For a laptop lost or an officer away: colleagues can change the case again, and the copy, if it comes back, is kept aside for you to merge.</p>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-label--s" htmlFor="release-ref">
                  Case
                </label>
                <select className="govuk-select" id="release-ref" name="release-ref" value={release.reference} onChange={(e) => setRelease((r) => ({ ...r, reference: e.target.value }))}>
                  <option value="">Choose a case</option>
                  {leases.data!.map((l) => (
                    <option key={l.reference} value={l.reference}>
                      {l.reference} ({l.holderName})
                    </option>
                  ))}
                </select>
              </div>
              <TextInput id="release-reason" label="Why" value={release.reason} onChange={(reason) => setRelease((r) => ({ ...r, reason }))} />
              <button type="submit" className="govuk-button govuk-button--warning" disabled={!release.reference || free.isPending}>
                Release
              </button>
            </form>
          )}
          <h2 className="govuk-heading-m">Copies kept aside</h2>
          {(kept.data?.length ?? 0) === 0 ? (
            <p className="govuk-body">No checked-out copy is waiting to be merged.</p>
          ) : (
            <ul className="govuk-list" data-testid="kept-aside">
              {kept.data!.map((k) => (
                <li key={k.id}>
                  <a className="govuk-link" href={href({ name: 'kept', id: k.id })}>
                    {k.reference}, from {k.officer}
                  </a>{' '}
                  ({k.reason})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
