import type { CaseStatus } from '../../shared/domain/cases';
import { STATUS_LABELS } from '../../shared/domain/cases';

const COLOURS: Record<CaseStatus, string> = {
  open: 'govuk-tag--blue',
  'on-hold': 'govuk-tag--yellow',
  overdue: 'govuk-tag--red',
  responded: 'govuk-tag--green',
  'under-review': 'govuk-tag--purple',
  closed: 'govuk-tag--grey',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return <strong className={`govuk-tag ${COLOURS[status]}`}>{STATUS_LABELS[status]}</strong>;
}
