// The case list: what is due, for whom, and how long is left; sortable by any column.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { StatusTag } from '../../components/Tag';
import { formatLongDate } from '../../../shared/domain/dates';
import { REGIME_LABELS, type CaseListItem } from '../../../shared/domain/cases';
import { CASE_FILTERS, FILTER_LABELS, type CaseFilter, type Dashboard } from '../../../shared/domain/reports';
import { Timeliness } from '../reports/Timeliness';

/** The dashboard: a count per filter, each a button that shows those cases (MoJ sub navigation). */
function FilterNav({ counts, current, onChange }: { counts: Dashboard; current: CaseFilter; onChange: (f: CaseFilter) => void }) {
  return (
    <nav className="app-filters" aria-label="Filter cases">
      <ul className="app-filters__list">
        {CASE_FILTERS.map((f) => (
          <li key={f}>
            <button
              type="button"
              className={`app-filters__item${f === 'overdue' && counts.overdue > 0 ? ' app-filters__item--alert' : ''}`}
              aria-pressed={f === current}
              onClick={() => onChange(f)}
            >
              <span className="app-filters__count" data-testid={`count-${f}`}>
                {counts[f]}
              </span>
              <span className="app-filters__label">{FILTER_LABELS[f]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type SortKey = 'reference' | 'requesterName' | 'received' | 'dueDate' | 'daysLeft' | 'status';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'reference', label: 'Reference' },
  { key: 'requesterName', label: 'Requester' },
  { key: 'received', label: 'Received' },
  { key: 'dueDate', label: 'Due' },
  { key: 'daysLeft', label: 'Days left' },
  { key: 'status', label: 'Status' },
];

function daysLeftText(i: CaseListItem): string {
  if (i.daysLeft === null) return '–';
  if (i.daysLeft < 0) return `${-i.daysLeft} overdue`;
  return String(i.daysLeft);
}

export function CaseList() {
  const [filter, setFilter] = useState<CaseFilter>('active');
  const cases = useQuery({ queryKey: ['cases', 'list', filter], queryFn: () => call('cases:list', { filter }) });
  const dashboard = useQuery({ queryKey: ['cases', 'dashboard'], queryFn: () => call('reports:dashboard', {}) });
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'dueDate', dir: 1 });
  const rows = useMemo(() => {
    const list = [...(cases.data ?? [])];
    list.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true })) * sort.dir;
    });
    return list;
  }, [cases.data, sort]);

  return (
    <>
      <div className="app-actions">
        <h1 className="govuk-heading-l" tabIndex={-1}>
          Cases
        </h1>
        <a href={href({ name: 'new' })} role="button" draggable="false" className="govuk-button govuk-!-margin-left-auto">
          Log a new request
        </a>
      </div>
      {dashboard.data && <FilterNav counts={dashboard.data} current={filter} onChange={setFilter} />}
      {cases.isPending && <p className="govuk-body">Loading…</p>}
      {cases.isError && <p className="govuk-body">{cases.error.message}</p>}
      {cases.data && cases.data.length === 0 && (
        <p className="govuk-body">{dashboard.data?.all === 0 ? 'No cases yet. Log the first request to start.' : `No cases: ${FILTER_LABELS[filter].toLowerCase()}.`}</p>
      )}
      {rows.length > 0 && (
        <div className="app-table-wrap">
          <table className="govuk-table" data-testid="case-table">
            <caption className="govuk-table__caption govuk-visually-hidden">
              {FILTER_LABELS[filter]}, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" className="govuk-table__header" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="app-sort-button" onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))}>
                      {c.label}
                    </button>
                  </th>
                ))}
                <th scope="col" className="govuk-table__header">
                  Summary
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((i) => (
                <tr className="govuk-table__row" key={i.reference}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={href({ name: 'case', reference: i.reference })}>
                      {i.reference}
                    </a>{' '}
                    <span className="govuk-body-s">{REGIME_LABELS[i.regime]}</span>
                  </td>
                  <td className="govuk-table__cell">{i.requesterName}</td>
                  <td className="govuk-table__cell">{formatLongDate(i.received)}</td>
                  <td className="govuk-table__cell">
                    {formatLongDate(i.dueDate)}
                    {i.provisional && ' (provisional)'}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{daysLeftText(i)}</td>
                  <td className="govuk-table__cell">
                    <StatusTag status={i.status} />
                  </td>
                  <td className="govuk-table__cell">{i.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Timeliness />
    </>
  );
}
