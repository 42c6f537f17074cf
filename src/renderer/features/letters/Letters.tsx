// Letters: choose the kind, supply the facts the case does not hold, read the letter as it will be
// sent, then save it as PDF or print it. Refusals are checked for s17 completeness first.
import { SaveWord } from './SaveWord';
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import { LETTER_KIND_LABELS, letterKindsFor, type LetterKind } from '../../../shared/domain/letters/kinds';
import type { Regime } from '../../../shared/domain/clocks/events';
import type { LetterDraft } from '../../../shared/ipc/contract';
import { formatLongDate } from '../../../shared/domain/dates';
import { TextArea, TextInput, Radios, DateInput, Checkbox, SuccessBanner } from '../../components/fields';
import { localToday } from '../../today';
import { LETTER_EVENTS, type SendChannel } from '../../../shared/domain/letters/sending';
import { eventLabel } from '../../../shared/domain/clocks/events';
import { ApiError } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LetterPreview } from './LetterPreview';
import { WarningText } from '../../components/WarningText';

/** Only the letters the case's law provides for (LETTER_KIND_REGIMES): a SAR has no FOI letters. */
export interface Dispatch {
  letterDate: string;
  signedBy: string;
  sent: boolean;
  via: SendChannel;
}

export function Letters({ reference, regime, requesterEmail = '' }: { reference: string; regime: Regime; requesterEmail?: string }) {
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const [how, setHow] = useState<Dispatch>({ letterDate: localToday(), signedBy: '', sent: false, via: requesterEmail ? 'email' : 'post' });
  // The preview follows the date and signatory chosen; a half-typed date keeps the last good one.
  const [shown, setShown] = useState({ letterDate: how.letterDate, signedBy: how.signedBy });
  useEffect(() => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(how.letterDate)) setShown({ letterDate: how.letterDate, signedBy: how.signedBy });
  }, [how.letterDate, how.signedBy]);
  const draft = useQuery({
    queryKey: ['cases', reference, 'letter', kind, shown],
    queryFn: () => call('letters:draft', { reference, kind, letterDate: shown.letterDate, ...(shown.signedBy.trim() ? { signedBy: shown.signedBy } : {}) }),
    placeholderData: (prev) => (prev?.kind === kind ? prev : undefined),
  });
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
      {draft.data && <DraftEditor key={kind} reference={reference} draft={draft.data} how={how} setHow={setHow} />}
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

/** How this letter goes: its date, who signs it, and whether saving it records it as sent. */
function DispatchForm({ kind, how, setHow, errors }: { kind: LetterKind; how: Dispatch; setHow: (f: (h: Dispatch) => Dispatch) => void; errors: Record<string, string> }) {
  const event = LETTER_EVENTS[kind];
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h3 className="govuk-fieldset__heading">Date, signature and sending</h3>
      </legend>
      <DateInput id="letter-date" legend="Date on the letter" value={how.letterDate} onChange={(letterDate) => setHow((h) => ({ ...h, letterDate }))} error={errors['letter-date']} />
      <TextInput id="letter-signed-by" label="Signed by (optional)" hint="Leave empty for the signatory in Settings. A review outcome is signed by the reviewer named in the letter." value={how.signedBy} onChange={(signedBy) => setHow((h) => ({ ...h, signedBy }))} width="20" />
      <Checkbox
        id="letter-sent"
        label="Record it as sent when saved or printed"
        hint={event ? `Adds “${eventLabel(event)}” to the timeline on the letter’s date and files the letter as outgoing correspondence.` : 'Files the letter as outgoing correspondence; this letter adds nothing to the timeline.'}
        checked={how.sent}
        onChange={(sent) => setHow((h) => ({ ...h, sent }))}
      />
      {how.sent && (
        <Radios
          id="letter-via"
          legend="Sent by"
          inline
          value={how.via}
          options={[
            { value: 'email', label: 'Email' },
            { value: 'post', label: 'Post' },
            { value: 'hand', label: 'By hand' },
          ]}
          onChange={(via) => setHow((h) => ({ ...h, via }))}
        />
      )}
    </fieldset>
  );
}

function DraftEditor({ reference, draft, how, setHow }: { reference: string; draft: LetterDraft; how: Dispatch; setHow: (f: (h: Dispatch) => Dispatch) => void }) {
  const qc = useQueryClient();
  const [fields, setFields] = useState(draft.fields);
  const [done, setDone] = useState({ message: '', seq: 0 });
  useEffect(() => setFields(draft.fields), [draft.fields]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['cases', reference] });
  const output = {
    reference, kind: draft.kind, letterDate: how.letterDate, sent: how.sent,
    ...(how.sent ? { via: how.via } : {}), ...(how.signedBy.trim() ? { signedBy: how.signedBy } : {}),
  };
  const event = LETTER_EVENTS[draft.kind];
  const sentText = how.sent ? ` Recorded as sent by ${how.via === 'hand' ? 'hand' : how.via} on ${/^\d{4}-\d{2}-\d{2}$/.test(how.letterDate) ? formatLongDate(how.letterDate) : how.letterDate}${event ? `: “${eventLabel(event)}” is on the timeline and the deadlines have moved on` : ''}.` : '';
  const announce = (message: string) => setDone((d) => ({ message, seq: d.seq + 1 }));
  const saveFields = useMutation({
    mutationFn: () => call('letters:setDraft', { reference, kind: draft.kind, fields }),
    onSuccess: async () => {
      announce('The letter has been updated.');
      await refresh();
    },
  });
  const save = useMutation({
    mutationFn: () => call('letters:save', output),
    onSuccess: async (r) => {
      if (r.saved) announce(`Saved to ${r.path}.${sentText}`);
      await refresh();
    },
  });
  const print = useMutation({
    mutationFn: () => call('letters:print', output),
    onSuccess: async (r) => {
      if (r.printed) announce(`The letter is open in your PDF viewer: print it from there.${sentText}`);
      await refresh();
    },
  });
  const failed = save.error ?? print.error;
  const errors: Record<string, string> = failed instanceof ApiError && failed.fields.letterDate ? { 'letter-date': failed.fields.letterDate } : {};
  const dirty = JSON.stringify(fields) !== JSON.stringify(draft.fields);
  const error = save.error ?? print.error ?? saveFields.error;
  const set = (id: string) => (v: string) => setFields((f) => ({ ...f, [id]: v }));

  return (
    <>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="letter-saved" />
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
      <DispatchForm kind={draft.kind} how={how} setHow={setHow} errors={errors} />
      <div className="app-actions">
        <button type="button" className="govuk-button" onClick={() => save.mutate()} disabled={save.isPending || draft.problems.length > 0 || dirty}>
          Save as PDF
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => print.mutate()} disabled={print.isPending || draft.problems.length > 0 || dirty}>
          Print
        </button>
        <SaveWord reference={reference} kind={draft.kind} disabled={draft.problems.length > 0 || dirty} />
      </div>
      <div role="status" aria-live="polite">
        {save.data && !save.data.saved && <p className="govuk-body">Not saved: you cancelled.</p>}
        {print.data && !print.data.printed && <p className="govuk-body">Printing cancelled.</p>}
      </div>
      {error && <ErrorSummary errors={errors} message={Object.keys(errors).length ? undefined : `The letter could not be produced: ${error.message}`} />}
    </>
  );
}
