// Letters: choose the kind, supply the facts the case does not hold, read the letter as it will be
// sent, then save it as PDF or print it. Refusals are checked for s17 completeness first.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { LETTER_KIND_LABELS, letterKindsFor, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { LetterDraft } from '../../../shared/ipc/contract';
import { formatLongDate } from '../../../shared/domain/dates';
import { TextArea, TextInput, Radios } from '../../components/fields';
import { LetterPreview } from './LetterPreview';
import { WarningText } from '../../components/WarningText';

/** Only the letters the case's law provides for (LETTER_KIND_REGIMES): a SAR has no FOI letters. */
export function Letters({ reference, regime }: { reference: string; regime: Regime }) {
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const draft = useQuery({ queryKey: ['cases', reference, 'letter', kind], queryFn: () => call('letters:draft', { reference, kind }) });
  return (
    <section aria-labelledby="letters-heading">
      <h2 className="govuk-heading-l" id="letters-heading">
        Letters
      </h2>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="letter-kind">
          Letter
        </label>
        <select className="govuk-select" id="letter-kind" value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
          {letterKindsFor(regime).map((k) => (
            <option key={k} value={k}>
              {LETTER_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {draft.isPending && <p className="govuk-body">Loading…</p>}
      {draft.isError && <p className="govuk-body">{draft.error.message}</p>}
      {draft.data && <DraftEditor key={kind} reference={reference} draft={draft.data} />}
    </section>
  );
}

/** This letter's own wording (the template stays as it is for other cases). */
function Wording({ reference, draft }: { reference: string; draft: LetterDraft }) {
  const qc = useQueryClient();
  const [subject, setSubject] = useState(draft.wording.subject);
  const [body, setBody] = useState(draft.wording.body);
  const save = useMutation({
    mutationFn: (reset: boolean) =>
      call('letters:setDraft', { reference, kind: draft.kind, fields: { ...draft.fields, __subject: reset ? '' : subject, __body: reset ? '' : body } }),
    onSuccess: async (d) => {
      setSubject(d.wording.subject);
      setBody(d.wording.body);
      await qc.invalidateQueries({ queryKey: ['cases', reference] });
    },
  });
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Change the wording of this letter{draft.wording.own ? ' (changed)' : ''}</span>
      </summary>
      <div className="govuk-details__text">
        {save.error && <p className="govuk-error-message">{save.error.message}</p>}
        <TextInput id="letter-own-subject" label="Subject" value={subject} onChange={setSubject} spellCheck={false} />
        <TextArea id="letter-own-body" label="Text" hint="Merge fields in double braces are filled in from the case. Other letters keep the template's wording." value={body} onChange={setBody} rows={14} />
        <div className="app-actions">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => save.mutate(false)} disabled={save.isPending}>
            Use this wording
          </button>
          {draft.wording.own && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => save.mutate(true)} disabled={save.isPending}>
              Go back to the template
            </button>
          )}
        </div>
      </div>
    </details>
  );
}

function DraftEditor({ reference, draft }: { reference: string; draft: LetterDraft }) {
  const qc = useQueryClient();
  const [fields, setFields] = useState(draft.fields);
  useEffect(() => setFields(draft.fields), [draft.fields]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['cases', reference] });
  const saveFields = useMutation({ mutationFn: () => call('letters:setDraft', { reference, kind: draft.kind, fields }), onSuccess: refresh });
  const save = useMutation({ mutationFn: () => call('letters:save', { reference, kind: draft.kind }), onSuccess: refresh });
  const print = useMutation({ mutationFn: () => call('letters:print', { reference, kind: draft.kind }), onSuccess: refresh });
  const dirty = JSON.stringify(fields) !== JSON.stringify(draft.fields);
  const error = save.error ?? print.error ?? saveFields.error;
  const set = (id: string) => (v: string) => setFields((f) => ({ ...f, [id]: v }));

  return (
    <>
      {draft.specs.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            saveFields.mutate();
          }}
          noValidate
        >
          <h3 className="govuk-heading-m">What the letter says</h3>
          {draft.specs.map((spec) =>
            spec.options ? (
              <Radios key={spec.id} id={`letter-${spec.id}`} legend={spec.label} hint={spec.hint} value={fields[spec.id] ?? ''} options={spec.options} onChange={set(spec.id)} />
            ) : spec.multiline ? (
              <TextArea key={spec.id} id={`letter-${spec.id}`} label={`${spec.label}${spec.required ? '' : ' (optional)'}`} hint={spec.hint} value={fields[spec.id] ?? ''} onChange={set(spec.id)} rows={4} />
            ) : (
              <TextInput key={spec.id} id={`letter-${spec.id}`} label={`${spec.label}${spec.required ? '' : ' (optional)'}`} hint={spec.hint} value={fields[spec.id] ?? ''} onChange={set(spec.id)} />
            ),
          )}
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={saveFields.isPending || !dirty}>
            Update the letter
          </button>
        </form>
      )}
      <Wording reference={reference} draft={draft} />
      {draft.problems.length > 0 && (
        <div className="govuk-error-summary" role="alert" data-testid="letter-problems">
          <h3 className="govuk-error-summary__title">This letter cannot be sent yet</h3>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {draft.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {draft.warnings.length > 0 && <WarningText>{draft.warnings.join(' ')}</WarningText>}
      {draft.view && <LetterPreview view={draft.view} />}
      <div className="app-actions">
        <button type="button" className="govuk-button" onClick={() => save.mutate()} disabled={save.isPending || draft.problems.length > 0 || dirty}>
          Save as PDF
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => print.mutate()} disabled={print.isPending || draft.problems.length > 0 || dirty}>
          Print
        </button>
      </div>
      <div role="status" aria-live="polite">
        {save.data?.saved && (
          <p className="govuk-body" data-testid="letter-saved">
            Saved to {save.data.path}, {formatLongDate(draft.view?.date ?? '2000-01-01')}
          </p>
        )}
        {save.data && !save.data.saved && <p className="govuk-body">Not saved: you cancelled.</p>}
        {print.data && <p className="govuk-body">{print.data.printed ? 'Sent to the printer.' : 'Printing cancelled.'}</p>}
      </div>
      {error && (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">The letter could not be produced</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error.message}</p>
          </div>
        </div>
      )}
    </>
  );
}
