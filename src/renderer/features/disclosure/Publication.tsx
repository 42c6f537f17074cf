// Marking a response for the disclosure log, in the officer's own words: the log never says who
// asked, so a title or summary that names the requester is refused with the reason.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call } from '../../api';
import { TextArea, TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import type { Regime } from '../../../shared/domain/clocks/events';

export function Publication({ reference, regime }: { reference: string; regime: Regime }) {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: ['cases', reference, 'publication'], queryFn: () => call('disclosure:get', { reference }) });
  const [form, setForm] = useState({ title: '', summary: '', topic: '' });
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (current.data) setForm({ title: current.data.title, summary: current.data.summary, topic: current.data.topic });
  }, [current.data]);
  const save = useMutation({
    mutationFn: (unpublish: boolean) => call('disclosure:publish', { reference, ...form, unpublish }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases', reference, 'publication'] }),
  });
  useEffect(() => {
    if (save.isSuccess) banner.current?.focus();
  }, [save.isSuccess, save.data]);
  if (regime === 'sar') {
    return (
      <section aria-labelledby="publication-heading">
        <h2 className="govuk-heading-l" id="publication-heading">Disclosure log</h2>
        <p className="govuk-body">A subject access request is the requester’s own personal data: it is never published.</p>
      </section>
    );
  }
  const err = save.error instanceof ApiError ? save.error : null;
  const errors = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`publication-${k}`, v]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(false);
  };
  return (
    <section aria-labelledby="publication-heading">
      <h2 className="govuk-heading-l" id="publication-heading">Disclosure log</h2>
      {save.isSuccess && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" tabIndex={-1} ref={banner} aria-labelledby="publication-banner">
          <div className="govuk-notification-banner__header"><h3 className="govuk-notification-banner__title" id="publication-banner">Success</h3></div>
          <div className="govuk-notification-banner__content"><p className="govuk-notification-banner__heading">{save.data ? 'This response will appear in the disclosure log.' : 'This response is no longer in the disclosure log.'}</p></div>
        </div>
      )}
      <ErrorSummary errors={errors} message={err && Object.keys(errors).length === 0 ? err.message : undefined} />
      <p className="govuk-body">Describe the request and the response in your own words. The log never says who asked: do not include the requester’s name, email, address or organisation.</p>
      <form onSubmit={submit} noValidate>
        <TextInput id="publication-title" label="Published title" value={form.title} onChange={(v) => setForm((f) => ({ ...f, title: v }))} error={errors['publication-title']} />
        <TextArea id="publication-summary" label="Published summary of what was asked" value={form.summary} onChange={(v) => setForm((f) => ({ ...f, summary: v }))} rows={4} error={errors['publication-summary']} />
        <TextInput id="publication-topic" label="Topic (optional)" hint="For example, Transport" value={form.topic} onChange={(v) => setForm((f) => ({ ...f, topic: v }))} width="20" error={errors['publication-topic']} />
        <div className="app-actions">
          <button type="submit" className="govuk-button" disabled={save.isPending}>{current.data ? 'Update the published entry' : 'Publish in the disclosure log'}</button>
          {current.data && (
            <button type="button" className="govuk-button govuk-button--warning" onClick={() => save.mutate(true)} disabled={save.isPending}>
              Remove from the log
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
