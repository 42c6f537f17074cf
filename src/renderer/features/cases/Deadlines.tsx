// Every deadline the case's events give rise to, each with its working.
import type { CaseDetail } from '../../../shared/domain/cases';
import type { DerivedDeadline } from '../../../shared/domain/clocks/events';
import { formatLongDate } from '../../../shared/domain/dates';
import { Explanation } from './DueDate';

const STATUS: Record<DerivedDeadline['status'], { label: string; tag: string }> = {
  pending: { label: 'Pending', tag: 'govuk-tag--blue' },
  met: { label: 'Met', tag: 'govuk-tag--green' },
  missed: { label: 'Missed', tag: 'govuk-tag--red' },
  'not-applicable': { label: 'Not used', tag: 'govuk-tag--grey' },
};

export function Deadlines({ detail }: { detail: CaseDetail }) {
  const all = [detail.clocks.response, ...detail.clocks.deadlines];
  return (
    <div className="app-table-wrap" role="region" aria-label="Deadlines" tabIndex={0}>
    <table className="govuk-table" data-testid="deadlines">
      <caption className="govuk-table__caption govuk-table__caption--m">Deadlines</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Deadline</th>
          <th scope="col" className="govuk-table__header">Date</th>
          <th scope="col" className="govuk-table__header">Status</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {all.map((d) => (
          <tr className="govuk-table__row" key={d.key}>
            <th scope="row" className="govuk-table__header">
              {d.label}
              {d.warning && <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-font-weight-regular app-warning">{d.warning}</p>}
            </th>
            <td className="govuk-table__cell">
              {formatLongDate(d.due)}
              {d.provisional && ' (provisional)'}
              <Explanation result={d} id={`explain-${d.key}`} />
            </td>
            <td className="govuk-table__cell">
              <strong className={`govuk-tag ${STATUS[d.status].tag}`}>{STATUS[d.status].label}</strong>
              {d.metOn && <span className="govuk-body-s"> {formatLongDate(d.metOn)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
