// Record what happened on the case: the clocks move from the events, never by typing a due date.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { localToday } from '../../today';
import { CASE_EVENT_TYPES, eventLabel, type CaseEventType } from '../../../shared/domain/clocks/events';
import { TextArea, TextInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

const RECORDABLE = CASE_EVENT_TYPES.filter((t) => t !== 'received');

export function RecordEvent({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const [type, setType] = useState<CaseEventType>('acknowledged');
  const [date, setDate] = useState(localToday());
  const [estimate, setEstimate] = useState('');
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () =>
      call('cases:addEvent', {
        reference,
        type,
        date,
        ...(type === 'pit-extension' ? { estimate } : {}),
        ...(note.trim() ? { note } : {}),
      }),
    onSuccess: async () => {
      setNote('');
      setEstimate('');
      await qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const err = record.error instanceof ApiError ? record.error : null;
  const fields = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`event-${k}`, v]));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate();
  };
  return (
    <section aria-labelledby="record-event-heading">
      <h2 className="govuk-heading-m" id="record-event-heading">
        Record an event
      </h2>
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <form onSubmit={onSubmit} noValidate>
        <div className={`govuk-form-group${fields['event-type'] ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="event-type">
            What happened
          </label>
          <select className="govuk-select" id="event-type" name="event-type" value={type} onChange={(e) => setType(e.target.value as CaseEventType)}>
            {RECORDABLE.map((t) => (
              <option key={t} value={t}>
                {eventLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <TextInput id="event-date" label="Date" type="date" value={date} onChange={setDate} error={fields['event-date']} width="10" />
        {type === 'pit-extension' && (
          <TextInput
            id="event-estimate"
            label="Estimated date for the decision"
            hint="The date given to the requester in the s17(2) notice. The ICO expects no more than 40 working days in all."
            type="date"
            value={estimate}
            onChange={setEstimate}
            error={fields['event-estimate']}
            width="10"
          />
        )}
        <TextArea id="event-note" label="Note (optional)" value={note} onChange={setNote} rows={2} error={fields['event-note']} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={record.isPending}>
          Record event
        </button>
      </form>
    </section>
  );
}
