// The section 12 estimate, line by permitted activity, with the total against the limit shown as
// the officer types (the core recomputes before it stores anything), sampling evidence, reg 5
// aggregation and the s16 advice.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { type CostActivity, type CostLine, type EstimateScope } from '../../../shared/domain/costs/types';
import { NON_COUNTABLE, activitiesFor, costTotals, formatMinutes, formatPence } from '../../../shared/domain/costs/s12';
import type { CostView } from '../../../shared/ipc/contract';
import { Radios, SuccessBanner, TextArea } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

const ACTIVITY_LABELS: Record<CostActivity, string> = {
  determining: 'Determining whether the information is held',
  locating: 'Locating the information or documents',
  retrieving: 'Retrieving the information or documents',
  extracting: 'Extracting the information',
  providing: 'Providing the information',
};

/** Each regime's own cost rule, named as its law names it. */
const COST_HEADINGS: Record<CostView['regime'], string> = {
  foia: 'Section 12 cost estimate',
  foisa: 'Section 12 cost estimate (FOISA)',
  eir: 'Cost guide for regulation 12(4)(b)',
  eisr: 'Cost guide for regulation 10(4)(b)',
  sar: 'Cost of manual unstructured data (DPA 2018 s24)',
};

interface Row {
  activity: CostActivity;
  description: string;
  quantity: string;
  minutesEach: string;
  sampleItems: string;
  sampleMinutes: string;
}

const toRow = (l: CostLine): Row => ({
  activity: l.activity,
  description: l.description,
  quantity: String(l.quantity),
  minutesEach: String(l.minutesEach),
  sampleItems: l.sample ? String(l.sample.items) : '',
  sampleMinutes: l.sample ? String(l.sample.minutes) : '',
});

const EMPTY_ROW: Row = { activity: 'locating' as CostActivity, description: '', quantity: '1', minutesEach: '0', sampleItems: '', sampleMinutes: '' };

function toLine(r: Row): CostLine {
  const n = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const sample = r.sampleItems.trim() && r.sampleMinutes.trim() ? { items: n(r.sampleItems), minutes: n(r.sampleMinutes) } : null;
  return { activity: r.activity, description: r.description, quantity: n(r.quantity), minutesEach: n(r.minutesEach), sample };
}

