// One case: the request, the requester, the due date with its working, the timeline, the letters
// and the audit trail.
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';
import { href } from '../../router';
import { StatusTag } from '../../components/Tag';
import { formatLongDate } from '../../../shared/domain/dates';
import { REGIME_NAMES, type CaseDetail } from '../../../shared/domain/cases';
import { standingText } from '../../../shared/domain/status';
import { WarningText } from '../../components/WarningText';
import { CaseTimeline } from './Timeline';
import { ErrorTitle } from '../../components/ErrorSummary';
import { Explanation } from './DueDate';
import { Letters } from '../letters/Letters';
import { Bundles } from '../bundles/Bundles';
import { Redaction } from '../redaction/Redaction';
import { CostEstimate } from '../costs/CostEstimate';
import { Publication } from '../disclosure/Publication';
import { Exemptions } from '../exemptions/Exemptions';
import { Tabs } from '../../components/Tabs';
import { TeamPanel } from './TeamPanel';
import { Correspondence } from '../correspondence/Correspondence';
import { useState } from 'react';
import { Deadlines } from './Deadlines';
import { RecordEvent } from './RecordEvent';
import { ReadOnly, useCaseLock } from '../checkout/CaseLock';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** An edit's old and new values, as the audit holds them. */
function ChangeList({ detail }: { detail: unknown }) {
  if (!detail || typeof detail !== 'object') return null;
  const rows = Object.entries(detail as Record<string, { from?: unknown; to?: unknown }>);
  return (
    <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
      {rows.map(([field, v]) => (
        <li key={field}>
          {field}: “{String(v?.from ?? '')}” → “{String(v?.to ?? '')}”
        </li>
      ))}
    </ul>
  );
}

/** Days to the deadline in force; nothing when none is (answered, on hold, closed). */
function dueText(c: CaseDetail): string {
  if (!c.deadline || c.daysLeft === null) return '';
  const unit = c.deadline.calendar.startsWith('calendar') ? 'days' : 'working days';
  return c.daysLeft < 0 ? ` (${-c.daysLeft} ${unit} overdue)` : ` (${c.daysLeft} ${unit} left)`;
}

