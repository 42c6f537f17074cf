// The authority's details: set once on first run, editable after. The s12 limit follows from
// whether the authority is central government (SI 2004/3244 reg 3).
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, ApiError } from '../../api';
import type { AuthoritySettings } from '../../../shared/domain/settings';
import { REGIONS, regionLabel, type Region } from '../../../shared/domain/calendar/holidays';
import { TextArea, TextInput, Radios, SuccessBanner } from '../../components/fields';
import { ErrorSummary } from '../../components/ErrorSummary';
import { navigate } from '../../router';
import { Holidays } from './Holidays';
import { Templates } from './Templates';
import { WordTemplate } from './WordTemplate';
import { Records } from './Records';
import { TeamDatabase } from './TeamDatabase';

export function SettingsForm({ settings, firstRun }: { settings: AuthoritySettings; firstRun: boolean }) {
  const qc = useQueryClient();
  const [form, setForm] = useState(settings);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof AuthoritySettings>(k: K) => (v: AuthoritySettings[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const save = useMutation({
    mutationFn: () => {
      const { configured: _configured, ...input } = form;
      return call('settings:update', input);
    },
    onSuccess: async () => {
      await qc.invalidateQueries();
      setSaved(true);
      if (firstRun) navigate({ name: 'cases' });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const fields = err?.fields ?? {};
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <>
      <ErrorSummary errors={fields} message={err && Object.keys(fields).length === 0 ? err.message : undefined} />
      <SuccessBanner message={saved ? 'Settings saved' : null} seq={saved ? 1 : 0} testId="settings-saved" />
      <h1 className="govuk-heading-l" tabIndex={-1}>
        {firstRun ? 'Set up Disclose' : 'Settings'}
      </h1>
      {firstRun && <p className="govuk-body">Enter your authority's details once. They head every letter Disclose produces.</p>}
      <form onSubmit={onSubmit} noValidate>
        <TextInput id="name" label="Authority name" value={form.name} onChange={set('name')} error={fields.name} autoComplete="organization" />
        <TextArea id="address" label="Postal address" hint="One line per line of the address" value={form.address} onChange={set('address')} rows={4} error={fields.address} />
        <TextInput id="email" label="Information access email address" type="email" value={form.email} onChange={set('email')} error={fields.email} width="20" />
        <Radios
          id="centralGovernment"
          legend="Is the authority central government?"
          hint="Government departments and other bodies in Schedule 1 Part I of FOIA have a £600 cost limit; all others £450."
          value={form.centralGovernment ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: 'Yes: £600 cost limit' },
            { value: 'no', label: 'No: £450 cost limit' },
          ]}
          onChange={(v) => set('centralGovernment')(v === 'yes')}
        />
        <Radios<Region>
          id="region"
          legend="Where is the authority?"
          hint="FOIA and EIR deadlines always count bank holidays anywhere in the UK; this sets the calendar for subject access requests."
          value={form.region}
          options={REGIONS.map((r) => ({ value: r, label: regionLabel(r) }))}
          onChange={set('region')}
        />
        <TextInput
          id="referenceFormat"
          label="Case reference format"
          hint="Use {yyyy} for the year received, {mm} for the month, {regime} for FOI, EIR, EISR, FOISA or SAR and {seq:4} for a 4-digit number, e.g. {regime}/{yyyy}/{seq:4}"
          value={form.referenceFormat}
          onChange={set('referenceFormat')}
          error={fields.referenceFormat}
          width="20"
          spellCheck={false}
        />
        <TextInput id="signatoryName" label="Signatory name" value={form.signatoryName} onChange={set('signatoryName')} error={fields.signatoryName} />
        <TextInput id="signatoryTitle" label="Signatory job title" value={form.signatoryTitle} onChange={set('signatoryTitle')} error={fields.signatoryTitle} />
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          {firstRun ? 'Save and continue' : 'Save settings'}
        </button>
      </form>
      {!firstRun && <Holidays />}
      {!firstRun && <Templates />}
      {!firstRun && <WordTemplate />}
      {!firstRun && <Records />}
      {!firstRun && <TeamDatabase />}
    </>
  );
}
