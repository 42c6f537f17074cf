// A due date with its working shown: the officer (and the ICO) can check every skipped day.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { formatLongDate, isIsoDate } from '../../../shared/domain/dates';
import type { ClockResult } from '../../../shared/domain/clocks/clocks';
import { RESPONSE_CLOCK, type Regime } from '../../../shared/domain/clocks/events';

export function Explanation({ result, id }: { result: Pick<ClockResult, 'steps' | 'basis'>; id: string }) {
  return (
    <details className="govuk-details" id={id}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">How this date was worked out</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list app-explanation">
          {result.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p className="govuk-body-s">Basis: {result.basis}</p>
      </div>
    </details>
  );
}

export function DueDatePreview({ regime, received }: { regime: Regime; received: string }) {
  const valid = isIsoDate(received);
  const preview = useQuery({
    queryKey: ['deadline', regime, received],
    queryFn: () => call('deadlines:compute', { clock: RESPONSE_CLOCK[regime], from: received }),
    enabled: valid,
  });
  if (!valid || !preview.data) return null;
  return (
    <div className="govuk-inset-text app-due-preview" aria-live="polite">
      <p className="govuk-body govuk-!-margin-bottom-2">
        Statutory due date: <strong data-testid="due-preview">{formatLongDate(preview.data.due)}</strong>
        {preview.data.provisional && ' (provisional: holidays for that year are not yet published)'}
      </p>
      <Explanation result={preview.data} id="due-preview-explanation" />
    </div>
  );
}
