// Produce a letter: save the PDF where the officer chooses, or print it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';

export function LetterActions({ reference }: { reference: string }) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['cases', reference, 'audit'] });
  const save = useMutation({ mutationFn: () => call('letters:save', { reference, kind: 'acknowledgement' }), onSuccess: refresh });
  const print = useMutation({ mutationFn: () => call('letters:print', { reference, kind: 'acknowledgement' }), onSuccess: refresh });
  const error = save.error ?? print.error;
  return (
    <>
      <div className="app-actions">
        <button type="button" className="govuk-button" onClick={() => save.mutate()} disabled={save.isPending}>
          Save acknowledgement as PDF
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => print.mutate()} disabled={print.isPending}>
          Print acknowledgement
        </button>
      </div>
      <div role="status" aria-live="polite">
        {save.data?.saved && (
          <p className="govuk-body" data-testid="letter-saved">
            Saved to {save.data.path}
          </p>
        )}
        {save.data && !save.data.saved && <p className="govuk-body">Not saved: you cancelled.</p>}
        {print.data && <p className="govuk-body">{print.data.printed ? 'Sent to the printer.' : 'Printing cancelled.'}</p>}
      </div>
      {error && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">The letter could not be produced</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{error.message}</p>
          </div>
        </div>
      )}
    </>
  );
}
