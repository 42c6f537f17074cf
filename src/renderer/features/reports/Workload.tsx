// Each officer's load, for the lead who allocates: active, overdue, due this week, on hold.
// Shown once the register knows its officers (the team database).
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export function Workload() {
  const officers = useQuery({ queryKey: ['team', 'officers'], queryFn: () => call('team:officers', {}) });
  const load = useQuery({ queryKey: ['cases', 'workload'], queryFn: () => call('team:workload', {}), enabled: (officers.data?.length ?? 0) > 0 });
  if (!load.data || load.data.length === 0) return null;
  return (
    <section aria-labelledby="workload-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="workload-heading">
        Workload by officer
      </h2>
      <div className="app-table-wrap" role="region" aria-label="Workload by officer" tabIndex={0}>
        <table className="govuk-table" data-testid="workload">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Officer</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Awaiting a response</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Overdue</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Due this week</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">On hold</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {load.data.map((w) => (
              <tr className="govuk-table__row" key={w.officer ?? '-'}>
                <th scope="row" className="govuk-table__header">{w.name}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.active}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.overdue}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.dueThisWeek}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{w.onHold}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
