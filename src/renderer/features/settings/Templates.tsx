// The authority's own wording for each letter: the template with merge fields from the case,
// checked before it is saved (an unknown field would otherwise print as a gap in a letter).
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { LETTER_KINDS, LETTER_KIND_LABELS, type LetterKind } from '../../../shared/domain/letters/kinds';
import { mergeFieldsFor } from '../../../shared/domain/letters/merge';
import { TextArea, TextInput, SuccessBanner } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';

export function Templates() {
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => call('letters:templates', {}) });
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const current = templates.data?.find((t) => t.kind === kind);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);
  const [saved, setSaved] = useState({ message: '', seq: 0 });
  const done = (message: string) => async () => {
    setSaved((d) => ({ message, seq: d.seq + 1 }));
    await qc.invalidateQueries();
  };
  const save = useMutation({ mutationFn: () => call('letters:saveTemplate', { kind, subject, body }), onSuccess: done('Template saved. New letters of this kind use it.') });
  const reset = useMutation({ mutationFn: () => call('letters:resetTemplate', { kind }), onSuccess: done('The standard template is back.') });
  const err = save.error instanceof ApiError ? save.error : null;
  const fields = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`template-${k}`, v]));
  return (
    <section aria-labelledby="templates-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="templates-heading">
        Letter templates
      </h2>
      <SuccessBanner message={saved.message || null} seq={saved.seq} testId="template-saved" />
      <p className="govuk-body">
        Each letter is built from a template. Merge fields in double braces, such as {'{{requester.name}}'}, are filled in from the case. A blank line starts a new paragraph; a line starting with "&gt; " is quoted, "- " makes a list, "## " a heading; {'{{#if field}} … {{/if}}'} includes text only when the field has a value.
      </p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="template-kind">
          Letter
        </label>
        <select className="govuk-select" id="template-kind" value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
          {LETTER_KINDS.map((k) => (
            <option key={k} value={k}>
              {LETTER_KIND_LABELS[k]}
              {templates.data?.find((t) => t.kind === k)?.edited ? ' (edited)' : ''}
            </option>
          ))}
        </select>
      </div>
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <TextInput id="template-subject" label="Subject" value={subject} onChange={setSubject} error={fields['template-subject']} spellCheck={false} />
      <TextArea id="template-body" label="Text" value={body} onChange={setBody} rows={16} error={fields['template-body']} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Merge fields for this letter</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {Object.entries(mergeFieldsFor(kind)).map(([name, description]) => (
              <div className="govuk-summary-list__row" key={name}>
                <dt className="govuk-summary-list__key govuk-body-s">{`{{${name}}}`}</dt>
                <dd className="govuk-summary-list__value govuk-body-s">{description}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
      <div className="app-actions">
        <button type="button" className="govuk-button" onClick={() => save.mutate()} disabled={save.isPending}>
          Save template
        </button>
        {current?.edited && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => reset.mutate()} disabled={reset.isPending}>
            Restore the standard wording
          </button>
        )}
      </div>
    </section>
  );
}
