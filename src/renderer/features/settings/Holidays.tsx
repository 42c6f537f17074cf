// Bank holidays proclaimed at short notice: the officer adds the day, Disclose recomputes every
// open deadline and lists the cases whose due date moved (all recorded in the audit log).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import { TextInput, Radios, DateInput } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { REGIONS, regionLabel, type Region } from '../../../shared/domain/calendar/holidays';
import { formatLongDate } from '../../../shared/domain/dates';
import type { HolidayChange } from '../../../shared/ipc/contract';

function Moved({ change, verb }: { change: HolidayChange; verb: string }) {
  // Takes focus when it appears, so the officer hears which due dates moved (WCAG 2.4.3, 4.1.3).
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [change]);
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" tabIndex={-1} ref={ref} data-testid="holiday-change">
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {verb} {change.holiday.name}, {formatLongDate(change.holiday.date)}
        </p>
        {change.affected.length === 0 ? (
          <p className="govuk-body">No open case's due date moved.</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {change.affected.map((a) => (
              <li key={a.reference}>
                {a.reference}: due {formatLongDate(a.from)} → {formatLongDate(a.to)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function Holidays() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['holidays'], queryFn: () => call('holidays:list', {}) });
  const [form, setForm] = useState<{ date: string; region: Region; name: string }>({ date: '', region: 'england-and-wales', name: '' });
  const [last, setLast] = useState<{ change: HolidayChange; verb: string } | null>(null);
  const done = (verb: string) => async (change: HolidayChange) => {
    setLast({ change, verb });
    await qc.invalidateQueries();
  };
  const add = useMutation({ mutationFn: () => call('holidays:add', form), onSuccess: done('Added') });
  const remove = useMutation({ mutationFn: (h: { date: string; region: Region }) => call('holidays:remove', h), onSuccess: done('Removed') });
  const err = add.error instanceof ApiError ? add.error : null;
  const fields = Object.fromEntries(Object.entries(err?.fields ?? {}).map(([k, v]) => [`holiday-${k}`, v]));
  const added = list.data?.holidays.filter((h) => h.source === 'officer') ?? [];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="holidays-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="holidays-heading">
        Bank holidays
      </h2>
      <p className="govuk-body">
        Disclose ships the bank holidays of every part of the UK for 2010 to 2030. Years after {list.data?.publishedThrough ?? '…'} are provisional until they are
        published. Add a day here when one is proclaimed at short notice.
      </p>
      {last && <Moved change={last.change} verb={last.verb} />}
      {added.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Days added in Disclose</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Where</th>
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {added.map((h) => (
              <tr className="govuk-table__row" key={`${h.date}-${h.region}`}>
                <td className="govuk-table__cell">{formatLongDate(h.date)}</td>
                <td className="govuk-table__cell">{regionLabel(h.region)}</td>
                <td className="govuk-table__cell">{h.name}</td>
                <td className="govuk-table__cell">
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => remove.mutate({ date: h.date, region: h.region })}>
                    Remove<span className="govuk-visually-hidden"> {h.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <form onSubmit={onSubmit} noValidate>
        <h3 className="govuk-heading-m">Add a proclaimed bank holiday</h3>
        <DateInput id="holiday-date" legend="Date" value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} error={fields['holiday-date']} />
        <Radios<Region>
          id="holiday-region"
          legend="Where is it a bank holiday?"
          value={form.region}
          options={REGIONS.map((r) => ({ value: r, label: regionLabel(r) }))}
          onChange={(region) => setForm((f) => ({ ...f, region }))}
          error={fields['holiday-region']}
        />
        <TextInput id="holiday-name" label="Name" hint="For example, State funeral of Queen Elizabeth II" value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} error={fields['holiday-name']} />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={add.isPending}>
          Add bank holiday
        </button>
      </form>
    </section>
  );
}