export function CostEstimate({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const costs = useQuery({ queryKey: ['cases', reference, 'costs'], queryFn: () => call('costs:get', { reference }) });
  const [scope, setScope] = useState<EstimateScope>('comply');
  if (costs.isPending) return <p className="govuk-body">Loading…</p>;
  if (costs.isError) return <p className="govuk-body">{costs.error.message}</p>;
  return (
    <>
      {/* Only FOIA separates the cost of confirming or denying (s12(2)). */}
      {costs.data.regime === 'foia' && (
        <Radios<EstimateScope>
          id="cost-scope"
          legend="Which estimate"
          inline
          value={scope}
          options={[
            { value: 'comply', label: 'Complying with the request (s12(1))' },
            { value: 'confirm-or-deny', label: 'Confirming or denying alone (s12(2))' },
          ]}
          onChange={setScope}
        />
      )}
      <Editor key={scope} scope={scope} view={costs.data} onSaved={() => qc.invalidateQueries({ queryKey: ['cases', reference] })} />
    </>
  );
}

function Editor({ view, scope, onSaved }: { view: CostView; scope: EstimateScope; onSaved: () => void }) {
  const reference = view.reference;
  const saved = scope === 'comply' ? view.comply : view.confirmOrDeny;
  const [rows, setRows] = useState<Row[]>(() => (saved?.lines.length ? saved.lines.map(toRow) : [EMPTY_ROW]));
  const [advice, setAdvice] = useState(view.s16Advice);
  useEffect(() => setAdvice(view.s16Advice), [view.s16Advice]);
  const [done, setDone] = useState({ message: '', seq: 0 });
  const [checks, setChecks] = useState<Record<string, string>>({});
  const announce = (message: string) => setDone((d) => ({ message, seq: d.seq + 1 }));
  const save = useMutation({
    mutationFn: () => call('costs:set', { reference, scope, lines: rows.map(toLine) }),
    onSuccess: () => {
      announce('Estimate saved.');
      onSaved();
    },
  });
  const saveAdvice = useMutation({
    mutationFn: () => call('costs:setAdvice', { reference, s16Advice: advice }),
    onSuccess: () => {
      announce('Advice and assistance saved.');
      onSaved();
    },
  });
  /** Whole numbers where the estimate needs them, each named against its own field. */
  const rowProblems = (): Record<string, string> => {
    const out: Record<string, string> = {};
    rows.forEach((r, i) => {
      const whole = (v: string) => /^\d+$/.test(v.trim());
      if (!whole(r.quantity) || Number(r.quantity) < 1) out[`cost-${i}-quantity`] = `Enter the quantity on line ${i + 1} as a whole number, at least 1`;
      if (!whole(r.minutesEach)) out[`cost-${i}-minutesEach`] = `Enter the minutes each on line ${i + 1} as a whole number`;
      if ((r.sampleItems.trim() === '') !== (r.sampleMinutes.trim() === '')) out[`cost-${i}-${r.sampleItems.trim() === '' ? 'sampleItems' : 'sampleMinutes'}`] = `Give both the items sampled and the minutes they took on line ${i + 1}, or neither`;
    });
    return out;
  };
  const trySave = () => {
    const problems = rowProblems();
    setChecks(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  const link = useMutation({ mutationFn: (other: string) => call('costs:link', { reference, other, reason: 'Same requester; same or similar information (reg 5)' }), onSuccess: onSaved });
  const unlink = useMutation({ mutationFn: (other: string) => call('costs:unlink', { reference, other }), onSuccess: onSaved });

  const lines = rows.map(toLine);
  const valid = lines.every((l) => Number.isInteger(l.quantity) && l.quantity > 0 && Number.isInteger(l.minutesEach) && l.minutesEach >= 0);
  const preview = valid ? costTotals(lines, view.limit) : null;
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = save.error instanceof ApiError ? save.error : null;
  const fields: Record<string, string> = { ...Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`cost-${k.replace(/^lines\./, '').replace(/\./g, '-').replace(/-sample-items$/, '-sampleItems').replace(/-sample-minutes$/, '-sampleMinutes')}`, v])), ...checks };

  return (
    <section aria-labelledby="costs-heading">
      <h2 className="govuk-heading-l" id="costs-heading">
        {COST_HEADINGS[view.regime]}
      </h2>
      <p className="govuk-body">
        Limit: <strong>{formatPence(view.limit.limitPence)}</strong> ({view.limit.limitHours} hours at {formatPence(view.limit.ratePencePerHour)} an hour). {view.limit.basis}
        {view.limit.guideOnly && ` Environmental information has no cost limit: use regulation ${view.regime === 'eisr' ? '10(4)(b)' : '12(4)(b)'}, manifestly unreasonable, with the public interest test; these figures are a guide.`}
        {view.regime === 'sar' && ' For a subject access request this applies only to manual unstructured personal data (DPA 2018 s24); other personal data has no cost limit, though a manifestly unfounded or excessive request may be refused (UK GDPR Article 12(5)).'}
        {(view.regime === 'foisa' || view.regime === 'eisr') && ' Under the Scottish fees regulations only locating, retrieving and providing the information count; determining whether it is held does not (SSI 2004/467 reg 3).'}
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">What cannot be counted</span>
        </summary>
        <div className="govuk-details__text">
          <ul className="govuk-list govuk-list--bullet">
            {Object.entries(NON_COUNTABLE).map(([name, reason]) => (
              <li key={name}>
                <strong>{name}</strong>: {reason}
              </li>
            ))}
          </ul>
        </div>
      </details>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="cost-saved" />
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      {/* One block per line, every field with a visible label and its own error: it reads and
          reflows at any width, where a table of inputs would need scrolling sideways. */}
      <h3 className="govuk-heading-m">Lines of work</h3>
      <div data-testid="cost-lines">
        {rows.map((r, i) => {
          const field = (key: keyof Row, label: string, width: string, hint?: string) => {
            const id = `cost-${i}-${key}`;
            const error = fields[id];
            return (
              <div className={`govuk-form-group app-cost-field${error ? ' govuk-form-group--error' : ''}`}>
                <label className="govuk-label govuk-label--s" htmlFor={id}>
                  {label}<span className="govuk-visually-hidden">, line {i + 1}</span>
                </label>
                {hint && <div className="govuk-hint" id={`${id}-hint`}>{hint}</div>}
                {error && (
                  <p className="govuk-error-message" id={`${id}-error`}>
                    <span className="govuk-visually-hidden">Error:</span> {error}
                  </p>
                )}
                <input
                  className={`govuk-input ${width}${error ? ' govuk-input--error' : ''}`}
                  id={id}
                  inputMode={key === 'description' ? undefined : 'numeric'}
                  value={r[key]}
                  aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
                  onChange={(e) => set(i, { [key]: e.target.value })}
                />
              </div>
            );
          };
          return (
            <fieldset className="govuk-fieldset app-cost-line" key={i}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Line {i + 1}</legend>
              <div className="app-cost-fields">
                <div className={`govuk-form-group app-cost-field${fields[`cost-${i}-activity`] ? ' govuk-form-group--error' : ''}`}>
                  <label className="govuk-label govuk-label--s" htmlFor={`cost-${i}-activity`}>
                    Activity<span className="govuk-visually-hidden">, line {i + 1}</span>
                  </label>
                  {fields[`cost-${i}-activity`] && <p className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {fields[`cost-${i}-activity`]}</p>}
                  <select className="govuk-select" id={`cost-${i}-activity`} value={r.activity} onChange={(e) => set(i, { activity: e.target.value as CostActivity })}>
                    {activitiesFor(view.regime).map((a) => (
                      <option key={a} value={a}>{ACTIVITY_LABELS[a]}</option>
                    ))}
                  </select>
                </div>
                {field('description', 'What is counted', 'govuk-!-width-full', 'For example, case files')}
                {field('quantity', 'Quantity', 'govuk-input--width-5')}
                {field('minutesEach', 'Minutes each', 'govuk-input--width-5')}
                {field('sampleItems', 'Items sampled (optional)', 'govuk-input--width-5')}
                {field('sampleMinutes', 'Minutes the sample took (optional)', 'govuk-input--width-5')}
              </div>
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                Remove<span className="govuk-visually-hidden"> line {i + 1}</span>
              </button>
            </fieldset>
          );
        })}
      </div>
      <div className="app-actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setRows((rs) => [...rs, EMPTY_ROW])}>
          Add a line
        </button>
        <button type="button" className="govuk-button" onClick={trySave} disabled={save.isPending}>
          Save estimate
        </button>
      </div>
      <div className="govuk-inset-text" aria-live="polite" data-testid="cost-total">
        {preview ? (
          <>
            Total <strong>{formatMinutes(preview.totalMinutes)}</strong> = <strong>{formatPence(preview.costPence)}</strong>:{' '}
            {preview.exceeds ? <strong className="govuk-tag govuk-tag--red">exceeds the limit</strong> : <strong className="govuk-tag govuk-tag--green">within the limit</strong>}
          </>
        ) : (
          'Enter whole numbers for quantity and minutes to see the total.'
        )}
      </div>
      {scope === 'comply' && view.working.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Saved working</h3>
          <ul className="govuk-list" data-testid="cost-working">
            {view.working.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {scope === 'confirm-or-deny' && saved && (
        <p className="govuk-body" data-testid="cost-working">
          Saved: {formatMinutes(saved.totals.totalMinutes)} = {formatPence(saved.totals.costPence)}, which {saved.totals.exceeds ? 'exceeds' : 'does not exceed'} the limit: {saved.totals.exceeds ? 'section 12(2) removes the duty to confirm or deny.' : 'the duty to confirm or deny remains.'}
        </p>
      )}
      <h3 className="govuk-heading-m">Aggregation (regulation 5)</h3>
      {view.comply?.aggregatedWith.length ? (
        <ul className="govuk-list">
          {view.comply.aggregatedWith.map((a) => (
            <li key={a.reference}>
              {a.reference}, received {a.received}: {formatMinutes(a.totalMinutes)}{' '}
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => unlink.mutate(a.reference)}>
                Stop aggregating<span className="govuk-visually-hidden"> {a.reference}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Not aggregated with any other request.</p>
      )}
      {view.candidates.length > 0 && (
        <>
          <p className="govuk-body">Requests that may be aggregated (same requester, within 60 working days). Aggregate only if they ask for the same or similar information.</p>
          <ul className="govuk-list">
            {view.candidates.map((c) => (
              <li key={c.reference}>
                {c.reference}, received {c.received}: {c.reason}{' '}
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => link.mutate(c.reference)}>
                  Aggregate<span className="govuk-visually-hidden"> {c.reference}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="govuk-heading-m">Advice and assistance (section 16)</h3>
      <TextArea id="s16-advice" label="How the request could be narrowed" hint="What could be provided within the limit: a shorter date range, specific records, fewer parts. This goes into the refusal letter." value={advice} onChange={setAdvice} rows={4} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => saveAdvice.mutate()} disabled={saveAdvice.isPending}>
        Save advice
      </button>
    </section>
  );
}
