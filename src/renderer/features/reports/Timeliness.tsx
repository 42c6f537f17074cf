// The in-time rate for a period, with the ICO toolkit's band (good ≥95%, adequate 90–95%,
// unsatisfactory <90%): what the officer's team is judged on.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { DateInput } from '../../components/fields';
import { isIsoDate } from '../../../shared/domain/dates';

const BAND_TAG = { good: 'govuk-tag--green', adequate: 'govuk-tag--yellow', unsatisfactory: 'govuk-tag--red' } as const;

export function Timeliness() {
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const report = useQuery({ queryKey: ['cases', 'timeliness', from, to], queryFn: () => call('reports:timeliness', { from, to }), enabled: valid });
  const r = report.data;
  return (
    <section aria-labelledby="timeliness-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="timeliness-heading">
        Timeliness
      </h2>
      <div className="app-actions">
        <DateInput id="timeliness-from" legend="Received from" value={from} onChange={setFrom} />
        <DateInput id="timeliness-to" legend="Received to" value={to} onChange={setTo} error={valid ? undefined : 'Enter real dates, the end not before the start'} />
      </div>
      {r && (
        <p className="govuk-body" data-testid="timeliness">
          {r.ratePercent === null ? (
            <>No request received in this period has been answered or fallen due yet ({r.received} received).</>
          ) : (
            <>
              <strong>{r.ratePercent}%</strong> answered in time <strong className={`govuk-tag ${BAND_TAG[r.band!]}`}>{r.band}</strong>: {r.inTime} in time, {r.late} late, {r.pending} not yet due, of {r.received} received.
            </>
          )}
        </p>
      )}
    </section>
  );
}
