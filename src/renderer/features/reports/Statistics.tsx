// Statistics for a period: each figure with its definition and the cases behind it, charts drawn
// as SVG with the same figures in a table beside them (so no one needs the chart to read them),
// CSV and PDF downloads, and the disclosure log export.
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { DateInput } from '../../components/fields';
import { isIsoDate } from '../../../shared/domain/dates';
import { REGIMES, type Regime } from '../../../shared/domain/clocks/events';
import { REGIME_NAMES } from '../../../shared/domain/cases';
import { OUTCOME_LABELS, RESPONSE_OUTCOMES, type Figure, type Statistics as Stats } from '../../../shared/domain/statistics';

interface Bar {
  key: string;
  label: string;
  value: number;
}

function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  return (
    <figure className="app-chart" aria-labelledby={`${id}-title`}>
      <figcaption className="govuk-heading-s" id={`${id}-title`}>{title}</figcaption>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 640 ${bars.length * row}`} width="100%" style={{ maxWidth: 640 }}>
        <desc id={`${id}-desc`}>{bars.map((b) => `${b.label}: ${b.value}`).join('; ')}</desc>
        {bars.map((b, i) => {
          const width = Math.max(2, (b.value / max) * 300);
          return (
            <g key={b.key} transform={`translate(0 ${i * row})`}>
              <text x="280" y={row - 10} fontSize="14" fill="#0b0c0c" textAnchor="end">{b.label}</text>
              <rect x="290" y="4" height={row - 10} width={width} fill="#1d70b8" />
              <text x={290 + width + 6} y={row - 10} fontSize="14" fill="#0b0c0c">{b.value}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function FigureRow({ label, figure }: { label: string; figure: Figure | undefined }) {
  if (!figure) return null;
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">{label}</th>
      <td className="govuk-table__cell govuk-table__cell--numeric">{figure.count}</td>
      <td className="govuk-table__cell">
        <details className="govuk-details govuk-!-margin-bottom-0">
          <summary className="govuk-details__summary"><span className="govuk-details__summary-text">How it is counted{figure.count ? ' and which cases' : ''}</span></summary>
          <div className="govuk-details__text">
            <p className="govuk-body-s">{figure.definition}</p>
            {figure.cases.length > 0 && (
              <ul className="govuk-list govuk-body-s">
                {figure.cases.map((r) => <li key={r}><a className="govuk-link" href={href({ name: 'case', reference: r })}>{r}</a></li>)}
              </ul>
            )}
          </div>
        </details>
      </td>
    </tr>
  );
}

// The chart's own labels are short; the table beside it gives the full wording.
const SHORT_OUTCOMES = ['Granted', 'Part granted', 'Withheld', 'Not held', 'Cost (s12)', 'Vexatious (s14)', 'Withdrawn', 'Transferred'];

function Figures({ s }: { s: Stats }) {
  const timeliness: Bar[] = [
    { key: 'inTime', label: 'In time', value: s.inTime },
    { key: 'extendedInTime', label: 'Within an extension', value: s.extendedInTime },
    { key: 'late', label: 'Late', value: s.late },
    { key: 'pending', label: 'Not yet due', value: s.pending },
    { key: 'overdue', label: 'Overdue', value: s.overdue },
  ];
  const outcomes: Bar[] = RESPONSE_OUTCOMES.map((o) => ({ key: `outcomes.${o}`, label: OUTCOME_LABELS[o], value: s.outcomes[o] }));
  const outcomeBars = outcomes.map((b, i) => ({ ...b, label: SHORT_OUTCOMES[i] ?? b.label }));
  const table = (caption: string, rows: Bar[]) => rows.length === 0 ? (
    <p className="govuk-body"><strong>{caption}:</strong> none in this period.</p>
  ) : (
    <div className="app-scroll">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Figure</th><th scope="col" className="govuk-table__header govuk-table__header--numeric">Requests</th><th scope="col" className="govuk-table__header">Definition and cases</th></tr></thead>
        <tbody className="govuk-table__body">{rows.map((b) => <FigureRow key={b.key} label={b.label} figure={s.explain[b.key]} />)}</tbody>
      </table>
    </div>
  );
  return (
    <div data-testid="statistics">
      <p className="govuk-body">
        <strong>{s.received}</strong> received. {s.ratePercent === null ? 'No response rate yet.' : <><strong>{s.ratePercent}%</strong> answered in time ({s.band}).</>}
      </p>
      <BarChart id="chart-timeliness" title="Timeliness of requests received" bars={timeliness} />
      {table('Timeliness', [{ key: 'received', label: 'Received', value: s.received }, ...timeliness])}
      <BarChart id="chart-outcomes" title="Outcomes" bars={outcomeBars} />
      {table('Outcomes', outcomes)}
      {table('Exemptions and exceptions applied', Object.entries(s.exemptions).map(([p, n]) => ({ key: `exemptions.${p}`, label: p, value: n })))}
      {table('Reviews, complaints and appeals', [
        { key: 'reviews.received', label: 'Reviews received', value: s.reviews.received },
        { key: 'reviews.answeredInTime', label: 'Reviews completed in time', value: s.reviews.answeredInTime },
        { key: 'reviews.upheld', label: 'Upheld', value: s.reviews.upheld },
        { key: 'reviews.partlyUpheld', label: 'Upheld in part', value: s.reviews.partlyUpheld },
        { key: 'reviews.overturned', label: 'Overturned', value: s.reviews.overturned },
        { key: 'ico.complaints', label: 'Complaints to the Commissioner', value: s.ico.complaints },
        { key: 'ico.decisions', label: 'Decision notices', value: s.ico.decisions },
        { key: 'tribunal.appeals', label: 'Tribunal appeals', value: s.tribunal.appeals },
      ])}
    </div>
  );
}

export function Statistics() {
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [regime, setRegime] = useState<Regime | ''>('');
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  const input = { from, to, ...(regime ? { regime } : {}) };
  const stats = useQuery({ queryKey: ['cases', 'statistics', from, to, regime], queryFn: () => call('reports:statistics', input), enabled: valid });
  const save = useMutation({ mutationFn: (format: 'csv' | 'pdf') => call('reports:saveStatistics', { ...input, format }) });
  const log = useMutation({ mutationFn: () => call('disclosure:export', { from, to }) });
  return (
    <section aria-labelledby="statistics-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="statistics-heading">Statistics</h2>
      <div className="app-actions">
        <DateInput id="statistics-from" legend="Received from" value={from} onChange={setFrom} />
        <DateInput id="statistics-to" legend="Received to" value={to} onChange={setTo} error={valid ? undefined : 'Enter real dates, the end not before the start'} />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="statistics-regime">Law</label>
          <select className="govuk-select" id="statistics-regime" value={regime} onChange={(e) => setRegime(e.target.value as Regime | '')}>
            <option value="">All</option>
            {REGIMES.map((r) => <option key={r} value={r}>{REGIME_NAMES[r]}</option>)}
          </select>
        </div>
      </div>
      {stats.data && <Figures s={stats.data} />}
      <div className="app-actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => save.mutate('csv')} disabled={!valid || save.isPending}>Download CSV</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => save.mutate('pdf')} disabled={!valid || save.isPending}>Download PDF report</button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => log.mutate()} disabled={!valid || log.isPending}>Export the disclosure log</button>
      </div>
      <div role="status" aria-live="polite" className="govuk-body">
        {save.data?.saved && <p>Saved to {save.data.path}.</p>}
        {log.data?.out && <p>Disclosure log written to {log.data.out}: {log.data.requests} requests, {log.data.files} documents{log.data.skipped.length ? `; ${log.data.skipped.length} left out (${log.data.skipped.map((s) => `${s.reference} ${s.file}: ${s.reason}`).join('; ')})` : ''}.</p>}
        {(save.error ?? log.error) && <p className="govuk-error-message">{(save.error ?? log.error)!.message}</p>}
      </div>
    </section>
  );
}
