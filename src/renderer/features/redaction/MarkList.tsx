// The marks on the chosen document, for review and removal, and the schedule of every redaction on
// the case by document and page with the exemptions relied on.
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api';
import type { RedactionMark, RedactionOverview } from '../../../shared/domain/redaction';

export function MarkList({ reference, marks, overview, onChange }: { reference: string; marks: RedactionMark[]; overview: RedactionOverview; onChange(): void }) {
  const remove = useMutation({ mutationFn: (id: number) => call('redaction:remove', { reference, id }), onSuccess: onChange });
  return (
    <>
      <table className="govuk-table" data-testid="redaction-marks">
        <caption className="govuk-table__caption govuk-table__caption--m">Marks on this document ({marks.length})</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Page</th>
            <th scope="col" className="govuk-table__header">Exemption</th>
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {marks.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <td className="govuk-table__cell">{m.page}</td>
              <td className="govuk-table__cell">{m.code}</td>
              <td className="govuk-table__cell">{m.matched ? `"${m.matched}"` : `Area at ${Math.round(m.box.x)}, ${Math.round(m.box.y)} (${Math.round(m.box.w)} × ${Math.round(m.box.h)} points)`}</td>
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
                  Remove<span className="govuk-visually-hidden"> mark {m.id} on page {m.page}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {overview.schedule.length > 0 && (
        <table className="govuk-table" data-testid="redaction-schedule">
          <caption className="govuk-table__caption govuk-table__caption--m">Exemption schedule: redactions by document and page</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Document</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Page</th>
              <th scope="col" className="govuk-table__header">Exemptions</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Redactions</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {overview.schedule.map((r) => (
              <tr className="govuk-table__row" key={`${r.document}-${r.page}`}>
                <td className="govuk-table__cell">{r.document}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.page}</td>
                <td className="govuk-table__cell">{r.codes.join(', ')}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.marks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
