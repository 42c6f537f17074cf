// Record what happened on the case: the clocks move from the events, never by typing a due date.
// Nothing is chosen for the officer: one careless click must not restart a statutory clock.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { localToday } from '../../today';
import { eventLabel, type CaseEventType, type Regime } from '../../../shared/domain/clocks/events';
import { recordableEvents } from '../../../shared/domain/clocks/sequence';
import { formatLongDate } from '../../../shared/domain/dates';
import { OUTCOME_LABELS, RESPONSE_OUTCOMES, REVIEW_OUTCOMES, REVIEW_OUTCOME_LABELS } from '../../../shared/domain/status';
import { DateInput, SuccessBanner, TextArea } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

function outcomesFor(type: CaseEventType | ''): { value: string; label: string }[] {
  if (type === 'responded') return RESPONSE_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));
  if (type === 'review-completed') return REVIEW_OUTCOMES.map((o) => ({ value: o, label: REVIEW_OUTCOME_LABELS[o] }));
  return [];
}

export function RecordEvent({ reference, regime }: { reference: string; regime: Regime }) {
  const qc = useQueryClient();
  const [type, setType] = useState<CaseEventType | ''>('');
  const [date, setDate] = useState(localToday());
  const [estimate, setEstimate] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ message: string; seq: number }>({ message: '', seq: 0 });
  const record = useMutation({
    mutationFn: (t: CaseEventType) =>
      call('cases:addEvent', {
        reference,
        type: t,
        date,
        ...(t === 'pit-extension' ? { estimate } : {}),
        ...(outcome && outcomesFor(t).length ? { outcome: outcome as never } : {}),
        ...(note.trim() ? { note } : {}),
      }),
    onSuccess: async (_d, t) => {
      setDone((d) => ({ message: `Recorded: ${eventLabel(t)}, ${formatLongDate(date)}. The deadlines have been worked out again.`, seq: d.seq + 1 }));
      setType('');
      setNote('');
      setEstimate('');
      setOutcome('');
      await qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const err = record.error instanceof ApiError ? record.error : null;
  const fields = { ...Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`event-${k}`, v])), ...local };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (type === '') {
      setLocal({ 'event-type': 'Select what happened' });
      return;
    }
    setLocal({});
    record.mutate(type);
  };
  const outcomes = outcomesFor(type);
  return (
    <section aria-labelledby="record-event-heading">
      <h2 className="govuk-heading-m" id="record-event-heading">
        Record an event
      </h2>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="event-recorded" />
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <form onSubmit={onSubmit} noValidate>
        <div className={`govuk-form-group${fields['event-type'] ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="event-type">
            What happened
          </label>
          {fields['event-type'] && (
            <p id="event-type-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fields['event-type']}
            </p>
          )}
          <select
            className={`govuk-select${fields['event-type'] ? ' govuk-select--error' : ''}`}
            id="event-type"
            name="event-type"
            value={type}
            aria-describedby={fields['event-type'] ? 'event-type-error' : undefined}
            onChange={(e) => setType(e.target.value as CaseEventType | '')}
          >
            <option value="">Choose what happened</option>
            {recordableEvents(regime).map((t) => (
              <option key={t} value={t}>
                {eventLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <DateInput id="event-date" legend="Date it happened" value={date} onChange={setDate} error={fields['event-date']} />
        {type === 'pit-extension' && (
          <DateInput
            id="event-estimate"
            legend="Estimated date for the decision"
            hint="The date given to the requester in the s17(2) notice. The ICO expects no more than 40 working days in all. For example, 27 3 2026"
            value={estimate}
            onChange={setEstimate}
            error={fields['event-estimate']}
          />
        )}
        {outcomes.length > 0 && (
          <div className={`govuk-form-group${fields['event-outcome'] ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="event-outcome">
              Outcome
            </label>
            <div className="govuk-hint" id="event-outcome-hint">Recorded for the letters and the statistics.</div>
            <select className="govuk-select" id="event-outcome" name="event-outcome" value={outcome} aria-describedby="event-outcome-hint" onChange={(e) => setOutcome(e.target.value)}>
              <option value="">Not recorded</option>
              {outcomes.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextArea id="event-note" label="Note (optional)" value={note} onChange={setNote} rows={2} error={fields['event-note']} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={record.isPending}>
          Record event
        </button>
      </form>
    </section>
  );
}
