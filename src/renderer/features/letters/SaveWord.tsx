// A Word copy of the letter for the officer to finish on the authority's letterhead, or for legal's
// tracked changes. The PDF stays the record of what was sent, so this files nothing.
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api';
import type { LetterKind } from '../../../shared/domain/letters/kinds';

export function SaveWord({ reference, kind, disabled }: { reference: string; kind: LetterKind; disabled: boolean }) {
  const save = useMutation({ mutationFn: () => call('letters:saveDocx', { reference, kind }) });
  return (
    <>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => save.mutate()} disabled={disabled || save.isPending}>
        Save as Word
      </button>
      <span role="status" aria-live="polite" className="govuk-body-s">
        {save.data?.saved && `Word copy saved to ${save.data.path}. The PDF remains the record of what is sent.`}
        {save.error && `The Word copy could not be saved: ${save.error.message}`}
      </span>
    </>
  );
}
