// The case timeline, newest first. A mistaken entry is voided, never deleted: it stays here struck
// through with who voided it, when and why, and drives no clock.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import type { CaseEventRecord } from '../../../shared/domain/cases';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { formatLongDate } from '../../../shared/domain/dates';
import { OUTCOME_LABELS, REVIEW_OUTCOME_LABELS, type ResponseOutcome, type ReviewOutcome } from '../../../shared/domain/status';
import { SuccessBanner, TextArea } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

function outcomeText(e: CaseEventRecord): string | null {
  if (!e.outcome) return null;
  return OUTCOME_LABELS[e.outcome as ResponseOutcome] ?? REVIEW_OUTCOME_LABELS[e.outcome as ReviewOutcome] ?? null;
}

function VoidForm({ reference, event, onDone }: { reference: string; event: CaseEventRecord; onDone: (message: string) => void }) {
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const voiding = useMutation({
    mutationFn: () => call('cases:voidEvent', { reference, eventId: event.id, reason }),
    onSuccess: async () => {
      onDone(`Voided: ${eventLabel(event.type)}, ${formatLongDate(event.date)}. The deadlines have been worked out again without it.`);
      await qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const err = voiding.error instanceof ApiError ? voiding.error : null;
  const id = `void-${event.id}-reason`;
  const fields = err?.fields?.reason ? { [id]: err.fields.reason } : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    voiding.mutate();
  };
  return (
    <form onSubmit={submit} noValidate className="app-void-form">
      <ErrorSummary errors={fields} message={err && !err.fields?.reason ? err.message : undefined} />
      <TextArea id={id} label="Why is this entry wrong?" hint="Kept in the record and the audit trail." value={reason} onChange={setReason} rows={2} error={fields[id]} />
      <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={voiding.isPending}>
        Void this entry
      </button>
    </form>
  );
}

export function CaseTimeline({ reference, events }: { reference: string; events: CaseEventRecord[] }) {
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState({ message: '', seq: 0 });
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="event-voided" />
      <ol className="app-timeline" data-testid="timeline">
        {[...events].reverse().map((e) => (
          <li className={`app-timeline__item${e.voided ? ' app-timeline__item--voided' : ''}`} key={e.id}>
            <p className="app-timeline__title">
              {e.voided ? <del>{eventLabel(e.type)}</del> : eventLabel(e.type)}
              {e.voided && <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Voided</strong>}
            </p>
            <p className="app-timeline__date">{e.voided ? <del>{formatLongDate(e.date)}</del> : formatLongDate(e.date)}</p>
            {outcomeText(e) && <p className="govuk-body-s govuk-!-margin-bottom-1">Outcome: {outcomeText(e)}</p>}
            {e.note && <p className="govuk-body-s">{e.note}</p>}
            {e.voided && (
              <p className="govuk-body-s app-void-note">
                Voided by {e.voidedBy} on {e.voidedAt ? formatLongDate(e.voidedAt.slice(0, 10)) : ''}: {e.voidReason}
              </p>
            )}
            {!e.voided && e.type !== 'received' && (
              <details className="govuk-details govuk-!-margin-bottom-2" open={open === e.id} onToggle={(ev) => setOpen((ev.target as HTMLDetailsElement).open ? e.id : open === e.id ? null : open)}>
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    Void<span className="govuk-visually-hidden"> {eventLabel(e.type)}, {formatLongDate(e.date)}</span>
                  </span>
                </summary>
                <div className="govuk-details__text">
                  {open === e.id && (
                    <VoidForm
                      reference={reference}
                      event={e}
                      onDone={(message) => {
                        setOpen(null);
                        setDone((d) => ({ message, seq: d.seq + 1 }));
                      }}
                    />
                  )}
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
