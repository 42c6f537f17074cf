// The case list: what is due, for whom, and how long is left; searchable, filtered by regime and
// status (and by officer once cases have one), sortable by any column, a page at a time (the core
// filters, sorts and pages in the database); the choices are kept for the session so coming back
// from a case finds the list as it was left.
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Workload } from '../reports/Workload';
import { call } from '../../api';
import { href } from '../../router';
import { StatusTag } from '../../components/Tag';
import { formatLongDate } from '../../../shared/domain/dates';
import { REGIME_LABELS, type CaseListItem } from '../../../shared/domain/cases';
import { REGIMES } from '../../../shared/domain/clocks/events';
import { CASE_STATUSES, OUTCOME_LABELS, STATUS_LABELS } from '../../../shared/domain/status';
import type { CaseListFilter, CaseSortKey } from '../../../shared/domain/case-list';
import { CASE_FILTERS, FILTER_LABELS, type CaseFilter, type Dashboard } from '../../../shared/domain/reports';
import { Timeliness } from '../reports/Timeliness';
import { Statistics } from '../reports/Statistics';
import { CheckedOutTag } from '../checkout/CaseLock';

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
                {counts[f].toLocaleString('en-GB')}
              </span>
              <span className="app-filters__label">{FILTER_LABELS[f]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type SortKey = CaseSortKey;
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'reference', label: 'Reference' },
  { key: 'requesterName', label: 'Requester' },
  { key: 'received', label: 'Received' },
  { key: 'dueDate', label: 'Due' },
  { key: 'daysLeft', label: 'Days left' },
  { key: 'status', label: 'Status' },
];

interface ListState {
  filter: CaseFilter;
  sort: { key: SortKey; dir: 1 | -1 };
  by: CaseListFilter;
}

const STATE_KEY = 'disclose.caseList';
const INITIAL: ListState = { filter: 'active', sort: { key: 'dueDate', dir: 1 }, by: {} };

function loadState(): ListState {
  try {
    const raw = sessionStorage.getItem(STATE_KEY);
    return raw ? { ...INITIAL, ...(JSON.parse(raw) as Partial<ListState>) } : INITIAL;
  } catch {
    return INITIAL;
  }
}

function daysLeftText(i: CaseListItem): string {
  if (i.daysLeft === null) return '–';
  if (i.daysLeft < 0) return `${-i.daysLeft} overdue`;
  return String(i.daysLeft);
}

/** Rows a page shows: the database sorts and pages, so a register of any size opens as fast as a small one. */
const PAGE_SIZE = 50;

