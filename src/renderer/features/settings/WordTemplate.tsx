// The authority's own Word template for letters: its letterhead, styles and page set-up are used
// when a letter is saved as Word.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';

export function WordTemplate() {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: ['settings', 'docxTemplate'], queryFn: () => call('letters:docxTemplate', {}) });
  const set = useMutation({ mutationFn: (clear: boolean) => call('letters:setDocxTemplate', { clear }), onSuccess: () => qc.invalidateQueries({ queryKey: ['settings', 'docxTemplate'] }) });
  const t = current.data;
  return (
    <section aria-labelledby="word-template-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="word-template-heading">Letters in Word</h2>
      <p className="govuk-body">
        {t?.sha256 ? <>Letters saved as Word use your template <strong>{t.name}</strong>: its letterhead, styles and page set-up.</> : 'Letters saved as Word use a plain style. Choose your own .docx to use its letterhead and styles.'}
      </p>
      <div className="app-actions">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => set.mutate(false)} disabled={set.isPending}>
          Choose a Word template
        </button>
        {t?.sha256 && (
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => set.mutate(true)} disabled={set.isPending}>
            Stop using the template
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="govuk-body">{set.isSuccess && 'Saved.'}{set.error && `Not changed: ${set.error.message}`}</p>
    </section>
  );
}