export function CaseView({ reference, initialTab, focus }: { reference: string; initialTab?: string | undefined; focus?: string | undefined }) {
  const [tab, setTab] = useState(initialTab ?? 'overview');
  const query = useQuery({ queryKey: ['cases', reference], queryFn: () => call('cases:get', { reference }) });
  const audit = useQuery({ queryKey: ['cases', reference, 'audit'], queryFn: () => call('audit:list', { reference, limit: 100 }) });
  // Checked out: read-only (online), or this computer's copy (offline).
  const lock = useCaseLock(reference);
  const guard = (node: React.ReactNode) => <ReadOnly locked={lock.locked}>{node}</ReadOnly>;
  if (query.isPending) return <p className="govuk-body">Loading…</p>;
  if (query.isError) {
    return (
      <>
        <ErrorTitle />
        <h1 className="govuk-heading-l" tabIndex={-1}>
          Case not found
        </h1>
        <p className="govuk-body">{query.error.message}</p>
      </>
    );
  }
  const c = query.data;
  const r = c.requester;
  const overview = (
    <>
      {c.possibleDuplicates.length > 0 && (
        <WarningText>
          Possible duplicate: {c.possibleDuplicates.map((d) => `${d.reference} (received ${formatLongDate(d.received)}: ${d.summary})`).join('; ')}. Same requester, a similar request, within 60 working days.
        </WarningText>
      )}
      <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <dl className="govuk-summary-list">
              <Row label="Received">{formatLongDate(c.received)}</Row>
              <Row label="Status">
                <span data-testid="case-standing">{standingText(c.standing)}</span>
              </Row>
              <Row label={c.deadline && c.deadline.key !== 'response' ? `Due (${c.deadline.label.toLowerCase()})` : 'Due'}>
                <strong data-testid="due-date" className="app-nowrap">{formatLongDate(c.deadline?.due ?? c.dueDate)}</strong>
                {dueText(c)}
                {!c.deadline && <span className="govuk-body-s"> (response deadline; {c.status === 'on-hold' ? 'on hold' : 'nothing is due from the authority now'})</span>}
                {c.clocks.onHold && <p className="govuk-body-s app-warning">On hold: waiting for {c.clocks.onHold === 'fee' ? 'the fee' : c.clocks.onHold === 'identity' ? 'proof of identity' : 'clarification'}. {c.clocks.response.warning}</p>}
                {c.clocks.response.provisional && ' (provisional)'}
                <Explanation result={c.clocks.response} id="due-explanation" />
              </Row>
              <Row label="Requester">
                {r.name}
                {r.organisation && <>, {r.organisation}</>}
              </Row>
              {r.email && <Row label="Email">{r.email}</Row>}
              {r.address && (
                <Row label="Address">
                  <span className="app-request-text">{r.address}</span>
                </Row>
              )}
              {c.summary && <Row label="Summary">{c.summary}</Row>}
            </dl>
            {c.requestText && (
              <>
                <h2 className="govuk-heading-m">The request</h2>
                <div className="govuk-inset-text app-request-text">{c.requestText}</div>
              </>
            )}
            {!lock.locked && (
              <div className="app-actions govuk-!-margin-bottom-6">
                <a className="govuk-button govuk-button--secondary" role="button" draggable="false" href={href({ name: 'edit', reference: c.reference })}>
                  Edit the request
                </a>
              </div>
            )}
            <Deadlines detail={c} />
            {!lock.locked && <RecordEvent reference={c.reference} regime={c.regime} />}
            {guard(<TeamPanel detail={c} />)}
          </div>
          <div className="govuk-grid-column-one-third">
            <CaseTimeline reference={c.reference} events={c.events} />
          </div>
        </div>
      </>
  );
  const auditTrail = (
    <>
      <h2 className="govuk-heading-l">Audit trail</h2>
        {audit.data && (
          <div className="app-table-wrap" role="region" aria-label="Audit trail" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Every change to this case</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">When</th>
                <th scope="col" className="govuk-table__header">Who</th>
                <th scope="col" className="govuk-table__header">What</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {audit.data.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    {new Date(a.at).toLocaleString('en-GB')}
                    {a.occurredAt && <span className="govuk-body-s govuk-!-display-block">made offline {new Date(a.occurredAt).toLocaleString('en-GB')}</span>}
                  </td>
                  <td className="govuk-table__cell">{a.actor}</td>
                  <td className="govuk-table__cell">
                    {a.summary}
                    {a.action === 'case.updated' && <ChangeList detail={a.detail} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </>
  );
  return (
    <>
      <span className="govuk-caption-l">{REGIME_NAMES[c.regime]}</span>
      <h1 className="govuk-heading-l" tabIndex={-1}>
        {c.reference} <StatusTag status={c.status} />
      </h1>
      {lock.notice}
      <Tabs
        title="Case file"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'overview', label: 'Overview', render: () => overview },
          { id: 'correspondence', label: `Correspondence (${c.correspondence.length + c.attachments.length})`, render: () => guard(<Correspondence reference={c.reference} focus={focus} regime={c.regime} />) },
          { id: 'costs', label: 'Cost estimate', render: () => guard(<CostEstimate reference={c.reference} />) },
          { id: 'exemptions', label: 'Exemptions', render: () => guard(<Exemptions reference={c.reference} regime={c.regime} />) },
          { id: 'letters', label: 'Letters', render: () => guard(<Letters reference={c.reference} regime={c.regime} requesterEmail={c.requester.email} />) },
          { id: 'redaction', label: 'Redaction', render: () => guard(<Redaction reference={c.reference} />) },
          { id: 'bundle', label: 'Bundle', render: () => guard(<Bundles reference={c.reference} />) },
          ...(c.regime === 'sar' ? [] : [{ id: 'publication', label: 'Disclosure log', render: () => guard(<Publication reference={c.reference} regime={c.regime} />) }]),
          { id: 'audit', label: 'Audit trail', render: () => auditTrail },
        ]}
      />
    </>
  );
}
