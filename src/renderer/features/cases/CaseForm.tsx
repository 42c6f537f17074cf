// Logging a request, and editing one: the same fields, the same checks, the due date shown live.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { localToday } from '../../today';
import { navigate } from '../../router';
import { TextArea, TextInput, Radios, DateInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { REGIMES, type Regime } from '../../../shared/domain/clocks/events';
import { REGIME_NAMES, type CaseDetail } from '../../../shared/domain/cases';
import { DueDatePreview } from './DueDate';

interface FormState {
  regime: Regime;
  received: string;
  name: string;
  email: string;
  address: string;
  organisation: string;
  summary: string;
  requestText: string;
}

const EMPTY: FormState = { regime: 'foia', received: localToday(), name: '', email: '', address: '', organisation: '', summary: '', requestText: '' };

/** Server field paths ("requester.name") map to the form's input ids ("name"). */
function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^requester\./, '').replace(/^changes\./, '').replace(/^requester\./, ''), v]));
}

function CaseFields({ form, set, errors }: { form: FormState; set: <K extends keyof FormState>(k: K) => (v: FormState[K]) => void; errors: Record<string, string> }) {
  return (
    <>
      <Radios<Regime>
        id="regime"
        legend="Which law is the request under?"
        value={form.regime}
        error={errors.regime}
        options={REGIMES.map((r) => ({ value: r, label: REGIME_NAMES[r] }))}
        onChange={set('regime')}
      />
      <DateInput
        id="received"
        legend="Date received"
        hint="The day it arrived, even a weekend or bank holiday: that is day 0. For example, 27 3 2026"
        value={form.received}
        onChange={set('received')}
        error={errors.received}
      />
      <DueDatePreview regime={form.regime} received={form.received} />
      <h2 className="govuk-heading-m">Requester</h2>
      <TextInput id="name" label="Full name" value={form.name} onChange={set('name')} error={errors.name} autoComplete="off" />
      <TextInput id="email" label="Email address" type="email" value={form.email} onChange={set('email')} error={errors.email} width="20" spellCheck={false} />
      <TextArea id="address" label="Postal address (optional)" hint="One line per line of the address" value={form.address} onChange={set('address')} rows={4} error={errors.address} />
      <TextInput id="organisation" label="Organisation (optional)" value={form.organisation} onChange={set('organisation')} error={errors.organisation} />
      <h2 className="govuk-heading-m">The request</h2>
      <TextInput id="summary" label="Summary" hint="A line to find it by in the case list" value={form.summary} onChange={set('summary')} error={errors.summary} />
      <TextArea id="requestText" label="Request text" hint="As the requester wrote it" value={form.requestText} onChange={set('requestText')} rows={8} error={errors.requestText} />
    </>
  );
}

function useFormState(initial: FormState) {
  const [form, setForm] = useState(initial);
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));
  return { form, set };
}

const requester = (f: FormState) => ({ name: f.name, email: f.email, address: f.address, organisation: f.organisation });

export function NewCase() {
  const qc = useQueryClient();
  const { form, set } = useFormState(EMPTY);
  const create = useMutation({
    mutationFn: () => call('cases:create', { regime: form.regime, received: form.received, requester: requester(form), summary: form.summary, requestText: form.requestText }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      navigate({ name: 'case', reference: c.reference });
    },
  });
  const errors = fieldErrors(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <ErrorSummary errors={errors} message={create.error && Object.keys(errors).length === 0 ? create.error.message : undefined} />
      <h1 className="govuk-heading-l" tabIndex={-1}>
        Log a new request
      </h1>
      <form onSubmit={onSubmit} noValidate>
        <CaseFields form={form} set={set} errors={errors} />
        <button type="submit" className="govuk-button" disabled={create.isPending}>
          Log request
        </button>
      </form>
    </>
  );
}

function toForm(c: CaseDetail): FormState {
  return { regime: c.regime, received: c.received, ...c.requester, summary: c.summary, requestText: c.requestText };
}

export function EditCase({ reference }: { reference: string }) {
  const query = useQuery({ queryKey: ['cases', reference], queryFn: () => call('cases:get', { reference }) });
  if (query.isPending) return <p className="govuk-body">Loading…</p>;
  if (query.isError) return <p className="govuk-body">{query.error.message}</p>;
  return <EditForm detail={query.data} />;
}

function EditForm({ detail }: { detail: CaseDetail }) {
  const qc = useQueryClient();
  const { form, set } = useFormState(toForm(detail));
  // The version the officer started from: a colleague's save in the meantime is not overwritten
  // unseen (the core refuses with CONFLICT, and the input here stays as typed).
  const [fromVersion, setFromVersion] = useState(detail.version);
  const update = useMutation({
    mutationFn: () =>
      call('cases:update', {
        reference: detail.reference,
        changes: { regime: form.regime, received: form.received, requester: requester(form), summary: form.summary, requestText: form.requestText },
        ifVersion: fromVersion,
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      navigate({ name: 'case', reference: detail.reference });
    },
  });
  const errors = fieldErrors(update.error);
  const conflict = update.error instanceof ApiError && update.error.code === 'CONFLICT' && Object.keys(update.error.fields).length === 0;
  return (
    <>
      <ErrorSummary errors={errors} message={update.error && Object.keys(errors).length === 0 ? update.error.message : undefined} />
      {conflict && (
        <div className="govuk-inset-text" data-testid="edit-conflict">
          <p className="govuk-body">Your changes are still below. The case as it is now is on its page; to save your changes over the colleague’s, confirm here and press Save again.</p>
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            onClick={async () => {
              const now = await call('cases:get', { reference: detail.reference });
              setFromVersion(now.version);
              update.reset();
            }}
          >
            I have checked: save mine over theirs
          </button>
        </div>
      )}
      <span className="govuk-caption-l">{detail.reference}</span>
      <h1 className="govuk-heading-l" tabIndex={-1}>
        Edit the request
      </h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate();
        }}
        noValidate
      >
        <CaseFields form={form} set={set} errors={errors} />
        <div className="app-actions">
          <button type="submit" className="govuk-button" disabled={update.isPending}>
            Save changes
          </button>
          <a className="govuk-link" href={`#/case/${detail.reference.split('/').map(encodeURIComponent).join('/')}`}>
            Cancel
          </a>
        </div>
      </form>
    </>
  );
}
