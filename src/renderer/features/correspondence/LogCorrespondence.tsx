// Post, phone calls and portal messages logged by hand, so the case file is complete.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { CHANNELS, CHANNEL_LABELS, type Channel, type Direction } from '../../../shared/domain/correspondence';
import { TextArea, TextInput, Radios, DateInput, SuccessBanner } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { localToday } from '../../today';

export function LogCorrespondence({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const empty = { direction: 'in' as Direction, channel: 'post' as Channel, sentAt: localToday(), time: '', from: '', to: '', subject: '', body: '' };
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof empty>(k: K) => (v: (typeof empty)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const add = useMutation({
    mutationFn: () => {
      const { time, ...rest } = form;
      // With a time, the moment in the officer's own time zone; without, the day alone.
      const moment = time ? new Date(`${form.sentAt}T${time}`) : null;
      const sentAt = moment && !Number.isNaN(moment.getTime()) ? moment.toISOString() : form.sentAt;
      return call('correspondence:add', { reference, ...rest, sentAt });
    },
    onSuccess: async () => {
      setDone((d) => ({ message: `Logged ${form.direction === 'in' ? 'incoming' : 'outgoing'} ${form.subject ? `“${form.subject}”` : 'item'}.`, seq: d.seq + 1 }));
      setForm(empty);
      await qc.invalidateQueries({ queryKey: ['cases', reference] });
    },
  });
  const [done, setDone] = useState({ message: '', seq: 0 });
  const err = add.error instanceof ApiError ? add.error : null;
  const fields = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`log-${k}`, v]));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Log a letter, call or other item by hand</span>
      </summary>
      <div className="govuk-details__text">
        <SuccessBanner message={done.message || null} seq={done.seq} testId="correspondence-logged" />
        <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
        <form onSubmit={onSubmit} noValidate>
          <Radios<Direction> id="log-direction" legend="Direction" inline value={form.direction} options={[{ value: 'in', label: 'Received' }, { value: 'out', label: 'Sent' }]} onChange={set('direction')} />
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="log-channel">
              How
            </label>
            <select className="govuk-select" id="log-channel" value={form.channel} onChange={(e) => set('channel')(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="app-actions">
            <DateInput id="log-sentAt" legend="Date" value={form.sentAt} onChange={set('sentAt')} error={fields['log-sentAt']} />
            <TextInput id="log-time" label="Time (optional)" type="time" value={form.time} onChange={set('time')} width="5" />
          </div>
          <TextInput id="log-from" label="From" value={form.from} onChange={set('from')} />
          <TextInput id="log-to" label="To" value={form.to} onChange={set('to')} />
          <TextInput id="log-subject" label="Subject" value={form.subject} onChange={set('subject')} />
          <TextArea id="log-body" label="Content or note" value={form.body} onChange={set('body')} rows={4} />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={add.isPending}>
            Log it
          </button>
        </form>
      </div>
    </details>
  );
}
