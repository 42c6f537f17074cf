// Who has the case and what colleagues should know: the officer it is allocated to (a lead can
// change it) and internal notes (for the team, never part of a disclosure).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { CaseDetail } from '../../../shared/domain/cases';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner, TextArea } from '../../components/fields';

export function TeamPanel({ detail }: { detail: CaseDetail }) {
  const qc = useQueryClient();
  const whoami = useQuery({ queryKey: ['team', 'whoami'], queryFn: () => call('team:whoami', {}) });
  const officers = useQuery({ queryKey: ['team', 'officers'], queryFn: () => call('team:officers', {}) });
  const notes = useQuery({ queryKey: ['cases', detail.reference, 'notes'], queryFn: () => call('cases:notes', { reference: detail.reference }) });
  const [to, setTo] = useState(detail.officer ?? '');
  const [text, setText] = useState('');
  const [done, setDone] = useState<{ message: string; seq: number }>({ message: '', seq: 0 });
  const assign = useMutation({
    mutationFn: () => call('cases:assign', { reference: detail.reference, to }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: ['cases'] });
      setDone((d) => ({ message: `Allocated to ${c.officer}.`, seq: d.seq + 1 }));
    },
  });
  const add = useMutation({
    mutationFn: () => call('cases:addNote', { reference: detail.reference, text }),
    onSuccess: async () => {
      setText('');
      await qc.invalidateQueries({ queryKey: ['cases', detail.reference] });
      setDone((d) => ({ message: 'Note added.', seq: d.seq + 1 }));
    },
  });
  const canAllocate = whoami.data?.lead === true && (officers.data?.length ?? 0) > 0;
  const error = assign.error ?? add.error;
  const onAssign = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate();
  };
  const onNote = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="team-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="team-heading">
        Allocation and notes
      </h2>
      <SuccessBanner message={done.message || null} seq={done.seq} testId="team-done" />
      <ErrorSummary errors={{}} message={error?.message} />
      <p className="govuk-body" data-testid="case-officer">
        Allocated to: <strong>{detail.officer ? (officers.data?.find((o) => o.login === detail.officer)?.name ?? detail.officer) : 'nobody yet'}</strong>
      </p>
      {canAllocate && (
        <form onSubmit={onAssign} noValidate className="govuk-!-margin-bottom-6">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="allocate-to">
              Allocate to
            </label>
            <select className="govuk-select" id="allocate-to" name="allocate-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">Choose an officer</option>
              {officers.data?.map((o) => (
                <option key={o.login} value={o.login}>
                  {o.name} ({o.login})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={!to || assign.isPending}>
            Allocate
          </button>
        </form>
      )}
      <form onSubmit={onNote} noValidate>
        <TextArea id="note-text" label="Add an internal note" hint="For colleagues working on the case. Notes are never part of a disclosure or a bundle." value={text} onChange={setText} rows={3} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={!text.trim() || add.isPending}>
          Add note
        </button>
      </form>
      {(notes.data?.length ?? 0) > 0 && (
        <ul className="govuk-list" data-testid="case-notes">
          {notes.data!.map((n) => (
            <li key={n.id} className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {n.author}, {new Date(n.at).toLocaleString('en-GB')}
              </p>
              <p className="govuk-body app-request-text govuk-!-margin-bottom-0">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