/** Waits for typing to pause before asking again. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

export function CaseList() {
  const [state, setState] = useState<ListState>(loadState);
  const { filter, sort, by } = state;
  useEffect(() => {
    sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
  }, [state]);
  // The cursors of the pages before this one (keyset pages: each starts after the last row of the one before).
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const firstPage = () => setPages([undefined]);
  const setFilter = (f: CaseFilter) => {
    firstPage();
    setState((s) => ({ ...s, filter: f }));
  };
  const setSort = (f: (s: ListState['sort']) => ListState['sort']) => {
    firstPage();
    setState((s) => ({ ...s, sort: f(s.sort) }));
  };
  const setBy = (patch: CaseListFilter) => {
    firstPage();
    setState((s) => ({ ...s, by: { ...s.by, ...patch } }));
  };
  const dashboard = useQuery({ queryKey: ['cases', 'dashboard'], queryFn: () => call('reports:dashboard', {}) });
  const officers = useQuery({ queryKey: ['team', 'officers'], queryFn: () => call('team:officers', {}) });
  const out = useQuery({ queryKey: ['checkout', 'leases'], queryFn: () => call('checkout:leases', {}) });
  const [whose, setWhose] = useState(() => sessionStorage.getItem(`${STATE_KEY}.officer`) ?? '');
  useEffect(() => sessionStorage.setItem(`${STATE_KEY}.officer`, whose), [whose]);
  const text = useSettled(by.text ?? '', 250);
  const after = pages[pages.length - 1];
  const query = {
    filter,
    ...(by.regime ? { regime: by.regime } : {}),
    ...(by.status ? { status: by.status } : {}),
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(whose === '@mine' ? { mine: true } : whose ? { officer: whose } : {}),
    sort: sort.key,
    dir: sort.dir === 1 ? ('asc' as const) : ('desc' as const),
    limit: PAGE_SIZE,
    ...(after ? { after } : {}),
  };
  const cases = useQuery({ queryKey: ['cases', 'page', query], queryFn: () => call('cases:page', query), placeholderData: (previous) => previous });
  const rows = useMemo(() => (cases.data?.items ?? []).map((i) => ({ ...i, dueDate: i.deadline?.due ?? i.dueDate })), [cases.data]);
  const from = (pages.length - 1) * PAGE_SIZE + 1;

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
      <form className="app-list-filters" role="search" aria-label="Find cases" onSubmit={(e) => e.preventDefault()}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="case-search">
            Search cases
          </label>
          <div className="govuk-hint" id="case-search-hint">Reference, requester or summary</div>
          <input className="govuk-input govuk-!-width-full" id="case-search" name="case-search" type="search" aria-describedby="case-search-hint" value={by.text ?? ''} onChange={(e) => setBy({ text: e.target.value })} />
        </div>
        <OptionalSelect id="case-regime" label="Regime" none="All regimes" value={by.regime} options={REGIMES} labels={REGIME_LABELS} onChange={(regime) => setBy({ regime })} />
        <OptionalSelect id="case-status" label="Status" none="Any status" value={by.status} options={CASE_STATUSES} labels={STATUS_LABELS} onChange={(status) => setBy({ status })} />
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="case-officer">
            Officer
          </label>
          <select className="govuk-select" id="case-officer" name="case-officer" value={whose} onChange={(e) => setWhose(e.target.value)}>
            <option value="">All officers</option>
            <option value="@mine">My cases</option>
            {officers.data?.map((o) => (
              <option key={o.login} value={o.login}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {cases.isPending && <p className="govuk-body">Loading…</p>}
      {cases.isError && <p className="govuk-body">{cases.error.message}</p>}
      {cases.data && rows.length === 0 && (
        <p className="govuk-body" role="status">{dashboard.data?.all === 0 ? 'No cases yet. Log the first request to start.' : 'No cases match the search and filters.'}</p>
      )}
      {rows.length > 0 && (
        <div className="app-table-wrap" role="region" aria-label="Case list" tabIndex={0}>
          <table className="govuk-table app-case-table" data-testid="case-table">
            <caption className="govuk-table__caption govuk-visually-hidden">
              {FILTER_LABELS[filter]}, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" className="govuk-table__header" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="app-sort-button" onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))}>
                      {c.label}
                      <span className="app-sort-arrow" aria-hidden="true">
                        {sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ▲▼'}
                      </span>
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
                  <td className="govuk-table__cell app-nowrap">{formatLongDate(i.received)}</td>
                  <td className="govuk-table__cell app-nowrap">
                    {formatLongDate(i.dueDate)}
                    {i.provisional && ' (provisional)'}
                  </td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{daysLeftText(i)}</td>
                  <td className="govuk-table__cell">
                    <StatusTag status={i.status} />
                    {i.standing.extendedTo && i.status === 'extended' && <span className="govuk-body-s app-nowrap"> to {formatLongDate(i.standing.extendedTo)}</span>}
                    {i.outcome && i.status === 'responded' && <span className="govuk-body-s"> {OUTCOME_LABELS[i.outcome].toLowerCase()}</span>}
                    <CheckedOutTag lease={out.data?.find((l) => l.reference === i.reference)} />
                  </td>
                  <td className="govuk-table__cell">
                    {i.summary}
                    {i.officer && (officers.data?.length ?? 0) > 0 && (
                      <>
                        <br />
                        <span className="govuk-body-s">{officers.data?.find((o) => o.login === i.officer)?.name ?? i.officer}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cases.data && rows.length > 0 && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of cases">
          <p className="govuk-body app-page-count" role="status" data-testid="page-count">
            Cases {from.toLocaleString('en-GB')} to {(from + rows.length - 1).toLocaleString('en-GB')} of {cases.data.total.toLocaleString('en-GB')}
          </p>
          {pages.length > 1 && (
            <div className="govuk-pagination__prev">
              <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => setPages((p) => p.slice(0, -1))}>
                <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
              </button>
            </div>
          )}
          {cases.data.next && (
            <div className="govuk-pagination__next">
              <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => setPages((p) => [...p, cases.data.next ?? undefined])}>
                <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
              </button>
            </div>
          )}
        </nav>
      )}
      {/* The reports below ask the core for work over a whole year: asked once the list is shown, so they never hold it up. */}
      {(cases.data || cases.isError) && (
        <>
          <Workload />
          <Timeliness />
          <Statistics />
        </>
      )}
    </>
  );
}

/** A filter that is either one of the options or, when empty, none of them. */
function OptionalSelect<T extends string>(p: { id: string; label: string; none: string; value: T | undefined; options: readonly T[]; labels: Record<T, string>; onChange: (v: T | undefined) => void }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={p.id}>
        {p.label}
      </label>
      <select className="govuk-select" id={p.id} name={p.id} value={p.value ?? ''} onChange={(e) => p.onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">{p.none}</option>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {p.labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}
