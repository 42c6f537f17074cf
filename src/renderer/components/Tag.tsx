import type { CaseStatus } from '../../shared/domain/cases';
import { STATUS_LABELS } from '../../shared/domain/cases';

const COLOURS: Record<CaseStatus, string> = {
  open: 'govuk-tag--blue',
  'on-hold': 'govuk-tag--yellow',
  extended: 'govuk-tag--light-blue',
  overdue: 'govuk-tag--red',
  responded: 'govuk-tag--green',
  'under-review': 'govuk-tag--purple',
  'with-ico': 'govuk-tag--pink',
  'at-tribunal': 'govuk-tag--orange',
  closed: 'govuk-tag--grey',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return <strong className={`govuk-tag ${COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
