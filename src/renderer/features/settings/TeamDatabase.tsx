// Which register this computer opens: its own (the default, for a lone officer or a trial), or the
// team's database on the authority's PostgreSQL server. The address is tested before it is kept,
// and the switch takes effect when Disclose starts next.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { TextInput, SuccessBanner } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useCheckoutState } from '../checkout/CheckoutBanner';

export function TeamDatabase() {
  const whoami = useQuery({ queryKey: ['team', 'whoami'], queryFn: () => call('team:whoami', {}) });
  const [url, setUrl] = useState('');
  const [done, setDone] = useState<{ message: string; seq: number }>({ message: '', seq: 0 });
  const test = useMutation({
    mutationFn: () => call('team:test', { url: url.trim() }),
    onSuccess: (r) =>
      setDone((d) => ({
        message: `Connected to ${r.database} as ${r.login}${r.lead ? ' (a lead)' : ''}. ${r.ready ? 'It is ready for this version of Disclose.' : 'It has not been set up for this version yet: ask your lead or IT to run "team init".'}`,
        seq: d.seq + 1,
      })),
  });
  const choose = useMutation({
    mutationFn: (target: string | null) => call('team:choose', { url: target }),
    onSuccess: (r) => setDone((d) => ({ message: r.database ? `Disclose will open the team database ${r.database} when it next starts. Close and reopen Disclose to switch.` : 'Disclose will open this computer’s own register when it next starts.', seq: d.seq + 1 })),
  });
  const error = (test.error ?? choose.error) as ApiError | null;
  const fields: Record<string, string> = error?.fields.url ? { 'team-url': error.fields.url } : {};
  const onTest = (e: FormEvent) => {
    e.preventDefault();
    choose.reset();
    test.mutate();
  };
  const w = whoami.data;
  // Working offline on checked-out copies: the register is chosen again once back online.
  const offline = useCheckoutState().data?.mode === 'offline';
  return (
    <section aria-labelledby="team-db-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="team-db-heading">
        Team database
      </h2>
      <p className="govuk-body" data-testid="register-in-use">
        {offline ? (
          <>
            This computer is working offline, as <strong>{w?.actor}</strong>, on the cases checked out to it. The team database is chosen here again once Disclose works online.
          </>
        ) : w?.engine === 'postgres' ? (
          <>
            This computer works on the team database <strong>{w.database}</strong>, as <strong>{w.actor}</strong>
            {w.lead ? ' (a lead)' : ''}.
          </>
        ) : (
          <>This computer works on its own register, kept in its data folder. A team shares one register on the authority’s PostgreSQL server instead.</>
        )}
      </p>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="team-db-done" />
      <ErrorSummary errors={fields} message={error && Object.keys(fields).length === 0 ? error.message : undefined} />
      <form onSubmit={onTest} noValidate hidden={offline}>
        <TextInput
          id="team-url"
          label="Team database address"
          hint="As IT gives it, for example postgres://your.login@db.council.local:5432/disclose. No password: IT sets up a password file or single sign-on."
          value={url}
          onChange={setUrl}
          error={fields['team-url']}
          spellCheck={false}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={!url.trim() || test.isPending}>
            Test the connection
          </button>
          <button type="button" className="govuk-button" disabled={!test.isSuccess || !test.data?.ready || choose.isPending} onClick={() => choose.mutate(url.trim())}>
            Use this team database
          </button>
          {w?.engine === 'postgres' && (
            <button type="button" className="govuk-button govuk-button--warning" disabled={choose.isPending} onClick={() => choose.mutate(null)}>
              Go back to this computer’s register
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
